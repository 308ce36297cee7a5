"""Writing a script's agenda back as TOML (`liftkit.render_agenda`).

The `agenda` its messages name is the library's argument, which no command has: the
command line writes agendas only from templates and files it has validated.
"""

from __future__ import annotations

import dataclasses

from liftkit.api_arguments import shown
from liftkit.core.agenda.schema import (
    KINDS,
    POLL_KINDS,
    Agenda,
    AgendaError,
    Problem,
    Segment,
    default_warn,
)
from liftkit.core.agenda.timeline import warnings_for
from liftkit.core.agenda.toml_source import read_toml
from liftkit.core.agenda.validation import build_agenda
from liftkit.core.agenda.writing import dumps_agenda
from liftkit.core.errors import LiftkitError, quoted

# What a default gives: no warning in a segment of two minutes or less, else one a minute
# before the end (schema.default_warn).
DEFAULTS = {default_warn(2 * 60), default_warn(60 * 60)}


def checked_toml(agenda: object) -> str:
    """A script's agenda as TOML that loads back as it. One it changed is not validated
    until now: what would not load is an AgendaError naming the segment (not a line of
    text the script never saw), or a LiftkitError for a value TOML cannot hold."""
    if not isinstance(agenda, Agenda):
        raise LiftkitError(
            f"`agenda` {shown(agenda)}: not an agenda",
            "give the Agenda of load_agenda or parse_agenda",
        )
    if (wrong := _not_seconds(agenda)) is not None:  # said as Python said it, before
        raise LiftkitError(           # ("'<=' not supported between 'str' and 'int'")
            f"`agenda`: {wrong}", "give durations as seconds (int): 300 for 5 minutes; "
            "warn as a tuple of seconds, such as (60,)",
        )  # fmt: skip
    agenda = _default_warnings(agenda)
    try:
        unspellable = _unspellable(agenda)
        text = dumps_agenda(agenda)
    except (TypeError, ValueError, AttributeError) as error:
        raise _unwritable(agenda) or LiftkitError(
            f"`agenda`: cannot be written as TOML: {error}",
            "give texts as str, durations as seconds (int) and polls as Poll",
        ) from None
    if unspellable:
        raise AgendaError("`agenda`", unspellable)
    back, problems = build_agenda(*read_toml(text, "`agenda`"))
    if problems:
        raise AgendaError("`agenda`", [Problem(None, p.message) for p in problems])
    if back is not None and (changed := _read_back_otherwise(agenda, back)):
        raise AgendaError("`agenda`", changed)
    return text


def _default_warnings(agenda: Agenda) -> Agenda:
    """A segment whose file gave no `warn` warns by default for its length: one a script
    made shorter or longer takes the default of its new length, as `liftkit new` does
    (timeline.warnings_for), rather than a warning 'that does not fit' that the script never
    set, or none in a segment grown past two minutes. A `warn` the script gave that no default
    gives is its own, and kept."""
    segments = tuple(
        dataclasses.replace(s, warn=warnings_for(s, s.duration))
        if s.warn_by_default and isinstance(s.duration, int) and tuple(s.warn) in DEFAULTS
        else s
        for s in agenda.segments
    )
    return dataclasses.replace(agenda, segments=segments)


def _read_back_otherwise(agenda: Agenda, back: Agenda) -> list[Problem]:
    """What the file would read back differently from the script's agenda: same_groups="no"
    was written as true (a text is true), poll options 1 and 2 read back as "1" and "2".
    Warnings read back in the file's order (the earliest first), which is no change."""
    pairs: list[tuple[str, str, object, object]] = [
        ("", f.name, agenda, back)
        for f in dataclasses.fields(Agenda)
        if f.compare and f.name != "segments"  # compared one by one below
    ]
    for number, (mine, theirs) in enumerate(zip(agenda.segments, back.segments, strict=True), 1):
        where = f"{_segment(number, mine)}: "
        pairs += [(where, f.name, mine, theirs) for f in dataclasses.fields(Segment) if f.compare]
    problems = []
    for where, name, given_in, read_in in pairs:
        given, read = getattr(given_in, name), getattr(read_in, name)
        if name == "warn":
            given, read = sorted(given, reverse=True), sorted(read, reverse=True)
        elif isinstance(given, str) and read == (given,):  # questions="Why?": a list of one
            continue
        elif name == "round_questions":  # ["Round 1?", ...]: a round's text is a list of one
            given = _each_a_list(given)
        if given != read:
            hint = "give True or False" if isinstance(read, bool) else "give texts as str"
            if isinstance(given, str) and isinstance(read, str):  # a tab where the file has none
                hint = f"give it as the file reads it: {read!r}"
            said = f"{given!r}: would read back as {read!r}; {hint}"
            problems.append(Problem(None, f'{where}"{name}" {said}'))
    return problems


def _each_a_list(given: object) -> object:
    """A script's round_questions as the file reads them: a round's one text a list of one."""
    if not isinstance(given, list | tuple):
        return given
    return tuple(
        (e,) if isinstance(e, str) else tuple(e) if isinstance(e, list) else e for e in given
    )


def _unspellable(agenda: Agenda) -> list[Problem]:
    """Seconds the file cannot write as they are: -5 came out as "0s" (and was refused as
    that), 90.5 as "1m 30s", which reads back as 90; a kind "Breakout" reads back as
    "breakout". What is no number at all is for dumps_agenda to refuse."""
    problems = []
    for number, segment in enumerate(agenda.segments, 1):
        seconds = [("duration", segment.duration), *(("warn", w) for w in segment.warn)]
        seconds += [("silence", segment.silence)] if segment.silence else []
        for key, value in seconds:
            whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
            if isinstance(value, (int, float)) and not (whole and value > 0):
                where = f'{_segment(number, segment)}: "{key}" {value!r}'
                problems.append(Problem(None, f"{where}: not a whole number of seconds above 0"))
        # The file reads kinds in any case ("Breakout"), as the lowercase kind they name.
        kinds: list[tuple[str, str, tuple[str, ...]]] = [("kind", segment.kind, KINDS)]
        kinds += [("poll kind", p.kind, POLL_KINDS) for p in segment.polls]
        for key, kind, valid in kinds:
            if isinstance(kind, str) and kind not in valid and kind.lower() in valid:
                where = f'{_segment(number, segment)}: "{key}" {kind!r}'
                said = f"would read back as {kind.lower()!r}; give it in lower case"
                problems.append(Problem(None, f"{where}: {said}"))
    return problems


def _not_seconds(agenda: Agenda) -> str | None:
    """What a script gave as a duration that is no number of seconds ("5m", warn=60)."""

    def seconds(value: object) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool)

    total = agenda.declared_total
    if total is not None and not seconds(total):
        return f'"declared_total" {total!r} is not seconds'
    for number, segment in enumerate(agenda.segments, 1):
        where = _segment(number, segment)
        warn = getattr(segment, "warn", ())
        if not isinstance(warn, tuple | list):
            return f'{where}: "warn" {warn!r} is not a list of seconds'
        silence = getattr(segment, "silence", None)
        timed = [("duration", getattr(segment, "duration", None)), *(("warn", w) for w in warn)]
        for key, value in timed + ([("silence", silence)] if silence is not None else []):
            if not seconds(value):
                return f'{where}: "{key}" {value!r} is not seconds'
    return None


def _segment(number: int, segment: object) -> str:
    """A segment as a message names it, on one line: 'segment 2 "Pairs\\tTalk"'."""
    title = getattr(segment, "title", "")
    return f"segment {number} {quoted(title) if isinstance(title, str) else shown(title)}"


# What a field of the file holds, for a value TOML cannot write (None).
_WANTED = {
    "questions": "a tuple of texts",
    "round_questions": "a tuple of texts, one a round",
    "polls": "Poll objects, their question and options texts",
    "options": "a tuple of texts",
    "group_size": "a whole number",
    "min_group_size": "a whole number",
    "groups": "a whole number",
    "rounds": "a whole number",
    "join_groups": "a whole number",
}


def _unwritable(agenda: Agenda) -> LiftkitError | None:
    """The value TOML cannot write (a None where the file holds text), named by its
    segment and field, rather than tomli-w's 'Object of type NoneType is not TOML
    serializable', which names neither."""
    import tomli_w

    from liftkit.core.agenda.writing import agenda_to_dict, segment_to_dict

    places: list[tuple[str, object, dict[str, object]]] = []
    for number, segment in enumerate(agenda.segments, 1):
        try:
            places.append((f"{_segment(number, segment)}: ", segment, segment_to_dict(segment)))
        except (TypeError, ValueError, AttributeError):
            continue
    try:
        top = agenda_to_dict(dataclasses.replace(agenda, segments=()))
    except (TypeError, ValueError, AttributeError):
        top = {}
    places.insert(0, ("", agenda, {k: v for k, v in top.items() if k != "segments"}))
    for where, holder, data in places:
        for key, value in data.items():
            try:
                tomli_w.dumps({key: value})
            except (TypeError, ValueError):
                given = getattr(holder, key, value)
                return LiftkitError(
                    f'`agenda`: {where}"{key}" {shown(given)}: cannot be written as TOML',
                    f'give "{key}" as {_WANTED.get(key, "text (str)")}',
                )
    return None
