"""The language an agenda's event pack is written in, as a BCP 47 tag ("cy", "fr-CA",
"gd"): the HTML pack's `lang`, so that a screen reader reads Welsh as Welsh."""

from __future__ import annotations

import re

from liftkit.core.errors import quoted

# Well-formed as BCP 47 writes the tags people use: a language of 2 or 3 letters, then an
# optional script (4 letters), region (2 letters or 3 digits) and variants ("cy-GB",
# "zh-Hant-TW", "sl-rozaj"), and an optional private use part ("en-x-plain").
TAG = re.compile(
    r"[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
    r"(-x(-[a-z0-9]{1,8})+)?",
    re.IGNORECASE,
)
DEFAULT = "en"
HINT = 'write a language tag such as "en", "cy" (Welsh), "fr", "gd" (Scottish Gaelic) or "pt-BR"'


def language_problem(value: str) -> str | None:
    """What is wrong with `value` as a language tag, or None."""
    if TAG.fullmatch(value):
        return None
    return f'"language": {quoted(value)} is not a language tag; {HINT}'
