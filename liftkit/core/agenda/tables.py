"""Validating one TOML table of an agenda: its keys, its values, and where its problems go."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from liftkit.core.agenda.durations import (
    DURATION_HINT,
    DurationError,
    parse_duration,
    show_value,
)
from liftkit.core.errors import quoted


def closest(word: str, valid: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(valid), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_keys(
    item: Mapping[str, Any], valid: Sequence[str], problem: Callable[[str, str], None]
) -> set[str]:
    """Report keys not in `valid`; return the valid keys they were probably meant to be."""
    meant = set()
    for key in item:
        if key in valid:
            continue
        close = closest(key, valid)
        if close:
            meant.add(close)
            problem(key, f'unknown key {quoted(key)}; did you mean "{close}"?')
        else:
            problem(key, f"unknown key {quoted(key)}; valid keys: {', '.join(valid)}")
    return meant


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
