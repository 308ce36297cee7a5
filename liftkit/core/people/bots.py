"""AI note-taking bots in a participant list: they join a call as participants, but a room
of two with one is a room of one.

The names are those the bots show in Zoom, Teams and Meet participant lists, as published
attendee lists and the code that filters them write them: "Otter.ai", "Adesh's Otter.ai
Notetaker", "sw's Otter.ai"; "read.ai meeting notes"; "Fireflies.ai Notetaker Bruno",
"Janice's Fireflies.ai Notetaker", "Fred from Fireflies.ai"; "Dörte's Fathom Notetaker";
"tl;dv Notetaker" (which cannot be renamed); "Rahil's MeetGeek Notetaker"; "Jumanzi's
Notetaker"; Google Meet's "Notes by Gemini". A name is a bot's when it is one of these whole,
holds a brand written as a web address ("Otter.ai", "tl;dv"), or holds a brand beside a
note-taking word; a person called "Grace Otter" or "Sam Fathom" stays.
"""

from __future__ import annotations

import re

from liftkit.core.errors import LiftkitError
from liftkit.core.people.model import Person
from liftkit.core.text import plural, some_named

# Whole names (case and spacing aside).
_NAMES = frozenset(
    ("notetaker", "note taker", "ai notetaker", "notes by gemini", "otterpilot", "otter ai",
     "fireflies ai", "read ai", "fred from fireflies")
)  # fmt: skip
# A bot's brand as it writes it, a web address or a spelling no person's name has.
_ADDRESSES = re.compile(
    r"(?<![\w.])(otter\.ai|read\.ai|fireflies\.ai|fathom\.video|tl;dv|tldv\.io|meetgeek\.ai|"
    r"sembly\.ai|avoma\.com|notta\.ai|tactiq\.io|bluedot\.ai|krisp\.ai)(?![\w.])",
    re.IGNORECASE,
)
# A brand beside a word for taking notes: "Fathom Notetaker", "Rahil's MeetGeek Notetaker".
_BRAND = r"(otter|otterpilot|read ai|fireflies|fathom|tldv|meetgeek|sembly|avoma|notta)"
_TAKER = r"(notetaker|note taker|note-taker|notes|bot|recorder)"
_BRAND_AND_TAKER = re.compile(rf"\b{_BRAND}\b.*\b{_TAKER}\b", re.IGNORECASE)
# "Jumanzi's Notetaker": a note taker someone sent.
_SOMEONES = re.compile(r"^\S.*['’]s\s+(ai\s+)?(notetaker|note taker|note-taker)$", re.IGNORECASE)


# Every bot's name holds one of these, lower-cased: a quick no for the people of a long
# list (the checks below took 0.4 s a hundred thousand names; ignoring case, this one too).
_ANY = re.compile(
    r"note|otter|read|fireflies|fathom|tl;dv|tldv|meetgeek|sembly|avoma|notta|tactiq|bluedot|"
    r"krisp|bot|recorder"
)


def is_bot(name: str) -> bool:
    """Whether a participant's name is a note-taking bot's."""
    if _ANY.search(name.casefold()) is None:
        return False
    text = " ".join(name.split())
    return (
        text.casefold() in _NAMES
        or bool(_ADDRESSES.search(text))
        or bool(_BRAND_AND_TAKER.search(text))
        or bool(_SOMEONES.match(text))
    )


def leave_out_bots(people: list[Person], label: str) -> tuple[list[Person], list[str]]:
    """(the people, notes): bots left out, one note naming them."""
    bots = [person.name for person in people if is_bot(person.name)]
    if not bots:
        return people, []
    if len(bots) == len(people):
        raise LiftkitError(
            f"{label}: every name is a note-taking bot's ({some_named(bots)})",
            "give the list of the people in the call",
        )
    kept = [person for person in people if not is_bot(person.name)]
    what = plural(len(bots), "note-taking bot")
    return kept, [
        f"{label}: left out {what}: {some_named(bots)} (a bot needs no room; if one is a "
        "person, rename their row in the list)"
    ]
