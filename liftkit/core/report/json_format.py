"""The event pack as data (`liftkit export --format json`): the same report as the Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from liftkit.core.people.apart import for_pack
from liftkit.core.report import Breakdown, PollResult, Quote, Report, SegmentRun
from liftkit.core.report.shares import half_up

FORMAT_VERSION = 1


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


class _Times:
    """Each quote's time as text, written once for each moment: a big chat's messages sent in
    the same second share one datetime, and writing it is a third of a quote's cost."""

    def __init__(self) -> None:
        self._written: dict[int, tuple[datetime, str]] = {}  # by id, the moment kept alive

    def __call__(self, moment: datetime | None) -> str | None:
        if moment is None:
            return None
        found = self._written.get(id(moment))
        if found is None:
            found = self._written[id(moment)] = (moment, moment.isoformat(timespec="seconds"))
        return found[1]


class _QuoteData:
    """A quote as data; its time written by _Times."""

    def __init__(self, anonymous: bool) -> None:
        self.anonymous = anonymous
        self.time = _Times()

    def __call__(self, quote: Quote) -> dict[str, Any]:
        anonymous = self.anonymous
        data: dict[str, Any] = {
            "text": quote.text,
            "author": None if anonymous else quote.author and for_pack(quote.author),
            "tags": quote.tags,  # a tuple: written as a list
            "source": quote.source,
            "time": self.time(quote.at),
        }
        if quote.step:
            data["practical_step"] = True
        if quote.waiting_room:
            data["waiting_room"] = True
        elif quote.private_to is not None:
            data["direct_message"] = True
            data["to"] = None if anonymous else quote.private_to
        return data


def _breakdown(data: Breakdown) -> dict[str, Any]:
    return {
        "title": data.title,
        "total": data.total,
        "rows": [{"label": r.label, "count": r.count, "percent": r.percent} for r in data.rows],
    }


def _poll(poll: PollResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "segment": poll.segment + 1,
        "poll": poll.index + 1,
        "question": poll.question,
        "kind": poll.kind,
        "answers": _breakdown(poll.breakdown),
    }
    if poll.average is not None:
        data["average_score"] = float(half_up(poll.average, 2))
        data["scale"] = poll.scale  # the highest option, as "highest" says too
        data["lowest"], data["highest"] = _number(poll.lowest), _number(poll.scale)
    if poll.recommend_percent is not None:
        data["recommend_percent"] = poll.recommend_percent
    return data


def _number(value: float | None) -> float | int | None:
    """A score option as written: 5, not 5.0; 0.5 as it is."""
    return int(value) if value is not None and value.is_integer() else value


def _segment(segment: SegmentRun, quote: _QuoteData) -> dict[str, Any]:
    return {
        "number": segment.index + 1,
        "title": segment.title,
        "kind": segment.kind,
        "prompt": segment.prompt,
        "questions": list(segment.questions),
        "round_questions": [list(asked) for asked in segment.round_questions],
        "planned_start": _time(segment.planned_start),
        "started": _time(segment.actual_start),
        "planned_seconds": segment.planned,
        "actual_seconds": segment.actual,
        "paused_seconds": segment.paused,
        "overrun_seconds": max(0, segment.over),
        "polls": [_poll(p) for p in segment.polls],
        "reflections": [quote(q) for q in segment.quotes],
    }


def report_data(report: Report) -> dict[str, Any]:
    anonymous = report.anonymous
    quote = _QuoteData(anonymous)
    attendance = report.attendance
    feedback: dict[str, Any] | None = None
    if report.feedback_planned or report.feedback_said:
        scores = [p for p in report.feedback if p.average is not None]
        recommends = [p for p in report.feedback if p.recommend_percent is not None]
        feedback = {
            # an average of 0 (options -2 to 2) too; the scale tells 8.58 of 10 from one of 5
            "average_score": float(half_up(scores[0].average or 0, 2)) if scores else None,
            "score_answers": scores[0].breakdown.total if scores else 0,
            "score_lowest": _number(scores[0].lowest) if scores else None,
            "score_highest": _number(scores[0].scale) if scores else None,
            "recommend_percent": recommends[0].recommend_percent if recommends else None,
            "recommend_answers": recommends[0].breakdown.total if recommends else 0,
            "polls": [_poll(p) for p in report.feedback],  # each, with its figure
            "said": [quote(q) for q in report.feedback_said],
        }
    return {
        "liftkit_export": FORMAT_VERSION,
        "title": report.title,
        "headline": report.headline or None,  # the narrative's title
        "description": report.description,
        "purpose": report.purpose,
        "contact": report.contact,
        "host": report.host,
        "hosts": None if anonymous else list(report.hosts),  # never quoted
        "session": report.session,
        "date": report.start.date().isoformat() if report.start else None,
        "start": _time(report.start),
        "end": _time(report.end),
        "running": report.running,  # made while the session ran: the pack of it so far
        "rehearse": report.rehearse,
        "took_seconds": report.took,
        "paused_seconds": report.paused,
        "anonymous": anonymous,
        "attendance": {
            "count": attendance.count,
            "hosts": attendance.hosts,
            "source": attendance.source or None,
            "breakdown": _breakdown(attendance.breakdown) if attendance.breakdown else None,
            "breakdowns": [_breakdown(b) for b in attendance.breakdowns],
            "example_roles": list(attendance.roles),
            "example_organisations": list(attendance.organisations),
        },
        "registration_answers": [
            {"question": q.question, "answers": list(q.answers)} for q in report.questions
        ],
        "narrative": {
            **report.narrative,
            **{f"unmatched:{title}": body for title, body in report.narrative_extra},
        },
        "chat": {
            "files": [
                {
                    "file": c.file,
                    "layout": c.layout,
                    "messages": c.messages,
                    "host_messages": c.host_messages,
                    "direct_messages_left_out": c.private_left_out,
                    "waiting_room_left_out": c.waiting_room_left_out,
                    "panelists_left_out": c.panelists_left_out,
                    "duplicates_left_out": c.duplicates,
                    "reactions": c.reactions,
                    "skipped_lines": c.skipped_lines,
                }
                for c in report.chats
            ],
            "participants": report.participants,
            "hosts": report.hosts_posted,
            "reactions": report.reactions,
        },
        "segments": [_segment(s, quote) for s in report.segments],
        "before": [quote(q) for q in report.before],
        "after": [quote(q) for q in report.after],
        "other_reflections": [quote(q) for q in report.unplaced],
        "themes": [
            {"tag": t.tag, "reflections": [quote(q) for q in t.quotes]} for t in report.themes
        ],
        "groups": None
        if report.groups is None
        else [
            {
                "segment": None if g.segment is None else g.segment + 1,
                "rounds": [
                    {
                        "round": r.round,
                        "groups": [
                            {
                                "name": group.name,
                                "size": len(group.members),
                                "members": None if anonymous else list(group.members),
                                "facilitators": None if anonymous else list(group.facilitators),
                            }
                            for group in r.groups
                        ],
                    }
                    for r in g.rounds
                ],
                "rounds_not_met": g.not_met,
            }
            for g in report.groups
        ],
        "polls": [_poll(p) for p in report.polls],
        "feedback": feedback,
    }


def render_json(report: Report) -> str:
    """One line of JSON: the C encoder only writes compact JSON, and a big session needs it
    (pipe it through `jq .` to read it)."""
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """render_json in pieces, the same text once joined, written as it comes (`-o`)."""
    yield from _chunks(report_data(report))
    yield "\n"


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_BATCH = 100  # items of a long list encoded at a time


def _chunks(data: Any) -> Iterator[str]:
    """`data` as compact JSON, long lists a hundred items at a time. One string of a big
    session's quotes takes 4 bytes a character from its first emoji on, and encoding it
    whole took twice as long as in pieces (10 MB of JSON: 220 -> 104 ms)."""
    if isinstance(data, list) and len(data) > _BATCH:
        yield "["
        for start in range(0, len(data), _BATCH):
            piece = _ENCODE(data[start : start + _BATCH])
            yield piece[1:-1] if start == 0 else "," + piece[1:-1]
        yield "]"
    elif isinstance(data, list) and any(isinstance(v, list | dict) for v in data):
        for i, value in enumerate(data):
            yield "," if i else "["
            yield from _chunks(value)
        yield "]"
    elif isinstance(data, dict) and data and all(isinstance(k, str) for k in data):
        for i, (key, value) in enumerate(data.items()):
            yield ("," if i else "{") + _ENCODE(key) + ":"
            yield from _chunks(value)
        yield "}"
    else:
        yield _ENCODE(data)
