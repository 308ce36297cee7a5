"""Writing an agenda back as TOML, in the file format a host edits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from liftkit.core.agenda.durations import format_duration
from liftkit.core.agenda.schema import Agenda, Segment


def agenda_to_dict(agenda: Agenda) -> dict[str, Any]:
    """The agenda as plain data in the file format, ready for tomli-w."""
    data: dict[str, Any] = {"title": agenda.title}
    if agenda.description:
        data["description"] = agenda.description
    if agenda.host:
        data["host"] = agenda.host
    for key in ("purpose", "contact", "language"):
        if getattr(agenda, key):
            data[key] = getattr(agenda, key)
    if agenda.declared_total is not None:
        data["total"] = format_duration(agenda.declared_total)
    data["segments"] = [segment_to_dict(s) for s in agenda.segments]
    return data


def segment_to_dict(segment: Segment) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": segment.title,
        "duration": format_duration(segment.duration),
        "kind": segment.kind,
    }
    if segment.prompt:
        data["prompt"] = segment.prompt
    if segment.questions:
        data["questions"] = _texts(segment.questions)
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
    if segment.min_group_size is not None:
        data["min_group_size"] = segment.min_group_size
    if segment.groups is not None:
        data["groups"] = segment.groups
    if segment.rounds != 1:  # refused on a talk: said, not left out
        data["rounds"] = segment.rounds
    if segment.same_groups:
        data["same_groups"] = True
    if segment.join_groups:
        data["join_groups"] = segment.join_groups
    if segment.round_questions:  # a round of one question as a text, as a host writes it
        data["round_questions"] = [
            asked if isinstance(asked, str) else asked[0] if len(asked) == 1 else _texts(asked)
            for asked in segment.round_questions
        ]
    if segment.polls:
        data["polls"] = [
            {"question": p.question, "options": _texts(p.options)}
            | ({"kind": p.kind} if p.kind != "choice" else {})
            for p in segment.polls
        ]
    return data


def _texts(value: str | Iterable[str]) -> list[str]:
    """A list of texts; one text alone is a list of one, as the file reads it (a script's
    questions="Why?" was written as ["W", "h", "y", "?"])."""
    return [value] if isinstance(value, str) else list(value)


def dumps_agenda(agenda: Agenda) -> str:
    import tomli_w  # imported here: only writers need it

    data = agenda_to_dict(agenda)
    # Multi-line strings read best, but TOML turns a written "\r\n" into "\n": keep text
    # with Windows line ends in escaped one-line strings so that it reads back the same.
    multiline = not any("\r\n" in text for text in _strings(data))
    segments = data.pop("segments")
    # Each segment a [[segments]] table, as the docs write them: tomli-w wrote an agenda of
    # short segments as one inline list (segments = [ { title = "Hello", … }, ]), to which
    # a [[segments]] added by hand cannot add ("cannot mutate immutable namespace").
    chunks = [tomli_w.dumps(data, multiline_strings=multiline)]
    for segment in segments:
        chunk = tomli_w.dumps({"segments": [segment]}, multiline_strings=multiline)
        if not chunk.startswith("[[segments]]"):  # fits a line: written inline
            chunk = "[[segments]]\n" + tomli_w.dumps(segment, multiline_strings=multiline)
        chunks.append(chunk)
    return "\n".join(chunks)


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
