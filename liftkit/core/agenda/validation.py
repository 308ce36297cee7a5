"""Validating an agenda's TOML tables: every problem found, one line each, with its fix."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from liftkit.core.agenda.characters import invisible, name_invisible
from liftkit.core.agenda.clock_readings import clock_notes, minutes_among_minutes, total_disagrees
from liftkit.core.agenda.durations import (
    DURATION_HINT,
    DurationError,
    format_duration,
    parse_duration,
)
from liftkit.core.agenda.language import language_problem
from liftkit.core.agenda.placement import at_top, in_poll, in_segment
from liftkit.core.agenda.polls import build_poll
from liftkit.core.agenda.round_questions import build_round_questions
from liftkit.core.agenda.schema import (
    AGENDA_KEYS,
    KINDS,
    SEGMENT_KEYS,
    Agenda,
    Poll,
    Problem,
    Segment,
    default_warn,
    format_problem,
)
from liftkit.core.agenda.synonyms import meant_kind
from liftkit.core.agenda.tables import Table, closest, type_name, unknown_keys
from liftkit.core.agenda.toml_source import LineIndex
from liftkit.core.errors import quoted


def build_agenda(
    raw: Mapping[str, Any], lines: LineIndex, source: str = "<agenda>"
) -> tuple[Agenda | None, list[Problem]]:
    """The agenda, or every problem found; `source` names the file in the agenda's notes."""
    problems: list[Problem] = []
    said: list[Problem] = []  # notes: not wrong, but worth knowing before the call

    def problem(line: int | None, message: str) -> None:
        problems.append(Problem(line, message))

    meant = unknown_keys(
        raw, AGENDA_KEYS, lambda key, msg: problem(lines.top_key(key), msg), at_top(raw)
    )

    def text_field(key: str, required: bool = False) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            problem(lines.top_key(key), f'"{key}" must be text, not {type_name(value)}')
            return ""
        # A misspelt key already has its own line ("did you mean ..."): no second one.
        if required and not value.strip() and key not in meant:
            problem(lines.top_key(key), f'the agenda needs a "{key}"; add {key} = "..."')
        return value

    title = _one_row(text_field("title", required=True))
    description = text_field("description")
    host = text_field("host")
    purpose = text_field("purpose")
    contact = text_field("contact")
    language = text_field("language").strip()
    if language and (wrong := language_problem(language)):
        problem(lines.top_key("language"), wrong)

    declared_total: int | None = None
    if "total" in raw:
        try:
            declared_total = parse_duration(raw["total"])
        except DurationError as exc:
            problem(lines.top_key("total"), f'"total": {exc}; {DURATION_HINT}')

    raw_segments = raw.get("segments")
    segments: list[Segment] = []
    if raw_segments is None and "segments" not in meant:  # [[segment]]: said once
        problem(None, "the agenda has no segments; add at least one [[segments]] table")
    elif raw_segments is None:
        pass
    elif not isinstance(raw_segments, list) or not all(isinstance(s, dict) for s in raw_segments):
        problem(
            lines.top_key("segments"),
            '"segments" must be a list of tables; write each as a [[segments]] table',
        )
    elif not raw_segments:
        problem(
            lines.top_key("segments"),
            "the agenda has no segments; add at least one [[segments]] table",
        )
    else:
        breakouts = 0
        for i, item in enumerate(raw_segments):
            segment = _build_segment(i, item, raw, lines, problems, said)
            if segment is not None:
                segments.append(segment)
                earlier = segment.same_groups or segment.join_groups
                if segment.kind == "breakout" and earlier and not breakouts:
                    key = "same_groups" if segment.same_groups else "join_groups"
                    problem(
                        lines.segment(i, key),
                        f"segment {i + 1} {quoted(segment.title)}: {key} needs a breakout "
                        "segment before it to take the rooms of; give this one group_size "
                        "or groups instead",
                    )
                breakouts += segment.kind == "breakout"

    if declared_total is not None and segments and len(segments) == len(raw_segments or []):
        durations = [s.duration for s in segments]
        if sum(durations) != declared_total:
            labels = [f"segment {i + 1} {quoted(s.title)}" for i, s in enumerate(segments)]
            problem(
                lines.top_key("total"),
                total_disagrees(
                    raw["total"], declared_total, raw_segments or [], durations, labels
                ),
            )
    elif segments and len(segments) == len(raw_segments or []):
        # "1:30" among minutes, where no total says which was meant
        for i, message in minutes_among_minutes(raw_segments or [], [s.duration for s in segments]):
            label = f"segment {i + 1} {quoted(segments[i].title)}"
            said.append(Problem(lines.segment(i, "duration"), f"{label}: {message}"))
        said.sort(key=lambda note: note.line or 0)

    if problems:
        return None, problems
    agenda = Agenda(
        title=title,
        segments=tuple(segments),
        description=description,
        host=host,
        declared_total=declared_total,
        purpose=purpose,
        contact=contact,
        language=language,
        notes=tuple(format_problem(source, note) for note in said),
    )
    return agenda, problems


# Beyond these a number is a slip (a stray digit, 1e9), not a plan; the groups code would
# spend minutes or all memory on it.
MAX_GROUP_SIZE = 1000
MAX_GROUPS = 1000
MAX_ROUNDS = 50


def _build_segment(
    i: int,
    item: Mapping[str, Any],
    top: Mapping[str, Any],
    lines: LineIndex,
    problems: list[Problem],
    said: list[Problem],
) -> Segment | None:
    name = item.get("title")
    named = isinstance(name, str) and name.strip()
    label = f"segment {i + 1} {quoted(str(name))}" if named else f"segment {i + 1}"
    count = len(problems)

    def problem(key: str | None, message: str) -> None:
        problems.append(Problem(lines.segment(i, key), f"{label}: {message}"))

    table = Table(item, problem, unknown_keys(item, SEGMENT_KEYS, problem, in_segment(top, lines)))
    title = table.text("title")
    if "title" not in table.meant and isinstance(item.get("title", ""), str) and not title.strip():
        problem("title", 'needs a "title"; add title = "..."')
    title = _one_row(title)
    if "duration" not in item and "duration" not in table.meant:
        problem(None, f'needs a "duration"; {DURATION_HINT}')
    duration = table.duration("duration") or 0
    kind = _segment_kind(table)
    prompt = table.text("prompt")
    notes = table.text("notes")
    summary = table.text("summary")
    questions = _questions(table)
    auto_advance = _flag(table, "auto_advance")
    warn = _warnings(table, duration)
    silence = _silence(table, duration)
    group_size, groups, rounds = _breakout(table, kind)
    min_group_size = _min_group_size(table, kind, group_size)
    same_groups, join_groups = _earlier_rooms(table, kind)
    round_questions = build_round_questions(table, kind, rounds)
    polls = _polls(
        table,
        lambda j, raw: build_poll(
            i, j, label, raw, lines, problems, in_poll(top, item, lines, i, j)
        ),
    )
    if len(problems) > count:
        return None
    for key, message in clock_notes(item, duration):
        said.append(Problem(lines.segment(i, key), f"{label}: {message}"))
    return Segment(
        title=title,
        duration=duration,
        kind=kind,
        prompt=prompt,
        questions=questions,
        notes=notes,
        warn=warn,
        auto_advance=auto_advance,
        group_size=group_size,
        min_group_size=min_group_size,
        groups=groups,
        rounds=rounds or 1,
        same_groups=same_groups,
        join_groups=join_groups or 0,
        polls=tuple(polls),
        silence=silence,
        summary=summary,
        round_questions=round_questions,
        line=lines.segment(i) or 0,
        warn_by_default="warn" not in item,
    )


def _segment_kind(table: Table) -> str:
    kind = table.item.get("kind", "other")
    valid_kinds = f"valid kinds: {', '.join(KINDS)}"
    if not isinstance(kind, str):
        table.problem("kind", f'"kind" must be text, not {type_name(kind)}; {valid_kinds}')
        return "other"
    # In any case, as units are ("5M"): kept as the lowercase kind it names ("Breakout").
    canonical = kind.lower()
    if canonical not in KINDS:
        close = closest(canonical, KINDS, meant_kind)
        hidden = next((c for c in kind if invisible(c)), "")
        if hidden and close == "".join(c for c in canonical if not invisible(c)):
            # "talk\u200b", pasted from a document: the character named, not only escaped
            said = f"it holds {name_invisible(hidden)}; write {quoted(close)}"
            table.problem("kind", f"unknown kind {quoted(kind)}: {said}")
            return "other"
        maybe = f'did you mean "{close}"? ' if close else ""
        table.problem("kind", f"unknown kind {quoted(kind)}; {maybe}{valid_kinds}")
        return "other"
    return canonical


def _questions(table: Table) -> tuple[str, ...]:
    raw = table.item.get("questions", [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(q, str) for q in raw):
        table.problem("questions", '"questions" must be a list of text, like ["First?", "Second?"]')
        return ()
    return tuple(raw)


def _flag(table: Table, key: str) -> bool:
    value = table.item.get(key, False)
    if not isinstance(value, bool):
        table.problem(
            key,
            f'"{key}" must be true or false, not {type_name(value)}; write true or false, in '
            "lower case, without quotes",
        )
        return False
    return value


def _warnings(table: Table, duration: int) -> tuple[int, ...]:
    """Seconds before the end, largest first: as written, or one minute in a long segment."""
    if "warn" not in table.item:
        return default_warn(duration)
    raw = table.item["warn"]
    parsed = []
    for value in raw if isinstance(raw, list) else [raw]:
        try:
            parsed.append(parse_duration(value))
        except DurationError as exc:
            table.problem("warn", f'"warn": {exc}; {DURATION_HINT}')
    for seconds in parsed:
        if duration and seconds >= duration:
            table.problem(
                "warn",
                f'"warn": a warning {format_duration(seconds)} before the end does not fit in '
                f"a {format_duration(duration)} segment; make it shorter than the segment",
            )
    return tuple(sorted(set(parsed), reverse=True))


def _silence(table: Table, duration: int) -> int:
    silence = table.duration("silence") or 0
    if duration and silence >= duration:
        table.problem(
            "silence",
            f'"silence": {format_duration(silence)} of silence does not fit in a '
            f"{format_duration(duration)} segment; make it shorter than the segment",
        )
    return silence


def _breakout(table: Table, kind: str) -> tuple[int | None, int | None, int | None]:
    """group_size, groups and rounds, which only a breakout segment may give."""
    group_size = table.whole("group_size", 2, MAX_GROUP_SIZE)
    groups = table.whole("groups", 1, MAX_GROUPS)
    rounds = table.whole("rounds", 1, MAX_ROUNDS)
    if group_size is not None and groups is not None:
        table.problem("groups", 'give "group_size" or "groups", not both')
    for key in ("group_size", "groups", "rounds"):
        if key in table.item and kind != "breakout":
            table.problem(key, f'"{key}" only applies to breakout segments; add kind = "breakout"')
    return group_size, groups, rounds


def _min_group_size(table: Table, kind: str, group_size: int | None) -> int | None:
    """`min_group_size`: no room smaller (Troika needs three), beside a `group_size`."""
    least = table.whole("min_group_size", 2, MAX_GROUP_SIZE)
    if "min_group_size" not in table.item:
        return None
    if kind != "breakout":
        table.problem(
            "min_group_size", '"min_group_size" only applies to breakout segments; '
            'add kind = "breakout"'
        )  # fmt: skip
    elif group_size is None and "group_size" not in table.item:
        table.problem(
            "min_group_size", '"min_group_size" goes with "group_size"; add group_size = N'
        )
    elif least is not None and group_size is not None and least > group_size:
        table.problem(
            "min_group_size",
            f'"min_group_size" {least} is more than "group_size" {group_size}; make it at most '
            f"{group_size}",
        )
    return least


def _earlier_rooms(table: Table, kind: str) -> tuple[bool, int | None]:
    """`same_groups = true` or `join_groups = N`: the rooms of the breakout before, kept or
    joined N at a time (1-2-4-All's pairs into fours), so no group keys of their own."""
    same = _flag(table, "same_groups")
    join = table.whole("join_groups", 2, MAX_GROUPS)
    # `same_groups = false` asks for nothing: only keys that ask for the earlier rooms count
    given = [key for key, value in (("same_groups", same), ("join_groups", join)) if value]
    if given and kind != "breakout":
        for key in given:
            table.problem(key, f'"{key}" only applies to breakout segments; add kind = "breakout"')
    elif len(given) == 2:
        table.problem("join_groups", 'give "same_groups" or "join_groups", not both')
    elif same or join:
        key = "same_groups = true" if same else f"join_groups = {join}"
        for other in ("group_size", "min_group_size", "groups", "rounds"):
            if other in table.item:
                table.problem(
                    other,
                    f'"{other}" with {key}: the rooms come from the breakout before; '
                    f'leave out "{other}"',
                )
    return same, join


def _polls(table: Table, build: Callable[[int, Mapping[str, Any]], Poll | None]) -> list[Poll]:
    raw = table.item.get("polls", [])
    if not isinstance(raw, list) or not all(isinstance(p, dict) for p in raw):
        table.problem("polls", '"polls" must be a list of tables; write each as [[segments.polls]]')
        return []
    return [poll for j, item in enumerate(raw) if (poll := build(j, item)) is not None]


def _one_row(title: str) -> str:
    """A title on one line, its runs of spaces, tabs and line breaks one space: a title
    written across lines (a TOML multi-line string) was printed on two by `agenda check`,
    `agenda show` and `run --plain`, breaking plain mode's one line per event."""
    return " ".join(title.split())
