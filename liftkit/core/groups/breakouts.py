"""Breakout groups for the segments of a running agenda.

Breakout segments that split the same way (the same `group_size` or `groups`) share one
multi-round split, so that people meet someone new in each of them; a segment with
`rounds = 2` takes two consecutive rounds. Groups are journalled per segment as plain data
(the `groups --format json` schema), which is also what the screen and the export read.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.groups.formats import score_dict, split_dict
from liftkit.core.groups.split import Split, split_for_segment
from liftkit.core.live.screen import GroupsSummary
from liftkit.core.people.reader import Person

Payload = dict[str, Any]


def breakout_segments(agenda: Agenda) -> list[int]:
    return [i for i, s in enumerate(agenda.segments) if s.kind == "breakout"]


def _family(segment: Segment) -> tuple[int | None, int | None]:
    return (segment.group_size, segment.groups)


def _payload(seed: int | None, rounds: Sequence[Mapping[str, Any]], score: Any) -> Payload:
    numbered = [dict(r, round=n) for n, r in enumerate(rounds, start=1)]
    return {"seed": seed, "rounds": numbered, "score": score}


def plan_from_people(agenda: Agenda, people: Sequence[Person], seed: int) -> dict[int, Payload]:
    """Split the attendees for every breakout segment (seeded, so it can be reproduced)."""
    plans: dict[int, Payload] = {}
    families: dict[tuple[int | None, int | None], list[int]] = {}
    for i in breakout_segments(agenda):
        families.setdefault(_family(agenda.segments[i]), []).append(i)
    for n, ((size, count), members) in enumerate(sorted(families.items(), key=lambda f: f[1][0])):
        family_seed = seed + n
        total = sum(agenda.segments[i].rounds for i in members)
        split = split_for_segment(
            people, size, count, total, rng=random.Random(family_seed), seed=family_seed
        )
        data = split_dict(split)
        taken = 0
        for i in members:
            r = agenda.segments[i].rounds
            plans[i] = _payload(family_seed, data["rounds"][taken : taken + r], data["score"])
            taken += r
    return plans


def plan_from_split(agenda: Agenda, split: Split) -> tuple[dict[int, Payload], list[str]]:
    """Give the rounds of a groups file to the breakout segments, in order."""
    data = split_dict(split)
    rounds = data["rounds"]
    notes: list[str] = []
    plans: dict[int, Payload] = {}
    taken = 0
    for i in breakout_segments(agenda):
        wanted = agenda.segments[i].rounds
        chosen = []
        for _ in range(wanted):
            chosen.append(rounds[min(taken, len(rounds) - 1)])
            taken += 1
        plans[i] = _payload(data["seed"], chosen, data["score"])
    if plans and taken > len(rounds):
        notes.append(
            f"the groups file has {len(rounds)} round(s) for {taken} breakout round(s); "
            "the last round is used again"
        )
    return plans, notes


def reshuffle(segment: Segment, people: Sequence[Person], seed: int) -> Payload:
    split = split_for_segment(
        people, segment.group_size, segment.groups, segment.rounds,
        rng=random.Random(seed), seed=seed,
    )  # fmt: skip
    data = split_dict(split)
    return _payload(seed, data["rounds"], score_dict(split.score))


def people_in(payload: Mapping[str, Any]) -> list[Person]:
    """Everyone placed in a groups payload (first round), for reshuffling without a list."""
    seen: dict[str, Person] = {}
    for rnd in payload.get("rounds", [])[:1]:
        for group in rnd.get("groups", []):
            for member in group.get("members", []):
                name = str(member.get("name", ""))
                email = member.get("email")
                key = (email or name).lower()
                if name and key not in seen:
                    seen[key] = Person(name=name, email=email)
    return list(seen.values())


def summary(
    segment: Segment, payload: Mapping[str, Any], elapsed: float, duration: float
) -> GroupsSummary:
    """The round being held now (rounds share the segment's time equally) and its rooms."""
    rounds = list(payload.get("rounds", []))
    if not rounds:
        return GroupsSummary(title="No groups.")
    each = duration / len(rounds) if duration > 0 else 0
    k = min(int(elapsed // each), len(rounds) - 1) if each else 0
    groups = rounds[k].get("groups", [])
    sizes = [len(g.get("members", [])) for g in groups]
    people = sum(sizes)
    span = (
        f"{min(sizes)}"
        if min(sizes, default=0) == max(sizes, default=0)
        else (f"{min(sizes)}-{max(sizes)}")
    )
    parts = []
    if len(rounds) > 1:
        parts.append(f"round {k + 1} of {len(rounds)}")
    parts.append(f"{len(groups)} rooms of {span}")
    parts.append(f"{people} people")
    if payload.get("seed") is not None:
        parts.append(f"seed {payload['seed']}")
    rooms = [
        (str(g.get("name", "")), [str(m.get("name", "")) for m in g.get("members", [])])
        for g in groups
    ]
    return GroupsSummary(title="Groups: " + " · ".join(parts) + " (g reshuffles)", rooms=rooms)
