"""Characters pasted from a word processor or a web page that show as a space, or as
nothing, where TOML and the agenda's words want none: named for the host, with what to do."""

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
