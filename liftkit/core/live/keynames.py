"""Keys in the words a host knows them by, for a message about a key that does nothing:
`Ctrl-S`, `Alt+x`, not the `'\\x13'` or `'ALT+x'` liftkit reads."""

from __future__ import annotations

# Keys that move about (a page, a line): with nothing to move, they say nothing.
NAVIGATION = {"UP", "DOWN", "LEFT", "RIGHT", "PGUP", "PGDN"}

_NAMED = {
    "BACKSPACE": "Backspace", "ALT_BACKSPACE": "Alt+Backspace", "ENTER": "Enter",
    "ESC": "Esc", "\t": "Tab", "UP": "↑", "DOWN": "↓", "LEFT": "←", "RIGHT": "→",
    "PGUP": "Page Up", "PGDN": "Page Down", "\x00": "Ctrl-Space",
}  # fmt: skip


def silent(key: str) -> bool:
    """Whether a key that does nothing here goes without a word: the arrows and pages, with
    Alt too (ESC ESC [ C), Enter and Esc."""
    return key.removeprefix("ALT+") in NAVIGATION or key in ("ESC", "ENTER")


def key_words(key: str) -> str | None:
    """How a key other than a letter is called (`Ctrl-S`, `Alt+x`, `Page Down`); None for a
    character typed as it is, which is named as it shows."""
    if key.startswith("ALT+") and len(key) > 4:
        return "Alt+" + (key_words(key[4:]) or key[4:])
    if key in _NAMED:
        return _NAMED[key]
    if len(key) == 1 and ord(key) < 0x20:
        return f"Ctrl-{chr(ord(key) + 0x40)}"
    return None


def nothing_here(key: str) -> str:
    """What the screen says of a key that does nothing here."""
    words = key_words(key)
    if words is None:
        return f"No key {key!r} here: press ? for help."
    return f"{words} does nothing here: press ? for help."
