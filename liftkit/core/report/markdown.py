"""The event pack as Markdown (CommonMark with GitHub tables), readable as plain text.

Participants' text is escaped so that it shows literally and can never change the document's
structure: no headings, lists, tables, quotes, code or HTML come from what people wrote.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from liftkit.core.agenda.durations import format_duration
from liftkit.core.chat import LAYOUT_NAMES
from liftkit.core.report import (
    Breakdown,
    GroupSet,
    PollResult,
    Quote,
    Report,
    SegmentRun,
)
from liftkit.core.text import (
    cell,
    clean_text,
    clock_text,
    escape_inline,
    heading,
    lines_of,
    one_line,
    plural,
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BAR_WIDTH = 30


@functools.lru_cache(maxsize=4096)
def _name(name: str) -> str:
    return escape_inline(name)


def quote_item(quote: Quote, anonymous: bool) -> str:
    said = f"- “{lines_of(quote.text, indent='  ', first_safe=True)}”"
    if quote.author and not anonymous:
        said += f" — {_name(quote.author)}"
    if quote.waiting_room:
        said += " (to the waiting room)"
    elif quote.private_to is not None:
        said += (
            " (direct message)" if anonymous else f" (direct message to {cell(quote.private_to)})"
        )
    return said


# --------------------------------------------------------------------------- pieces


def long_date(moment: datetime) -> str:
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def clock(moment: datetime | None, seconds: bool = False) -> str:
    return "—" if moment is None else clock_text(moment, seconds)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: set[int]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |"]
    out.append(
        "| " + " | ".join("---:" if i in right else "---" for i in range(len(headers))) + " |"
    )
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out


def bar_chart(data: Breakdown) -> list[str]:
    """A text bar chart in a code block: plain text in every reader."""
    labels = [one_line(r.label) for r in data.rows]
    width = max((len(label) for label in labels), default=0)
    body = []
    for label, row in zip(labels, data.rows, strict=True):
        blocks = round(row.percent * BAR_WIDTH / 100)
        bar = "█" * blocks if blocks or not row.count else "▏"
        body.append(f"{label.ljust(width)}  {bar} {row.percent}% ({row.count})".rstrip())
    longest = max((len(run) for line in body for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "text", *body, fence]


def breakdown_block(data: Breakdown, label: str, unit: str) -> list[str]:
    rows = [[cell(r.label), str(r.count), f"{r.percent}%"] for r in data.rows]
    rows.append(["Total", str(data.total), "100%" if data.total else "0%"])
    return [
        *table([label, unit, "Share"], rows, right={1, 2}),
        "",
        *bar_chart(data),
    ]


def poll_block(poll: PollResult) -> list[str]:
    out = [f"**Poll:** {cell(poll.question)} ({plural(poll.breakdown.total, 'answer')})", ""]
    if poll.average is not None:
        scale = f"{poll.scale:g}" if poll.scale is not None else "?"
        out += [f"Average score: **{poll.average:.1f}** out of {scale}.", ""]
    if poll.recommend_percent is not None:
        first = poll.breakdown.rows[0]
        out += [
            f"Would recommend: **{poll.recommend_percent}%** "
            f"({first.count} of {poll.breakdown.total}).",
            "",
        ]
    if poll.breakdown.total:
        out += [*breakdown_block(poll.breakdown, "Answer", "Votes"), ""]
    else:
        out += ["No answers were recorded.", ""]
    return out


def quote_list(quotes: Iterable[Quote], anonymous: bool) -> list[str]:
    return [quote_item(q, anonymous) for q in quotes]


# --------------------------------------------------------------------------- sections


def render_markdown(report: Report) -> str:
    out: list[str] = [heading(1, report.title or "Event pack"), ""]
    out += _overview(report)
    out += _who_joined(report)
    out += _agenda_as_run(report)
    if report.before:
        out += [heading(2, "Before the session"), ""]
        out += ["Posted in the chat before the first segment began.", ""]
        out += [*quote_list(report.before, report.anonymous), ""]
    placed: set[int] = set()
    for segment in report.segments:
        sets = [g for g in report.groups or [] if g.segment == segment.index]
        placed.update(id(g) for g in sets)
        out += _segment(segment, sets, report.anonymous)
    unplaced_groups = [g for g in report.groups or [] if id(g) not in placed]
    if unplaced_groups:
        out += [heading(2, "Breakout groups"), ""]
        out += _groups(unplaced_groups, report.anonymous)
    if report.themes:
        out += _themes(report)
    if report.feedback_planned or report.feedback_said:
        out += _feedback(report)
    if report.after:
        out += [heading(2, "After the session"), ""]
        out += ["Posted in the chat after the last segment ended.", ""]
        out += [*quote_list(report.after, report.anonymous), ""]
    if report.unplaced:
        out += [heading(2, "Other reflections"), ""]
        out += ["Noted without a segment.", ""]
        out += [*quote_list(report.unplaced, report.anonymous), ""]
    out += _sources(report)
    return "\n".join(out).rstrip("\n") + "\n"


def _overview(report: Report) -> list[str]:
    facts = []
    if report.start is not None:
        facts.append(f"**Date:** {long_date(report.start)}")
        end = f" to {report.end:%H:%M}" if report.end else ""
        facts.append(f"**Time:** {report.start:%H:%M}{end}")
    if report.host:
        facts.append(f"**Host:** {cell(report.host)}")
    out = []
    if facts:
        out += [" · ".join(facts), ""]
    if report.description:
        out += [lines_of(clean_text(report.description)), ""]
    if report.rehearse != 1:
        out += [
            f"This was a rehearsal, run at {report.rehearse:g} times the real speed; the "
            "lengths below are in session time.",
            "",
        ]
    return out


def _who_joined(report: Report) -> list[str]:
    out = [heading(2, "Who joined"), ""]
    attendance = report.attendance
    if attendance.count is None:
        out += ["The session has no attendee list and no chat log was given.", ""]
    elif attendance.source == "chat":
        out += [f"{plural(attendance.count, 'person', 'people')} took part in the chat.", ""]
    else:
        out += [
            f"{plural(attendance.count, 'person', 'people')} joined "
            f"(attendee list: {cell(attendance.source)}).",
            "",
        ]
    if attendance.breakdown is not None:
        out += [heading(3, f"By {attendance.breakdown.title}"), ""]
        out += [
            *breakdown_block(attendance.breakdown, cell(attendance.breakdown.title), "People"),
            "",
        ]
    if report.chats:
        messages = sum(c.messages for c in report.chats)
        line = f"The chat: {plural(messages, 'message')}"
        if attendance.source != "chat":
            line += f" from {plural(report.participants, 'person', 'people')}"
        if report.reactions:
            shown = ", ".join(f"{cell(emoji)} {n}" for emoji, n in report.reactions.items())
            line += f"; reactions: {shown}"
        line += "."
        out += [line, ""]
    return out


def _agenda_as_run(report: Report) -> list[str]:
    out = [heading(2, "The agenda as run"), ""]
    # Took: how long the segment was current, pauses included, so that the column adds up
    # to the session's length. Paused time gets its own column, and is not an overrun.
    paused = report.paused > 0
    rows = []
    for s in report.segments:
        ran = s.actual is not None
        over = f"⚠ +{format_duration(s.over)}" if ran and s.over > 0 else ""
        row = [
            str(s.index + 1),
            cell(s.title),
            clock(s.planned_start),
            clock(s.actual_start, seconds=True) if ran else "not run",
            format_duration(s.planned),
            format_duration(s.actual or 0) if ran else "—",
        ]
        if paused:
            row.append(format_duration(s.paused) if s.paused else "")
        rows.append([*row, over])
    headers = ["#", "Segment", "Planned start", "Started", "Planned", "Took"]
    headers += ["Paused", "Overrun"] if paused else ["Overrun"]
    right = {0, 2, 3, 4, 5, 6} if paused else {0, 2, 3, 4, 5}
    out += [*table(headers, rows, right=right), ""]
    planned = sum(s.planned for s in report.segments)
    took = report.took
    if took is not None:
        summary = f"Planned {format_duration(planned)}; took {format_duration(took)}"
        if paused:
            summary += f", {format_duration(report.paused)} of it paused"
        summary += "."
        overran = [s for s in report.segments if s.actual is not None and s.over > 0]
        if overran:
            summary += f" {plural(len(overran), 'segment')} overran."
        out += [summary, ""]
    return out


def _segment_intro(segment: SegmentRun) -> list[str]:
    out = []
    if segment.prompt.strip():
        out += [lines_of(clean_text(segment.prompt)), ""]
    if segment.questions:
        for n, question in enumerate(segment.questions, start=1):
            marker = f"{n}. "
            out.append(marker + lines_of(one_line(question), indent=" " * len(marker)))
        out.append("")
    return out


def _segment(segment: SegmentRun, groups: list[GroupSet], anonymous: bool) -> list[str]:
    out = [heading(2, f"{segment.index + 1}. {segment.title}"), ""]
    out += _segment_intro(segment)
    for poll in segment.polls:
        if poll.kind == "choice":
            out += poll_block(poll)
    if groups:
        out += [heading(3, "Breakout groups"), ""]
        out += _groups(groups, anonymous)
    if segment.kind == "reflection":
        return out + _closing(segment, anonymous)
    if segment.evaluation and segment.quotes:
        out += ["What participants said in this segment is under Feedback, below.", ""]
    elif segment.quotes:
        out += [heading(3, "Reflections"), ""]
        out += [*quote_list(segment.quotes, anonymous), ""]
    elif segment.actual is not None:
        out += ["No reflections were captured in this segment.", ""]
    else:
        out += ["This segment was not run.", ""]
    return out


def _closing(segment: SegmentRun, anonymous: bool) -> list[str]:
    """Closing reflections, with the practical steps (tagged #step, or starting "One
    practical step") apart."""
    reflections = [q for q in segment.quotes if not q.step]
    steps = [q for q in segment.quotes if q.step]
    out = [heading(3, "Closing reflections"), ""]
    if reflections:
        out += [*quote_list(reflections, anonymous), ""]
    else:
        out += ["No closing reflections were captured.", ""]
    out += [heading(3, "Practical steps"), ""]
    if steps:
        out += [*quote_list(steps, anonymous), ""]
    else:
        out += ["No practical steps were captured.", ""]
    return out


def _themes(report: Report) -> list[str]:
    out = [heading(2, "Themes that emerged"), ""]
    out += ["Reflections tagged with a #word, gathered by tag.", ""]
    for theme in report.themes:
        title = theme.tag.replace("_", " ")
        out += [heading(3, title[:1].upper() + title[1:]), ""]
        out += [*quote_list(theme.quotes, report.anonymous), ""]
    return out


def _groups(sets: list[GroupSet], anonymous: bool) -> list[str]:
    out = []
    for group_set in sets:
        for group_round in group_set.rounds:
            if len(group_set.rounds) > 1:
                out += [f"Round {group_round.round}:", ""]
            for group in group_round.groups:
                if anonymous:
                    size = plural(len(group.members), "person", "people")
                    out.append(f"- {cell(group.name)}: {size}")
                else:
                    members = ", ".join(cell(m) for m in group.members) or "nobody"
                    out.append(f"- **{cell(group.name)}:** {members}")
            out.append("")
    return out


def _feedback(report: Report) -> list[str]:
    out = [heading(2, "Feedback"), ""]
    polls = report.feedback
    if report.feedback_planned and not polls:
        out += ["No evaluation results were recorded.", ""]
    for poll in polls:
        out += poll_block(poll)
    if report.feedback_said:
        out += [heading(3, "What participants said"), ""]
        out += [*quote_list(report.feedback_said, report.anonymous), ""]
    return out


def _sources(report: Report) -> list[str]:
    out = ["---", "", "Made with liftkit from:", "", f"- the session {cell(report.session)}"]
    for chat in report.chats:
        name = chat.file.replace("\\", "/").rsplit("/", 1)[-1]
        line = f"- {cell(name)}: {LAYOUT_NAMES[chat.layout]}, {plural(chat.messages, 'message')}"
        left_out = []
        if chat.private_left_out:
            left_out.append(plural(chat.private_left_out, "direct message"))
        if chat.waiting_room_left_out:
            left_out.append(plural(chat.waiting_room_left_out, "message") + " to the waiting room")
        if chat.duplicates:
            left_out.append(plural(chat.duplicates, "duplicate"))
        if left_out:
            listed = (
                ", ".join(left_out[:-1]) + " and " + left_out[-1]
                if len(left_out) > 1
                else left_out[0]
            )
            line += f" ({listed} left out)"
        out.append(line)
    return out
