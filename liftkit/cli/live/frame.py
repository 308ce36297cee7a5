"""The full-screen live view: a rich renderable of a `Screen` (no state of its own)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from liftkit.cli.live.bigdigits import HEIGHT, best_scale, countdown_digits
from liftkit.cli.live.bigdigits import width as digits_width
from liftkit.cli.live.bottom import bottom, message_rows
from liftkit.cli.live.pollbars import poll_bars, poll_heading
from liftkit.cli.live.quicklines import Lines, bars_lines, countdown_lines
from liftkit.cli.live.roomsview import Region, rooms_regions
from liftkit.core.live.screen import (
    DONE,
    NORMAL,
    OVER,
    PAUSED_TONE,
    SILENCE,
    WARN,
    PollBars,
    Screen,
)
from liftkit.core.text import one_line, plural

# Mid tones at 4.5:1 or more on white (#ffffff) and on black (#000000): a colour can do both
# only with a relative luminance of 0.175 to 0.183, and of the 256 colours these have it
# (bold yellow shows as bright yellow: gone on white). On a dark grey theme (#1e1e1e) no
# colour can: these are 3.6:1 there, the big digits large text, the status words bold.
TONE_STYLE = {
    NORMAL: "bold",
    WARN: "bold color(131)",  # #af5f5f: 4.54 on white, 4.62 on black, 3.67 on #1e1e1e
    OVER: "bold red reverse",
    PAUSED_TONE: "bold",  # it must read from across a room: the words say it is paused
    SILENCE: "bold color(63)",  # #5f5fff: 4.60, 4.57, 3.63
    DONE: "bold color(29)",  # #00875f: 4.53, 4.63, 3.68
}
BRIGHTENED = (WARN, SILENCE, DONE)
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
        make: Callable[[], RenderableType | Lines],
        width: int,
        height: int,
    ) -> list[list[Segment]]:
        cached = self._cache.get(name)
        if cached is not None and cached[0] == (key, width, height):
            return cached[1]
        # Rendered at its full height (rich would crop it to `height` silently) and then cut.
        options = console.options.update(width=width, height=None)
        made = make()
        lines = made if isinstance(made, list) else console.render_lines(made, options, pad=True)
        if len(lines) > height:  # say so rather than cut silently
            more = Text("… more below: a taller window shows it", style="dim")
            lines = lines[: height - 1] + console.render_lines(more, options, pad=True)[:1]
        blank = [Segment(" " * width)]
        lines.extend([blank] * (height - len(lines)))
        self._cache[name] = ((key, width, height), lines)
        return lines

    def render(self, screen: Screen, width: int, height: int) -> RenderableType:
        return _Rendered(self, screen, width, height)

    def frame_lines(self, console: Console, screen: Screen, width: int, height: int) -> Lines:
        """The whole screen as `height` lines of `width` cells."""
        return _Rendered(self, screen, width, height).lines(console)


class _Rendered:
    def __init__(self, frame: Frame, screen: Screen, width: int, height: int) -> None:
        self.frame, self.screen, self.width, self.height = frame, screen, width, height

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines(console):
            yield from line
            yield new_line

    def lines(self, console: Console) -> Lines:
        screen, width, height = self.screen, self.width, self.height
        style = TONE_STYLE.get(screen.tone, "bold")
        if console.color_system in ("standard", "windows") and screen.tone in BRIGHTENED:
            # with 16 colours the mid tone would be ANSI yellow (cyan, green): whatever the
            # theme makes of it, 1.7-3.1:1 on white, and #ffff00 where bold shows as bright.
            # The terminal's own foreground, bold: the words (▲, SILENCE) say the state.
            style = "bold"
        if screen.rooms_view:
            regions = rooms_regions(
                screen,
                style,
                width,
                height,
                lambda rows: _top(screen, rows),
                lambda rows, shown=screen: bottom(shown, width, rows),
            )
        else:
            regions = self._regions(console, style)
        lines: Lines = []
        for name, key, make, rows in regions:
            if rows <= 0:
                continue
            if key is None:  # changes every second: not worth caching
                key = object()
            lines.extend(self.frame.lines(console, name, key, make, width, rows))
        return lines

    def _regions(self, console: Console, style: str) -> list[Region]:
        screen, width, height = self.screen, self.width, self.height
        # Small windows keep, in this order: the countdown, the confirmation and messages
        # with the keys, the segment, the progress; the body gets what is left.
        bottom_rows = 3 if height >= 10 else 2
        bottom_rows -= not screen.legend and not screen.input_label  # the audience's: no keys
        top_rows = 2 if height >= 12 else 1
        bar_rows = 3 if height >= 16 else (1 if height >= 9 else 0)
        if not screen.segment_line and not screen.session_line:
            bar_rows = 0  # no session yet (view latest waiting): no empty bars
        wanted = (
            len(screen.keys_help) + 1
            if screen.show_help
            else max(body_need(screen, width), MIN_BODY)
        )
        need = min(wanted, height // 2)
        if screen.notes and not screen.show_help:
            # The host's notes give way to the big countdown (World Café's nine lines of
            # notes made it one line at 80x24); what the room reads (prompt, questions,
            # polls) keeps its rows, and the notes end in "… more below".
            digits_room = height - top_rows - bar_rows - bottom_rows - (HEIGHT + 1)
            read = body_need(replace(screen, notes=""), width)
            need = min(need, max(digits_room, read, MIN_BODY))
        room = height - top_rows - bar_rows - bottom_rows - need
        big = (
            room >= HEIGHT + 1 and width >= digits_width(countdown_digits(screen.countdown), 1) + 2
        )
        if big:
            scale = best_scale(countdown_digits(screen.countdown), max(width - 4, 10), room - 1)
            digits_rows = HEIGHT * scale + 1
        else:
            scale, digits_rows = 0, 1 if height < 9 else 2
        body_rows = max(height - top_rows - digits_rows - bar_rows - bottom_rows, 0)
        # A long message (a full disk: what was kept, what to do) takes the body's spare rows
        # beyond the two it has, rather than losing its end; the countdown keeps its size.
        space = bottom_rows - bool(screen.legend)  # for the message: the audience has no keys
        # a question takes all the body's rows it needs: its y in view; so does a refusal of
        # what the host typed, its example in view (cut to "e.g.…" at 60 columns)
        if screen.confirm or (screen.input_label and screen.message):
            longer = min(message_rows(screen, width) - space, body_rows)
        elif space > 1:
            longer = min(message_rows(screen, width) - space, body_rows - wanted)
        else:  # the smallest windows: the host's message whole ("No rooms here: …" at 30x8)
            longer = min(message_rows(screen, width) - space, body_rows - 1) * bool(screen.legend)
        if longer > 0:
            bottom_rows, body_rows = bottom_rows + longer, body_rows - longer
        body_key = (
            screen.show_help, screen.prompt, tuple(screen.questions), tuple(screen.polls),
            tuple(screen.poll_counts),
            screen.notes, screen.groups,
        )  # fmt: skip
        regions: list[Region] = [
            ("top", _top_key(screen), lambda: _top(screen, top_rows), top_rows),
            (
                "countdown",
                (screen.countdown, screen.status, style, scale),
                lambda: countdown_lines(
                    console, screen.countdown, screen.status, style, scale, width
                ),
                digits_rows,
            ),
            (
                "bars",
                None,
                lambda: bars_lines(
                    console,
                    (screen.segment_progress, screen.segment_line),
                    (screen.session_progress, screen.session_line),
                    width,
                    bar_rows,
                    screen.session_short,
                ),
                bar_rows,
            ),
            (
                "body",
                body_key,
                lambda: (
                    _help(screen.keys_help) if screen.show_help else _body(screen, width, body_rows)
                ),
                body_rows,
            ),
            (
                "bottom",
                (
                    screen.next_line,
                    screen.message,
                    screen.confirm,
                    tuple(screen.legend),
                    screen.input_label,
                    screen.input_text,
                    screen.input_detail,
                ),
                lambda: bottom(screen, width, bottom_rows),
                bottom_rows,
            ),
        ]
        return regions


def render(screen: Screen, width: int, height: int) -> RenderableType:
    """A one-off frame (tests, and the first draw)."""
    return Frame().render(screen, width, height)


def _top_key(screen: Screen) -> tuple[object, ...]:
    return (screen.title, screen.wall_clock, screen.position, screen.segment_title, screen.kind,
            screen.reflections)  # fmt: skip


def _top(screen: Screen, rows: int) -> RenderableType:
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    segment = Text()
    segment.append(f"{screen.position}  ", style="dim")
    # a title written across lines in the file (title = """…""") on its one row: else its
    # second line pushed the segment, and the rows under it, off a small window
    segment.append(one_line(screen.segment_title), style="bold")
    if screen.kind:
        segment.append(f"  · {screen.kind}", style="dim")
    if rows == 1:
        grid.add_row(segment, Text(screen.wall_clock, style="bold"))
        return grid
    grid.add_row(Text(one_line(screen.title), style="bold"), Text(screen.wall_clock, style="bold"))
    count = plural(screen.reflections, "reflection") if screen.legend else ""  # the host's
    grid.add_row(segment, Text(count, style="dim"))
    return grid


def _lines(text: str, width: int) -> int:
    return max(1, -(-len(text) // max(width, 1)))


def body_need(screen: Screen, width: int) -> int:
    """Rows the body would like: texts as wrapped, rooms in as many columns as fit."""
    rows = _lines(screen.prompt, width) if screen.prompt else 0
    rows += sum(_question_lines(i, q, width) for i, q in enumerate(screen.questions, 1))
    rows += sum(_lines(poll + _poll_hint(screen), width) for poll in screen.polls)
    rows += sum(_lines(poll_heading(poll), width) + len(poll.counts) for poll in screen.poll_counts)
    if screen.groups is not None and _rooms_inline(screen):
        rows += 1 + -(-len(screen.groups.rooms) // max(1, width // MIN_ROOM_WIDTH))
    elif screen.groups is not None:
        rows += 1
    if screen.notes:
        rows += _lines("Host notes (h hides): " + screen.notes, width)
    return rows


MIN_ROOM_WIDTH = 30
POLL_HINT = "  (p records the results)"


ROOMS_HINT = "  (g: every room and name)"


def _rooms_inline(screen: Screen) -> bool:
    """The host reads the rooms in the rooms view (g), so the countdown keeps its size here;
    a screen without keys (the audience's) shows them in its body."""
    return not any(key == "g" for key, _ in screen.legend)


def _poll_hint(screen: Screen) -> str:
    return POLL_HINT if screen.legend else ""  # no keys on screen (the audience view): no hint


def _body(screen: Screen, width: int, rows: int) -> RenderableType:
    parts: list[RenderableType] = []
    used = 0
    # The audience's window too small for all: the poll results first, the prompt below
    # (at 60x18 the results were cut to "… more below", the call seeing no count)
    results_first = not screen.legend and screen.poll_counts and body_need(screen, width) > rows
    for counts in screen.poll_counts if results_first else ():
        parts.append(poll_bars(counts, width))
        used += _lines(poll_heading(counts), width) + len(counts.counts)
    if screen.prompt:
        parts.append(Text(screen.prompt, style="bold"))
        used += _lines(screen.prompt, width)
    for i, question in enumerate(screen.questions, start=1):
        parts.append(_question(i, question))
        used += _question_lines(i, question, width)
    for poll in polls_in_order(screen):
        if isinstance(poll, str):
            parts.append(Text.assemble((poll, "italic"), (_poll_hint(screen), "dim")))
            used += _lines(poll + _poll_hint(screen), width)
        elif not results_first:
            parts.append(poll_bars(poll, width))
            used += _lines(poll_heading(poll), width) + len(poll.counts)
    notes = _lines("Host notes (h hides): " + screen.notes, width) if screen.notes else 0
    if screen.groups is not None and not _rooms_inline(screen):
        parts.append(
            Text.assemble(
                (screen.groups.title, "bold"),
                (ROOMS_HINT, "dim"),
                no_wrap=True,
                overflow="ellipsis",
            )
        )
    elif screen.groups is not None:
        parts.append(Text(screen.groups.title, style="bold", no_wrap=True, overflow="ellipsis"))
        parts.append(_rooms(screen.groups.rooms, width, max(rows - used - 1 - notes, 1)))
    if screen.notes:
        parts.append(Text.assemble(("Host notes (h hides): ", "bold"), screen.notes))
    return Group(*parts)


def polls_in_order(screen: Screen) -> list[str | PollBars]:
    """The segment's polls in the agenda's order, each a question to record or its results:
    poll 1's bars stay above poll 2's question once it is recorded."""
    asked, recorded = iter(screen.polls), iter(screen.poll_counts)
    order = screen.poll_order
    if len(order) != len(screen.polls) + len(screen.poll_counts):
        order = (False,) * len(screen.polls) + (True,) * len(screen.poll_counts)
    return [next(recorded) if done else next(asked) for done in order]


def _question(number: int, question: str) -> RenderableType:
    """ "  2. How can we…", its later lines under its first word rather than under the
    number, so that each question reads as one block on a shared screen."""
    grid = Table.grid()
    grid.add_column(width=len(f"  {number}. "), no_wrap=True)
    grid.add_column()
    grid.add_row(f"  {number}. ", question)
    return grid


def _question_lines(number: int, question: str, width: int) -> int:
    return _lines(question, width - len(f"  {number}. "))


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
        Text.assemble((name, "bold"), "  ", "; ".join(members), no_wrap=True)
        for name, members in shown
    ]
    for r in range(0, len(cells), columns):
        row = cells[r : r + columns]
        grid.add_row(*row, *([Text("")] * (columns - len(row))))
    if more:
        note = Text(f"… and {more} more rooms: a bigger window shows them", style="dim")
        return Group(grid, note)
    return grid


def _help(keys: Sequence[tuple[str, str]]) -> RenderableType:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, meaning in keys:
        table.add_row(key, meaning)
    return Group(Text("Keys (? closes this help)", style="bold underline"), table)
