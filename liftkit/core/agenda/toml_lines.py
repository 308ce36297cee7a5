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


_EACH = {"segments": "segment", "segments.polls": "poll"}


def list_then_tables(
    message: str, stop_line: int | None, text: str
) -> tuple[int | None, int | None, str] | None:
    """tomllib's "Cannot mutate immutable namespace ('segments',)": `segments = [ {…}, ]`
    (an inline list, as older liftkit wrote a short agenda), then a [[segments]] table added
    to it by hand, as the docs show. The list's line named, and what to write instead."""
    match = re.fullmatch(r"Cannot mutate immutable namespace \((.*)\)", message)
    if match is None:
        return None
    names = re.findall(r"'([^']*)'", match.group(1))
    table = ".".join(names)
    if table not in _EACH:
        return None
    key, table_now, where = names[-1], "", None
    for number, line in outside_multiline(text):
        if stop_line is not None and number >= stop_line:
            break
        header = re.match(r"\s*\[+\s*([^\]]*?)\s*\]", line)
        if header:
            table_now = header.group(1)
        elif table_now == ".".join(names[:-1]) and re.match(rf"\s*{key}\s*=", line):
            where = number
    on = f" on line {where}" if where is not None else ""
    each = _EACH[table]
    said = (
        f"{key} is written as a list{on}; a [[{table}]] table can't add to it: write every "
        f"{each} as a [[{table}]] table"
    )
    return stop_line, None, said
