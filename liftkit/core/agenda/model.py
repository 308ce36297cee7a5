"""The agenda: a titled list of timed segments, read from TOML and validated in full.

Loading reports every problem at once, one line each, naming the file, the line (and the
column for TOML syntax errors), what is wrong and what to do.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from liftkit.core.agenda.durations import (
    DURATION_HINT,
    DurationError,
    format_duration,
    parse_duration,
)
from liftkit.core.errors import LiftkitError, quoted
from liftkit.core.files import read_input

KINDS = ("welcome", "talk", "breakout", "discussion", "silence", "reflection", "break", "other")
POLL_KINDS = ("choice", "score", "recommend")
DEFAULT_WARN_SECONDS = 60

AGENDA_KEYS = ("title", "description", "host", "total", "segments", "purpose", "contact")
SEGMENT_KEYS = (
    "title", "duration", "kind", "prompt", "questions", "notes", "warn", "auto_advance",
    "group_size", "groups", "rounds", "polls", "silence", "summary",
)  # fmt: skip
POLL_KEYS = ("question", "options", "kind")


@dataclass(frozen=True)
class Poll:
    """A question put to everyone, with fixed options.

    kind "score" marks an evaluation score (options are numbers; the report gives the
    average); "recommend" marks a would-you-recommend question (the first option is yes).
    """

    question: str
    options: tuple[str, ...]
    kind: str = "choice"


@dataclass(frozen=True)
class Segment:
    title: str
    duration: int  # seconds
    kind: str = "other"
    prompt: str = ""
    questions: tuple[str, ...] = ()
    notes: str = ""
    warn: tuple[int, ...] = ()  # seconds before the end, largest first
    auto_advance: bool = False
    group_size: int | None = None
    groups: int | None = None
    rounds: int = 1
    polls: tuple[Poll, ...] = ()
    silence: int = 0  # seconds of strict silence at the start of the segment
    summary: str = ""  # what happens, for the event pack's "host this yourself" section
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Agenda:
    title: str
    segments: tuple[Segment, ...]
    description: str = ""
    host: str = ""
    declared_total: int | None = None
    purpose: str = ""  # the format's purpose, for the event pack ("We set out to ...")
    contact: str = ""  # the event pack's contact line

    @property
    def total(self) -> int:
        return sum(s.duration for s in self.segments)


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str
    column: int | None = None


class AgendaError(LiftkitError):
    """An agenda with problems; the message has one line per problem."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        # In file order, so a host can fix them top to bottom; problems without a line first.
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        super().__init__("\n".join(format_problem(source, p) for p in self.problems))


def format_problem(source: str, problem: Problem) -> str:
    where = source
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    return f"{where}: {problem.message}"


# --------------------------------------------------------------------------- loading


def load_agenda(path: Path | str) -> Agenda:
    """Read and validate an agenda file."""
    p = Path(path)
    data = read_input(
        p,
        "an agenda file",
        "check the path, or run `liftkit agenda list` for templates",
        "name a .toml file",
    )
    return parse_agenda(data, str(p))


def parse_agenda(data: bytes | str, source: str = "<agenda>") -> Agenda:
    """Validate agenda TOML text; raise AgendaError listing every problem."""
    if isinstance(data, bytes):
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            byte = data[exc.start]
            raise AgendaError(
                source,
                [
                    Problem(
                        line,
                        f"byte 0x{byte:02x} is not UTF-8 text; save the agenda as UTF-8 "
                        "(in your editor: Save with encoding, UTF-8)",
                        column,
                    )
                ],
            ) from None
    else:
        text = data
    if not text.strip():
        raise AgendaError(
            source,
            [Problem(None, "the file is empty; add a title and at least one [[segments]] table")],
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AgendaError(source, [_syntax_problem(exc)]) from None
    except RecursionError:
        raise AgendaError(
            source,
            [Problem(None, "tables or lists are nested too deeply to read; flatten them")],
        ) from None
    lines = _LineIndex(text)
    agenda, problems = _build_agenda(raw, lines)
    if problems or agenda is None:
        raise AgendaError(source, problems)
    return agenda


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END = " (at end of document)"
# tomllib's wording for the slips hosts make most, said in their terms: (what, what to do).
_SYNTAX_WORDING = {
    "Illegal character '\\n'": ("the line ends inside quoted text", "close the quotes"),
    "Invalid value": (
        "a value is missing or not in quotes",
        'write text in quotes, like title = "Welcome"',
    ),
    "Cannot overwrite a value": ("this key is given twice", "keep one of them"),
    "Unterminated string": ("quoted text is never closed", "close the quotes"),
    "Unclosed array": ("a list is never closed", "end it with ]"),
    "Expected newline or end of document after a statement": (
        "something follows the value on this line",
        'write text in quotes, like duration = "5m", and one key = value per line',
    ),
    "Expected '=' after a key in a key/value pair": (
        "a key is not followed by =",
        'write it like title = "Welcome"',
    ),
}


def _syntax_problem(exc: tomllib.TOMLDecodeError) -> Problem:
    message = str(exc)
    line = column = None
    at_end = message.endswith(_END)
    match = _POSITION.search(message)
    if match:
        line, column = int(match.group(1)), int(match.group(2))
        message = message[: match.start()]
    elif at_end:
        message = message[: -len(_END)]
    what, fix = _SYNTAX_WORDING.get(
        message, (message[:1].lower() + message[1:], "fix it and check again")
    )
    if at_end:
        what += " (noticed at the end of the file)"
    return Problem(line, f"TOML syntax error: {what}; {fix}", column)


class _LineIndex:
    """Where tables and keys start in the TOML text, so problems can name a line.

    tomllib gives no positions; this scanner knows enough TOML for agenda files:
    [[segments]] and [[segments.polls]] headers, other [table] headers, and `key =`
    (or dotted `key.sub =`) lines, skipping multi-line strings.
    """

    _ARRAY_HEADER = re.compile(r"\s*\[\[([^\[\]]+)\]\]")
    _TABLE_HEADER = re.compile(r"\s*\[([^\[\]]+)\]")
    _KEY = re.compile(r"""\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*[=.]""")

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.segments: list[int] = []
        self.segment_keys: list[dict[str, int]] = []
        self.polls: list[list[int]] = []
        self.poll_keys: list[list[dict[str, int]]] = []
        current: dict[str, int] | None = self.top
        in_multiline: str | None = None
        # TOML counts lines by "\n" only; str.splitlines would also split on \u2028 and co.
        for number, line in enumerate(text.split("\n"), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            array = self._ARRAY_HEADER.match(line)
            header = array or self._TABLE_HEADER.match(line)
            if header is not None:
                current = self._header(_dotted(header), array is not None, number)
                continue
            key = self._KEY.match(line)
            if key and current is not None:
                current.setdefault(key.group(1) or key.group(2) or key.group(3), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
                    break

    def _header(self, names: list[str], is_array: bool, number: int) -> dict[str, int] | None:
        """Record a table header; return where the keys under it go (None: not tracked)."""
        if is_array and names == ["segments"]:
            self.segments.append(number)
            self.segment_keys.append({})
            self.polls.append([])
            self.poll_keys.append([])
            return self.segment_keys[-1]
        if is_array and names == ["segments", "polls"] and self.segments:
            self.polls[-1].append(number)
            self.poll_keys[-1].append({})
            return self.poll_keys[-1][-1]
        if names[0] == "segments" and len(names) == 2 and self.segments:
            self.segment_keys[-1].setdefault(names[1], number)  # e.g. [segments.extra]
        else:
            self.top.setdefault(names[0], number)  # e.g. [meta]
        return None

    def top_key(self, key: str) -> int | None:
        return self.top.get(key)

    def segment(self, i: int, key: str | None = None) -> int | None:
        if i >= len(self.segments):
            return self.top.get("segments")
        if key is not None and key in self.segment_keys[i]:
            return self.segment_keys[i][key]
        return self.segments[i]

    def poll(self, i: int, j: int, key: str | None = None) -> int | None:
        if i >= len(self.polls) or j >= len(self.polls[i]):
            return self.segment(i, "polls")
        if key is not None and key in self.poll_keys[i][j]:
            return self.poll_keys[i][j][key]
        return self.polls[i][j]


def _dotted(header: re.Match[str]) -> list[str]:
    return [part.strip().strip("\"'") for part in header.group(1).split(".")]


def _closest(word: str, valid: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(valid), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_keys(
    item: Mapping[str, Any], valid: Sequence[str], problem: Callable[[str, str], None]
) -> set[str]:
    """Report keys not in `valid`; return the valid keys they were probably meant to be."""
    meant = set()
    for key in item:
        if key in valid:
            continue
        close = _closest(key, valid)
        if close:
            meant.add(close)
            problem(key, f'unknown key {quoted(key)}; did you mean "{close}"?')
        else:
            problem(key, f"unknown key {quoted(key)}; valid keys: {', '.join(valid)}")
    return meant


def _type_name(value: object) -> str:
    return {
        str: "text", int: "a whole number", float: "a decimal number", bool: "true/false",
        list: "a list", dict: "a table", datetime: "a date and time", date: "a date",
        time: "a time",
    }.get(type(value), type(value).__name__)  # fmt: skip


def _build_agenda(raw: Mapping[str, Any], lines: _LineIndex) -> tuple[Agenda | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(line: int | None, message: str) -> None:
        problems.append(Problem(line, message))

    meant = _unknown_keys(raw, AGENDA_KEYS, lambda key, msg: problem(lines.top_key(key), msg))

    def text_field(key: str, required: bool = False) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            problem(lines.top_key(key), f'"{key}" must be text, not {_type_name(value)}')
            return ""
        # A misspelt key already has its own line ("did you mean ..."): no second one.
        if required and not value.strip() and key not in meant:
            problem(lines.top_key(key), f'the agenda needs a "{key}"; add {key} = "..."')
        return value

    title = text_field("title", required=True)
    description = text_field("description")
    host = text_field("host")
    purpose = text_field("purpose")
    contact = text_field("contact")

    declared_total: int | None = None
    if "total" in raw:
        try:
            declared_total = parse_duration(raw["total"])
        except DurationError as exc:
            problem(lines.top_key("total"), f'"total": {exc}; {DURATION_HINT}')

    raw_segments = raw.get("segments")
    segments: list[Segment] = []
    if raw_segments is None:
        problem(None, "the agenda has no segments; add at least one [[segments]] table")
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
        for i, item in enumerate(raw_segments):
            segment = _build_segment(i, item, lines, problems)
            if segment is not None:
                segments.append(segment)

    if declared_total is not None and segments and len(segments) == len(raw_segments or []):
        actual = sum(s.duration for s in segments)
        if actual != declared_total:
            problem(
                lines.top_key("total"),
                f'"total" says {format_duration(declared_total)} but the segments add up to '
                f"{format_duration(actual)}; correct the total or the segment durations",
            )

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
    )
    return agenda, problems


def _build_segment(
    i: int, item: Mapping[str, Any], lines: _LineIndex, problems: list[Problem]
) -> Segment | None:
    name = item.get("title")
    named = isinstance(name, str) and name.strip()
    label = f"segment {i + 1} {quoted(str(name))}" if named else f"segment {i + 1}"
    count = len(problems)

    def problem(key: str | None, message: str) -> None:
        problems.append(Problem(lines.segment(i, key), f"{label}: {message}"))

    meant = _unknown_keys(item, SEGMENT_KEYS, problem)

    def text(key: str) -> str:
        value = item.get(key, "")
        if not isinstance(value, str):
            problem(key, f'"{key}" must be text, not {_type_name(value)}')
            return ""
        return value

    title = text("title")
    if "title" not in meant and isinstance(item.get("title", ""), str) and not title.strip():
        problem("title", 'needs a "title"; add title = "..."')

    duration = 0
    if "duration" not in item:
        if "duration" not in meant:
            problem(None, f'needs a "duration"; {DURATION_HINT}')
    else:
        try:
            duration = parse_duration(item["duration"])
        except DurationError as exc:
            problem("duration", f'"duration": {exc}; {DURATION_HINT}')

    kind = item.get("kind", "other")
    valid_kinds = f"valid kinds: {', '.join(KINDS)}"
    if not isinstance(kind, str):
        problem("kind", f'"kind" must be text, not {_type_name(kind)}; {valid_kinds}')
        kind = "other"
    elif kind not in KINDS:
        close = _closest(kind, KINDS)
        maybe = f'did you mean "{close}"? ' if close else ""
        problem("kind", f"unknown kind {quoted(kind)}; {maybe}{valid_kinds}")
        kind = "other"

    prompt = text("prompt")
    notes = text("notes")
    summary = text("summary")

    questions: tuple[str, ...] = ()
    raw_questions = item.get("questions", [])
    if isinstance(raw_questions, str):
        raw_questions = [raw_questions]
    if not isinstance(raw_questions, list) or not all(isinstance(q, str) for q in raw_questions):
        problem("questions", '"questions" must be a list of text, like ["First?", "Second?"]')
    else:
        questions = tuple(raw_questions)

    auto_advance = item.get("auto_advance", False)
    if not isinstance(auto_advance, bool):
        problem(
            "auto_advance", f'"auto_advance" must be true or false, not {_type_name(auto_advance)}'
        )
        auto_advance = False

    warn: tuple[int, ...] = ()
    if "warn" in item:
        raw_warn = item["warn"]
        if not isinstance(raw_warn, list):
            raw_warn = [raw_warn]
        parsed = []
        for value in raw_warn:
            try:
                parsed.append(parse_duration(value))
            except DurationError as exc:
                problem("warn", f'"warn": {exc}; {DURATION_HINT}')
        for seconds in parsed:
            if duration and seconds >= duration:
                problem(
                    "warn",
                    f'"warn": a warning {format_duration(seconds)} before the end does not fit in '
                    f"a {format_duration(duration)} segment; make it shorter than the segment",
                )
        warn = tuple(sorted(set(parsed), reverse=True))
    elif duration > 2 * DEFAULT_WARN_SECONDS:
        warn = (DEFAULT_WARN_SECONDS,)

    silence = 0
    if "silence" in item:
        try:
            silence = parse_duration(item["silence"])
        except DurationError as exc:
            problem("silence", f'"silence": {exc}; {DURATION_HINT}')
        else:
            if duration and silence >= duration:
                problem(
                    "silence",
                    f'"silence": {format_duration(silence)} of silence does not fit in a '
                    f"{format_duration(duration)} segment; make it shorter than the segment",
                )

    def whole(key: str, minimum: int) -> int | None:
        if key not in item:
            return None
        value = item[key]
        if isinstance(value, bool) or not isinstance(value, int):
            problem(key, f'"{key}" must be a whole number, not {_type_name(value)}')
            return None
        if value < minimum:
            problem(key, f'"{key}" must be at least {minimum}, not {value}')
            return None
        return value

    group_size = whole("group_size", 2)
    groups = whole("groups", 1)
    rounds = whole("rounds", 1)
    if group_size is not None and groups is not None:
        problem("groups", 'give "group_size" or "groups", not both')
    for key in ("group_size", "groups", "rounds"):
        if key in item and kind != "breakout":
            problem(key, f'"{key}" only applies to breakout segments; add kind = "breakout"')

    polls: list[Poll] = []
    raw_polls = item.get("polls", [])
    if not isinstance(raw_polls, list) or not all(isinstance(p, dict) for p in raw_polls):
        problem("polls", '"polls" must be a list of tables; write each as [[segments.polls]]')
    else:
        for j, raw_poll in enumerate(raw_polls):
            poll = _build_poll(i, j, label, raw_poll, lines, problems)
            if poll is not None:
                polls.append(poll)

    if len(problems) > count:
        return None
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
        groups=groups,
        rounds=rounds or 1,
        polls=tuple(polls),
        silence=silence,
        summary=summary,
        line=lines.segment(i) or 0,
    )


def _build_poll(
    i: int,
    j: int,
    label: str,
    item: Mapping[str, Any],
    lines: _LineIndex,
    problems: list[Problem],
) -> Poll | None:
    count = len(problems)

    def problem(key: str | None, message: str) -> None:
        problems.append(Problem(lines.poll(i, j, key), f"{label}, poll {j + 1}: {message}"))

    meant = _unknown_keys(item, POLL_KEYS, problem)
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        if "question" not in meant or "question" in item:
            problem("question", 'needs a "question" as text')
        question = ""
    options = item.get("options")
    if isinstance(options, list):  # numbers are fine as answers: options = [1, 2, 3, 4, 5]
        options = [_number_text(o) if _is_number(o) else o for o in options]
    if (
        not isinstance(options, list)
        or len(options) < 2
        or not all(isinstance(o, str) and o.strip() for o in options)
    ):
        if "options" not in meant or "options" in item:
            problem(
                "options", 'needs "options": a list of at least two answers, like ["Yes", "No"]'
            )
        options = []
    elif len(set(options)) != len(options):
        problem("options", '"options" has the same answer twice; make each option different')
    kind = item.get("kind", "choice")
    if not isinstance(kind, str) or kind not in POLL_KINDS:
        shown = quoted(kind) if isinstance(kind, str) else _type_name(kind)
        problem("kind", f"unknown poll kind {shown}; valid poll kinds: {', '.join(POLL_KINDS)}")
    elif kind == "score" and options:
        try:
            [float(o) for o in options]
        except ValueError:
            problem("options", 'a "score" poll needs numbers as options, like ["1", "2", "3"]')
    if len(problems) > count:
        return None
    return Poll(question=question, options=tuple(options), kind=kind)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# --------------------------------------------------------------------------- writing


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """The agenda as plain data in the file format, ready for tomli-w."""
    data: dict[str, Any] = {"title": agenda.title}
    if agenda.description:
        data["description"] = agenda.description
    if agenda.host:
        data["host"] = agenda.host
    for key in ("purpose", "contact"):
        if getattr(agenda, key):
            data[key] = getattr(agenda, key)
    if agenda.declared_total is not None:
        data["total"] = format_duration(agenda.declared_total)
    data["segments"] = [_segment_to_dict(s) for s in agenda.segments]
    return data


def _segment_to_dict(segment: Segment) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": segment.title,
        "duration": format_duration(segment.duration),
        "kind": segment.kind,
    }
    if segment.prompt:
        data["prompt"] = segment.prompt
    if segment.questions:
        data["questions"] = list(segment.questions)
    if segment.notes:
        data["notes"] = segment.notes
    if segment.summary:
        data["summary"] = segment.summary
    if segment.silence:
        data["silence"] = format_duration(segment.silence)
    data["warn"] = [format_duration(w) for w in segment.warn]
    if segment.auto_advance:
        data["auto_advance"] = True
    if segment.group_size is not None:
        data["group_size"] = segment.group_size
    if segment.groups is not None:
        data["groups"] = segment.groups
    if segment.kind == "breakout" and segment.rounds != 1:
        data["rounds"] = segment.rounds
    if segment.polls:
        data["polls"] = [
            {"question": p.question, "options": list(p.options)}
            | ({"kind": p.kind} if p.kind != "choice" else {})
            for p in segment.polls
        ]
    return data


def dumps_agenda(agenda: Agenda) -> str:
    import tomli_w  # imported here: only writers need it

    data = agenda_to_dict(agenda)
    # Multi-line strings read best, but TOML turns a written "\r\n" into "\n": keep text
    # with Windows line ends in escaped one-line strings so that it reads back the same.
    multiline = not any("\r\n" in text for text in _strings(data))
    return tomli_w.dumps(data, multiline_strings=multiline)


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineRow:
    index: int  # 1-based
    title: str
    kind: str
    start: int  # seconds from the start of the session
    end: int
    duration: int
    start_clock: datetime | None = None
    end_clock: datetime | None = None


def timeline(agenda: Agenda, start: datetime | None = None) -> list[TimelineRow]:
    """Each segment's planned start and end, as offsets and (given a start) clock times."""
    rows = []
    offset = 0
    for i, segment in enumerate(agenda.segments, start=1):
        end = offset + segment.duration
        rows.append(
            TimelineRow(
                index=i,
                title=segment.title,
                kind=segment.kind,
                start=offset,
                end=end,
                duration=segment.duration,
                start_clock=start + timedelta(seconds=offset) if start else None,
                end_clock=start + timedelta(seconds=end) if start else None,
            )
        )
        offset = end
    return rows


def with_durations(agenda: Agenda, durations: Sequence[int]) -> Agenda:
    """A copy of the agenda with new segment durations (warnings that no longer fit dropped)."""
    from dataclasses import replace

    segments = tuple(
        replace(
            s,
            duration=d,
            warn=tuple(w for w in s.warn if w < d),
            silence=s.silence if s.silence < d else 0,
        )
        for s, d in zip(agenda.segments, durations, strict=True)
    )
    return replace(agenda, segments=segments, declared_total=None)
