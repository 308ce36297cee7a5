"""Finding a person in the rooms: `f` in the rooms view, `find NAME` in plain mode.

A host moving someone in the meeting, or asked "which room am I in?", types part of a name
and is told the room: every word typed must start a word of the name, in any order, case
and accents aside ("ana ok" finds Ana Okafor, "nunez" finds Lucía Núñez). The rooms view
then turns to the page of the first person found and marks each of them, until the host
finds again, leaves the view or the rooms change: moving someone in the meeting takes
longer than a message shows.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from liftkit.core.text import plain_words

FACILITATOR = " (facilitator)"  # how the rooms mark a facilitator (rooms.py marks them so)
SHOWN = 6  # matches named in one message; more, and the host is asked to type more


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    """The words of a name or query, lower case and without accents. Kept for the next find:
    the rooms of a conference's breakout hold thousands of names to read again."""
    return plain_words(text)


def matches(name: str, query: str) -> bool:
    """Whether every word of `query` starts a word of `name` (each word of the name once)."""
    words = list(_words(name))
    for wanted in _words(query):
        hit = next((w for w in words if w.startswith(wanted)), None)
        if hit is None:
            return False
        words.remove(hit)
    return True


def people_found(rooms: Sequence[tuple[str, Sequence[str]]], query: str) -> list[tuple[str, str]]:
    """Whom `query` matches in `rooms` ((room name, member names) as the rooms view shows
    them): (room, member as shown), in the rooms' order."""
    if not _words(query):
        return []
    return [
        (room, member)
        for room, members in rooms
        for member in members
        if matches(member.removesuffix(FACILITATOR), query)
    ]


def find_in_rooms(rooms: Sequence[tuple[str, Sequence[str]]], query: str) -> str:
    """What the host is told of `query` in `rooms`: the room of each person it matches, or
    that nobody matches."""
    wanted = " ".join(query.split())
    if not _words(wanted):
        return "Type part of a name to find, e.g. ana ok for Ana Okafor."
    found = [
        (member.removesuffix(FACILITATOR), room) for room, member in people_found(rooms, wanted)
    ]
    if not found:
        return f"Nobody in these rooms matches {wanted!r}: try the start of a first or last name."
    if len(found) == 1:
        name, room = found[0]
        return f"{name} is in {room}."
    listed = "; ".join(f"{name} ({room})" for name, room in found[:SHOWN])
    if len(found) > SHOWN:
        return f"{len(found)} people match {wanted!r}: type more of the name. First: {listed}; …"
    return f"{len(found)} people match {wanted!r}: {listed}."
