"""Small helpers for the words liftkit prints."""

from __future__ import annotations


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """ "1 segment", "5 segments" (or the plural given, "1 person", "3 people")."""
    return f"{n} {noun}" if n == 1 else f"{n} {nouns or noun + 's'}"
