"""The rooms view laid out as text: every room, every full name, in as many columns as fit,
in pages when they do not all fit at once.

Pure layout (lines of text for a width and a height), so the full screen, the audience view
and the tests share it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from liftkit.core.text import NARROW, cells

GAP = 3  # spaces between columns
INDENT = "  "  # members under their room's name
WRAP_INDENT = "    "  # a name too long for its column goes on below, further in
HARD_CUT = "…"  # ends a piece of a word too long for its column


@dataclass(frozen=True)
class RoomsPage:
    columns: tuple[tuple[str, ...], ...]  # lines of each column; a room name starts with no indent
    column_width: int
    number: int  # from 1
    count: int
    # beside each line of `columns`: the (room, member as shown) it is part of; None for a
    # room's name
    people: tuple[tuple[tuple[str, str] | None, ...], ...] = ()

    def shows(self, person: tuple[str, str]) -> bool:
        """Whether a line of `person` (room, member as shown) is on this page."""
        return any(person in column for column in self.people)


def _fitting(text: str, width: int) -> int:
    """How many characters of `text`, from its start, fit in `width` columns."""
    if NARROW.fullmatch(text):
        return min(len(text), width)
    used = 0
    for i, c in enumerate(text):
        used += cells(c)
        if used > width:
            return i
    return len(text)


def _fold(line: str, width: int, indent: str) -> list[str]:
    """A line cut into pieces of `width` columns, at a space, after a hyphen or beside a wide
    character where possible (a name cut elsewhere ends the piece with `HARD_CUT`); never a
    name lost. Each piece takes at least one character off the line, so a window a few
    columns wide (dragged narrow) still ends the loop: there a piece goes on with no indent."""
    pieces: list[str] = []
    wrap = WRAP_INDENT if width > len(WRAP_INDENT) + 2 else ""  # room for a wide character
    while cells(line) > width:
        start = max(len(indent), len(WRAP_INDENT)) + 1
        fit = _fitting(line, width)
        cut = max(line.rfind(" ", start, fit + 1), line.rfind("-", start, fit) + 1)
        if cut <= start:  # Chinese and Japanese break between any two characters, unmarked
            cut = next((i for i in range(fit, start, -1) if cells(line[i - 1 : i + 1]) > 2), -1)
        if cut <= start:
            cut = max(_fitting(line, width - 1), 1)
            pieces.append(line[:cut] + HARD_CUT)
            line = wrap + line[cut:]
            continue
        pieces.append(line[:cut].rstrip())
        line = wrap + line[cut:].lstrip()
    pieces.append(line)
    return pieces


def room_block(name: str, members: Sequence[str], width: int) -> list[str]:
    return [line for line, _ in _marked_block(name, members, width)]


def _marked_block(
    name: str, members: Sequence[str], width: int
) -> list[tuple[str, tuple[str, str] | None]]:
    """The lines of a room, each beside the (room, member) it shows part of."""
    lines: list[tuple[str, tuple[str, str] | None]]
    lines = [(line, None) for line in _fold(f"{name} ({len(members)})", width, "")]
    for member in members:
        lines.extend((line, (name, member)) for line in _fold(INDENT + member, width, INDENT))
    return lines


MIN_COLUMN = 18  # narrower columns fold too many names


def room_pages(
    rooms: Sequence[tuple[str, Sequence[str]]], width: int, rows: int
) -> list[RoomsPage]:
    """Rooms in columns, filled top to bottom, in as few pages as the window allows: among
    the column counts that fit the width, the one that needs the fewest pages, and of those
    the one that folds the fewest long names onto a second line.

    The layout of the same rooms in the same window is made once: the screen is drawn every
    second and at each key, and laying out 1,000 rooms took half a second each time."""
    return list(_laid_out(tuple((name, tuple(members)) for name, members in rooms), width, rows))


@functools.lru_cache(maxsize=16)
def _laid_out(
    rooms: tuple[tuple[str, tuple[str, ...]], ...], width: int, rows: int
) -> tuple[RoomsPage, ...]:
    best: tuple[tuple[bool, int, int], list[RoomsPage]] | None = None
    for columns in range(1, max(width // MIN_COLUMN, 1) + 1):
        cw = max((width - GAP * (columns - 1)) // columns, 1)
        pages, folds = _layout(rooms, cw, columns, max(rows, 1))
        cuts = any(line.endswith(HARD_CUT) for p in pages for c in p.columns for line in c)
        score = (cuts, len(pages), folds)  # a word cut in two reads worst
        if best is None or score < best[0]:
            best = (score, pages)
    assert best is not None
    return tuple(best[1])


def _layout(
    rooms: Sequence[tuple[str, Sequence[str]]], cw: int, per_page: int, rows: int
) -> tuple[list[RoomsPage], int]:
    """A room is kept whole in one column unless it is taller than the column itself; then
    the column its names go on in starts with `Room 1 (continued)`, when the column has the
    rows for it, so that no name is shown without its room."""
    columns: list[list[tuple[str, tuple[str, str] | None]]] = [[]]
    folds = 0
    for name, members in rooms:
        block = _marked_block(name, members, cw)
        folds += len(block) - 1 - len(members)
        go_on = _fold(f"{name} (continued)", cw, "")
        current = columns[-1]
        if current and len(current) + len(block) > rows:
            columns.append([])
            current = columns[-1]
        at = 0
        while at < len(block):
            line, person = block[at]
            # a name folded over several lines stays on one column, and so on one page: split
            # at a page's turn, "Bartholomew Maximilian" and "Featherstonehaugh" read as two
            span = 1
            while person is not None and at + span < len(block) and block[at + span][1] == person:
                span += 1
            fits = span + (len(go_on) if line.startswith(INDENT) else 0) <= rows
            if len(current) >= rows or (current and len(current) + span > rows and fits):
                columns.append([])
                current = columns[-1]
                if line.startswith(INDENT) and len(go_on) < rows:
                    current.extend((piece, None) for piece in go_on)
            for piece in block[at : at + span]:
                if len(current) >= rows:  # a name taller than a column: it goes on
                    columns.append([])
                    current = columns[-1]
                current.append(piece)
            at += span
    chunks = [columns[i : i + per_page] for i in range(0, len(columns), per_page)]
    pages = [
        RoomsPage(
            tuple(tuple(line for line, _ in c) for c in chunk),
            cw,
            n,
            len(chunks),
            tuple(tuple(person for _, person in c) for c in chunk),
        )
        for n, chunk in enumerate(chunks, start=1)
    ]
    return pages, folds
