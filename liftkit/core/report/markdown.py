"""The event pack as Markdown (CommonMark with GitHub tables), readable as plain text.

The sections follow a published pack: the title and the host's opening, who joined, the
registration answers, each segment (the host's words, then the participants' quotes under
their themes), how to host the conversation yourself, thanks and feedback; then what was
said outside the segments and the organiser's record of the agenda as run. The host's
narrative is Markdown of their own and goes in as written; participants' text is escaped
(markdown_parts.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from liftkit.core.agenda.durations import format_duration
from liftkit.core.chat import LAYOUT_NAMES, TRANSCRIPT_LAYOUTS
from liftkit.core.report.markdown_groups import groups_lines
from liftkit.core.report.markdown_parts import (
    Charts,
    by_heading,
    chat_sentence,
    clock,
    contact_line,
    dates_and_times,
    ended,
    listing,
    minutes,
    poll_block,
    posted,
    rounds_asked,
    shares_sentence,
    took_part,
)
from liftkit.core.report.model import GroupSet, Quote, Report, SegmentRun, theme_title, themed
from liftkit.core.report.narrative import (
    DIY,
    OPENING,
    THANKS,
    WHO,
    has_headings,
    question_key,
    segment_key,
)
from liftkit.core.text import cell, clean_text, heading, lines_of, one_line, phrase, plural

CHUNK_LINES = 4096  # lines written at a time
# What was said outside the segments: short parts that a printed pack runs on (html.py).
BEFORE, AFTER, UNPLACED = "Before the session", "After the session", "Other reflections"
# The pack's lines, some of them given as a run of lines made as they are written (the quotes:
# as many as the chat log's messages).
Lines = list[str | Iterable[str]]


def render_markdown(report: Report, charts: Charts | None = None) -> str:
    return "".join(markdown_chunks(report, charts))


def markdown_chunks(report: Report, charts: Charts | None = None) -> Iterator[str]:
    """The pack's text in pieces that add up to `render_markdown`'s, for writing to a file
    without ever holding the whole text (a 200 MB chat log makes a pack of about as much).
    The text ends in one line end: the blank lines at its end are held back, then dropped."""
    held = ""
    for piece in _pieces(_lines(report, charts or Charts())):
        text = piece.rstrip("\n")
        if text:
            yield held + text
            held = piece[len(text) :]
        else:
            held += piece
    yield "\n"


def _pieces(out: Lines) -> Iterator[str]:
    """The lines, CHUNK_LINES at a time, each followed by its line end."""
    chunk: list[str] = []
    for part in out:
        for line in [part] if isinstance(part, str) else part:
            chunk.append(line)
            if len(chunk) >= CHUNK_LINES:
                yield "\n".join(chunk) + "\n"
                chunk.clear()
    yield "\n".join(chunk) + "\n"


def _lines(report: Report, charts: Charts) -> Lines:
    out: Lines = [heading(1, report.headline or report.title or "Event pack"), ""]
    out += _opening(report)
    out += _who_joined(report, charts)
    for i, answers in enumerate(report.questions):
        out += [heading(2, answers.question), "", *_words(report, question_key(i))]
        said = charts.answers(answers.answers)
        out += [*said, ""] if said else ["No answers were given.", ""]
    if report.before:
        out += [heading(2, BEFORE), ""]
        out += [f"{posted(report.chats)} before the first segment began.", ""]
        out += [charts.quotes(report.before, report.named), ""]
    placed: set[int] = set()
    quiet = _quiet_runs(report.segments)
    for segment in report.segments:
        sets = [g for g in report.groups or [] if g.segment == segment.index]
        placed.update(id(g) for g in sets)
        out += _segment(report, segment, sets, charts, quiet.get(segment.index, ""))
    unplaced_groups = [g for g in report.groups or [] if id(g) not in placed]
    if unplaced_groups:
        out += [
            heading(2, "Breakout groups"),
            "",
            *groups_lines(unplaced_groups, not report.anonymous),
        ]
    for title, body in report.narrative_extra:
        out += [heading(2, title), "", body, ""]
    out += _host_it_yourself(report)
    out += _thanks(report, charts)
    if report.after:
        out += [heading(2, AFTER), ""]
        out += [f"{posted(report.chats)} after the last segment ended.", ""]
        out += [charts.quotes(report.after, report.named), ""]
    if report.unplaced:
        out += [heading(2, UNPLACED), ""]
        out += ["Noted without a segment.", ""]
        out += [charts.quotes(report.unplaced, report.named), ""]
    out += _agenda_as_run(report, charts)
    out += _sources(report)
    return out


NOT_RUN = {False: "not run", True: "not run yet"}  # in the agenda as run (while it runs)
RUNNING = (
    "Written while the session was still running: this is the pack of it so far, its end time "
    "the time the pack was made."
)


def _words(report: Report, key: str) -> list[str]:
    """The host's narrative for this part, as they wrote it."""
    body = report.narrative.get(key)
    return [body, ""] if body else []


def _opening(report: Report) -> list[str]:
    out = [f"*{RUNNING}*", ""] if report.running else []
    facts = []
    if report.start is not None:
        facts += dates_and_times(report.start, report.end)
    if report.host:
        label = "Hosts" if report.host_count > 1 else "Host"
        facts.append(f"**{label}:** {phrase(report.host)}")
    out += [" · ".join(facts), ""] if facts else []
    if report.headline and report.title and report.headline != report.title:
        out += [f"*{phrase(report.title)}*", ""]
    if report.description:
        out += [lines_of(clean_text(report.description)), ""]
    if report.purpose:
        out += [f"**We set out to:** {lines_of(clean_text(report.purpose), first_safe=True)}", ""]
    out += _words(report, OPENING)
    if report.rehearse != 1:
        out += [
            f"This was a rehearsal, run at {report.rehearse:g} times the real speed; the "
            "lengths below are in session time.",
            "",
        ]
    return out


def _who_joined(report: Report, charts: Charts) -> list[str]:
    out = [heading(2, "Who joined"), "", *_words(report, WHO)]
    attendance = report.attendance
    if attendance.count is None:
        pass  # nothing tells: a published pack says nothing rather than what the host lacked
    elif attendance.source == "chat":
        out += [took_part(attendance.count, report.chats, attendance.hosts), ""]
    else:
        besides = f", besides {plural(attendance.hosts, 'host')}" if attendance.hosts else ""
        # The session's copy is always attendees.csv: the name the host gave it is not kept.
        listed = "" if attendance.session_copy else f" (attendee list: {phrase(attendance.source)})"
        joined = plural(attendance.count, "person", "people")
        out += [f"{joined} joined{besides}{listed}.", ""]
    examples = []
    if attendance.roles:
        examples.append(
            ended(f"They came in a range of roles, including {listing(attendance.roles)}")
        )
    if attendance.organisations:
        examples.append(ended(f"Organisations included {listing(attendance.organisations)}"))
    if examples:
        out += [" ".join(examples), ""]
    if report.chats:  # with the count, before the charts: a printed line alone on a page
        out += [chat_sentence(report, attendance.source != "chat"), ""]
    for data in attendance.breakdowns:
        out += [heading(3, by_heading(data.title)), "", shares_sentence(data), ""]
        out += [*charts.table(data, cell(data.title), "People"), *charts.breakdown(data), ""]
    return out if len(out) > 2 else []  # the heading alone: no section


def _quiet_runs(segments: Sequence[SegmentRun]) -> dict[int, str]:
    """The sentence that says nothing was captured, for segments run without a reflection:
    said once, at the first, for several in a row (Troika's thirteen steps), where each said
    it; the others of the row get ""."""
    rows: list[list[SegmentRun]] = []
    for segment in segments:
        if segment.actual is None or segment.quotes or segment.kind == "reflection":
            rows.append([])
        elif rows and rows[-1] and rows[-1][-1].index + 1 == segment.index:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    notes: dict[int, str] = {}
    for row in filter(None, rows):
        first, last = row[0].index + 1, row[-1].index + 1
        notes.update((s.index, "") for s in row)
        if first == last:
            notes[row[0].index] = "No reflections were captured in this segment."
        else:
            between = "and" if last == first + 1 else "to"
            notes[row[0].index] = (
                f"No reflections were captured in segments {first} {between} {last}."
            )
    return notes


def _segment(
    report: Report, segment: SegmentRun, groups: list[GroupSet], charts: Charts, quiet: str
) -> Lines:
    # What was asked, then what happened in the host's words, then polls and quotes.
    out: Lines = [heading(2, f"{segment.index + 1}. {segment.title}"), ""]
    if segment.prompt.strip():
        out += [lines_of(clean_text(segment.prompt)), ""]
    if segment.questions:
        for n, question in enumerate(segment.questions, start=1):
            marker = f"{n}. "
            out.append(marker + lines_of(one_line(question), indent=" " * len(marker)))
        out.append("")
    if segment.by_round:  # a café's new question each round; several, numbered under it
        out += [*rounds_asked(segment.round_questions), ""]
    out += _words(report, segment_key(segment.index))
    for poll in segment.polls:
        if not (segment.evaluation and poll.kind != "choice"):  # feedback: under the thanks
            out += poll_block(poll, charts)
    if groups:
        out += [heading(3, "Breakout groups"), "", *groups_lines(groups, not report.anonymous)]
    if segment.kind == "reflection" and (segment.actual is not None or segment.quotes):
        return out + _closing(segment, report.named, charts)
    if segment.evaluation and segment.quotes:
        # Named as its heading reads, so that a reader finds it.
        out += ["What participants said in this segment is under “Thank you and feedback”.", ""]
    elif segment.quotes and has_headings(report.narrative.get(segment_key(segment.index))):
        # The host's own themes are ### headings: the quotes' themes go under one heading of
        # their own, so that no reader takes the one for the other (or sees a theme twice).
        out += [heading(3, "Reflections from participants"), ""]
        out += _by_theme(segment.quotes, report.named, charts, level=4)
    elif segment.quotes:
        out += _by_theme(segment.quotes, report.named, charts)
    elif segment.actual is not None:
        out += [quiet, ""] if quiet else []
    else:
        out += [f"This segment {'has not run yet' if report.running else 'was not run'}.", ""]
    return out


def _by_theme(quotes: Sequence[Quote], named: bool, charts: Charts, level: int = 3) -> Lines:
    """Quotes under their themes (#tags), the untagged ones after, under "Other reflections"
    (or, without themes, "Reflections", unless they are under a heading already)."""
    themes, rest = themed(quotes)
    out: Lines = []
    for theme in themes:
        out += [heading(level, theme_title(theme.tag)), "", charts.quotes(theme.quotes, named), ""]
    if rest and (themes or level == 3):
        out += [heading(level, "Other reflections" if themes else "Reflections"), ""]
    if rest:
        out += [charts.quotes(rest, named), ""]
    return out


def _closing(segment: SegmentRun, named: bool, charts: Charts) -> Lines:
    """Closing reflections, with the practical steps (tagged #step, or starting "One
    practical step") apart."""
    reflections = [q for q in segment.quotes if not q.step]
    steps = [q for q in segment.quotes if q.step]
    out: Lines = [heading(3, "Closing reflections"), ""]
    if reflections:
        themes, rest = themed(reflections)
        for theme in themes:
            out += [heading(4, theme_title(theme.tag)), ""]
            out += [charts.quotes(theme.quotes, named), ""]
        if rest and themes:
            out += [heading(4, "Other closing reflections"), ""]
        out += [charts.quotes(rest, named), ""] if rest else []
    else:
        out += ["No closing reflections were captured.", ""]
    out += [heading(3, "Practical steps"), ""]
    if steps:
        out += [charts.quotes(steps, named), ""]
    else:
        out += ["No practical steps were captured.", ""]
    return out


def _host_it_yourself(report: Report) -> list[str]:
    out = [heading(2, "Host this conversation yourself"), "", *_words(report, DIY)]
    total = sum(s.planned for s in report.segments)
    out += [f"**{minutes(total)}: {phrase(report.title or 'the conversation')}**", ""]
    for s in report.segments:
        what = s.summary or s.prompt or " ".join((*s.questions, *s.by_round))
        if not s.summary and what.rstrip().endswith(":") and s.prompt:
            # "…, discuss:" leads into the questions: the recipe gives them, not a bare colon
            what = " ".join([what.rstrip(), *s.questions, *s.by_round])
        line = f"- **{minutes(s.planned)} – {phrase(s.title)}**"
        out.append(
            line + (f": {lines_of(one_line(what), first_safe=True)}" if what.strip() else "")
        )
    return [*out, ""]


def _thanks(report: Report, charts: Charts) -> Lines:
    words = _words(report, THANKS)
    if not (report.feedback_planned or report.feedback_said or words or report.contact):
        return []
    out: Lines = [heading(2, "Thank you and feedback"), ""]
    polls = report.feedback
    figures = charts.feedback(polls)
    out += [*figures, ""] if figures else []
    out += words
    if report.contact:
        out += [contact_line(report.contact), ""]
    if report.feedback_planned and not polls:
        out += ["No evaluation results were recorded.", ""]
    for poll in polls:
        out += poll_block(poll, charts, figure=False)  # their figures are above
    if report.feedback_said:
        out += [heading(3, "What participants said"), ""]
        out += [charts.quotes(report.feedback_said, report.named), ""]
    return out


def _agenda_as_run(report: Report, charts: Charts) -> list[str]:
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
            s.title,
            clock(s.planned_start, day_of=report.start),
            clock(s.actual_start, True, report.start) if ran else NOT_RUN[report.running],
            format_duration(s.planned),
            format_duration(s.actual or 0) if ran else "—",
        ]
        if paused:
            row.append(format_duration(s.paused) if s.paused else "")
        rows.append([*row, over])
    headers = ["#", "Segment", "Planned start", "Started", "Planned", "Took"]
    headers += ["Paused", "Overrun"] if paused else ["Overrun"]
    right = {0, 2, 3, 4, 5, 6} if paused else {0, 2, 3, 4, 5}
    caption = f"The agenda as run: {report.title}" if report.title else "The agenda as run"
    out += [*charts.agenda(one_line(caption), headers, rows, right), ""]
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


def _sources(report: Report) -> list[str]:
    out = ["---", "", "Made with liftkit from:", "", f"- the session {phrase(report.session)}"]
    for chat in report.chats:
        name = chat.file.replace("\\", "/").rsplit("/", 1)[-1]
        said = plural(chat.messages, "turn" if chat.layout in TRANSCRIPT_LAYOUTS else "message")
        line = f"- {phrase(name)}: {LAYOUT_NAMES[chat.layout]}, {said}"
        left_out = []
        if chat.private_left_out:
            left_out.append(plural(chat.private_left_out, "direct message"))
        if chat.waiting_room_left_out:
            left_out.append(plural(chat.waiting_room_left_out, "message") + " to the waiting room")
        if chat.panelists_left_out:
            left_out.append(plural(chat.panelists_left_out, "message") + " to the panelists")
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
