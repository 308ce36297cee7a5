"""Files given where another kind was meant, told by their text: an attendee list (a CSV
table), a meeting's chat log or transcript, a liftkit journal, the groups of a split, an
agenda. A host who types `--narrative people.csv` for `--attendees people.csv` should hear
so, not find the attendee list, names and addresses, published as the pack's opening words.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from pathlib import Path

from liftkit.core.errors import LiftkitError

SAMPLE = 200  # lines looked at
TABLE_ROWS = 3  # a header and two rows, at least, in the same number of columns
HEADER_CELL = 40  # characters: a column's name is short, a sentence's part between commas not
_DELIMITERS = (",", ";", "\t")
_TABLE_SUFFIXES = (".csv", ".tsv")
# The first line that is not blank nor a comment, when it opens JSON or TOML
_STRUCTURED = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(\{|\[|[A-Za-z_][\w-]*[ \t]*=)")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")


def looks_like(text: str, name: str = "", *, tables: bool = True, chats: bool = True) -> str:
    """What `text` (the file `name`) looks like when it is one of liftkit's other inputs or
    files: "an attendee list (a table of name, email)", "a meeting's Zoom chat log", "a
    liftkit journal", "a groups file", "an agenda"; "" when none."""
    text = text.lstrip("\ufeff")
    lines = text.replace("\r\n", "\n").split("\n")[:SAMPLE]
    # Markdown with headings is no table (a chat log copied may have a heading on top)
    markdown = any(_HEADING.match(line) for line in lines)
    return (
        _liftkit_file(text, lines)
        or (_chat(lines, name) if chats else "")
        or (_table(lines, name) if tables and not markdown else "")
    )


def _liftkit_file(text: str, lines: list[str]) -> str:
    first = next((line.strip() for line in lines if line.strip()), "")
    if first.startswith("{"):
        try:
            record = json.loads(first)
        except ValueError:
            record = None
        if isinstance(record, dict) and {"seq", "type"} <= record.keys():
            return "a liftkit journal (the journal.jsonl of a session folder)"
    opening = _STRUCTURED.match(text)
    if opening is None:
        return ""
    try:
        data = json.loads(text) if opening.group(1) == "{" else tomllib.loads(text)
    except (ValueError, RecursionError):  # TOMLDecodeError and JSONDecodeError are ValueErrors
        return ""
    if not isinstance(data, dict):
        return ""
    if isinstance(data.get("segments"), list):
        return "an agenda"
    if isinstance(data.get("rounds"), list):
        return "a groups file (the rooms of a split)"
    return ""


def _table(lines: list[str], name: str) -> str:
    """A CSV or tab-separated table: by its name, or by its first lines, a header of short
    names and rows of the same number of columns (two at least), no blank line among them."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    block: list[str] = []
    for line in lines[start:]:
        if not line.strip():
            break
        block.append(line)
    by_name = Path(name).suffix.lower() in _TABLE_SUFFIXES
    for delimiter in _DELIMITERS:
        if not block or delimiter not in block[0]:
            continue
        try:
            cells = list(csv.reader(block, delimiter=delimiter))
        except csv.Error:
            continue
        widths = {len(row) for row in cells}
        header = [cell.strip() for cell in cells[0] if cell.strip()]
        headed = len(header) >= 2 and all(len(cell) <= HEADER_CELL for cell in header)
        if by_name or (
            len(block) >= TABLE_ROWS and len(widths) == 1 and headed and not _prose(block, cells)
        ):
            shown = ", ".join(header[:4]) + (", …" if len(header) > 4 else "")
            return f"an attendee list (a table of {shown})"
    return "an attendee list (a table: a .csv file)" if by_name else ""


def _prose(block: list[str], cells: list[list[str]]) -> bool:
    """Sentences with a comma or two in each (the same count by chance): most lines end as a
    sentence does, or every cell after a line's first starts with a space and there is no
    address (an attendee list typed by hand, "Ada, ada@example.org", has one)."""
    ended = sum(line.rstrip().endswith((".", "!", "?", "…")) for line in block)
    spaced = all(cell.startswith(" ") for row in cells for cell in row[1:])
    return ended * 2 > len(block) or (spaced and not any("@" in line for line in block))


def _chat(lines: list[str], name: str) -> str:
    """A meeting's saved chat or transcript: its first lines read as one, most of them
    fitting (as liftkit/core/people/reader.py tells one given as an attendee list, more
    loosely: a file of words of one's own fits no layout)."""
    # imported here: the chat readers cost start-up that most files never need
    from liftkit.core.chat import parse_lines as parse_chat_lines

    try:
        log = parse_chat_lines(lines, name or "<text>", [])
    except LiftkitError:
        return ""
    said = len([message for message in log.messages if message.author])
    # most of its lines fit (wrapped lines of a long name do not); one message, every line
    if (said > 1 and len(log.unmatched) * 2 <= log.lines) or (said == 1 and not log.unmatched):
        return f"a meeting's {log.layout_name}"
    return ""
