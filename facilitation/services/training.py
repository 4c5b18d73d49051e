"""What the trainer does for the whole room, without widgets: start an exercise (a copy per group), apply an
edit to every group's copy, reset copies, remove an exercise, list the exercises and their groups in the
order they were made, and the join codes the groups' laptops use.

Every multi-case action is all-or-nothing: the store commits one case per transaction, so when one copy
refuses (a conflict, a copy removed meanwhile) the copies already changed are put back (their edits undone,
or the copies just added removed) and nothing of the action remains.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..domain import training as tr
from ..domain.case import Case, Edit
from ..domain.errors import FacilitationError, NotFoundError, ValidationError
from ..domain.model import CaseInfo
from ..store import CaseStore

TRAINER = "trainer"


@dataclass(frozen=True)
class Copy:
    """One group's copy of an exercise."""

    case_id: str
    group: str
    title: str


def exercises(store: CaseStore) -> list[tuple[str, list[Copy]]]:
    """Exercises in the store: (source, copies in the order they were made), most recently worked on first."""
    out: dict[str, list[tuple[int, Copy]]] = {}
    for c in store.list_cases():
        if not (c.fictional and c.source and c.group_name):
            continue
        changes = store.changes_since(c.id, 0)
        made = changes[0].seq if changes else 0
        out.setdefault(c.source, []).append((made, Copy(c.id, c.group_name, c.title)))
    return [(src, [c for _, c in sorted(cs, key=lambda x: x[0])]) for src, cs in out.items()]


def copies(store: CaseStore, source: str) -> list[Copy]:
    return dict(exercises(store)).get(source, [])


def check_groups(groups: Iterable[str], existing: Iterable[str]) -> list[str]:
    """Group names cleaned; a name twice (here or in the running exercise), none, or too long is refused."""
    names = [" ".join(g.split()) for g in groups if g.strip()]
    if not names:
        raise ValidationError("case.group_name", "training_no_groups")
    seen = {e.casefold() for e in existing}
    for g in names:
        if g.casefold() in seen:
            raise ValidationError("case.group_name", "training_group_twice", group=g)
        if len(g) > 200:
            raise ValidationError("case.group_name", "training_group_long")
        seen.add(g.casefold())
    return names


def start(
    store: CaseStore,
    sample: Case,
    source: str,
    groups: list[str],
    today: str,
    say: tr.Say,
    reference: Case | None = None,
    session: str = TRAINER,
) -> list[str]:
    """A copy of ``sample`` for every group, all stored or none; returns the new case ids in group order.

    ``reference``: a copy of the running exercise, whose cards and steps (as the trainer prepared them) the
    new groups get too."""
    names = check_groups(groups, [c.group for c in copies(store, source)])
    cards = tr.cards_in_order(reference) if reference is not None else None
    steps = tr.steps_in_order(reference) if reference is not None else None
    made = [tr.new_copy(sample, source, g, today, say, cards, steps) for g in names]
    added: list[str] = []
    try:
        for case in made:
            added.append(store.add_case(case, session, "training.edit.start"))
    except Exception:
        for cid in added:
            store.delete_case(cid)
        raise
    return added


def apply_all(store: CaseStore, case_ids: list[str], make: Callable[[Case], Edit], session: str = TRAINER) -> int:
    """The edit ``make`` gives for each copy, stored in every copy or in none; returns how many changed."""
    done: list[tuple[str, str]] = []
    try:
        for cid in case_ids:
            edit = make(store.load(cid))
            if edit:
                done.append((cid, store.apply(cid, edit, session)))
    except Exception:
        for cid, group in reversed(done):
            store.undo(cid, group, session)
        raise
    return len(done)


def reset(store: CaseStore, case_ids: list[str], sample: Case, session: str = TRAINER) -> int:
    """Return copies to the start of the exercise (all or none); the sample is only read."""
    return apply_all(store, case_ids, lambda case: tr.reset_edit(case, sample), session)


def remove(store: CaseStore, case_ids: list[str]) -> None:
    """Remove copies, all or none: every copy is read first (one already gone or not readable refuses the whole
    removal), and when one then cannot be removed, those already gone are put back with the groups' work (not
    their history of edits, which a removal erases; they then come last in the list of groups)."""
    kept = [store.load(cid) for cid in case_ids]
    gone: list[Case] = []
    try:
        for case in kept:
            store.delete_case(case.id)
            gone.append(case)
    except Exception:
        for case in reversed(gone):
            store.add_case(case, TRAINER)
        raise


def load_source(store: CaseStore, source: str) -> Case:
    """What an exercise starts from: a sample by name, or a fictional case of the store that is no copy
    itself; only ever read. ``NotFoundError`` when it is gone."""
    from .. import samples

    if source in samples.sample_names():
        return samples.load_sample(source)
    if store.has_case(source):
        case = store.load(source)
        if case.info.fictional and not tr.is_copy(case.info):
            return case
    raise NotFoundError("training_source_gone", name=source)


def fictional_ids(store: CaseStore) -> tuple[str, ...]:
    """The ids of the store's fictional cases, sorted: which exercises and copies there can be."""
    return tuple(sorted(c.id for c in store.list_cases() if c.fictional))


def infos_of(store: CaseStore, case_ids: Iterable[str]) -> list[CaseInfo]:
    """The details of these cases, leaving out a case that can no longer be read (removed meanwhile)."""
    infos = []
    for cid in case_ids:
        try:
            infos.append(store.load(cid).info)
        except FacilitationError:
            continue
    return infos


# ---- join codes (the groups' laptops on the room's network) --------------------------------------

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
"""No letters or digits that read alike (0/O, 1/I/L, 5/S, 8/B, 2/Z, 6/G)."""


def join_code(secret: str, case_id: str, length: int = 6) -> str:
    """The short code a group types (or scans) to join its own copy: ``K7RMXA``; stable for one serving."""
    digest = hmac.new(secret.encode(), case_id.encode(), hashlib.sha256).digest()
    return "".join(CODE_ALPHABET[b % len(CODE_ALPHABET)] for b in digest[:length])


def failure_code(e: Exception) -> str:
    """The translation key's tail for an error a trainer action met."""
    if isinstance(e, FacilitationError) and e.code.startswith("training_"):
        return e.code[len("training_") :]
    return ""
