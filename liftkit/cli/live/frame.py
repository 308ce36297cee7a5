"""The full-screen live view: a rich renderable of a `Screen` (no state of its own)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from liftkit.cli.live.bigdigits import HEIGHT, best_scale, big_text
from liftkit.cli.live.bigdigits import width as digits_width
from liftkit.core.live.controls import HELP
from liftkit.core.live.screen import DONE, NORMAL, OVER, PAUSED_TONE, SILENCE, WARN, Screen
from liftkit.core.text import plural

TONE_STYLE = {
    NORMAL: "bold",
    WARN: "bold yellow",
    OVER: "bold red reverse",
    PAUSED_TONE: "dim",
    SILENCE: "bold cyan",
    DONE: "bold green",
}
MIN_BODY = 4


class Frame:
    """The whole screen as lines, region by region, each region cut or padded to its height.

    Regions that did not change since the last frame (the body, the top and bottom lines)
    are taken from a cache, so an idle second costs little more than the countdown itself.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[object, list[list[Segment]]]] = {}

    def lines(
        self,
        console: Console,
        name: str,
        key: object,
        make: Callable[[], RenderableType],
        width: int,
        height: int,
    ) -> list[list[Segment]]:
        cached = self._cache.get(name)
        if cached is not None and cached[0] == (key, width, height):
            return cached[1]
        options = console.options.update(width=width, height=height)
        lines = console.render_lines(make(), options, pad=True)
        if len(lines) > height:  # say so rather than cut silently
            more = Text("… more below: a taller window shows it", style="dim")
            lines = lines[: height - 1] + console.render_lines(more, options, pad=True)[:1]
        blank = [Segment(" " * width)]
        lines.extend([blank] * (height - len(lines)))
        self._cache[name] = ((key, width, height), lines)
        return lines

    def render(self, screen: Screen, width: int, height: int) -> RenderableType:
        return _Rendered(self, screen, width, height)


class _Rendered:
    def __init__(self, frame: Frame, screen: Screen, width: int, height: int) -> None:
        self.frame, self.screen, self.width, self.height = frame, screen, width, height

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        screen, width, height = self.screen, self.width, self.height
        style = TONE_STYLE.get(screen.tone, "bold")
        # Small windows keep, in this order: the countdown, the confirmation and messages
        # with the keys, the segment, the progress; the body gets what is left.
        bottom_rows = 3 if height >= 10 else 2
        top_rows = 2 if height >= 12 else 1
        bar_rows = 3 if height >= 16 else (1 if height >= 9 else 0)
        need = len(HELP) + 1 if screen.show_help else max(body_need(screen, width), MIN_BODY)
        need = min(need, height // 2)
        room = height - top_rows - bar_rows - bottom_rows - need
        big = room >= HEIGHT + 1 and width >= digits_width(screen.countdown, 1) + 2
        if big:
            scale = best_scale(screen.countdown, max(width - 4, 10), room - 1)
            digits_rows = HEIGHT * scale + 1
        else:
            scale, digits_rows = 0, 1 if height < 9 else 2
        body_rows = max(height - top_rows - digits_rows - bar_rows - bottom_rows, 0)
        body_key = (
            screen.show_help, screen.prompt, tuple(screen.questions), tuple(screen.polls),
            screen.notes, screen.groups,
        )  # fmt: skip
        regions = [
            ("top", _top_key(screen), lambda: _top(screen, top_rows), top_rows),
            (
                "countdown",
                (screen.countdown, screen.status, style, scale),
                lambda: _countdown(screen, style, scale, width),
                digits_rows,
            ),
            ("bars", None, lambda: _bars(screen, width, bar_rows), bar_rows),
            (
                "body",
                body_key,
                lambda: _help() if screen.show_help else _body(screen, width, body_rows),
                body_rows,
            ),
            (
                "bottom",
                (screen.next_line, screen.message, screen.confirm, tuple(screen.legend)),
                lambda: _bottom(screen, width, bottom_rows),
                bottom_rows,
            ),
        ]
        new_line = Segment.line()
        for name, key, make, rows in regions:
            if rows <= 0:
                continue
            if key is None:  # changes every second: not worth caching
                key = object()
            for line in self.frame.lines(console, name, key, make, width, rows):
                yield from line
                yield new_line


def render(screen: Screen, width: int, height: int) -> RenderableType:
    """A one-off frame (tests, and the first draw)."""
    return Frame().render(screen, width, height)


def _top_key(screen: Screen) -> tuple[object, ...]:
    return (screen.title, screen.wall_clock, screen.position, screen.segment_title, screen.kind,
            screen.reflections)  # fmt: skip


def _countdown(screen: Screen, style: str, scale: int, width: int) -> RenderableType:
    if scale == 0:  # too small for big digits: the time and the state on one line
        return Text(f"{screen.countdown}  {screen.status}", style=style, justify="center")
    rows = big_text(screen.countdown, scale)
    indent = " " * max((width - max(len(r) for r in rows)) // 2, 0)
    digits = Text("\n".join(indent + r for r in rows), style=style, no_wrap=True)
    return Group(digits, Text(screen.status, style=style, justify="center"))


def _top(screen: Screen, rows: int) -> RenderableType:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    segment = Text()
    segment.append(f"{screen.position}  ", style="dim")
    segment.append(screen.segment_title, style="bold")
    if screen.kind:
        segment.append(f"  · {screen.kind}", style="dim")
    if rows == 1:
        grid.add_row(segment, Text(screen.wall_clock, style="bold"))
        return grid
    grid.add_row(Text(screen.title, style="bold"), Text(screen.wall_clock, style="bold"))
    grid.add_row(segment, Text(plural(screen.reflections, "reflection"), style="dim"))
    return grid


def _bar(label: str, progress: float, right: str, width: int) -> Text:
    """A progress line readable without colour: filled blocks, then light shade."""
    room = max(width - len(label) - len(right) - 3, 4)
    filled = round(min(max(progress, 0.0), 1.0) * room)
    line = Text(no_wrap=True, overflow="crop")
    line.append(f"{label} ", style="dim")
    line.append("█" * filled, style="bold")
    line.append("░" * (room - filled), style="dim")
    line.append(f" {right}")
    return line


def _bars(screen: Screen, width: int, rows: int) -> RenderableType:
    segment = _bar("segment", screen.segment_progress, screen.segment_line, width)
    if rows < 3:
        return segment
    return Group(
        segment,
        _bar("session", screen.session_progress, "", width),
        Text(screen.session_line, justify="right", no_wrap=True, overflow="ellipsis"),
    )


def _lines(text: str, width: int) -> int:
    return max(1, -(-len(text) // max(width, 1)))


def body_need(screen: Screen, width: int) -> int:
    """Rows the body would like: texts as wrapped, rooms in as many columns as fit."""
    rows = _lines(screen.prompt, width) if screen.prompt else 0
    rows += sum(_lines(f"  {i}. {q}", width) for i, q in enumerate(screen.questions, 1))
    rows += sum(_lines(poll + _poll_hint(screen), width) for poll in screen.polls)
    if screen.groups is not None:
        rows += 1 + -(-len(screen.groups.rooms) // max(1, width // MIN_ROOM_WIDTH))
    if screen.notes:
        rows += _lines("Host notes (h hides): " + screen.notes, width)
    return rows


MIN_ROOM_WIDTH = 30
POLL_HINT = "  (p records the results)"


def _poll_hint(screen: Screen) -> str:
    return POLL_HINT if screen.legend else ""  # no keys on screen (the audience view): no hint


def _body(screen: Screen, width: int, rows: int) -> RenderableType:
    parts: list[RenderableType] = []
    used = 0
    if screen.prompt:
        parts.append(Text(screen.prompt, style="bold"))
        used += _lines(screen.prompt, width)
    for i, question in enumerate(screen.questions, start=1):
        parts.append(Text(f"  {i}. {question}"))
        used += _lines(f"  {i}. {question}", width)
    for poll in screen.polls:
        parts.append(Text.assemble((poll, "italic"), (_poll_hint(screen), "dim")))
        used += _lines(poll + _poll_hint(screen), width)
    notes = _lines("Host notes (h hides): " + screen.notes, width) if screen.notes else 0
    if screen.groups is not None:
        parts.append(Text(screen.groups.title, style="bold", no_wrap=True, overflow="ellipsis"))
        parts.append(_rooms(screen.groups.rooms, width, max(rows - used - 1 - notes, 1)))
    if screen.notes:
        parts.append(Text.assemble(("Host notes (h hides): ", "dim bold"), (screen.notes, "dim")))
    return Group(*parts)


def _rooms(rooms: Sequence[tuple[str, Sequence[str]]], width: int, rows: int) -> RenderableType:
    """Rooms in as few columns as fit the rows (wider columns show more names); when they do
    not all fit, say how many are left out."""
    most = max(1, width // MIN_ROOM_WIDTH)
    columns = min(most, max(1, -(-len(rooms) // rows)))
    shown = list(rooms)
    more = 0
    if -(-len(shown) // columns) > rows:
        keep = max((rows - 1) * columns, 0)
        more = len(shown) - keep
        shown = shown[:keep]
    grid = Table.grid(padding=(0, 2), expand=True)
    for _ in range(columns):
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    cells = [
        Text.assemble((name, "bold"), "  ", ", ".join(members), no_wrap=True)
        for name, members in shown
    ]
    for r in range(0, len(cells), columns):
        row = cells[r : r + columns]
        grid.add_row(*row, *([Text("")] * (columns - len(row))))
    if more:
        note = Text(f"… and {more} more rooms: a bigger window shows them", style="dim")
        return Group(grid, note)
    return grid


def _help() -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, meaning in HELP:
        table.add_row(key, meaning)
    return Group(Text("Keys (? closes this help)", style="bold underline"), table)


def _legend(screen: Screen, width: int) -> Text:
    """The keys that fit on one line, most important first; ? and q always."""
    essential = [item for item in screen.legend if item[0] in ("?", "q")]
    chosen = [item for item in screen.legend if item not in essential]

    def length(items: list[tuple[str, str]]) -> int:
        return sum(len(k) + len(m) + 4 for k, m in items)

    while chosen and length(chosen + essential) > width:
        chosen.pop()
    shown = [item for item in screen.legend if item in chosen or item in essential]
    legend = Text(no_wrap=True, overflow="crop")
    for key, meaning in shown:
        legend.append(f" {key} ", style="bold reverse")
        legend.append(f" {meaning} ")
    return legend


def _bottom(screen: Screen, width: int, rows: int) -> RenderableType:
    lines: list[RenderableType] = []
    if rows >= 3:
        lines.append(Text(screen.next_line, no_wrap=True, overflow="ellipsis"))
    if screen.confirm:
        lines.append(Text(screen.confirm, style="bold reverse", no_wrap=True, overflow="ellipsis"))
    else:
        lines.append(Text(screen.message, style="bold", no_wrap=True, overflow="ellipsis"))
    lines.append(_legend(screen, width))
    return Group(*lines)
