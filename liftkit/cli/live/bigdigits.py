"""Large digits for the countdown, drawn with block characters so they read on a shared screen."""

from __future__ import annotations

_FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("  ", "  ", "  ", "  ", "  "),
}
HEIGHT = 5


def big_text(text: str, scale: int = 1) -> list[str]:
    """The text as HEIGHT * scale lines; each font pixel is 2*scale columns wide."""
    rows = []
    for r in range(HEIGHT):
        pixels = " ".join(_FONT.get(ch, _FONT[" "])[r] for ch in text)
        line = "".join(("█" if p == "#" else " ") * (2 * scale) for p in pixels)
        rows.extend([line.rstrip()] * scale)
    return rows


def width(text: str, scale: int = 1) -> int:
    pixels = sum(len(_FONT.get(ch, _FONT[" "])[0]) for ch in text) + max(len(text) - 1, 0)
    return pixels * 2 * scale


def best_scale(text: str, columns: int, rows: int) -> int:
    """The largest scale that fits the space (at least 1)."""
    scale = 1
    while width(text, scale + 1) <= columns and HEIGHT * (scale + 1) <= rows:
        scale += 1
    return scale


def countdown_digits(countdown: str) -> str:
    """The countdown as drawn big: an overrun drops its leading zero ("+1:23"), so that it
    is as wide as "04:59" and drawn as large."""
    if countdown.startswith("+0") and len(countdown) > 3:
        return "+" + countdown[2:]
    return countdown
