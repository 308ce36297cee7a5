"""The one error type users see.

Messages name fields and values, not command-line flags: a field is written in backticks
("`size` 1: a group needs at least 2 people", hint "use `size` 2 or more"), which is how a
script calling the library knows it (`liftkit.split_groups(people, size=1)`). The command
line shows each field as the flag its command declares for it ("--size 1: ...", see
liftkit/cli/errors.py), so the core never needs to know a flag's spelling.
"""

from __future__ import annotations

from collections.abc import Callable

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# The pattern of a field named in a message: one lowercase identifier in backticks (so that
# "`liftkit run`", a command to type, is not one). Compiled when first used (re caches it):
# every command imports this module.
FIELD = r"`([a-z][a-z0-9_]*)`"


class LiftkitError(Exception):
    """A problem to report to the user: a message, an optional hint, an exit code.

    Bad input and usage are exit code 2; failures at run time are 1.
    """

    def __init__(self, message: str, hint: str = "", exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields the message and hint name (in backticks), in order of first mention."""
        import re

        found = re.findall(FIELD, f"{self.message}\n{self.hint}")
        return tuple(dict.fromkeys(found))

    def reworded(self, words: Callable[[str], str]) -> LiftkitError:
        """The same error as a plain LiftkitError, its message and hint passed through `words`."""
        return LiftkitError(words(self.message), words(self.hint), self.exit_code)

    def lines(self) -> list[str]:
        """The message as the lines printed on stderr."""
        text = self.message
        if self.hint:
            text = f"{text}; {self.hint}"
        return text.splitlines()


# Embeddings, overrides and isolates: they would make the rest of the message read backwards.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quoted(text: str, limit: int = 60) -> str:
    """Text from a user's file, in double quotes, safe to put in a one-line message.

    Line breaks and other control characters are escaped as TOML would write them, so a
    message never spans lines; very long text is cut short with an ellipsis. So are the
    invisible characters a document pastes (a zero-width space, U+200B, in `"talk\\u200b"`),
    and a space other than the ordinary one (U+00A0) at either end, where it would not show;
    the joiners and direction marks that scripts and emoji need stay.
    """
    import unicodedata  # only needed when a message is written

    if len(text) > limit:
        text = text[: limit - 1] + "…"
    out = []
    last = len(text) - 1
    for at, char in enumerate(text):
        category = unicodedata.category(char)
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif (
            category in ("Cc", "Zl", "Zp")
            or char in _BIDI_CONTROLS
            or (category == "Cf" and not _needed(char))
            or (category in ("Zs", "Cf") and char != " " and at in (0, last))
        ):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _needed(char: str) -> bool:
    """Joiners (Persian words, emoji), direction marks (right-to-left names) and the tags of
    subdivision flags: invisible, but part of the text."""
    return char in "\u200c\u200d\u200e\u200f\u061c" or "\U000e0020" <= char <= "\U000e007f"
