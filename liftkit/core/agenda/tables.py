"""Validating one TOML table of an agenda: its keys, its values, and where its problems go."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from liftkit.core.agenda.durations import (
    DURATION_HINT,
    DurationError,
    format_duration,
    parse_duration,
    show_value,
)
from liftkit.core.agenda.synonyms import meant_key
from liftkit.core.errors import quoted


def closest(
    word: str, valid: Sequence[str], synonyms: Callable[[str], Sequence[str]] | None = None
) -> str | None:
    """What `word` was probably meant to be: one of `valid` it stands for ("minutes" for
    "duration", by `synonyms`), else one spelt within a slip or two of it ("duraton")."""
    for meant in synonyms(word) if synonyms else ():
        if meant in valid:
            return meant
    plain = "".join(c for c in word.lower() if c.isprintable() and not c.isspace())
    if not plain or not valid:
        return None
    best = min(valid, key=lambda v: _slips(plain, v))
    # A slip in a short word, two in a longer one: "time" is not "title", "minutes" not "notes"
    allowed = 1 if len(plain) <= 5 else 2 if len(plain) <= 10 else 3
    return best if _slips(plain, best) <= allowed else None


def _slips(a: str, b: str) -> int:
    """Letters left out, added, changed or swapped to turn `a` into `b` (optimal string
    alignment distance)."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(current[j - 1] + 1, row[j] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return row[len(b)]


def unknown_keys(
    item: Mapping[str, Any],
    valid: Sequence[str],
    problem: Callable[[str, str], None],
    misplaced: Callable[[str], str | None] | None = None,
) -> set[str]:
    """Report keys not in `valid`; return the valid keys they were probably meant to be.
    `misplaced` says where a key of another table belongs ("host" after the last segment)."""
    meant = set()
    for key in item:
        if key in valid:
            continue
        if is_tables(item[key]):
            # [[segment]] is "segments" misspelt, not another word for "title"
            close = closest(key, [v for v in valid if v in TABLE_KEYS])
        else:
            close = closest(key, valid, meant_key)
        moved = misplaced(key) if misplaced else None
        if moved:
            # "description" in a segment: its "summary", unless it has one
            maybe = ""
            if close is not None:
                meant.add(close)
                if close not in item:
                    maybe = f"; or did you mean {_as(close, key, item[key])}?"
            problem(key, moved + maybe)
        elif close:
            meant.add(close)
            problem(key, f"unknown key {quoted(key)}; did you mean {_as(close, key, item[key])}?")
        else:
            problem(key, f"unknown key {quoted(key)}; valid keys: {', '.join(valid)}")
    return meant


TABLE_KEYS = ("segments", "polls")  # the keys whose values are tables: [[segments]]


def is_tables(value: object) -> bool:
    """A [table] or an [[array of tables]], as a table header gives."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(v, dict) for v in value)
    return isinstance(value, dict)


def _as(meant: str, key: str, value: object) -> str:
    """ "duration", or what to write for a length given in another word for it: `duration =
    "5m"` for `minutes = 5`, `duration = "1m 30s"` for `seconds = 90` (a bare number is
    minutes); a misspelt key is only spelt right ("duraton")."""
    if meant not in ("duration", "total") or meant not in meant_key(key):
        return f'"{meant}"'
    word = key.lower()
    scale = 1 / 60 if "sec" in word else 60 if "hour" in word or "hrs" in word else 1
    number = value if isinstance(value, str) and _NUMBER.fullmatch(value.strip()) else None
    try:
        if number is not None or (isinstance(value, int | float) and not isinstance(value, bool)):
            value = float(number or value) * scale  # type: ignore[arg-type]
        seconds = parse_duration(value)
    except (DurationError, OverflowError):
        return f'"{meant}"'
    return f'{meant} = "{format_duration(seconds)}"'


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def type_name(value: object) -> str:
    return {
        str: "text", int: "a whole number", float: "a decimal number", bool: "true/false",
        list: "a list", dict: "a table", datetime: "a date and time", date: "a date",
        time: "a time",
    }.get(type(value), type(value).__name__)  # fmt: skip


Report = Callable[[str | None, str], None]  # (key, message) of one table


@dataclass
class Table:
    """One TOML table being validated: its values, where its problems go, and the keys its
    misspelt keys were probably meant to be (those are not reported missing too)."""

    item: Mapping[str, Any]
    problem: Report
    meant: set[str]

    def text(self, key: str) -> str:
        value = self.item.get(key, "")
        if not isinstance(value, str):
            self.problem(key, f'"{key}" must be text, not {type_name(value)}')
            return ""
        return value

    def duration(self, key: str) -> int | None:
        """Seconds, or None when the key is missing or its value is reported."""
        if key not in self.item:
            return None
        try:
            return parse_duration(self.item[key])
        except DurationError as exc:
            self.problem(key, f'"{key}": {exc}; {DURATION_HINT}')
            return None

    def whole(self, key: str, minimum: int, maximum: int) -> int | None:
        if key not in self.item:
            return None
        value = self.item[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(key, f'"{key}" must be a whole number, not {type_name(value)}')
            return None
        if value < minimum:
            self.problem(key, f'"{key}" must be at least {minimum}, not {show_value(value)}')
            return None
        if value > maximum:
            self.problem(key, f'"{key}" must be at most {maximum}, not {show_value(value)}')
            return None
        return value
