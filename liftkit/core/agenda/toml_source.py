"""Agenda TOML as text: decoding, syntax errors in a host's words, and where tables and keys
sit (tomllib gives no positions, so problems could not name a line without this)."""

from __future__ import annotations

import re
import shlex
import tomllib
from typing import Any

from liftkit.core.agenda.schema import AgendaError, Problem
from liftkit.core.agenda.toml_errors import syntax_problem
from liftkit.core.agenda.toml_lines import outside_multiline
from liftkit.core.documents import HEAD, document_kind


def read_toml(data: bytes | str, source: str) -> tuple[dict[str, Any], LineIndex]:
    """The TOML tables of an agenda and where their keys are; AgendaError when unreadable."""
    text = decode_agenda(data, source) if isinstance(data, bytes) else data
    if not text.strip():
        raise AgendaError(
            source,
            [Problem(None, "the file is empty; add a title and at least one [[segments]] table")],
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        mistaken = _mistaken_file(text, source)
        raise AgendaError(source, [mistaken or syntax_problem(exc, text)]) from None
    except ValueError:
        # tomllib's int() refuses numbers of more than 4300 digits (CVE-2020-10735).
        raise AgendaError(source, [_huge_number_problem(text)]) from None
    except RecursionError:
        raise AgendaError(
            source,
            [Problem(None, "tables or lists are nested too deeply to read; flatten them")],
        ) from None
    return raw, LineIndex(text)


# Where a file that is no agenda goes, by what it looks like (the file's name fills {}).
_GOES = {
    "an attendee": "and the list with `liftkit run AGENDA --attendees {}`",
    "a meeting's": "a chat log goes into the event pack: `liftkit export SESSION --chat {}`",
    "a groups file": "and the rooms with `liftkit run AGENDA --groups {}`",
}


def _mistaken_file(text: str, source: str) -> Problem | None:
    """An attendee list, a chat log, a journal or a groups file given as the agenda, said
    so: `liftkit run people.csv` was 'people.csv:1:5: TOML syntax error: a key is not
    followed by ='."""
    from liftkit.core.mistaken import looks_like

    kind = looks_like(text, source)
    if not kind:
        return None
    name = shlex.quote(source)
    goes = next((g.format(name) for start, g in _GOES.items() if kind.startswith(start)), "")
    give = "give an agenda: a template name (`liftkit agenda list`) or a .toml file"
    joined = (
        f"{give}, {goes}" if goes.startswith("and") else f"{give}" + (f"; {goes}" if goes else "")
    )
    return Problem(None, f"looks like {kind}, not an agenda; {joined}")


_HUGE_NUMBER = re.compile(r"[0-9_]{1000,}")


def _huge_number_problem(text: str) -> Problem:
    match = _HUGE_NUMBER.search(text)
    line = text.count("\n", 0, match.start()) + 1 if match else None
    return Problem(line, "a number is thousands of digits long; no agenda value is, so fix it")


def decode_agenda(data: bytes, source: str) -> str:
    """The text of an agenda file as a Windows editor may save it (UTF-8 with or without a
    byte-order mark, UTF-16 with one); AgendaError naming the byte that is not UTF-8."""
    document = document_kind(data[:HEAD])
    if document is not None:
        raise AgendaError(
            source,
            [
                Problem(
                    None,
                    f"looks like {document.what}, not an agenda; an agenda is a plain text "
                    "TOML file: `liftkit new agenda.toml` writes one to start from",
                )
            ],
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark (Notepad's "Unicode"): unambiguous, so read it
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: said as the UTF-8 it is not
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and _utf16_without_mark(data):
        # Text with a NUL byte before every letter (or after it): TOML allows no NUL, so
        # this is UTF-16 whose byte-order mark was not written, not a syntax error at 1:2.
        raise AgendaError(
            source,
            [
                Problem(
                    None,
                    "the file is UTF-16 text without a byte-order mark; save the agenda as "
                    "UTF-8 (in your editor: Save with encoding, UTF-8)",
                )
            ],
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        raise AgendaError(
            source,
            [
                Problem(
                    line,
                    f"byte 0x{byte:02x} is not UTF-8 text; save the agenda as UTF-8 "
                    "(in your editor: Save with encoding, UTF-8)",
                    column,
                )
            ],
        ) from None


def _utf16_without_mark(data: bytes) -> bool:
    head = data[:HEAD]
    if len(head) < 4 or b"\x00" not in head:
        return False
    half = len(head) // 2
    return max(head[0::2].count(0), head[1::2].count(0)) * 2 > half


class LineIndex:
    """Where tables and keys start in the TOML text, so problems can name a line.

    tomllib gives no positions; this scanner knows enough TOML for agenda files:
    [[segments]] and [[segments.polls]] headers, other [table] headers, and `key =`
    (or dotted `key.sub =`) lines, skipping multi-line strings; and segments written as
    inline tables, `segments = [` then one `{title = "A", duration = "5m"},` a line, each
    at the line of its `{`.
    """

    _ARRAY_HEADER = re.compile(r"\s*\[\[([^\[\]]+)\]\]")
    _TABLE_HEADER = re.compile(r"\s*\[([^\[\]]+)\]")
    _KEY = re.compile(r"""\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*[=.]""")

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.segments: list[int] = []
        self.segment_keys: list[dict[str, int]] = []
        self.polls: list[list[int]] = []
        self.poll_keys: list[list[dict[str, int]]] = []
        current: dict[str, int] | None = self.top
        inline = 0  # brackets open in `segments = [`, while its lines go on
        for number, line in outside_multiline(text):
            if inline:
                inline = self._inline_segments(line, inline, number)
                continue
            array = self._ARRAY_HEADER.match(line)
            header = array or self._TABLE_HEADER.match(line)
            if header is not None:
                current = self._header(_dotted(header), array is not None, number)
                continue
            key = self._KEY.match(line)
            if key and current is not None:
                name = key.group(1) or key.group(2) or key.group(3)
                current.setdefault(name, number)
                if current is self.top and name == "segments":
                    inline = self._inline_segments(line[key.end() :], 0, number)

    def _inline_segments(self, text: str, depth: int, number: int) -> int:
        """Record each `{` that opens a table of `segments = [...]` in this line's `text`;
        return the brackets still open at its end (0: the list is closed)."""
        quote = ""
        escaped = False
        for char in text:
            if quote:
                if escaped:
                    escaped = False
                elif char == "\\" and quote == '"':
                    escaped = True
                elif char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == "#":
                break
            elif char in "[{":
                if char == "{" and depth == 1:
                    self._segment_at(number)
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth <= 0:
                    return 0
        return depth

    def _segment_at(self, number: int) -> dict[str, int]:
        self.segments.append(number)
        self.segment_keys.append({})
        self.polls.append([])
        self.poll_keys.append([])
        return self.segment_keys[-1]

    def _header(self, names: list[str], is_array: bool, number: int) -> dict[str, int] | None:
        """Record a table header; return where the keys under it go (None: not tracked)."""
        if is_array and names == ["segments"]:
            return self._segment_at(number)
        if is_array and names == ["segments", "polls"] and self.segments:
            self.polls[-1].append(number)
            self.poll_keys[-1].append({})
            return self.poll_keys[-1][-1]
        if names[0] == "segments" and len(names) == 2 and self.segments:
            self.segment_keys[-1].setdefault(names[1], number)  # e.g. [segments.extra]
        else:
            self.top.setdefault(names[0], number)  # e.g. [meta]
        return None

    def top_key(self, key: str) -> int | None:
        return self.top.get(key)

    def segment(self, i: int, key: str | None = None) -> int | None:
        if i >= len(self.segments):
            return self.top.get("segments")
        if key is not None and key in self.segment_keys[i]:
            return self.segment_keys[i][key]
        return self.segments[i]

    def poll(self, i: int, j: int, key: str | None = None) -> int | None:
        if i >= len(self.polls) or j >= len(self.polls[i]):
            return self.segment(i, "polls")
        if key is not None and key in self.poll_keys[i][j]:
            return self.poll_keys[i][j][key]
        return self.polls[i][j]


def _dotted(header: re.Match[str]) -> list[str]:
    return [part.strip().strip("\"'") for part in header.group(1).split(".")]
