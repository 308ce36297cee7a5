"""The regions that change every second (the countdown and the progress bars), drawn as
rich segments directly: rich's general layout (wrapping, justifying) costs more than the rest
of an idle second, and these lines need none of it."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from liftkit.cli.live.bigdigits import big_text, countdown_digits

Lines = list[list[Segment]]
# The big digits are never drawn in reverse video, whatever the tone: reversed, each block
# takes the background's colour and the digits become holes in a ragged patch of colour,
# their outer strokes lost against the plain background. The status words may be reversed.
NOT_REVERSED = Style(reverse=False)


def fit(parts: list[Segment], width: int) -> list[Segment]:
    """A line cut or padded to exactly `width` cells."""
    used = sum(cell_len(part.text) for part in parts)
    if used > width:
        return list(Segment.adjust_line_length(parts, width))
    return [*parts, Segment(" " * (width - used))] if used < width else parts


def centred(text: str, style: Style, width: int) -> list[Segment]:
    left = max((width - cell_len(text)) // 2, 0)
    return fit([Segment(" " * left), Segment(text, style)], width)


def countdown_lines(
    console: Console, countdown: str, status: str, style_name: str, scale: int, width: int
) -> Lines:
    style = console.get_style(style_name)
    if scale == 0:  # too small for big digits: the time and the state on one line
        return [centred(f"{countdown}  {status}", style, width)]
    rows = big_text(countdown_digits(countdown), scale)
    indent = " " * max((width - max(len(r) for r in rows)) // 2, 0)
    digits = style + NOT_REVERSED
    return [fit([Segment(indent), Segment(row, digits)], width) for row in rows] + [
        centred(status, style, width)
    ]


def bar_line(
    console: Console, label: str, progress: float, right: str, width: int
) -> list[Segment]:
    """A progress line readable without colour: filled blocks, then light shade."""
    dim, bold = console.get_style("dim"), console.get_style("bold")
    room = max(width - len(label) - cell_len(right) - 3, 4)
    filled = round(min(max(progress, 0.0), 1.0) * room)
    parts = [
        Segment(f"{label} ", dim),
        Segment("█" * filled, bold),
        Segment("░" * (room - filled), dim),
        Segment(f" {right}"),
    ]
    return fit(parts, width)


def bars_lines(
    console: Console,
    segment: tuple[float, str],
    session: tuple[float, str],
    width: int,
    rows: int,
    short: str = "",
) -> Lines:
    """The segment's bar, and the session's with its line under it: the `short` form of
    that line where the whole one does not fit ("end 17:32 · 11 mins behind")."""
    lines = [bar_line(console, "segment", *segment, width)]
    if rows >= 3:
        progress, session_line = session
        lines.append(bar_line(console, "session", progress, "", width))
        if cell_len(session_line) > width and short:
            session_line = short
        if cell_len(session_line) > width:
            session_line = session_line[: max(width - 1, 0)] + "…"
        lines.append(fit([Segment(" " * (width - cell_len(session_line)) + session_line)], width))
    return lines
