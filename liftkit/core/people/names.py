"""One person under the names a meeting shows: a Zoom display name carries more than a name.

"Leah Wasser (she/her) Earth Lab / pyOpenSci", "Dr Giles Bergel" and "giles bergel (Co-host)"
are compared as their names alone: the text before a first bracket (pronouns, "(Host)", an
organisation) or before a spaced " / ", " - " or " | " (an organisation after it), without
leading titles (Dr, Prof, Mr, Mrs, Ms, Mx, Rev, …), letter case and accents aside; a name
written surname first with a comma ("Okafor, Sam (NHS Tayside)", as Teams shows it) is
compared given name first. Nothing else is dropped: "Ada Lovelace-Byron" is not "Ada
Lovelace".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from liftkit.core.people.model import HOST_SUFFIX
from liftkit.core.text import plain_words, same_words

TITLES = frozenset(
    {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "rev", "revd", "sir", "dame"}
)
_BRACKET = re.compile(r"[(\[{（【]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\]]*\]|\{[^}]*\}|（[^）]*）|【[^】]*】")
_AFTER_NAME = re.compile(r"\s[/|\-–—]\s")  # " / earthdatascience.org", " - NHS", " | Acme"


def name_key(name: str) -> str:
    """How a name is compared with another: "Dr Leah Wasser (she/her) Earth Lab / …" is
    "leah wasser"."""
    text = name
    bracket = _BRACKET.search(text)
    if bracket is not None:
        before = text[: bracket.start()]
        text = before if plain_words(before) else _BRACKETED.sub(" ", text)
    text = _AFTER_NAME.split(text, maxsplit=1)[0]
    words = _given_first(text) or list(plain_words(text))
    while len(words) > 1 and words[0] in TITLES:
        del words[0]
    if not words:  # a name of emoji or marks only: compared as it is written
        return same_words(HOST_SUFFIX.sub("", name))
    return " ".join(words)


# Teams, Outlook and many organisations' directories write a name surname first, with a comma:
# "Okafor, Sam (NHS Tayside)" is Sam Okafor. Only that form: one comma between a surname of up
# to three words and a given name of up to two, none of them a suffix, a letter after a name
# or a pronoun ("Smith, Jr.", "Dr. Smith, MBE", "Sam Okafor, she/her" stay as written).
_SURNAME_FIRST = re.compile(r"([^,]+),([^,]+)")
NOT_GIVEN_NAMES = frozenset(
    {
        "jr", "jnr", "sr", "snr", "ii", "iii", "iv", "esq", "phd", "dphil", "md", "mba", "msc",
        "bsc", "ma", "ba", "med", "mphil", "rn", "rgn", "np", "pa", "mbe", "obe", "cbe", "kbe",
        "dbe", "frs", "frcp", "frcs", "mrcp", "frcgp", "mrcgp", "qc", "kc", "bem", "ceng",
        "he", "him", "his", "she", "her", "hers", "they", "them", "theirs", "xe", "ze", "any",
    }
)  # fmt: skip


def _given_first(text: str) -> list[str] | None:
    """The words of "Surname, Given" with the given name first, or None for any other form."""
    match = _SURNAME_FIRST.fullmatch(text.strip())
    if match is None:
        return None
    surname, given = list(plain_words(match[1])), list(plain_words(match[2]))
    while len(given) > 1 and given[0] in TITLES:  # "Fairlie, Dr Gordon"
        del given[0]
    if not (1 <= len(surname) <= 3 and 1 <= len(given) <= 2) or surname[0] in TITLES:
        return None
    if any(word in NOT_GIVEN_NAMES or not word.isalpha() for word in surname + given):
        return None
    return given + surname


def first_name_keys(given: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """The keys of `names` that a one-word name of `given` stands for, each with the name:
    "Ada" is "Ada Smith" when she is the only name whose first word is Ada (and no name is
    Ada alone). A first word is written whole: "Mary" is not "Mary-Kate Olsen"."""
    ones = {k for k in map(name_key, given) if k and " " not in k}
    if not ones:  # `names` is left unread: a chat's every author, for nothing
        return {}
    by_key = {name_key(name): name for name in set(names)}
    found = {}
    for one in ones:
        if one in by_key:
            continue  # "Ada" posted as Ada: she is the host, no one else
        starting = {
            k: name for k, name in by_key.items()
            if " " in k and " ".join(plain_words(_first_word(name))) == one
        }  # fmt: skip
        if len(starting) == 1:
            found.update(starting)
    return found


def _first_word(name: str) -> str:
    words = [w for w in name.split() if w.casefold().strip(".") not in TITLES]
    return words[0] if words else ""
