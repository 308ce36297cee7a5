"""The journal's events, one type each, and the words they use (statuses, reasons, sources).

A journal line is parsed and validated once, by `parse_record`, into one of the frozen types
below; everything after that (the engine, resume, `liftkit note`, the report) reads typed
fields. `to_record` gives the line back as written: the file format is docs/journal.md.
`seq` and `wall` are None until the journal stamps an event; `mono` is None only in a line
written by hand without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from liftkit.core.groups.split import Split

# Far beyond any session, even a rehearsal at 3600 times speed resumed a year later: larger
# numbers are damage, not time.
MAX_SECONDS = 1e12
MAX_REHEARSE = 3600.0  # as `liftkit run --rehearse` allows


class Status(StrEnum):
    NOT_STARTED = "not started"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class EndReason(StrEnum):
    """Why a segment ended (`segment_end.reason`)."""

    NEXT = "next"
    AUTO = "auto"
    BACK = "back"
    JUMP = "jump"
    END = "end"


class StopReason(StrEnum):
    """Why liftkit stopped while the session could go on (`stop.reason`)."""

    QUIT = "quit"
    INTERRUPT = "interrupt"
    SIGTERM = "sigterm"
    SIGHUP = "sighup"
    ERROR = "error"


# Stops the host chose: on resume, the time liftkit was away does not count.
DELIBERATE_STOPS = (StopReason.QUIT, StopReason.INTERRUPT)


class Source(StrEnum):
    """Where a reflection was typed."""

    LIVE = "live"
    PLAIN = "plain"
    NOTE = "note"


class BadField(ValueError):
    """A journal line whose field is missing or not what its type needs."""


@dataclass(frozen=True, kw_only=True)
class JournalEvent:
    TYPE: ClassVar[str] = ""
    mono: float | None = None  # session seconds (scaled by --rehearse, continuous on resume)
    seq: int | None = None
    wall: datetime | None = None

    @property
    def type(self) -> str:
        return self.TYPE


@dataclass(frozen=True, kw_only=True)
class SessionStart(JournalEvent):
    TYPE: ClassVar[str] = "session_start"
    title: str = ""
    agenda: str = "agenda.toml"
    segments: int | None = None
    rehearse: float = 1.0
    planned_start: datetime | None = None
    liftkit: str | None = None


@dataclass(frozen=True, kw_only=True)
class SegmentStart(JournalEvent):
    TYPE: ClassVar[str] = "segment_start"
    segment: int
    title: str = ""
    planned: float | None = None


@dataclass(frozen=True, kw_only=True)
class SegmentEnd(JournalEvent):
    TYPE: ClassVar[str] = "segment_end"
    segment: int
    reason: EndReason = EndReason.NEXT
    elapsed: float | None = None
    to: int | None = None  # the segment it moves to (the count: the session ends); None: old


@dataclass(frozen=True, kw_only=True)
class SessionEnd(JournalEvent):
    TYPE: ClassVar[str] = "session_end"


@dataclass(frozen=True, kw_only=True)
class Pause(JournalEvent):
    TYPE: ClassVar[str] = "pause"
    segment: int | None = None


@dataclass(frozen=True, kw_only=True)
class Resume(JournalEvent):
    TYPE: ClassVar[str] = "resume"
    segment: int | None = None


@dataclass(frozen=True, kw_only=True)
class Extend(JournalEvent):
    TYPE: ClassVar[str] = "extend"
    segment: int | None = None
    seconds: float


@dataclass(frozen=True, kw_only=True)
class TimeWarning(JournalEvent):
    TYPE: ClassVar[str] = "warning"
    segment: int
    before: int  # seconds before the end; 0: time is up


@dataclass(frozen=True, kw_only=True)
class Reflection(JournalEvent):
    TYPE: ClassVar[str] = "reflection"
    segment: int | None = None
    text: str
    author: str | None = None
    tags: tuple[str, ...] | None = None  # without the `#`; None: the line gave none
    source: Source = Source.LIVE


@dataclass(frozen=True, kw_only=True)
class PollCounts(JournalEvent):
    TYPE: ClassVar[str] = "poll"
    segment: int
    poll: int = 0
    question: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class GroupsMade(JournalEvent):
    """Groups made or reshuffled for a breakout; the record is `groups --format json`'s."""

    TYPE: ClassVar[str] = "groups"
    segment: int | None = None
    split: Split


@dataclass(frozen=True, kw_only=True)
class NotesShown(JournalEvent):
    TYPE: ClassVar[str] = "notes"
    shown: bool


@dataclass(frozen=True, kw_only=True)
class Stop(JournalEvent):
    TYPE: ClassVar[str] = "stop"
    reason: StopReason


@dataclass(frozen=True, kw_only=True)
class SessionResume(JournalEvent):
    TYPE: ClassVar[str] = "session_resume"
    gap: float = 0.0
    paused: bool = False
    counted: bool | None = None


EVENT_TYPES: dict[str, type[JournalEvent]] = {
    cls.TYPE: cls
    for cls in (
        SessionStart, SegmentStart, SegmentEnd, SessionEnd, Pause, Resume, Extend, TimeWarning,
        Reflection, PollCounts, GroupsMade, NotesShown, Stop, SessionResume,
    )
}  # fmt: skip

E = TypeVar("E", bound=JournalEvent)


def stamped(event: E, seq: int) -> E:
    """The event exactly as the journal writes it and reads it back: numbered, `wall` to the
    millisecond, `mono` to a tenth of a millisecond."""
    mono = round(event.mono, 4) if event.mono is not None else None
    wall = event.wall
    if wall is not None:
        wall = wall.replace(microsecond=wall.microsecond // 1000 * 1000)
    return replace(event, seq=seq, mono=mono, wall=wall)


# --------------------------------------------------------------------------- writing


def to_record(event: JournalEvent) -> dict[str, Any]:
    """The JSON object of a journal line, keys in the documented order."""
    record: dict[str, Any] = {"seq": event.seq, "type": event.TYPE}
    record["wall"] = event.wall.isoformat(timespec="milliseconds") if event.wall else None
    record["mono"] = event.mono
    for f in fields(event):
        if f.name in ("seq", "wall", "mono"):
            continue
        value = getattr(event, f.name)
        if isinstance(event, SegmentEnd) and f.name == "to" and value is None:
            continue  # written by a liftkit that did not record it
        if f.name == "split":
            from liftkit.core.groups.formats import split_dict

            data = split_dict(value)
            record.update(seed=data["seed"], rounds=data["rounds"], score=data["score"])
        else:
            record[f.name] = _plain(value)
    return record


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, StrEnum):
        return str(value)
    return value


# --------------------------------------------------------------------------- reading


def parse_record(raw: object, where: str = "journal") -> JournalEvent | None:
    """The typed event of one decoded journal line; None for a type this liftkit does not know.

    Raises BadField, naming the field, when the line is not what its type needs.
    """
    if not isinstance(raw, dict):
        raise BadField("not a JSON object")
    kind = raw.get("type")
    if not isinstance(kind, str):
        raise BadField("type: missing")
    cls = EVENT_TYPES.get(kind)
    if cls is None:
        return None
    r = _Fields(raw)
    fields = _PARSERS[cls](r, where)
    fields["seq"] = r.whole("seq", None)
    fields["wall"] = r.moment("wall")
    fields["mono"] = r.number("mono", None, low=0, high=MAX_SECONDS)
    return cls(**fields)


class _Fields:
    """Reads the fields of one line, each checked for its type and range. (Written for speed:
    an export reads tens of thousands of lines.)"""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def _get(self, key: str, default: Any) -> Any:
        value = self.raw.get(key)
        if value is None:
            if default is _REQUIRED:
                raise BadField(f"{key}: missing")
            return default
        return value

    def whole(self, key: str, default: Any = None, low: int = 0, high: float = MAX_SECONDS) -> Any:
        value = self.raw.get(key)
        if value is None:
            return self._get(key, default)
        if type(value) is not int or not low <= value <= high:  # a bool is not a number here
            raise BadField(f"{key}: {value!r} is not a whole number from {low}")
        return value

    def number(self, key: str, default: Any, low: float, high: float) -> Any:
        value = self.raw.get(key)
        if value is None:
            return self._get(key, default)
        if type(value) is not int and type(value) is not float:
            raise BadField(f"{key}: {value!r} is not a number")
        if not low <= value <= high:  # also false for nan; inf is out of any range here
            raise BadField(f"{key}: {value!r} is out of range ({low:g} to {high:g})")
        return float(value)

    def text(self, key: str, default: Any = "") -> Any:
        value = self.raw.get(key)
        if value is None:
            return self._get(key, default)
        if type(value) is not str:
            raise BadField(f"{key}: {value!r} is not text")
        return value

    def flag(self, key: str, default: Any) -> Any:
        value = self.raw.get(key)
        if value is None:
            return self._get(key, default)
        if type(value) is not bool:
            raise BadField(f"{key}: {value!r} is not true or false")
        return value

    def choice(self, key: str, words: type[StrEnum], default: Any) -> Any:
        value = self.raw.get(key)
        if value is None:
            return self._get(key, default)
        word = words._value2member_map_.get(value) if type(value) is str else None
        if word is None:
            known = ", ".join(w.value for w in words)
            raise BadField(f"{key}: {value!r} is not one of {known}")
        return word

    def moment(self, key: str) -> datetime | None:
        value = self._get(key, None)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None:
            raise BadField(f"{key}: {value!r} is not an ISO 8601 time")
        # One written without its UTC offset is taken as local time.
        return moment if moment.tzinfo is not None else moment.astimezone()


_REQUIRED: Any = object()


def _session_start(r: _Fields, where: str) -> dict[str, Any]:
    return {
        "title": r.text("title"),
        "agenda": r.text("agenda", "agenda.toml"),
        "segments": r.whole("segments", None),
        "rehearse": r.number("rehearse", 1.0, low=1e-9, high=MAX_REHEARSE),
        "planned_start": r.moment("planned_start"),
        "liftkit": r.text("liftkit", None),
    }


def _segment_start(r: _Fields, where: str) -> dict[str, Any]:
    return {
        "segment": r.whole("segment", _REQUIRED),
        "title": r.text("title"),
        "planned": r.number("planned", None, low=0, high=MAX_SECONDS),
    }


def _segment_end(r: _Fields, where: str) -> dict[str, Any]:
    return {
        "segment": r.whole("segment", _REQUIRED),
        "reason": r.choice("reason", EndReason, EndReason.NEXT),
        "elapsed": r.number("elapsed", None, low=0, high=MAX_SECONDS),
        "to": r.whole("to", None),
    }


def _nothing(r: _Fields, where: str) -> dict[str, Any]:
    return {}


def _segment_only(r: _Fields, where: str) -> dict[str, Any]:
    return {"segment": r.whole("segment", None)}


def _extend(r: _Fields, where: str) -> dict[str, Any]:
    return {
        "segment": r.whole("segment", None),
        "seconds": r.number("seconds", _REQUIRED, low=-MAX_SECONDS, high=MAX_SECONDS),
    }


def _warning(r: _Fields, where: str) -> dict[str, Any]:
    return {"segment": r.whole("segment", _REQUIRED), "before": r.whole("before", _REQUIRED)}


def _reflection(r: _Fields, where: str) -> dict[str, Any]:
    tags = r.raw.get("tags")
    if tags is not None and (type(tags) is not list or any(type(t) is not str for t in tags)):
        raise BadField(f"tags: {tags!r} is not a list of words")
    return {
        "segment": r.whole("segment", None),
        "text": r.text("text", _REQUIRED),
        "author": r.text("author", None),
        "tags": tuple(tags) if tags is not None else None,
        "source": r.choice("source", Source, Source.LIVE),
    }


def _poll(r: _Fields, where: str) -> dict[str, Any]:
    counts = r._get("counts", _REQUIRED)
    if not isinstance(counts, dict):
        raise BadField(f"counts: {counts!r} is not a table of counts")
    checked = _Fields(counts)
    return {
        "segment": r.whole("segment", _REQUIRED),
        "poll": r.whole("poll", 0),
        "question": r.text("question"),
        "counts": {str(option): checked.whole(option, _REQUIRED) for option in counts},
    }


def _groups(r: _Fields, where: str) -> dict[str, Any]:
    from liftkit.core.errors import LiftkitError
    from liftkit.core.groups.formats import split_from_data  # the engine, only when needed

    try:
        split = split_from_data(r.raw, where)
    except LiftkitError as error:
        raise BadField(error.message.removeprefix(f"{where}: ")) from None
    return {"segment": r.whole("segment", None), "split": split}


def _notes(r: _Fields, where: str) -> dict[str, Any]:
    return {"shown": r.flag("shown", _REQUIRED)}


def _stop(r: _Fields, where: str) -> dict[str, Any]:
    return {"reason": r.choice("reason", StopReason, _REQUIRED)}


def _session_resume(r: _Fields, where: str) -> dict[str, Any]:
    return {
        "gap": r.number("gap", 0.0, low=0, high=1e12),
        "paused": r.flag("paused", False),
        "counted": r.flag("counted", None),
    }


_PARSERS = {
    SessionStart: _session_start, SegmentStart: _segment_start, SegmentEnd: _segment_end,
    SessionEnd: _nothing, Pause: _segment_only, Resume: _segment_only, Extend: _extend,
    TimeWarning: _warning, Reflection: _reflection, PollCounts: _poll, GroupsMade: _groups,
    NotesShown: _notes, Stop: _stop, SessionResume: _session_resume,
}  # fmt: skip
