"""Bringing a whole case into the store (a case file, a sample case), without widgets."""

from __future__ import annotations

from ..domain.case import Case
from ..domain.ops import new_id
from ..store import CaseStore, casefile


def as_new_case(store: CaseStore, case: Case) -> Case:
    """The case as it can be added to ``store``: under a fresh id when the store holds its id already (a
    second import of the same file is a copy, never an overwrite)."""
    if not store.has_case(case.id):
        return case
    info = case.info.replace(id=new_id("c-"))
    return Case.from_records([info, *(r for k, b in case.records.items() if k != "case" for r in b.values())])


def read(raw: bytes) -> Case:
    """A case file's bytes as a case; a faulty file raises a ``FacilitationError`` that says what is wrong and
    where (nothing is stored)."""
    return casefile.parse_bytes(raw)
