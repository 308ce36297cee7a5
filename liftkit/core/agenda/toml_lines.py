"""Where an agenda's TOML text has its table lines, its keys and its multi-line strings,
read line by line (tomllib gives no positions)."""

from __future__ import annotations

import re

KEY_LINE = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\s*=")
HEADER = re.compile(r"\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")


def headers(text: str, upto: int | None = None) -> list[tuple[int, str]]:
    """(line, name) of each table header before line `upto`: "segments" for [segments],
    "[segments]" for [[segments]] (an array of tables)."""
    found = []
    for number, line in outside_multiline(text):
        if upto is not None and number >= upto:
            break
        match = HEADER.match(line)
        if match:
            name = ".".join(p.strip().strip("\"'") for p in match.group(2).split("."))
            found.append((number, f"[{name}]" if match.group(1) == "[[" else name))
    return found


def repeated_keys(text: str) -> list[tuple[int, int, str, str]]:
    """(line, line of first use, key, table) of each key given twice in one table; the table
    as headers names it ("" at the top)."""
    seen: dict[str, int] = {}
    table = ""
    twice = []
    for number, line in outside_multiline(text):
        header = headers(line)
        if header:
            seen, table = {}, header[0][1]
            continue
        key = KEY_LINE.match(line)
        if key is None:
            continue
        name = ".".join(p.strip().strip("\"'") for p in key.group(1).split("."))
        if name in seen:
            twice.append((number, seen[name], name, table))
        else:
            seen[name] = number
    return twice


def outside_multiline(text: str) -> list[tuple[int, str]]:
    """The lines of `text`, numbered from 1 as TOML counts them (at line feeds only, not at
    the other line ends str.splitlines knows), less those inside a multi-line string."""
    return _scan(text)[0]


def open_multiline(text: str) -> tuple[int, int, str] | None:
    """(line, column, quote) of a multi-line string that `text` never closes."""
    return _scan(text)[1]


def _scan(text: str) -> tuple[list[tuple[int, str]], tuple[int, int, str] | None]:
    kept = []
    opened: tuple[int, int, str] | None = None  # where the multi-line string in hand opens
    for number, line in enumerate(text.split("\n"), start=1):
        if opened:
            if line.count(opened[2]) % 2 == 1:
                opened = None
            continue
        kept.append((number, line))
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                opened = (number, line.rfind(quote) + 1, quote)
                break
    return kept, opened
