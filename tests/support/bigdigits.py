"""Reading a screen's big countdown digits back, as a person in the room would: from the
cells drawn, and from the styles they are drawn in (capture-pane -e)."""

from __future__ import annotations

import re

# The shapes a reader recognises (5 rows of pixels, '#' drawn), tried in this order.
GLYPHS = {
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
    "+": ("   ", " # ", "###", " # ", "   "),
    "-": ("   ", "   ", "###", "   ", "   "),
    ":": (" ", "#", " ", "#", " "),
}
BARS = ("segment", "session")
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def digit_rows(screen: str) -> list[str]:
    """The screen's rows of big digits (not the progress bars, which start with their name)."""
    return [ln for ln in screen.splitlines() if "█" in ln and not ln.lstrip().startswith(BARS)]


def read_big(rows: list[str]) -> str:
    """The text the big digits show ("+0:59"), or "?" where a shape is not a character."""
    scale = len(rows) // 5
    rows = [r.rstrip() for r in rows[::scale]]
    indent = min(len(r) - len(r.lstrip()) for r in rows)
    wide = max(len(r) for r in rows)
    pixels = [
        "".join("#" if c == "█" else " " for c in r.ljust(wide)[indent :: 2 * scale]) for r in rows
    ]
    text, at = "", 0
    while at < len(pixels[0]):
        for char, glyph in GLYPHS.items():
            w = len(glyph[0])
            if all(p[at : at + w].ljust(w) == g for p, g in zip(pixels, glyph, strict=True)):
                text, at = text + char, at + w + 1
                break
        else:
            text, at = text + "?", at + 1
    return text


def reversed_cells(styled_line: str, char: str = "█") -> tuple[int, int]:
    """(cells of `char` drawn in reverse video, cells of `char`) in a line of capture-pane -e."""
    return styled_cells(styled_line, "7", char)


def dim_cells(styled_line: str, char: str = "█") -> tuple[int, int]:
    """(cells of `char` drawn dim (faint, SGR 2), cells of `char`) in a line of capture-pane -e."""
    return styled_cells(styled_line, "2", char)


ENDS = {"7": ("27",), "2": ("22",)}  # the codes that turn an attribute off (0 turns all off)


def styled_cells(styled_line: str, attribute: str, char: str) -> tuple[int, int]:
    """(cells of `char` drawn with SGR `attribute`, cells of `char`) in a styled line."""
    on, marked, total, at = False, 0, 0, 0
    for match in SGR.finditer(styled_line + "\x1b[m"):
        for c in styled_line[at : match.start()]:
            if c == char:
                total += 1
                marked += on
        at = match.end()
        codes = (match.group(1) or "0").split(";")
        while codes:
            code = codes.pop(0)
            if code in ("38", "48", "58"):  # a colour's own numbers follow: not attributes
                del codes[: 2 if codes[:1] == ["5"] else 4]
            elif code in ("0", "", *ENDS[attribute]):
                on = False
            elif code == attribute:
                on = True
    return marked, total
