"""The rooms view of the full screen: every room and every full name, with the countdown
kept in view above them. Regions in the shape `Frame` draws (name, cache key, make, rows)."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from liftkit.cli.live.bigdigits import HEIGHT, big_text, countdown_digits
from liftkit.cli.live.bigdigits import width as digits_width
from liftkit.core.live.room_pages import GAP, RoomsPage, room_pages
from liftkit.core.live.screen import Screen

Region = tuple[str, object, Callable[[], RenderableType], int]
# Below this height the countdown is one line, so that the rooms get the rows.
BIG_DIGITS_FROM = 30


def rooms_regions(
    screen: Screen,
    style: str,
    width: int,
    height: int,
    top: Callable[[int], RenderableType],
    bottom: Callable[[int], RenderableType],
) -> list[Region]:
    big = (
        height >= BIG_DIGITS_FROM
        and width >= digits_width(countdown_digits(screen.countdown), 1) + 2
    )
    countdown_rows = HEIGHT + 1 if big else 1
    bottom_rows = 3 if height >= BIG_DIGITS_FROM else 2
    grid_rows = max(height - 1 - countdown_rows - 1 - bottom_rows, 1)
    rooms = screen.groups.rooms if screen.groups is not None else ()
    pages = room_pages(rooms, width, grid_rows)
    page = pages[screen.rooms_page % len(pages)]
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
            ("rooms", screen.countdown, screen.status, style, big),
            lambda: _countdown(screen, style, big, width),
            countdown_rows,
        ),
        (
            "rooms-title",
            title,
            lambda: Text(title, style="bold", no_wrap=True, overflow="ellipsis"),
            1,
        ),
        ("rooms", (page, width), lambda: _grid(page), grid_rows),
        (
            "bottom",
            ("rooms", screen.message, screen.confirm, tuple(screen.legend), screen.next_line),
            lambda: bottom(bottom_rows),
            bottom_rows,
        ),
    ]


def _top_key(screen: Screen) -> tuple[object, ...]:
    return (screen.position, screen.segment_title, screen.kind, screen.wall_clock)


def _countdown(screen: Screen, style: str, big: bool, width: int) -> RenderableType:
    if not big:
        return Text(f"{screen.countdown}  {screen.status}", style=style, justify="center")
    rows = big_text(countdown_digits(screen.countdown), 1)
    indent = " " * max((width - max(len(r) for r in rows)) // 2, 0)
    digits = Text("\n".join(indent + r for r in rows), style=style, no_wrap=True)
    return Group(digits, Text(screen.status, style=style, justify="center"))


def _grid(page: RoomsPage) -> RenderableType:
    grid = Table.grid(padding=(0, GAP, 0, 0))
    for _ in page.columns:
        grid.add_column(width=page.column_width, no_wrap=True)
    cells = []
    for column in page.columns:
        text = Text(no_wrap=True)
        for i, line in enumerate(column):
            if i:
                text.append("\n")
            text.append(line, style="" if line.startswith(" ") else "bold")
        cells.append(text)
    grid.add_row(*cells)
    return grid
