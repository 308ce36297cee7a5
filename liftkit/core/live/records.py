"""Journal lines and the typed events they hold: `parse_record` reads and checks one decoded
line, once; `to_record` gives an event back as the line the journal writes (docs/journal.md)."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from liftkit.core.live.events import (
    EVENT_TYPES,
    MAX_COUNT,
    MAX_REHEARSE,
    MAX_SECONDS,
    EndReason,
    Extend,
    GroupsMade,
    JournalEvent,
    Made,
    NotesShown,
    Pause,
    PollCounts,
    Reflection,
    Resume,
    SegmentEnd,
    SegmentStart,
    SessionEnd,
    SessionResume,
    SessionStart,
    Source,
    Stop,
    StopReason,
    TimeWarning,
)


class BadField(ValueError):
    """A journal line whose field is missing or not what its type needs."""


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
        if isinstance(event, Stop) and f.name.startswith("draft") and value in ("", None):
            continue  # nothing was being typed
        if isinstance(event, GroupsMade) and f.name in _MADE and not value:
            continue  # rooms the session opened with
        if isinstance(event, TimeWarning) and f.name == "round" and not value:
            continue  # the segment's end
        if f.name == "typed":  # a capture written when typed has none
            if value is not None:
                record["typed"] = value.isoformat(timespec="milliseconds")
            continue
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
        return value  # a whole number stays one, so that the line is written back as it was

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
    return {
        "segment": r.whole("segment", _REQUIRED),
        "before": r.whole("before", _REQUIRED),
        "round": r.whole("round", 0),
    }


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
        "typed": r.moment("typed"),
    }


def _poll(r: _Fields, where: str) -> dict[str, Any]:
    counts = r._get("counts", _REQUIRED)
    if not isinstance(counts, dict):
        raise BadField(f"counts: {counts!r} is not a table of counts")
    checked = _Fields(counts)
    try:
        counted = {
            str(option): checked.whole(option, _REQUIRED, high=MAX_COUNT) for option in counts
        }
    except BadField as problem:
        raise BadField(f"counts: {problem}") from None
    return {
        "segment": r.whole("segment", _REQUIRED),
        "poll": r.whole("poll", 0),
        "question": r.text("question"),
        "counts": counted,
        "typed": r.moment("typed"),
    }


def _groups(r: _Fields, where: str) -> dict[str, Any]:
    from liftkit.core.errors import LiftkitError
    from liftkit.core.groups.formats import split_from_data  # the engine, only when needed

    try:
        split = split_from_data(r.raw, where, recorded=True)  # the rooms as they ran
    except LiftkitError as error:
        raise BadField(error.message.removeprefix(f"{where}: ")) from None
    return {
        "segment": r.whole("segment", None),
        "split": split,
        "cause": r.choice("cause", Made, None),
        "reshuffle": r.whole("reshuffle", 0),
        "round": r.whole("round", 0),
    }


_MADE = ("cause", "reshuffle", "round")  # written only for rooms made again


def _notes(r: _Fields, where: str) -> dict[str, Any]:
    return {"shown": r.flag("shown", _REQUIRED)}


def _stop(r: _Fields, where: str) -> dict[str, Any]:
    return {
        "reason": r.choice("reason", StopReason, _REQUIRED),
        "draft": r.text("draft"),
        "draft_kind": r.text("draft_kind"),
        "draft_segment": r.whole("draft_segment", None),
        "draft_poll": r.whole("draft_poll", None),
    }


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
