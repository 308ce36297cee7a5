"""Reading what the host types: reflections ("Name: text #tag") and poll counts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from liftkit.core.errors import LiftkitError

_AUTHOR = re.compile(r"^\s*([^:#\n]{1,60}?)\s*:\s+(\S.*)$", re.DOTALL)
_TAG = re.compile(r"(?<![\w#&/])#(\w[\w-]*)")  # not a URL's #fragment
_NOT_A_NAME = re.compile(r"https?$|www|\d{1,2}$", re.IGNORECASE)
# Labels people put before a colon that are not who is speaking.
_LABELS = re.compile(
    r"(one |my |a )?(practical )?(next )?(step|action|takeaway|take-away|idea|tip|question|"
    r"answer|comment|note|reflection|theme|thought|q|a|re|ps|p\.s\.|update|feedback)s?"
    r"( \d+)?"
    r"|(i|we|you|they|my|our|it|this|that) .*",  # "I think:", "We agreed:" are not names
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ParsedReflection:
    text: str
    author: str | None
    tags: list[str]


def parse_reflection(raw: str) -> ParsedReflection:
    """ "Ada Lovelace: listen with fascination #listening" -> author, text and tags.

    An author is a short prefix before ": " of at most five words that is not a URL scheme,
    a number or a label such as "One practical step:", "Question:" or "Note:".
    """
    text = raw.strip()
    author = None
    match = _AUTHOR.match(text)
    if match:
        name = match.group(1).strip()
        if len(name.split()) <= 5 and not _NOT_A_NAME.search(name) and not _LABELS.fullmatch(name):
            author = name
            text = match.group(2).strip()
    tags: list[str] = []
    for tag in _TAG.findall(text):
        tag = tag.lower()
        if tag not in tags:
            tags.append(tag)
    return ParsedReflection(text=text, author=author, tags=tags)


def parse_counts(raw: str, options: Sequence[str], where: str = "poll") -> dict[str, int]:
    """Counts typed as "30 12" or "30,12" (in option order) or "Yes=30 No=12"."""
    parts = [p for p in re.split(r"[\s,;]+", raw.strip()) if p]
    if not parts:
        raise LiftkitError(f"{where}: no counts given", _counts_hint(options))
    counts: dict[str, int] = {}
    if all("=" in p for p in parts):
        lower = {o.lower(): o for o in options}
        for part in parts:
            key, _, value = part.partition("=")
            option = lower.get(key.strip().lower())
            if option is None:
                raise LiftkitError(f'{where}: no option "{key}"', _counts_hint(options))
            counts[option] = _count(value, where, options)
    else:
        if len(parts) != len(options):
            raise LiftkitError(
                f"{where}: {len(parts)} counts for {len(options)} options", _counts_hint(options)
            )
        for option, value in zip(options, parts, strict=True):
            counts[option] = _count(value, where, options)
    return {option: counts.get(option, 0) for option in options}


def _count(value: str, where: str, options: Sequence[str]) -> int:
    if not value.strip().isdigit():
        raise LiftkitError(f'{where}: "{value}" is not a count', _counts_hint(options))
    return int(value)


def _counts_hint(options: Sequence[str]) -> str:
    example = " ".join(str(10 + i) for i in range(len(options)))
    return f"give one whole number per option ({', '.join(options)}), e.g. {example}"
