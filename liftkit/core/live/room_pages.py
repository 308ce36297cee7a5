"""The rooms view laid out as text: every room, every full name, in as many columns as fit,
in pages when they do not all fit at once.

Pure layout (lines of text for a width and a height), so the full screen, the audience view
and the tests share it.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from liftkit.core.text import NARROW, Span, graphemes

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


# (start, end, cells) of each grapheme of a text: a character with the marks, joiners and
# modifiers that go with it, never to be split across lines. The screens pass rich's, so
# that the rooms are measured as rich draws them; `graphemes` is the stand-in.
Graphemes = Callable[[str], Sequence[Span]]


class _Measure:
    """Cells and grapheme boundaries of lines, with the screen's measure (`Graphemes`)."""

    def __init__(self, spans: Graphemes) -> None:
        self.spans = spans

    def cells(self, text: str) -> int:
        """How many terminal columns `text` takes."""
        if NARROW.fullmatch(text):  # Latin, Greek and the like: one column each
            return len(text)
        return sum(cells for _, _, cells in self.spans(text))

    def fitting(self, text: str, width: int) -> int:
        """How many characters of `text`, from its start, fit in `width` columns, in whole
        graphemes (the first one's at least, when even that does not fit)."""
        if NARROW.fullmatch(text):
            return min(len(text), width)
        used = 0
        for first, _end, cells in self.spans(text):
            used += cells
            if used > width:
                return first
        return len(text)

    def wide_breaks(self, text: str) -> list[int]:
        """Where a line may break unmarked: beside a wide character, between graphemes."""
        if NARROW.fullmatch(text):
            return []
        spans = list(self.spans(text))
        return [b[0] for a, b in itertools.pairwise(spans) if a[2] + b[2] > 2]

    def first(self, text: str) -> int:
        """The end of the first grapheme of `text`."""
        spans = self.spans(text) if not NARROW.fullmatch(text) else ()
        return spans[0][1] if spans else min(len(text), 1)


def _fold(line: str, width: int, indent: str, measure: _Measure) -> list[str]:
    """A line cut into pieces of `width` columns, at a space, after a hyphen or beside a wide
    character where possible (a name cut elsewhere ends the piece with `HARD_CUT`), never
    inside a grapheme (an emoji of several characters); never a name lost. Each piece takes
    at least one grapheme off the line, so a window a few columns wide (dragged narrow)
    still ends the loop: there a piece goes on with no indent."""
    pieces: list[str] = []
    wrap = WRAP_INDENT if width > len(WRAP_INDENT) + 2 else ""  # room for a wide character
    while measure.cells(line) > width:
        start = max(len(indent), len(WRAP_INDENT)) + 1
        fit = measure.fitting(line, width)
        cut = max(line.rfind(" ", start, fit + 1), line.rfind("-", start, fit) + 1)
        if cut <= start:  # Chinese and Japanese break between any two characters, unmarked
            cut = max((b for b in measure.wide_breaks(line) if start < b <= fit), default=-1)
        if cut <= start:
            cut = measure.fitting(line, width - 1) or measure.first(line)
            pieces.append(line[:cut] + HARD_CUT)
            line = wrap + line[cut:]
            continue
        pieces.append(line[:cut].rstrip())
        line = wrap + line[cut:].lstrip()
    pieces.append(line)
    return pieces


def room_block(
    name: str, members: Sequence[str], width: int, spans: Graphemes = graphemes
) -> list[str]:
    return [line for line, _ in _marked_block(name, members, width, _Measure(spans))]


def _marked_block(
    name: str, members: Sequence[str], width: int, measure: _Measure, one_row: bool = False
) -> list[tuple[str, tuple[str, str] | None]]:
    """The lines of a room, each beside the (room, member) it shows part of. In a window
    that leaves the rooms `one_row` (20x6), each name says its room (`Room 1: Ada`): a
    page showed `Room 1 (3)` alone, and the next pages its names, with no room."""
    lines: list[tuple[str, tuple[str, str] | None]]
    if one_row and members:
        return [(line, (name, member)) for member in members
                for line in _with_its_room(name, member, width, measure)]  # fmt: skip
    lines = [(line, None) for line in _fold(f"{name} ({len(members)})", width, "", measure)]
    for member in members:
        folded = _fold(INDENT + member, width, INDENT, measure)
        lines.extend((line, (name, member)) for line in folded)
    return lines


def _with_its_room(name: str, member: str, width: int, measure: _Measure) -> list[str]:
    """`Room 1: Ada Lovelace`, each line of a name too long for the column with its room
    (`Room 1: Katherine`, `Room 1: …Johnson`), where the column leaves room for a name."""
    head = f"{name}: "
    room = width - measure.cells(head) - len(HARD_CUT)
    if room < MIN_NAME:
        return _fold(head + member, width, "", measure)
    pieces = [piece.strip() for piece in _fold(member, room, "", measure)]
    return [head + ("" if n == 0 else HARD_CUT) + piece for n, piece in enumerate(pieces)]


MIN_NAME = 6  # columns a name keeps beside its room on a one-row page
MIN_COLUMN = 18  # narrower columns fold too many names
# Pages a layout that cuts words in two (ends a piece with HARD_CUT) is counted as having
# more: a word cut reads worse than one page more, not than several (each is up 10 s).
CUT_PAGES = 1


def room_pages(
    rooms: Sequence[tuple[str, Sequence[str]]],
    width: int,
    rows: int,
    spans: Graphemes = graphemes,
) -> list[RoomsPage]:
    """Rooms in columns, filled top to bottom, in as few pages as the window allows: among
    the column counts that fit the width, the one that needs the fewest pages, and of those
    the one that folds the fewest long names onto a second line. Words cut in two (a name
    longer than the column) count as CUT_PAGES more pages: they are cut where that saves
    more pages than that (one long name took 73 people from 2 pages to 8 at 80x24).
    `spans` measures the text as the screen draws it.

    The layout of the same rooms in the same window is made once: the screen is drawn every
    second and at each key, and laying out 1,000 rooms took half a second each time."""
    named = tuple((name, tuple(members)) for name, members in rooms)
    return list(_laid_out(named, width, rows, spans))


@functools.lru_cache(maxsize=16)
def _laid_out(
    rooms: tuple[tuple[str, tuple[str, ...]], ...], width: int, rows: int, spans: Graphemes
) -> tuple[RoomsPage, ...]:
    best: tuple[tuple[int, int, int], list[RoomsPage]] | None = None
    measure = _Measure(spans)
    for columns in range(1, max(width // MIN_COLUMN, 1) + 1):
        cw = max((width - GAP * (columns - 1)) // columns, 1)
        pages, folds = _layout(rooms, cw, columns, max(rows, 1), measure)
        cuts = sum(line.endswith(HARD_CUT) for p in pages for c in p.columns for line in c)
        score = (len(pages) + (CUT_PAGES if cuts else 0), cuts, folds)
        if best is None or score < best[0]:
            best = (score, pages)
    assert best is not None
    return tuple(best[1])


def _continued(name: str, cw: int, measure: _Measure) -> str:
    """What heads a column a room goes on in: "Room 10 (continued)", or where that would
    take two lines of a narrow column, "Room 10 (cont.)"."""
    whole = f"{name} (continued)"
    return whole if measure.cells(whole) <= cw else f"{name} (cont.)"


def _go_on(
    columns: list[list[tuple[str, tuple[str, str] | None]]], go_on: list[str], rows: int
) -> list[tuple[str, tuple[str, str] | None]]:
    """A new column, headed by `go_on` (the lines of "Room 1 (continued)") when it leaves a
    row for the names below it."""
    columns.append([(piece, None) for piece in go_on] if len(go_on) < rows else [])
    return columns[-1]


def _layout(
    rooms: Sequence[tuple[str, Sequence[str]]], cw: int, per_page: int, rows: int, measure: _Measure
) -> tuple[list[RoomsPage], int]:
    """A room is kept whole in one column unless it is taller than the column itself; then
    each column its names go on in starts with `Room 1 (continued)`, when the column has the
    rows for it, so that no name is shown without its room: also where one name is taller
    than a column, in the middle of that name."""
    columns: list[list[tuple[str, tuple[str, str] | None]]] = [[]]
    folds = 0
    for name, members in rooms:
        block = _marked_block(name, members, cw, measure, one_row=rows == 1)
        folds += len(block) - (0 if rows == 1 and members else 1) - len(members)
        go_on = _fold(_continued(name, cw, measure), cw, "", measure)
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
                current = _go_on(columns, go_on if line.startswith(INDENT) else [], rows)
            for piece in block[at : at + span]:
                if len(current) >= rows:  # a name taller than a column: it goes on, and
                    current = _go_on(columns, go_on, rows)  # so does its room's name
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
