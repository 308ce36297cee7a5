"""The full-screen live view: a rich renderable of a `Screen` (no state of its own)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.layout import Layout
from rich.padding import Padding
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from liftkit.cli.bigdigits import HEIGHT, best_scale, big_text
from liftkit.core.controls import HELP
from liftkit.core.screen import DONE, NORMAL, OVER, PAUSED_TONE, SILENCE, WARN, Screen, plural

TONE_STYLE = {
    NORMAL: "bold",
    WARN: "bold yellow",
    OVER: "bold red reverse",
    PAUSED_TONE: "dim",
    SILENCE: "bold cyan",
    DONE: "bold green",
}
TOP_ROWS = 2
BAR_ROWS = 3
BOTTOM_ROWS = 3
MIN_BODY = 4


def render(screen: Screen, width: int, height: int) -> RenderableType:
    style = TONE_STYLE.get(screen.tone, "bold")
    spare_rows = max(height - TOP_ROWS - BAR_ROWS - BOTTOM_ROWS - MIN_BODY - 1, HEIGHT)
    scale = best_scale(screen.countdown, max(width - 4, 10), spare_rows)
    digits = Text("\n".join(big_text(screen.countdown, scale)), style=style, no_wrap=True)
    digits_rows = HEIGHT * scale + 1

    layout = Layout()
    layout.split_column(
        Layout(_top(screen), name="top", size=TOP_ROWS),
        Layout(
            Group(
                Padding(digits, (0, 0, 0, max((width - len(digits.plain.split("\n")[0])) // 2, 0))),
                Text(screen.status, style=style, justify="center"),
            ),
            name="countdown",
            size=digits_rows,
        ),
        Layout(_bars(screen), name="bars", size=BAR_ROWS),
        Layout(_help() if screen.show_help else _body(screen), name="body"),
        Layout(_bottom(screen, width), name="bottom", size=BOTTOM_ROWS),
    )
    return layout


def _top(screen: Screen) -> RenderableType:
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(screen.title, style="bold"), Text(screen.wall_clock, style="bold"))
    segment = Text()
    segment.append(f"{screen.position}  ", style="dim")
    segment.append(screen.segment_title, style="bold")
    if screen.kind:
        segment.append(f"  · {screen.kind}", style="dim")
    grid.add_row(segment, Text(plural(screen.reflections, "reflection"), style="dim"))
    return grid


def _bars(screen: Screen) -> RenderableType:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(width=8, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_row(
        Text("segment", style="dim"),
        ProgressBar(total=1.0, completed=screen.segment_progress),
        Text(screen.segment_line),
    )
    grid.add_row(
        Text("session", style="dim"),
        ProgressBar(total=1.0, completed=screen.session_progress),
        Text(""),
    )
    return Group(
        grid, Text(screen.session_line, justify="right", no_wrap=True, overflow="ellipsis")
    )


def _body(screen: Screen) -> RenderableType:
    parts: list[RenderableType] = []
    if screen.prompt:
        parts.append(Text(screen.prompt, style="bold"))
    for i, question in enumerate(screen.questions, start=1):
        parts.append(Text(f"  {i}. {question}"))
    if screen.groups is not None:
        parts.append(Text(screen.groups.title, style="bold"))
        rooms = Table.grid(padding=(0, 2))
        rooms.add_column(no_wrap=True, style="bold")
        rooms.add_column(overflow="ellipsis", no_wrap=True)
        for name, members in screen.groups.rooms:
            rooms.add_row(name, ", ".join(members))
        parts.append(rooms)
    if screen.notes:
        parts.append(Text.assemble(("Host notes (h hides): ", "dim bold"), (screen.notes, "dim")))
    return Group(*parts)


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


def _bottom(screen: Screen, width: int) -> RenderableType:
    lines: list[RenderableType] = [Text(screen.next_line, no_wrap=True, overflow="ellipsis")]
    if screen.confirm:
        lines.append(Text(screen.confirm, style="bold reverse", no_wrap=True, overflow="ellipsis"))
    else:
        lines.append(Text(screen.message, style="bold", no_wrap=True, overflow="ellipsis"))
    lines.append(_legend(screen, width))
    return Group(*lines)
