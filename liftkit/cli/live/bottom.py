"""The bottom of the full screen: what comes next, the last message (or the question that
waits for y/n), and the keys that do something here."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.text import Text

from liftkit.cli.live.typingline import at_words, typing_lines
from liftkit.core.live.screen import Screen


def legend_width(items: Sequence[tuple[str, str]], pad: int) -> int:
    """The cells `legend` takes (until 2026-12-05 less the pad after each word: "q  q")."""
    return sum(len(k) + (len(m) + 1 if m else 0) + 1 + 3 * pad for k, m in items) - 1


# Keys a legend never drops: the rooms view's way back to the clock (at 20 columns it kept
# the page keys, which its title names, and lost it), help and quit.
_ESSENTIAL = ("g/Esc", "?", "q")


def legend(screen: Screen, width: int) -> Text:
    """Every key that does something here, spaced out when there is room, packed tight when
    not (80 columns hold them all); narrower still, the most important first, g/Esc, ? and q
    always (? without its word, which leaves room for r at 40 columns).
    """
    items = list(screen.legend)
    pad = 1 if legend_width(items, 1) <= width else 0
    if legend_width(items, pad) > width:
        essential = [(k, "" if k == "?" else m) for k, m in items if k in _ESSENTIAL]
        chosen = [item for item in items if item[0] not in _ESSENTIAL]
        while chosen and legend_width(chosen + essential, 0) > width:
            chosen.pop()
        items = [
            (k, "" if k == "?" else m) for k, m in items if (k, m) in chosen or k in _ESSENTIAL
        ]
    keys = Text(no_wrap=True, overflow="crop")
    for i, (key, meaning) in enumerate(items):
        keys.append(f"{' ' * pad}{key}{' ' * pad}", style="bold reverse")
        said = f" {meaning}" if meaning else ""
        keys.append(f"{said}{' ' * pad}" + (" " if i < len(items) - 1 else ""))
    return keys


def said(screen: Screen) -> tuple[str, str]:
    """What the bottom says and its style: a question waiting for y/n, else the message."""
    return (screen.confirm, "bold reverse") if screen.confirm else (screen.message, "bold")


def message_rows(screen: Screen, width: int) -> int:
    """The lines the message takes, folded at words at this width (1 for none); while the
    host types, with the input line under it (a refusal of poll counts and its example)."""
    if screen.input_label:
        return 1 + (len(at_words(screen.message, width, 1_000)) if screen.message else 1)
    return len(at_words(said(screen)[0], width, 1_000))


def bottom(screen: Screen, width: int, rows: int) -> RenderableType:
    if screen.input_label:
        return typing_lines(screen, width, rows)
    text, style = said(screen)
    keys = bool(screen.legend)  # the audience's window has no keys
    space = rows - 1 if keys else rows
    if screen.confirm and keys and len(at_words(text, width, 1_000)) > space:
        keys, space = False, rows  # a question's `y to confirm` before the keys' legend
    # A message too long for a line (what a full disk means, and what to do) takes the
    # line of what comes next too, and any rows the window gave it, rather than losing
    # its end.
    parts = at_words(text, width, space) if space >= 2 and cell_len(text) > width else [text]
    lines = [Text(part, style=style, no_wrap=True, overflow="ellipsis") for part in parts]
    if len(parts) < space:
        lines.insert(0, Text(screen.next_line, no_wrap=True, overflow="ellipsis"))
    return Group(*lines, *([legend(screen, width)] if keys else []))
