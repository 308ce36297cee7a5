"""What an agenda is: its data classes, the keys and kinds of the file format, and the error
that lists an agenda's problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from liftkit.core.errors import LiftkitError

KINDS = ("welcome", "talk", "breakout", "discussion", "silence", "reflection", "break", "other")
POLL_KINDS = ("choice", "score", "recommend")
DEFAULT_WARN_SECONDS = 60


def default_warn(duration: int) -> tuple[int, ...]:
    """The warnings of a segment that gives no `warn`: a minute before the end of one longer
    than two minutes, none in a shorter one."""
    return (DEFAULT_WARN_SECONDS,) if duration > 2 * DEFAULT_WARN_SECONDS else ()


class _NotGiven(tuple[int, ...]):
    """The `warn` of a Segment made without one: empty, and told apart from `warn=()`."""

    __slots__ = ()


_NOT_GIVEN: tuple[int, ...] = _NotGiven()


AGENDA_KEYS = (
    "title", "description", "host", "total", "segments", "purpose", "contact", "language",
)  # fmt: skip
SEGMENT_KEYS = (
    "title", "duration", "kind", "prompt", "questions", "notes", "warn", "auto_advance",
    "group_size", "min_group_size", "groups", "rounds", "round_questions", "same_groups",
    "join_groups", "polls", "silence", "summary",
)  # fmt: skip
POLL_KEYS = ("question", "options", "kind")
FLAG_KEYS = ("auto_advance", "same_groups")  # true or false


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
    """One timed part of an agenda; `duration`, `warn` and `silence` are in seconds.

    A breakout splits the room by `group_size` or `groups` over `rounds`, or keeps the
    rooms of the breakout before (`same_groups`, `join_groups`); one of several rounds may
    ask each round its own questions (`round_questions`, one entry per round: a World Café
    asks a new question each round), shown after those it always asks (`questions`)."""

    title: str
    duration: int  # seconds
    kind: str = "other"
    prompt: str = ""
    questions: tuple[str, ...] = ()
    notes: str = ""
    warn: tuple[int, ...] = _NOT_GIVEN  # seconds before the end, largest first
    auto_advance: bool = False
    group_size: int | None = None
    min_group_size: int | None = None  # no room smaller: the remainder makes some larger
    groups: int | None = None
    rounds: int = 1
    same_groups: bool = False  # the rooms of the breakout before (Troika's rounds)
    join_groups: int = 0  # the rooms of the breakout before, joined so many at a time
    polls: tuple[Poll, ...] = ()
    silence: int = 0  # seconds of strict silence at the start of the segment
    summary: str = ""  # what happens, for the event pack's "host this yourself" section
    round_questions: tuple[tuple[str, ...], ...] = ()  # one entry per round, or none
    line: int = field(default=0, compare=False)
    # The file gave no `warn`: `warn` is the default for the duration, and stays so when
    # `liftkit new` gives the segment another duration (a template's `warn = []` stays).
    warn_by_default: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        # Made in code without `warn`, as a file's segment without it: the default for its
        # duration (a minute before the end of one over two minutes); `warn=()` is none.
        if self.warn is _NOT_GIVEN:
            seconds = self.duration
            whole = isinstance(seconds, int) and not isinstance(seconds, bool)
            object.__setattr__(self, "warn", default_warn(seconds) if whole else ())
            object.__setattr__(self, "warn_by_default", True)

    def round_asks(self, held: int) -> tuple[str, ...]:
        """The questions of round `held` (from 1) alone: none in round 0 (a segment of a
        single round) or in a segment without `round_questions`."""
        if 1 <= held <= len(self.round_questions):
            return tuple(self.round_questions[held - 1])
        return ()

    def asked_in(self, held: int) -> tuple[str, ...]:
        """What the segment asks in round `held`: its own questions, then the round's."""
        return (*self.questions, *self.round_asks(held))


@dataclass(frozen=True)
class Agenda:
    """A validated agenda: its `segments` in order and `total`, their seconds added up.

    `declared_total` is the file's `total` (seconds), checked against the segments; `notes`
    are what the host may want to know about the file though it is valid."""

    title: str
    segments: tuple[Segment, ...]
    description: str = ""
    host: str = ""
    declared_total: int | None = None
    purpose: str = ""  # the format's purpose, for the event pack ("We set out to ...")
    contact: str = ""  # the event pack's contact line
    language: str = ""  # the event pack's language, a BCP 47 tag ("cy"); "" is English
    # What a host may want to know before the call though nothing is wrong ("0:05" is five
    # seconds), one line each, naming the file and line: "team.toml:12: segment 2 ...".
    notes: tuple[str, ...] = field(default=(), compare=False)

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

    def __reduce__(self) -> tuple[type[AgendaError], tuple[str, list[Problem]]]:
        # Rebuilt from what it was made of: a process pool sends a worker's error back pickled.
        return (type(self), (self.source, self.problems))


def format_problem(source: str, problem: Problem) -> str:
    where = source
    if problem.line is not None:
        where += f":{problem.line}"
        if problem.column is not None:
            where += f":{problem.column}"
    return f"{where}: {problem.message}"


# --------------------------------------------------------------------------- loading
