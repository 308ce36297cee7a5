"""A recorded poll on the live screens, host's and audience's: its question and a bar per
option, measured in cells so that every row keeps its count and percentage."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.text import Text

from liftkit.core.live.screen import PollBars
from liftkit.core.text import plural

# A poll's bar keeps this many cells (a third of the row where that is more), and its options
# as many as MIN_POLL_LABEL, before its options are cut with '…': the counts always show.
MIN_POLL_BAR = 4
MIN_POLL_LABEL = 6


def poll_heading(poll: PollBars) -> str:
    return f"Poll: {poll.question}  {plural(poll.total, 'answer')}"


def poll_bars(poll: PollBars, width: int) -> RenderableType:
    """A recorded poll: its question and total, then a bar per option, readable without
    colour (count and percent in words). Widths are in cells (an option in Japanese takes
    two a character); an option too long for the window ends in '…' and the bar shortens,
    so that every row keeps its count and percentage."""
    numbers = max(cell_len(f"{count} ({poll.percent(count)}%)") for _, count in poll.counts)
    longest = max((cell_len(option) for option, _ in poll.counts), default=0)
    free = width - numbers - 6  # "  option bar count ": spaces before, between and after
    bar = max(MIN_POLL_BAR, free // 3)  # a third of the row at least, when options are long
    label = max(min(longest, free - bar), min(longest, MIN_POLL_LABEL))
    room = max(free - label, 1)
    # The question wraps rather than losing its end and the number of answers.
    lines = [
        Text.assemble(
            (f"Poll: {poll.question}", "italic"), (f"  {plural(poll.total, 'answer')}", "dim")
        )
    ]
    for option, count in poll.counts:
        filled = round(room * count / poll.total) if poll.total else 0
        line = Text(no_wrap=True, overflow="crop")
        line.append(f"  {_cells(option, label)} ")
        line.append("█" * filled, style="bold")
        line.append("░" * (room - filled), style="dim")
        line.append(f" {count} ({poll.percent(count)}%)")
        lines.append(line)
    return Group(*lines)


def _cells(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded with spaces, or cut with '…'."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
