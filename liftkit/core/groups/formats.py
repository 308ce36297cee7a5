"""Breakout groups in files: JSON, TOML, CSV, Markdown and Zoom's pre-assignment CSV
(reading a JSON or TOML groups file back is in reading.py, re-exported here).

The JSON schema (DESIGN.md; these keys are relied on):
    {"seed": 42, "rounds": [{"round": 1, "groups": [{"name": "Room 1",
      "members": [{"name": "Ada Lovelace", "email": "ada@example.org"}]}]}],
     "score": {"repeat_pairs": 0}}
Members may also carry "facilitator": true and "attributes"; the score more figures; and
"settings" records how the split was asked for.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from liftkit.core.errors import LiftkitError
from liftkit.core.groups.csv_rooms import ATTENDEE_FILE, FORMULA_STARTS
from liftkit.core.groups.model import Round, Score, Split
from liftkit.core.groups.reading import (
    load_groups_file,
    parse_groups,
    rooms_named_alike,
    split_from_data,
)
from liftkit.core.people.apart import names_apart
from liftkit.core.people.model import header_key
from liftkit.core.people.reader import Person
from liftkit.core.text import escape_line, heading, one_line, plural

FORMATS = ("table", "md", "csv", "zoom", "json", "toml")
__all__ = [
    "FORMATS",
    "load_groups_file",
    "parse_groups",
    "render",
    "score_dict",
    "split_dict",
    "split_from_data",
    "to_json",
]

ZOOM_HEADER = "Pre-assign Room Name,Email Address"
ZOOM_MAX_ROOMS = 100
ZOOM_MAX_PARTICIPANTS = 1000


def format_for_path(path: str) -> str | None:
    """The format a file name implies (.json, .toml, .csv, .md, .markdown, .txt), or None."""
    suffix = Path(path).suffix.lower()
    return {".json": "json", ".toml": "toml", ".csv": "csv", ".md": "md", ".markdown": "md",
            ".txt": "md"}.get(suffix)  # fmt: skip


# --- writing ----------------------------------------------------------------------------


def score_dict(score: Score) -> dict[str, Any]:
    data: dict[str, Any] = {
        "repeat_pairs": score.repeat_pairs,
        "most_meetings": score.most_meetings,
        "pairs_met": score.pairs_met,
        "spread": {column: spread for column, spread in score.spread},
        "constraints_held": score.constraints_held,
        "constraints_total": score.constraints_total,
        "groups_without_facilitator": score.groups_without_facilitator,
        "moved": score.moved,
    }
    if score.limit:
        data["limit"] = score.limit
    return data


def _member(person: Person, facilitator: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name, "email": person.email}
    if facilitator:
        data["facilitator"] = True
    if person.attributes:
        data["attributes"] = dict(person.attributes)
    return data


def split_dict(split: Split) -> dict[str, Any]:
    return {
        "seed": split.seed,
        "rounds": [
            {
                "round": rnd.number,
                "groups": [
                    {
                        "name": group.name,
                        "members": [
                            _member(person, person in group.facilitators)
                            for person in group.members
                        ],
                    }
                    for group in rnd.groups
                ],
            }
            for rnd in split.rounds
        ],
        "score": score_dict(split.score),
        "settings": dict(split.settings),
    }


def to_json(split: Split) -> str:
    return json.dumps(split_dict(split), indent=2, ensure_ascii=False) + "\n"


def _drop_none(value: Any) -> Any:
    """TOML has no null: leave such keys out."""
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value if v is not None]
    return value


def to_toml(split: Split) -> str:
    import tomli_w

    data = _drop_none(split_dict(split))
    # Nested empty lists (a --together-free "together = []") are fine; lists of lists of
    # strings are valid TOML arrays.
    return tomli_w.dumps(data)


# Cells a spreadsheet would take for a formula (OWASP, CSV injection): "=HYPERLINK(…)" in a
# name must stay text when a host opens the file in Excel or LibreOffice. A leading
# apostrophe makes it text there and shows nothing; tab and carriage return count too.


def spreadsheet_safe(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _safe_rows(rows: Sequence[Sequence[object]]) -> list[list[str]]:
    return [[spreadsheet_safe(cell) for cell in row] for row in rows]


def to_csv(split: Split) -> str:
    """round, group, name, email, then every attribute column (and facilitator if any)."""
    columns: list[str] = []
    facilitators = False
    for rnd in split.rounds:
        for group in rnd.groups:
            facilitators = facilitators or bool(group.facilitators)
            for person in group.members:
                for column in person.attributes:
                    if column not in columns:
                        columns.append(column)
    fixed = ["round", "group", "name", "email", *(["facilitator"] if facilitators else [])]
    if facilitators:  # its "yes" made them facilitators: the flag column says it now
        columns = [c for c in columns if header_key(c) != "facilitator"]
    rows: list[list[object]] = [[*fixed, *_other_headings(fixed, columns)]]
    for rnd in split.rounds:
        for group in rnd.groups:
            for person in group.members:
                flag = ["yes" if person in group.facilitators else ""] if facilitators else []
                rows.append(
                    [
                        rnd.number,
                        group.name,
                        person.name,
                        person.email or "",
                        *flag,
                        *(person.attributes.get(c, "") for c in columns),
                    ]
                )
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(_safe_rows(rows))
    return buffer.getvalue()


def _other_headings(fixed: list[str], columns: list[str]) -> list[str]:
    """The attendee file's columns as headings after liftkit's own: one named like one of
    liftkit's ("group", "Email") gets "(attendee file)" after its name, so that no two
    columns share a name."""
    taken = {header_key(c) for c in fixed}
    return [f"{c}{ATTENDEE_FILE}" if header_key(c) in taken else c for c in columns]


def to_zoom(split: Split, round_number: int | None = None) -> tuple[str, list[tuple[str, Person]]]:
    """Zoom's breakout pre-assignment CSV for one round, and who has no email (with room).

    Zoom imports exactly the header `Pre-assign Room Name,Email Address`, one row per
    participant; it allows at most 100 rooms and 1,000 participants.
    """
    rnd = pick_round(split, round_number)
    check_zoom_limits(len(rnd.groups), 0)
    _check_rooms_apart(rnd)
    rows: list[tuple[str, str]] = []
    missing: list[tuple[str, Person]] = []
    for group in rnd.groups:
        for person in group.members:
            if person.email:
                rows.append((group.name, person.email))
            else:
                missing.append((group.name, person))
    check_zoom_limits(0, len(rows))
    buffer = io.StringIO()
    buffer.write(ZOOM_HEADER + "\n")
    csv.writer(buffer, lineterminator="\n").writerows(_safe_rows(rows))
    return buffer.getvalue(), missing


def _check_rooms_apart(rnd: Round) -> None:
    """Zoom makes a room of each name in the file: two rooms of one name would be one room
    of both. A groups file is refused so when it is read; this holds for any split, one
    built or renamed through the API too."""
    alike = rooms_named_alike(rnd)
    if alike is not None:
        raise LiftkitError(
            f"`format` zoom: round {rnd.number} has two rooms named '{one_line(alike[1])}', "
            "which Zoom would make one room",
            "give each room of the round its own name",
        )


def check_zoom_limits(rooms: int, participants: int) -> None:
    """Refuse what Zoom will not import; called before the split too, so that a list too
    large for Zoom is refused before the work, not after it."""
    if rooms > ZOOM_MAX_ROOMS:
        raise LiftkitError(
            f"`format` zoom: {rooms} rooms, but Zoom pre-assigns at most "
            f"{ZOOM_MAX_ROOMS} breakout rooms",
            "use bigger groups (`size`) or another `format`",
        )
    if participants > ZOOM_MAX_PARTICIPANTS:
        raise LiftkitError(
            f"`format` zoom: {participants} participants, but Zoom pre-assigns at most "
            f"{ZOOM_MAX_PARTICIPANTS} to breakout rooms",
            "split the list, or use another `format`",
        )


def pick_round(split: Split, round_number: int | None) -> Round:
    """Round `round_number` by its number (a plan updated from week 3 on starts at round 3);
    without one, the split's first round."""
    if round_number is None:
        return split.rounds[0]
    for rnd in split.rounds:
        if rnd.number == round_number:
            return rnd
    numbers = [rnd.number for rnd in split.rounds]
    if len(numbers) == 1:
        raise LiftkitError(f"`round` {round_number}: the split has one round", "leave out `round`")
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        held, use = f"{numbers[0]} to {numbers[-1]}", f"{numbers[0]} to {numbers[-1]}"
    else:
        listed = ", ".join(map(str, numbers[:-1]))
        held, use = f"{listed} and {numbers[-1]}", f"{listed} or {numbers[-1]}"
    raise LiftkitError(f"`round` {round_number}: the split has rounds {held}", f"use `round` {use}")


def score_lines(split: Split) -> list[str]:
    """The score in words, one fact a line."""
    score = split.score
    lines = [
        f"repeat pairs: {score.repeat_pairs} (pairs who meet in more than one round)",
        f"most meetings of any pair: {score.most_meetings}",
    ]
    if score.limit:
        lines.append(score.limit)
    groups = len(split.rounds[0].groups) if split.rounds else 0
    for column, spread in score.spread:
        lines.append(f"balance of {column}: {_balance_words(spread, groups)}")
    if score.constraints_total:
        lines.append(f"constraints held: {score.constraints_held} of {score.constraints_total}")
    facilitators = split.settings.get("facilitators")
    if facilitators:
        worst = "in the worst round" + (" planned" if split.settings.get("held") else "")
        lines.append(f"groups without a facilitator: {score.groups_without_facilitator} ({worst})")
    if score.moved:
        lines.append(f"moved from their earlier room: {score.moved}")
    return lines


def _balance_words(spread: int, groups: int) -> str:
    if groups <= 1:
        return "one group holds everyone, so there is nothing to spread"
    if spread == 0:
        return "balanced (every group holds as many of each value)"
    verdict = "balanced" if spread <= 1 else "uneven"
    return f"{verdict} (counts of a value differ by at most {spread} between groups)"


def summary_line(split: Split) -> str:
    people = split.settings.get("people")
    if not isinstance(people, int):
        people = sum(len(g.members) for g in split.rounds[0].groups) if split.rounds else 0
    groups = len(split.rounds[0].groups) if split.rounds else 0
    rounds = plural(len(split.rounds), "round")
    of_rounds, start = split.settings.get("of_rounds"), split.settings.get("of_rounds_from", 1)
    if isinstance(of_rounds, int) and len(split.rounds) == 1:
        number = split.rounds[0].number
        rounds = f"round {number} of {of_rounds}"
        if of_rounds == 1:  # a plan of one round (a week-3 file of its own): round 3
            rounds = f"round {number}"
        elif isinstance(start, int) and start != 1:  # a plan carried on from week 3: 3 to 5
            rounds = f"round {number} (rounds {start} to {start + of_rounds - 1})"
    seed = f", seed {split.seed}" if split.seed is not None else ""
    return f"{plural(people, 'person', 'people')} in {plural(groups, 'group')}, {rounds}{seed}"


def to_markdown(split: Split) -> str:
    """A heading per round and per room, members as a list, then the score.

    People of one name are told apart by their organisation. Names, room names and column
    names are escaped as the event pack escapes participants'
    text (liftkit.core.text): they show verbatim and never add headings, lists, quotes,
    code or HTML.
    """

    def item(text: str) -> str:
        return "- " + escape_line(one_line(text))

    out = ["# Breakout groups", "", summary_line(split) + ".", ""]
    for rnd in split.rounds:
        if len(split.rounds) > 1:
            out += [f"## Round {rnd.number}", ""]
        level = 3 if len(split.rounds) > 1 else 2
        # people of one name told apart by organisation: the rooms go to facilitators and
        # on a shared screen, so no emails (liftkit.core.people.apart)
        apart = names_apart((p for group in rnd.groups for p in group.members), emails=False)
        for group in rnd.groups:
            out += [heading(level, f"{group.name} ({len(group.members)})"), ""]
            for person in group.members:
                suffix = " (facilitator)" if person in group.facilitators else ""
                out.append(item(apart.get(person, person.name)) + suffix)
            out.append("")
    out += [f"## {score_title(split)}", ""]
    out += [item(line) for line in score_lines(split)]
    return "\n".join(out) + "\n"


def score_title(split: Split) -> str:
    """ "Score", or over one round of a plan "Score of all 4 rounds": the score is the plan's."""
    of_rounds = split.settings.get("of_rounds")
    return f"Score of all {of_rounds} rounds" if of_rounds and of_rounds != 1 else "Score"


def only_round(split: Split, round_number: int) -> Split:
    """`split` with round `round_number` alone (this week's rooms of a programme's plan), its
    score still that of the whole split."""
    settings = split.settings | {"of_rounds": split.settings.get("of_rounds", len(split.rounds))}
    # The plan's first round, for the summary of one of a plan carried on from week 3:
    # round 4 (rounds 3 to 5). A round alone already (a file of one) says its own, or 1.
    first = split.rounds[0].number if split.rounds and "of_rounds" not in split.settings else 1
    start = split.settings.get("of_rounds_from", first)
    if start != 1:
        settings["of_rounds_from"] = start
    return replace(split, rounds=(pick_round(split, round_number),), settings=settings)


def render(split: Split, fmt: str, round_number: int | None = None) -> str:
    """The text of `split` in a file format (not `table`, which the shell draws); with
    `round_number`, that round only."""
    if round_number is not None and fmt != "zoom":
        split = only_round(split, round_number)
    if fmt == "json":
        return to_json(split)
    if fmt == "toml":
        return to_toml(split)
    if fmt == "csv":
        return to_csv(split)
    if fmt == "md":
        return to_markdown(split)
    if fmt == "zoom":
        return to_zoom(split, round_number)[0]
    raise LiftkitError(f"`format` {fmt}: unknown format", "use one of " + ", ".join(FORMATS))
