"""The rooms view of the full screen: every room and every full name, with the countdown
kept in view above them. Regions in the shape `Frame` draws (name, cache key, make, rows)."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable
from dataclasses import replace

from rich.cells import cell_len, split_graphemes
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from liftkit.cli.live.bigdigits import HEIGHT, best_scale, big_text, countdown_digits
from liftkit.cli.live.bigdigits import width as digits_width
from liftkit.cli.live.bottom import message_rows
from liftkit.cli.live.quicklines import NOT_REVERSED
from liftkit.core.live.controls import ROOMS_LEGEND
from liftkit.core.live.room_pages import GAP, RoomsPage, room_pages
from liftkit.core.live.screen import Screen

Region = tuple[str, object, Callable[[], RenderableType], int]
# Below this height the countdown is one line, so that the rooms get the rows.
BIG_DIGITS_FROM = 30
PAGE_KEYS = ROOMS_LEGEND[0]  # ←/→ page
FOUND = "reverse"  # a name found with f, in the host's console
MIN_GRID_ROWS = 6  # rows the rooms keep before the questions are shown above them


@functools.lru_cache(maxsize=4096)
def spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """The graphemes of `text` and their cells, as rich measures and draws them."""
    return tuple(split_graphemes(text)[0])


def rooms_regions(
    screen: Screen,
    style: str,
    width: int,
    height: int,
    top: Callable[[int], RenderableType],
    bottom: Callable[[int, Screen], RenderableType],
) -> list[Region]:
    big = (
        height >= BIG_DIGITS_FROM
        and width >= digits_width(countdown_digits(screen.countdown), 1) + 2
    )
    countdown_rows = HEIGHT + 1 if big else 1
    # a message longer than a line (a reshuffle's, after the attendee list changed, naming
    # where each joiner goes) takes the rows of the rooms it needs while it shows, the rooms
    # keeping MIN_GRID_ROWS, rather than losing its end
    said = screen.confirm or screen.message
    long = height >= MIN_GRID_ROWS * 2 and cell_len(said) > width and not screen.input_label
    bottom_rows = 3 if height >= BIG_DIGITS_FROM or long else 2
    if long and not screen.confirm:
        needs = message_rows(screen, width) + bool(screen.legend)
        spare = height - 1 - countdown_rows - 1 - MIN_GRID_ROWS
        bottom_rows = max(bottom_rows, min(needs, spare))
    shown = True  # the rooms (their title and grid): a question may need their rows
    if screen.confirm:  # a question takes the rows it needs, the rooms' too: its y must show
        asking = message_rows(screen, width) + bool(screen.legend)
        shown = asking <= height - 1 - countdown_rows - 1 - 1
        rows = height - 1 - countdown_rows - (2 if shown else 0)
        bottom_rows = max(bottom_rows, min(asking, rows))
    grid_rows = max(height - 1 - countdown_rows - 1 - bottom_rows, 1)
    # The audience (no keys on screen) reads what to discuss above the rooms, before they
    # go to them: in a breakout room the shared screen is out of sight. Only where the rooms
    # keep most of the rows.
    asked = [] if screen.legend else asked_lines(screen, width)
    if asked and grid_rows - len(asked) >= max(MIN_GRID_ROWS, grid_rows // 2):
        grid_rows -= len(asked)
    else:
        asked = []
    rooms = screen.groups.rooms if screen.groups is not None else ()
    pages = room_pages(rooms, width, grid_rows, spans)
    page = pages[(_found_on(pages, screen.rooms_found) + screen.rooms_page) % len(pages)]
    scale = 1
    if big and len(pages) == 1:
        # A few rooms in a big window: the countdown as large as it can be while every room
        # still fits on one page (in more columns), and up to half the window.
        widest = best_scale(countdown_digits(screen.countdown), max(width - 4, 10), height // 2)
        for larger in range(widest, 1, -1):
            rows = grid_rows - HEIGHT * (larger - 1)
            fitted = room_pages(rooms, width, rows, spans) if rows >= MIN_GRID_ROWS else []
            if len(fitted) == 1:
                pages, page, scale, grid_rows = fitted, fitted[0], larger, rows
                countdown_rows += HEIGHT * (larger - 1)
                break
    # The page keys only where there are pages to turn.
    legend = tuple(k for k in screen.legend if page.count > 1 or k != PAGE_KEYS)
    title = screen.groups.title if screen.groups is not None else ""
    if page.count > 1:  # the keys only where they work (not in the audience view)
        paging = f"page {page.number} of {page.count}" + (" (←/→)" if screen.legend else "")
        # in a narrow window the page comes first, where the title's end would cut it off
        fits = cell_len(f"{title} · {paging}") <= width
        title = f"{title} · {paging}" if fits else f"{paging.capitalize()} · {title}"
    return [
        (
            "top",
            ("rooms", screen.position, screen.segment_title, screen.wall_clock),
            lambda: top(1),
            1,
        ),
        (
            "countdown",
            ("rooms", screen.countdown, screen.status, style, big, scale),
            lambda: _countdown(screen, style, big, width, scale),
            countdown_rows,
        ),
        *([("asked", (tuple(asked), width), lambda: _asked(asked), len(asked))] if asked else []),
        *(
            [
                (
                    "rooms-title",
                    title,
                    lambda: Text(title, style="bold", no_wrap=True, overflow="ellipsis"),
                    1,
                ),
                (
                    "rooms",
                    (page, width, screen.rooms_found),
                    lambda: _grid(page, screen.rooms_found),
                    grid_rows,
                ),
            ]
            if shown
            else []
        ),
        (
            "bottom",
            (
                "rooms",
                screen.message,
                screen.confirm,
                legend,
                screen.next_line,
                screen.input_label,  # f's line: a name being found
                screen.input_text,
                screen.input_detail,
            ),
            lambda: bottom(bottom_rows, replace(screen, legend=legend)),
            bottom_rows,
        ),
    ]


def asked_lines(screen: Screen, width: int) -> list[tuple[str, str]]:
    """The breakout's prompt (bold) and questions, wrapped to `width`: (text, style)."""
    lines = [(line, "bold") for line in textwrap.wrap(screen.prompt, width)]
    for i, question in enumerate(screen.questions, start=1):
        wrapped = textwrap.wrap(f"{i}. {question}", width, subsequent_indent=" " * 3)
        lines += [(line, "") for line in wrapped]
    return lines


def _asked(lines: list[tuple[str, str]]) -> RenderableType:
    text = Text(no_wrap=True, overflow="ellipsis")
    for n, (line, style) in enumerate(lines):
        text.append(("\n" if n else "") + line, style=style)
    return text


def _top_key(screen: Screen) -> tuple[object, ...]:
    return (screen.position, screen.segment_title, screen.kind, screen.wall_clock)


def _countdown(screen: Screen, style: str, big: bool, width: int, scale: int = 1) -> RenderableType:
    if not big:
        return Text(f"{screen.countdown}  {screen.status}", style=style, justify="center")
    rows = big_text(countdown_digits(screen.countdown), scale)
    indent = " " * max((width - max(len(r) for r in rows)) // 2, 0)
    digits = Text(
        "\n".join(indent + r for r in rows),
        style=Style.parse(style) + NOT_REVERSED,
        no_wrap=True,
    )
    return Group(digits, Text(screen.status, style=style, justify="center"))


def _found_on(pages: list[RoomsPage], found: tuple[tuple[str, str], ...]) -> int:
    """The page (from 0) of the first person found (`f`), or the first page."""
    return next((p.number - 1 for p in pages if found and p.shows(found[0])), 0)


def _grid(page: RoomsPage, found: tuple[tuple[str, str], ...] = ()) -> RenderableType:
    grid = Table.grid(padding=(0, GAP, 0, 0))
    for _ in page.columns:
        grid.add_column(width=page.column_width, no_wrap=True)
    cells = []
    for column, people in zip(page.columns, page.people, strict=True):
        text = Text(no_wrap=True)
        for i, (line, person) in enumerate(zip(column, people, strict=True)):
            if i:
                text.append("\n")
            if person is None:
                text.append(line, style="bold")
            elif person in found:  # the name marked, not its indent
                name = line.lstrip()
                text.append(line[: len(line) - len(name)])
                text.append(name, style=FOUND)
            else:
                text.append(line)
        cells.append(text)
    grid.add_row(*cells)
    return grid
