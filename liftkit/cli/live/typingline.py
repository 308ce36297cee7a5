"""The input line at the bottom of the full screen, while the host types a reflection, poll
counts or part of a name to find: what is asked, what is typed (its end and the cursor
always in view), the keys.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from liftkit.core.live.controls import FIND_LABEL
from liftkit.core.live.screen import PAUSED_TONE, Screen

TYPING_LEGEND = (("Enter", "save"), ("Esc", "cancel"), ("Ctrl-U", "clear"))


def _input_line(screen: Screen, width: int) -> Text:
    """What is asked, then the end of what is typed so far and the cursor, at any width: the
    label gets shorter when the window is narrow, and long text scrolls left."""
    room = max(width - 1, 1)  # the cursor's cell
    label = ""
    for text in _labels(screen.input_label):
        if cell_len(text) + 2 + min(room // 2, 20) <= room:
            label = f"{text}: "
            break
    room -= cell_len(label)
    typed = screen.input_text
    if cell_len(typed) > room:  # scrolled: the start is left out, and it says so
        kept = ""
        for char in reversed(typed):
            if cell_len(char + kept) > room - 1:
                break
            kept = char + kept
        typed = "…" + kept
    return Text.assemble((label, "bold"), (typed, "reverse"), ("▌", "blink"), no_wrap=True)


def _labels(label: str) -> list[str]:
    """The input line's label, then shorter forms of it: "Reflection ('Name: text', #tags)",
    "Reflection"; "Poll 1 [Yes/No] (Enter alone: poll 2)", "Poll 1 [Yes/No]", "Poll 1"."""
    shorter = label.split(" (")[0]
    return list(dict.fromkeys([label, shorter, shorter.split(" [")[0]]))


def typing_lines(screen: Screen, width: int, rows: int) -> RenderableType:
    legend = Text(no_wrap=True, overflow="crop")
    for key, meaning in TYPING_LEGEND:
        if key == "Enter" and screen.input_label == FIND_LABEL:
            meaning = "find"  # nothing is saved
        legend.append(f" {key} ", style="bold reverse")
        legend.append(f" {meaning} ")
    # while paused (or before the start) the clock does not run: say only what is so
    if screen.tone != PAUSED_TONE:
        legend.append(" the clock keeps running", style="dim")
    lines: list[RenderableType] = []
    if rows >= 3:
        if screen.message or not screen.input_detail:
            # folded over the rows the frame gave it: a refusal's example was cut to "e.g.…"
            text = screen.message
            parts = at_words(text, width, rows - 2) if cell_len(text) > width else [text]
            lines += [Text("")] * (rows - 2 - len(parts))
            lines += [Text(p, style="bold", no_wrap=True, overflow="ellipsis") for p in parts]
        else:
            lines.append(
                Text(screen.input_detail, style="italic", no_wrap=True, overflow="ellipsis")
            )
    return Group(*lines, _input_line(screen, width), legend)


def at_words(text: str, width: int, most: int) -> list[str]:
    """`text` in at most `most` lines, each cut at the last space that fits `width` cells
    (the last line ends in '…' when even `most` are not enough)."""
    lines: list[str] = []
    while len(lines) < most - 1 and cell_len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        while cut > 0 and cell_len(text[:cut]) > width:
            cut = text.rfind(" ", 0, cut)
        if cut <= 0:
            break
        lines.append(text[:cut])
        text = text[cut + 1 :]
    return [*lines, text]
