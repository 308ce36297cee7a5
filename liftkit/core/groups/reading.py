"""Reading a groups file back: the JSON, TOML or CSV of `liftkit groups`, checked in full
(`liftkit run --groups FILE`, `--previous FILE`, `liftkit export`)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from liftkit.core.errors import LiftkitError
from liftkit.core.files import read_input
from liftkit.core.groups.csv_rooms import csv_rooms_data, is_csv_rooms
from liftkit.core.groups.model import Group, Round, Score, Split, repeat_summary
from liftkit.core.people.reader import Person
from liftkit.core.text import one_line, same_words


def load_groups_file(
    path: str | Path, recorded: bool = False, field: str = "", attendees: bool = False
) -> Split:
    """A groups file written by `liftkit groups --format json|toml|csv`, checked in full;
    `recorded`: a session's record of rooms that ran, read as they were (split_from_data);
    `field`: the argument that gave it, named when it is missing or holds twins;
    `attendees`: an attendee list was given with it (its names are the ones to use)."""
    label = str(path)
    hint = "give a file from liftkit groups"
    if field:
        hint = f"check the path given to `{field}`: the JSON, TOML or CSV written by liftkit groups"
    raw = read_input(path, "a groups file", hint)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if is_csv_rooms(text := raw.decode("cp1252", "replace")):  # as Excel saves it
            return parse_groups(text, label, recorded, field, attendees)
        raise LiftkitError(
            f"{label}: not a text file", "give the JSON or TOML from liftkit groups"
        ) from None
    return parse_groups(text, label, recorded, field, attendees)


def parse_groups(
    text: str,
    label: str = "groups",
    recorded: bool = False,
    field: str = "",
    attendees: bool = False,
) -> Split:
    data: Any
    if is_csv_rooms(text):  # liftkit's CSV of rooms, edited in a spreadsheet perhaps
        return split_from_data(csv_rooms_data(text, label), label, recorded, field, attendees)
    if text.lstrip().startswith("{") or label.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LiftkitError(
                f"{label}: line {exc.lineno}: not valid JSON: {exc.msg}",
                "give the JSON or TOML written by liftkit groups",
            ) from None
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LiftkitError(
                f"{label}: {_other_output(text) or f'not valid JSON or TOML: {exc}'}",
                "give the JSON, TOML or CSV written by liftkit groups",
            ) from None
    return split_from_data(data, label, recorded, field, attendees)


# The first lines of liftkit groups' other formats, which are for people and Zoom to read.
_OTHER_OUTPUTS = {
    "pre-assign room name": "a Zoom pre-assignment file, which holds emails but no names",
    "# breakout groups": "the Markdown of rooms that liftkit groups writes for people",
}


def _other_output(text: str) -> str:
    """What a groups output that is not read back is ("" for anything else): it was refused
    as 'not valid JSON or TOML: Expected '=' after a key…'."""
    line = text.lstrip().split("\n", 1)[0].strip()
    first = line.lower()
    known = next((what for start, what in _OTHER_OUTPUTS.items() if first.startswith(start)), "")
    if known or "=" in first or "[" in first:
        return known
    # A table's header, as an attendee list has ("name,email"): a QA pass gave last week's
    # attendee list for the split and was told "Expected '=' after a key".
    for delimiter in (",", ";", "\t"):
        cells = [cell.strip().strip('"') for cell in line.split(delimiter)]
        if len(cells) > 1 and all(cells):
            shown = ", ".join(cells[:5]) + (", …" if len(cells) > 5 else "")
            return (f"a table whose header ({shown}) has no 'round' and 'group' columns: an "
                    "attendee list, not a split of rooms")  # fmt: skip
    return ""


def _need(condition: bool, label: str, where: str, what: str) -> None:
    if not condition:
        raise LiftkitError(
            f"{label}: {where}: {what}", "give a groups file written by liftkit groups"
        )


def split_from_data(
    data: Any, label: str, recorded: bool = False, field: str = "", attendees: bool = False
) -> Split:
    """The split a groups file holds, checked in full. Rounds numbered out of order or twice,
    and two rooms of one name in a round (Zoom would make one room of them), are refused,
    unless `recorded`: a session's own record of the rooms that ran (its journal, its copy
    of the file), read back as it was written."""
    _need(isinstance(data, dict), label, "top level", "expected a table with 'rounds'")
    rounds_data = data.get("rounds")
    _need(isinstance(rounds_data, list) and bool(rounds_data), label, "rounds", "missing or empty")
    seed = data.get("seed")
    _need(
        seed is None or (isinstance(seed, int) and not isinstance(seed, bool)),
        label,
        "seed",
        "expected a whole number",
    )
    rounds: list[Round] = []
    for r, rnd in enumerate(rounds_data):
        where = f"rounds[{r}]"
        _need(isinstance(rnd, dict), label, where, "expected a table")
        number = rnd.get("round", rounds[-1].number + 1 if rounds else 1)
        _need(
            isinstance(number, int) and not isinstance(number, bool) and number >= 1,
            label,
            f"{where}.round",
            "expected a whole number from 1",
        )
        if rounds and number <= rounds[-1].number and not recorded:
            # `--round N` takes round N: one number, one round, in the order they run
            raise LiftkitError(
                f"{label}: {where}.round: round {number} comes after round {rounds[-1].number}",
                "number the rounds in the order they run, each number once",
            )
        if rounds and number != rounds[-1].number + 1 and not recorded:
            # rounds 1 and 5 were headed "Round 1", "Round 5" and ran as "round 6 of 3",
            # though a Split built in code so is refused (api_arguments.checked_split)
            raise LiftkitError(
                f"{label}: {where}.round: round {number} does not follow round {rounds[-1].number}",
                f"number the rounds one after another: {rounds[-1].number + 1} for {where}",
            )
        groups_data = rnd.get("groups")
        _need(
            isinstance(groups_data, list) and bool(groups_data),
            label,
            f"{where}.groups",
            "missing or empty" if not groups_data else "expected a list of rooms",
        )
        groups: list[Group] = []
        for g, group in enumerate(groups_data):
            gwhere = f"{where}.groups[{g}]"
            _need(isinstance(group, dict), label, gwhere, "expected a table")
            name = group.get("name", f"Room {g + 1}")
            _need(
                isinstance(name, str) and bool(name.strip()),
                label,
                f"{gwhere}.name",
                "expected a room name",
            )
            members_data = group.get("members")
            _need(
                isinstance(members_data, list),
                label,
                f"{gwhere}.members",
                "missing" if members_data is None else 'expected a list, e.g. ["Ada", "Grace"]',
            )
            members: list[Person] = []
            facilitators: list[Person] = []
            for m, member in enumerate(members_data):
                mwhere = f"{gwhere}.members[{m}]"
                if isinstance(member, str):
                    member = {"name": member}
                _need(isinstance(member, dict), label, mwhere, "expected a name or a table")
                person_name = member.get("name")
                _need(
                    isinstance(person_name, str) and bool(person_name.strip()),
                    label,
                    f"{mwhere}.name",
                    "expected a name",
                )
                email = member.get("email")
                _need(
                    email is None or isinstance(email, str),
                    label,
                    f"{mwhere}.email",
                    "expected text",
                )
                attributes = member.get("attributes", {})
                _need(
                    isinstance(attributes, dict)
                    and all(
                        isinstance(k, str) and isinstance(v, str) for k, v in attributes.items()
                    ),
                    label,
                    f"{mwhere}.attributes",
                    "expected a table of text values",
                )
                person = Person(person_name.strip(), email or None, dict(attributes))
                members.append(person)
                if member.get("facilitator") is True:
                    facilitators.append(person)
            groups.append(Group(name, tuple(members), tuple(facilitators)))
        rounds.append(Round(number, tuple(groups)))
    _check_each_once(rounds, f"`{field}` {label}" if field else label, attendees)
    if not recorded:
        _check_rooms_named_once(rounds, label)
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    return Split(tuple(rounds), score_rounds(rounds), seed, (), dict(settings))


def _check_each_once(rounds: Sequence[Round], label: str, attendees: bool) -> None:
    """Each person once a round; two of one name and no email cannot be told apart (`label`
    names the file, and the argument that gave it; `attendees`: a list was given with it)."""
    for rnd in rounds:
        seen: dict[tuple[str, str], tuple[Person, int]] = {}
        for g, group in enumerate(rnd.groups):
            for person in group.members:
                # one email and two names: tickets of one order, two people (see
                # liftkit.core.people.duplicates), as match_person tells them apart
                key = ((person.email or "").casefold(), same_words(person.name))
                if key in seen:
                    first, at = seen[key]
                    where = (
                        f"is in {group.name} twice" if at == g
                        else f"is in both {rnd.groups[at].name} and {group.name}"
                    )  # fmt: skip
                    if first.email or person.email:
                        raise LiftkitError(
                            f"{label}: round {rnd.number}: {first.label} {where}",
                            "each person belongs in one group per round",
                        )
                    # two guests of one name, as liftkit wrote them before it numbered
                    # them ("iPhone", "iPhone (2)"): which is which cannot be known
                    raise LiftkitError(
                        f"{label}: round {rnd.number}: {first.label} {where}, with no email "
                        "to tell two people apart",
                        f"if they are two, name them apart in every round ('{first.name}', "
                        f"'{first.name} (2)'{_NAMED_SO if attendees else ''}), or make the "
                        "groups again; if one, keep one",
                    )
                seen[key] = (person, g)


# said only when an attendee list was given: none is, to `run --groups` or `export`
_NAMED_SO = ", as the attendee list now names them"


def _check_rooms_named_once(rounds: Sequence[Round], label: str) -> None:
    """A hand-written file may name its rooms, but no two alike in one round (case and
    spacing aside): Zoom's pre-assignment file would make one room of the two, and a host
    could not tell them apart."""
    for rnd in rounds:
        alike = rooms_named_alike(rnd)
        if alike is not None:
            raise LiftkitError(
                f"{label}: round {rnd.number}: two rooms named " + _alike(*alike),
                "give each room of a round its own name",
            )


def rooms_named_alike(rnd: Round) -> tuple[str, str] | None:
    """The first two rooms of the round whose names are alike (case and spacing aside)."""
    seen: dict[str, str] = {}
    for group in rnd.groups:
        key = same_words(group.name)
        if key in seen:
            return seen[key], group.name
        seen[key] = group.name
    return None


def _alike(first: str, second: str) -> str:
    if first == second:
        return f"'{one_line(first)}'"
    return f"alike, '{one_line(first)}' and '{one_line(second)}'"


def score_rounds(rounds: Sequence[Round]) -> Score:
    """The repeat figures of rounds read from a file (people matched by email, else name)."""
    ids: dict[str, int] = {}
    schedule: list[list[int]] = []
    for rnd in rounds:
        for group in rnd.groups:
            for person in group.members:
                ids.setdefault(same_words(person.email or person.name), len(ids))
    for rnd in rounds:
        row = [-1] * len(ids)
        for g, group in enumerate(rnd.groups):
            for person in group.members:
                row[ids[same_words(person.email or person.name)]] = g
        # People absent from a round get a group of their own there, meeting nobody.
        schedule.append([g if g >= 0 else -1 - p for p, g in enumerate(row)])
    repeats, most, met = repeat_summary(schedule, list(range(len(ids))))
    lacking = 0
    if any(group.facilitators for rnd in rounds for group in rnd.groups):
        lacking = max(sum(1 for g in rnd.groups if not g.facilitators) for rnd in rounds)
    return Score(repeats, most, met, groups_without_facilitator=lacking)
