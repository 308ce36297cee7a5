"""Breakout groups in files: JSON, TOML, CSV, Markdown and Zoom's pre-assignment CSV, and
reading a JSON or TOML groups file back (`liftkit run --groups FILE`, `--previous FILE`).

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
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from liftkit.core.errors import LiftkitError
from liftkit.core.files import read_input
from liftkit.core.groups.split import Group, Round, Score, Split, score_rounds
from liftkit.core.people.reader import Person
from liftkit.core.text import escape_line, heading, one_line, plural

FORMATS = ("table", "md", "csv", "zoom", "json", "toml")
ZOOM_HEADER = "Pre-assign Room Name,Email Address"
ZOOM_MAX_ROOMS = 100
ZOOM_MAX_PARTICIPANTS = 1000


def format_for_path(path: str) -> str | None:
    """The format a file name implies (.json, .toml, .csv, .md), or None."""
    suffix = Path(path).suffix.lower()
    return {".json": "json", ".toml": "toml", ".csv": "csv", ".md": "md"}.get(suffix)


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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    rows: list[list[object]] = [
        ["round", "group", "name", "email", *(["facilitator"] if facilitators else []), *columns]
    ]
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


def to_zoom(split: Split, round_number: int | None = None) -> tuple[str, list[tuple[str, Person]]]:
    """Zoom's breakout pre-assignment CSV for one round, and who has no email (with room).

    Zoom imports exactly the header `Pre-assign Room Name,Email Address`, one row per
    participant; it allows at most 100 rooms and 1,000 participants.
    """
    rnd = pick_round(split, round_number)
    if len(rnd.groups) > ZOOM_MAX_ROOMS:
        raise LiftkitError(
            f"--format zoom: {len(rnd.groups)} rooms, but Zoom pre-assigns at most "
            f"{ZOOM_MAX_ROOMS} breakout rooms",
            "use bigger groups (--size) or another --format",
        )
    rows: list[tuple[str, str]] = []
    missing: list[tuple[str, Person]] = []
    for group in rnd.groups:
        for person in group.members:
            if person.email:
                rows.append((group.name, person.email))
            else:
                missing.append((group.name, person))
    if len(rows) > ZOOM_MAX_PARTICIPANTS:
        raise LiftkitError(
            f"--format zoom: {len(rows)} participants, but Zoom pre-assigns at most "
            f"{ZOOM_MAX_PARTICIPANTS} to breakout rooms",
            "split the list, or use another --format",
        )
    buffer = io.StringIO()
    buffer.write(ZOOM_HEADER + "\n")
    csv.writer(buffer, lineterminator="\n").writerows(_safe_rows(rows))
    return buffer.getvalue(), missing


def pick_round(split: Split, round_number: int | None) -> Round:
    number = round_number or 1
    for rnd in split.rounds:
        if rnd.number == number:
            return rnd
    if len(split.rounds) == 1:
        raise LiftkitError(f"--round {number}: the split has one round", "leave out --round")
    raise LiftkitError(
        f"--round {number}: the split has rounds 1 to {len(split.rounds)}",
        f"use --round 1 to {len(split.rounds)}",
    )


def score_lines(split: Split) -> list[str]:
    """The score in words, one fact a line."""
    score = split.score
    lines = [
        f"repeat pairs: {score.repeat_pairs} (pairs who meet in more than one round)",
        f"most meetings of any pair: {score.most_meetings}",
    ]
    for column, spread in score.spread:
        verdict = "balanced" if spread <= 1 else "uneven"
        lines.append(
            f"balance of {column}: {verdict} (counts of a value differ by at most {spread} "
            "between groups)"
        )
    if score.constraints_total:
        lines.append(f"constraints held: {score.constraints_held} of {score.constraints_total}")
    facilitators = split.settings.get("facilitators")
    if facilitators:
        lines.append(
            f"groups without a facilitator: {score.groups_without_facilitator} (in the worst round)"
        )
    if score.moved:
        lines.append(f"moved from their earlier room: {score.moved}")
    return lines


def summary_line(split: Split) -> str:
    people = split.settings.get("people")
    if not isinstance(people, int):
        people = sum(len(g.members) for g in split.rounds[0].groups) if split.rounds else 0
    groups = len(split.rounds[0].groups) if split.rounds else 0
    rounds = len(split.rounds)
    seed = f", seed {split.seed}" if split.seed is not None else ""
    return (
        f"{plural(people, 'person', 'people')} in {plural(groups, 'group')}, "
        f"{plural(rounds, 'round')}{seed}"
    )


def to_markdown(split: Split) -> str:
    """A heading per round and per room, members as a list, then the score.

    Names, room names and column names are escaped as the event pack escapes participants'
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
        for group in rnd.groups:
            out += [heading(level, f"{group.name} ({len(group.members)})"), ""]
            for person in group.members:
                suffix = " (facilitator)" if person in group.facilitators else ""
                out.append(item(person.name) + suffix)
            out.append("")
    out += ["## Score", ""]
    out += [item(line) for line in score_lines(split)]
    return "\n".join(out) + "\n"


def render(split: Split, fmt: str, round_number: int | None = None) -> str:
    """The text of `split` in a file format (not `table`, which the shell draws)."""
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
    raise LiftkitError(f"--format {fmt}: unknown format", "use one of " + ", ".join(FORMATS))


# --- reading ----------------------------------------------------------------------------


def load_groups_file(path: str | Path) -> Split:
    """A groups file written by `liftkit groups --format json|toml`, checked in full."""
    label = str(path)
    raw = read_input(path, "a groups file", "give a file from liftkit groups")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LiftkitError(
            f"{label}: not a text file", "give the JSON or TOML from liftkit groups"
        ) from None
    return parse_groups(text, label)


def parse_groups(text: str, label: str = "groups") -> Split:
    data: Any
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
                f"{label}: not valid JSON or TOML: {exc}",
                "give the JSON or TOML written by liftkit groups",
            ) from None
    return split_from_data(data, label)


def _need(condition: bool, label: str, where: str, what: str) -> None:
    if not condition:
        raise LiftkitError(
            f"{label}: {where}: {what}", "give a groups file written by liftkit groups"
        )


def split_from_data(data: Any, label: str) -> Split:
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
        number = rnd.get("round", r + 1)
        _need(
            isinstance(number, int) and not isinstance(number, bool) and number >= 1,
            label,
            f"{where}.round",
            "expected a whole number from 1",
        )
        groups_data = rnd.get("groups")
        _need(
            isinstance(groups_data, list) and bool(groups_data),
            label,
            f"{where}.groups",
            "missing or empty",
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
            _need(isinstance(members_data, list), label, f"{gwhere}.members", "missing")
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
    _check_each_once(rounds, label)
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    return Split(tuple(rounds), score_rounds(rounds), seed, (), dict(settings))


def _check_each_once(rounds: Sequence[Round], label: str) -> None:
    for rnd in rounds:
        seen: dict[str, tuple[Person, str]] = {}
        for group in rnd.groups:
            for person in group.members:
                key = (person.email or person.name).casefold()
                if key in seen:
                    first, room = seen[key]
                    raise LiftkitError(
                        f"{label}: round {rnd.number}: {first.label} is in both "
                        f"{room} and {group.name}",
                        "each person belongs in one group per round",
                    )
                seen[key] = (person, group.name)
