"""Characters pasted from a word processor or a web page that show as a space, or as
nothing, where TOML and the agenda's words want none, and the control characters TOML
refuses (a vertical tab from a soft line break in Word): named for the host, with what to
do."""

from __future__ import annotations

import unicodedata

# Characters a word processor or a web page pastes that look like a space or like nothing.
_NAMES = {
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u2007": "a figure space",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space (byte-order mark)",
    "\u00ad": "a soft hyphen",
    "\u3000": "an ideographic space",
}


def invisible(char: str) -> bool:
    """A character that shows as a space or as nothing but is not one TOML reads as a space:
    a non-breaking space (U+00A0), a zero-width space (U+200B), a soft hyphen, ..."""
    return char != " " and unicodedata.category(char) in ("Zs", "Cf", "Zl", "Zp")


def name_invisible(char: str) -> str:
    """ "a non-breaking space (U+00A0)", "a zero-width space (U+200B)"."""
    name = _NAMES.get(char) or f"an invisible character ({unicodedata.name(char, '?').lower()})"
    return f"{name} (U+{ord(char):04X})"


def fix_invisible(char: str) -> str:
    """What to do with it: a space-like one becomes a space, a zero-width one goes."""
    if unicodedata.category(char) == "Zs":
        return "replace it with an ordinary space"
    return "delete it"


# Control characters TOML refuses anywhere but a tab (and a line feed ending a line): what a
# host pasted to get one, and what to do with it.
_CONTROLS = {
    "\x0b": (
        "a vertical tab, which Word and PowerPoint paste for a line break inside a paragraph",
        "replace it with a space",
    ),
    "\x0c": ("a form feed, which a page break pastes", "delete it"),
    "\r": ("a carriage return, with no line feed after it", "delete it, or press Enter there"),
    "\x07": ("a bell character", "delete it"),
    "\x1b": ("an escape character", "delete it"),
    "\x7f": ("a delete character", "delete it"),
}


def control(char: str) -> bool:
    """A control character TOML refuses where it stands: all but a tab and a line feed."""
    return char not in "\t\n" and unicodedata.category(char) == "Cc"


def name_control(char: str, column: int | None) -> str:
    """ "a vertical tab (U+000B) at column 11, which Word ... paste ...: replace it with a
    space": the character, where it is, and what to do with it."""
    name, fix = _CONTROLS.get(char, ("a control character, which does not show", "delete it"))
    what, _, why = name.partition(", ")
    where = f" at column {column}" if column is not None else ""
    return f"{what} (U+{ord(char):04X}){where}{', ' + why if why else ''}: {fix}"
