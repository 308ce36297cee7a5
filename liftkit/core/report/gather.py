"""What the report gathers from the whole session once its quotes are placed: poll results,
breakout groups, themes, and what participants said about the event."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from liftkit.core.agenda.model import Agenda, Poll
from liftkit.core.errors import LiftkitError
from liftkit.core.live.engine import PAUSED, RUNNING
from liftkit.core.live.events import GroupsMade, PollCounts, Reflection
from liftkit.core.live.replay import Replay, rounds_that_met
from liftkit.core.live.round_times import round_held, shares
from liftkit.core.report.model import (
    FEEDBACK_TAG,
    STEP_TAGS,
    GroupRound,
    GroupSet,
    PollResult,
    Quote,
    Report,
    ReportOptions,
    Theme,
    breakdown,
)
from liftkit.core.report.shares import whole_percent
from liftkit.core.report.sources import SessionData, group_rounds
from liftkit.core.text import one_line, plural


def poll_results(agenda: Agenda, recorded: Sequence[PollCounts]) -> list[PollResult]:
    latest: dict[tuple[int, int], PollCounts] = {}
    for event in recorded:
        latest[(event.segment, event.poll)] = event  # recorded again: the later result stands
    results = []
    for (segment, index), event in sorted(latest.items()):
        poll: Poll | None = None
        if 0 <= segment < len(agenda.segments) and index < len(agenda.segments[segment].polls):
            poll = agenda.segments[segment].polls[index]
        counts = event.counts
        options = list(poll.options) if poll else []
        options += [o for o in counts if o not in options]
        table = breakdown(event.question, [(o, counts.get(o, 0)) for o in options])
        kind = poll.kind if poll else "choice"
        result = PollResult(segment, index, poll.question if poll else table.title, kind, table)
        if kind == "score" and table.total:
            scores = [(float(s.label), s.count) for s in table.rows if _is_number(s.label)]
            answered = sum(c for _, c in scores)
            if answered:
                average = sum(v * c for v, c in scores) / answered
                scale, lowest = max(v for v, _ in scores), min(v for v, _ in scores)
                result = PollResult(
                    segment, index, result.question, kind, table, average, scale, lowest
                )
        elif kind == "recommend" and table.total:
            result = PollResult(
                segment,
                index,
                result.question,
                kind,
                table,
                recommend_percent=whole_percent(table.rows[0].count, table.total),
            )
        results.append(result)
    return results


FEEDBACK_KINDS = ("score", "recommend")


def feedback_segments(agenda: Agenda) -> dict[int, int]:
    """The segments whose score and recommend polls are the feedback on the event, with how
    many each holds: the evaluation segment (the last with a score poll, else the last with a
    recommend poll; never a welcome segment, where a check-in's "How energised do you feel?"
    goes) and those after it that hold one. Such a poll before it is its own segment's."""
    held = {
        i: sum(p.kind in FEEDBACK_KINDS for p in s.polls)
        for i, s in enumerate(agenda.segments)
        if s.kind != "welcome"
    }
    scored = [i for i in held if any(p.kind == "score" for p in agenda.segments[i].polls)]
    evaluation = scored or [i for i, n in held.items() if n]
    return {i: n for i, n in held.items() if n and i >= evaluation[-1]} if evaluation else {}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def groups(
    session: SessionData, options: ReportOptions, replayed: Replay, running: bool = False
) -> list[GroupSet]:
    """The breakout groups: from --groups-file, else the journal (the last shuffle of each
    segment wins; only the rounds that met, as a reshuffle counts them: a breakout passed
    through with n, or left in its second round of three, did not meet in the others),
    else the session's groups.json. Groups not tied to a segment go with the first
    breakout segment."""
    from liftkit.core.groups.formats import load_groups_file  # only when asked

    segments = session.agenda.segments
    breakout = next((i for i, s in enumerate(segments) if s.kind == "breakout"), None)
    if options.groups_file is not None:
        return [
            GroupSet(
                breakout, group_rounds(load_groups_file(options.groups_file, field="groups_file"))
            )
        ]
    latest: dict[int | None, GroupsMade] = {}
    for event in session.events:
        if isinstance(event, GroupsMade):
            segment = event.segment
            in_agenda = segment is not None and 0 <= segment < len(segments)
            latest[segment if in_agenda else breakout] = event
    sets = [_that_met(segment, group_rounds(event.split), replayed, running)
            for segment, event in latest.items()]  # fmt: skip
    if sets:
        return [s for s in sets if s.rounds or s.segment in replayed.times]
    if session.groups_split is not None:
        return [GroupSet(breakout, group_rounds(session.groups_split))]
    raise LiftkitError(
        f"{session.folder}: the session holds no breakout groups",
        "give a groups file with `groups_file` FILE, or leave out `groups`",
    )


def _that_met(
    segment: int | None, rounds: tuple[GroupRound, ...], replayed: Replay, running: bool
) -> GroupSet:
    """A breakout's rounds that met, from the time it ran (pauses not counted), and the round
    the session stopped in when it stopped there (or is there still) rather than moving on."""
    if segment is None:
        return GroupSet(segment, rounds)
    met = rounds_that_met(replayed, segment, len(rounds))
    engine = replayed.engine
    here = engine.status in (RUNNING, PAUSED) and engine.moving_to is None
    if met == len(rounds) or not here or engine.index != segment:
        return GroupSet(segment, rounds[:met], len(rounds) - met)
    ran = replayed.times.get(segment)
    elapsed = ran.took - ran.paused if ran is not None else 0
    # each round as long as it was held: + and - in a round changed it alone
    held = round_held(shares(engine.round_lengths(segment), len(rounds)), elapsed)[0] or 1
    return GroupSet(segment, rounds[:met], len(rounds) - met, held, running)


def themes(report: Report) -> list[Theme]:
    by_tag: dict[str, list[Quote]] = {}
    spelling: dict[str, str] = {}
    every = [*report.before, *(q for s in report.segments for q in s.quotes), *report.after]
    for quote in [*every, *report.unplaced]:
        for tag in quote.tags:
            key = tag.casefold()
            if key in STEP_TAGS or key == FEEDBACK_TAG:
                continue  # a marker for practical steps or feedback, not a theme
            spelling.setdefault(key, tag)
            by_tag.setdefault(key, []).append(quote)
    ordered = sorted(by_tag.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [Theme(spelling[key], tuple(quotes)) for key, quotes in ordered]


def feedback_said(report: Report) -> list[Quote]:
    """The quotes of the segments that hold the feedback polls (closing reflections aside)
    and every quote tagged #feedback, each once, in the order they were said."""
    every = [*report.before, *(q for s in report.segments for q in s.quotes), *report.after]
    evaluation = {id(q) for s in report.segments if s.evaluation and s.kind != "reflection"
                  for q in s.quotes}  # fmt: skip
    said = [
        q
        for q in [*every, *report.unplaced]
        if id(q) in evaluation or any(t.casefold() == FEEDBACK_TAG for t in q.tags)
    ]
    return sorted(said, key=_quote_order)


def _quote_order(quote: Quote) -> float:
    return quote.at.timestamp() if quote.at else float("inf")


# An email address, or a phone number (10 to 13 digits, starting + or 0: `07700 900123`,
# `+44 131 496 0000`), in what the pack quotes. The phone's + or 0 comes first, then the look
# behind it (no word's character or + before it), so that a search leaps to each + and 0.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"[+0](?<![\w+][+0])[\d ().-]*\d(?!\w)")


def _phones(text: str) -> list[str]:
    """The phone numbers in `text`: each run of digits and separators, split where a part
    starting + or 0 follows a whole number (`07700 900111 07700 900222` is two; it was one
    of 16 digits, so none)."""
    found = []
    for run in _PHONE.findall(text):
        numbers: list[list[str]] = []
        for part in run.split():
            whole = numbers and sum(c.isdigit() for c in " ".join(numbers[-1])) >= 10
            if not numbers or (whole and part.lstrip("(")[:1] in ("+", "0")):
                numbers.append([])
            numbers[-1].append(part)
        found += [" ".join(n) for n in numbers]
    return [p for p in found if 10 <= sum(c.isdigit() for c in p) <= 13]


def contact_details(report: Report) -> list[str]:
    """A warning naming the quotes and registration answers that hold an email address or a
    phone number: a pack published as it is shows them to everyone (a QA pass's chat had
    "email me at …" and a mobile number, quoted without a word)."""
    places = itertools.chain(  # not a list: a big chat's pack holds a million quotes
        ((asked.question, answer) for asked in report.questions for answer in asked.answers),
        (("before the session", q.text) for q in report.before),
        ((s.title, q.text) for s in report.segments for q in s.quotes),
        (("after the session", q.text) for q in report.after),
        (("without a segment", q.text) for q in report.unplaced),
    )
    found: list[str] = []
    for where, text in places:
        if "@" not in text and "0" not in text and "+" not in text:  # most quotes
            continue  # (the patterns over 54,000 quotes took 0.2 s; this, 10 ms)
        emails = _EMAIL.findall(text) if "@" in text else []
        phones = _phones(text)
        found += [f"{detail.strip()!r} ({where})" for detail in (*emails, *phones)]
    warnings = _members_cut(report)
    if not found:
        return warnings
    shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    many = "email addresses or phone numbers"
    what = plural(len(found), "email address or phone number", many)
    return [
        f"the pack quotes {what}: {shown}; a published pack shows them to everyone: ask "
        "their authors, or take them out",
        *warnings,
    ]


def _members_cut(report: Report) -> list[str]:
    """Room members the groups know by an address or number alone, shown cut short
    (`grace.hopper@…`): the pack is less clear than it could be, and the host can say who."""
    if report.groups is None or report.anonymous:
        return []  # an anonymous pack lists no members
    cut = {
        name: None
        for group_set in report.groups
        for group_round in group_set.rounds
        for group in group_round.groups
        for name in group.cut
    }
    if not cut:
        return []
    names = [repr(name) for name in cut]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    if 1 < len(names) <= 3:
        shown = ", ".join(names[:-1]) + " and " + names[-1]
    who = plural(len(names), "person", "people")
    return [
        f"the rooms list {who} known only by an email address or phone number, shown as "
        f"{shown} (no address or number is published); to name them, give their names in the "
        "list the groups were made from"
    ]


def listed(names: list[str]) -> str:
    """ "Ada", "Ada and Grace", "Ada, Grace and Alan"."""
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


# A host's own mark before a note that is not for publishing ("Private: speaker fee invoice
# pending"); "Anonymous:" is for publishing without a name, so it is no such mark.
_PRIVATE = re.compile(r"\s*(private|confidential|personal)\s*:", re.IGNORECASE)


def private_notes(
    reflections: Sequence[Reflection], agenda: Agenda, warnings: list[str]
) -> list[Reflection]:
    """The reflections to quote; adds to `warnings` one naming those the host marked `Private:`,
    `Confidential:` or `Personal:`, which the pack leaves out (a QA pass's "Private: speaker
    fee invoice pending" was published, with --anonymous too, without a word)."""
    kept = [r for r in reflections if not _PRIVATE.match(r.text)]
    if len(kept) == len(reflections):
        return kept
    marked = [r for r in reflections if _PRIVATE.match(r.text)]
    places = [
        f"{one_line(r.text)!r} ({agenda.segments[r.segment].title})"
        if r.segment is not None and 0 <= r.segment < len(agenda.segments)
        else f"{one_line(r.text)!r}"
        for r in marked
    ]
    shown = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
    what = plural(len(marked), "reflection", "reflections")
    warnings.append(
        f"left out {what} marked private: {shown}; kept in the session's journal, not in the "
        "pack; to publish one, record it again without the mark"
    )
    return kept
