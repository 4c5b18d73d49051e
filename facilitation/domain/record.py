"""The record machinery: frozen dataclasses read from plain dictionaries with plain-language validation.

Every case record is a frozen dataclass with a ``KIND`` and an ``id`` (``Record``); a record may hold a
list of smaller frozen parts (``Nested``, e.g. the people of a kept map). ``from_dict`` names the field
and the problem when a value does not fit (``ValidationError(field, code, **params)``, ``code`` being a
translation key under ``error.``), so a bad case file or a bad input is explained, never stored.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from dataclasses import field
from datetime import date
from typing import Any, ClassVar, Literal, Self, get_args, get_origin

from .errors import ValidationError
from .vocab import MAX_NAME, MAX_TEXT

# C0/C1 control characters other than tab, newline and carriage return: never typed, only pasted by accident.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Nested:
    """A frozen part of a record (not stored on its own): read and written like a record."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: Any, where: str = "") -> Any:
        """Build from a dictionary, naming the field and the problem when it does not fit."""
        where = where or getattr(cls, "KIND", cls.__name__.lower())
        if not isinstance(data, dict):
            raise ValidationError(where, "not_object")
        record_type: type = cls  # a class is hashable: functools.cache keys on it
        fields, hints, known = _schema(record_type)
        extra = sorted(set(data) - known)
        if extra:
            raise ValidationError(f"{where}.{extra[0]}", "unknown_field")
        kwargs: dict[str, Any] = {}
        for f in fields:
            path = f"{where}.{f.name}"
            if f.name not in data:
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    raise ValidationError(path, "missing")
                continue
            kwargs[f.name] = _coerce(data[f.name], hints[f.name], path, f.metadata)
        obj = cls(**kwargs)
        obj.check(where)
        return obj

    def check(self, where: str) -> None:
        """Cross-field rules; records override."""

    def replace(self, **changes: Any) -> Self:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


class Record(Nested):
    """Base of all case records: a ``KIND`` and an ``id`` unique within its kind in one case."""

    KIND: ClassVar[str]
    id: str


def _plain(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    if isinstance(v, Nested):
        return v.to_dict()
    return v


@functools.cache
def _schema(cls: type) -> tuple[tuple[dataclasses.Field[Any], ...], dict[str, Any], frozenset[str]]:
    """A record class's fields, resolved type hints and field names (computed once per class)."""
    fields = dataclasses.fields(cls)
    return fields, typing.get_type_hints(cls), frozenset(f.name for f in fields)


def _coerce(value: Any, hint: Any, path: str, meta: Any) -> Any:
    origin = get_origin(hint)
    args = get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(value, inner[0], path, meta)
    if origin is Literal:
        if value not in args:
            raise ValidationError(path, "not_in_choices", value=str(value)[:40], choices=", ".join(map(str, args)))
        return value
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ValidationError(path, "not_list")
        return tuple(_coerce(v, args[0], f"{path}[{i}]", meta) for i, v in enumerate(value))
    if isinstance(hint, type) and issubclass(hint, Nested):
        return hint.from_dict(value, path)
    if hint is bool:
        if not isinstance(value, bool):
            raise ValidationError(path, "not_bool")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(path, "not_int")
        _in_range(value, path, meta)
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ValidationError(path, "not_number")
        _in_range(value, path, meta)
        return float(value)
    if hint is str:
        return _text(value, path, meta)
    raise TypeError(f"unsupported field type {hint!r}")  # pragma: no cover - programming error


def _in_range(value: float, path: str, meta: Any) -> None:
    lo, hi = meta.get("min"), meta.get("max")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise ValidationError(path, "out_of_range", value=value, min=lo, max=hi)


def _text(value: Any, path: str, meta: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(path, "not_text")
    limit = meta.get("max_len", MAX_TEXT)
    if len(value) > limit:
        raise ValidationError(path, "too_long", max=limit)
    if _CONTROL.search(value):
        raise ValidationError(path, "control_chars")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(path, "control_chars") from None
    if meta.get("date") and value:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValidationError(path, "not_date", value=value[:20]) from None
    if meta.get("required") and not value.strip():
        raise ValidationError(path, "empty")
    return value


def text_field(*, required: bool = False, max_len: int = MAX_TEXT, default: str = "") -> Any:
    meta = {"required": required, "max_len": max_len}
    return field(metadata=meta) if required else field(default=default, metadata=meta)


def name_field() -> Any:
    return field(metadata={"required": True, "max_len": MAX_NAME})


def date_field(default: str = "") -> Any:
    return field(default=default, metadata={"date": True, "max_len": 10})


def int_field(lo: int, hi: int, default: Any = dataclasses.MISSING) -> Any:
    if default is dataclasses.MISSING:
        return field(metadata={"min": lo, "max": hi})
    return field(default=default, metadata={"min": lo, "max": hi})


def float_field(lo: float, hi: float, default: Any = dataclasses.MISSING) -> Any:
    if default is dataclasses.MISSING:
        return field(metadata={"min": lo, "max": hi})
    return field(default=default, metadata={"min": lo, "max": hi})
