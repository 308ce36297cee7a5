"""Pieces of the Markdown pack: quotes, tables, and the figures, drawn by a `Charts` object
(a mermaid pie and text bars in Markdown; the HTML renderer draws its own in their place).

Participants' text is escaped so that it shows literally and can never change the document's
structure: no headings, lists, tables, quotes, code or HTML come from what people wrote.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from liftkit.core.agenda.durations import format_duration
from liftkit.core.chat.model import TRANSCRIPT_LAYOUTS
from liftkit.core.people.apart import for_pack
from liftkit.core.report.model import (
    Breakdown,
    ChatSummary,
    PollResult,
    Quote,
    Report,
    without_tags,
)
from liftkit.core.report.shares import half_up
from liftkit.core.text import (
    PAIRED,
    cell,
    cells,
    clean_text,
    clock_text,
    escape_inline,
    isolated,
    lines_of,
    one_line,
    phrase,
    plural,
)

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BAR_WIDTH = 30
# What a mermaid label may not hold: a `"` ends it, mermaid reads "#quot;" (a # to a ;) as a
# character's code, "<br>" as a new line and other tags as HTML, and its syntax has no escape
# that every reader supports. Letters with their marks ("स्वास्थ्य", "Children’s") and the
# rest of the punctuation ("Santé: hôpital") are kept; they lost letters to a list of what
# was allowed, \w, which has no combining marks.
MERMAID_UNSAFE = re.compile(r"[<>`\\]")
MERMAID_LIKE = str.maketrans({'"': "'", ";": ","})


@functools.lru_cache(maxsize=4096)
def _name(name: str) -> str:
    return escape_inline(name, paired=PAIRED)  # after the quote, in its paragraph


def quote_item(quote: Quote, named: bool) -> str:
    said = f"- “{lines_of(without_tags(quote.text, quote.tags), indent='  ', first_safe=True)}”"
    if quote.author and named:
        said += f" — {_name(for_pack(quote.author))}"  # no address or number published
    if quote.waiting_room:
        said += " (to the waiting room)"
    elif quote.private_to is not None:
        said += f" (direct message to {phrase(quote.private_to)})" if named else " (direct message)"
    return said


def long_date(moment: datetime) -> str:
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def time_span(start: datetime, end: datetime | None) -> str:
    """ "10:00 to 11:00"; one time for a session that ended in the minute it began (a
    rehearsal at 30 times the speed), where "10:00 to 10:00" reads as a mistake."""
    if end is not None and end.utcoffset() != start.utcoffset():  # the clocks went back
        return f"{start:%H:%M %Z} to {end:%H:%M %Z}"  # "01:59 BST to 01:01 GMT"
    ended = f"{end:%H:%M}" if end is not None else ""
    return f"{start:%H:%M}" + (f" to {ended}" if ended and ended != f"{start:%H:%M}" else "")


def dates_and_times(start: datetime, end: datetime | None) -> list[str]:
    """The opening's date and time; a session that ended on another day than it began (resumed
    the next morning, or past midnight) gives both days, where "13:43 to 08:44" would read
    as ending before it began."""
    if end is None or end.date() == start.date():
        return [f"**Date:** {long_date(start)}", f"**Time:** {time_span(start, end)}"]
    ended = f"{DAYS[end.weekday()]} {end.day} {MONTHS[end.month - 1]}"
    ended += f" {end.year}" if end.year != start.year else ""
    return [f"**Dates:** {long_date(start)}, {start:%H:%M}, to {ended}, {end:%H:%M}"]


def clock(moment: datetime | None, seconds: bool = False, day_of: datetime | None = None) -> str:
    """A time of the session; "Tue 08:44:05" on another day than `day_of` (its start)."""
    if moment is None:
        return "—"
    day = f"{DAYS[moment.weekday()][:3]} " if day_of and moment.date() != day_of.date() else ""
    return day + clock_text(moment, seconds)


def minutes(seconds: int) -> str:
    """A length as readers say it: "5 min", "1 h 30 min" (seconds only when there are)."""
    if seconds % 60:
        return format_duration(seconds)
    hours, mins = divmod(seconds // 60, 60)
    return " ".join([f"{hours} h"] * bool(hours) + [f"{mins} min"] * bool(mins or not hours))


def score_text(poll: PollResult) -> str:
    average = half_up(poll.average or 0, 1)
    scale = f"{poll.scale:g}" if poll.scale is not None else "?"
    return f"{average:f}/{scale}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: set[int]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |"]
    out.append(
        "| " + " | ".join("---:" if i in right else "---" for i in range(len(headers))) + " |"
    )
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out


def share_table(data: Breakdown, label: str, unit: str) -> list[str]:
    rows = [[cell(r.label), str(r.count), f"{r.percent}%"] for r in data.rows]
    rows.append(["Total", str(data.total), "100%" if data.total else "0%"])
    return table([label, unit, "Share"], rows, right={1, 2})


# An email address as CommonMark links one written <ann@example.org> (ASCII only).
_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
EMAIL = re.compile(rf"[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})+")


def contact_line(contact: str) -> str:
    """ "**Contact:** <ann@example.org>": an email address alone is a link (mailto: in the
    HTML pack, as Markdown viewers show it); any other contact, as written."""
    text = clean_text(contact)
    if EMAIL.fullmatch(text.strip()):
        return f"**Contact:** <{text.strip()}>"
    return f"**Contact:** {lines_of(text, first_safe=True)}"


def by_heading(title: str) -> str:
    """ "By Sector"; a column named after a registration question is its own heading
    ("Which sector do you work in?", not "By Which sector do you work in?")."""
    return title if title.rstrip().endswith("?") else f"By {title}"


def shares_sentence(data: Breakdown) -> str:
    """ "Health care 59%, Social services 25% and Other 16%.": under its heading ("By
    Sector", or the question itself), which says what the shares are of; a lead saying it
    again ("By sector: …", until 2026-12-07) read twice."""
    parts = [f"{isolated(phrase(r.label))} {r.percent}%" for r in data.rows if r.count]
    listed = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
    return f"{listed}." if parts else ""


def ended(text: str) -> str:
    """A sentence with its full stop, unless its last word brings one ("Zeta Ltd.", "etc.",
    "…", "Yahoo!"): not "Zeta Ltd.."."""
    return text if text.endswith((".", "…", "!", "?")) else f"{text}."


def listing(items: tuple[str, ...]) -> str:
    """ "A, B and C"; with semicolons when a value holds a comma ("Head of Service, Adults;
    Nurse Lead and …"), which would otherwise run into the next."""
    shown = [isolated(phrase(i)) for i in items]
    between = "; " if any("," in i for i in items) else ", "
    return between.join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def took_part(people: int, chats: Sequence[ChatSummary], hosts: int = 0) -> str:
    """Who joined, when only the chat logs tell: a transcript's are those who spoke. The
    hosts are not counted among them, but said: "8 people took part in the chat, besides 2
    hosts"."""
    spoken = {c.layout in TRANSCRIPT_LAYOUTS for c in chats}
    did = (
        "spoke in the transcript" if spoken == {True}
        else "took part in the chat or spoke in the transcript" if True in spoken
        else "took part in the chat"
    )  # fmt: skip
    if people == 0 and hosts:  # not "0 people took part in the chat, besides 1 host"
        return f"Only {'the host' if hosts == 1 else f'the {hosts} hosts'} {did}."
    besides = f", besides {plural(hosts, 'host')}" if hosts else ""
    return f"{plural(people, 'person', 'people')} {did}{besides}."


def posted(chats: Sequence[ChatSummary]) -> str:
    spoken = {c.layout in TRANSCRIPT_LAYOUTS for c in chats}
    if spoken == {True}:
        return "Said"
    return "Posted in the chat or said" if True in spoken else "Posted in the chat"


def chat_sentence(report: Report, people: bool) -> str:
    """ "The chat: 40 messages from 12 people, besides 5 from the hosts; reactions: 👍 3." A
    transcript's messages are turns; with `people`, how many posted or spoke. The hosts'
    messages are counted apart, as the hosts are from those who joined."""
    spoken = [c for c in report.chats if c.layout in TRANSCRIPT_LAYOUTS]
    typed = [c for c in report.chats if c.layout not in TRANSCRIPT_LAYOUTS]
    # (what, a message's word, the guests' messages, the hosts'), for each kind of log given
    used = [(name, word, _guests(cs), sum(c.host_messages for c in cs)) for cs, name, word in
            ((typed, "the chat", "message"), (spoken, "the transcript", "turn")) if cs]  # fmt: skip
    hosts = "the host" if report.hosts_posted == 1 else "the hosts"
    if len(used) == 1 and not used[0][2] and used[0][3]:
        # "The chat: 2 messages, all from the host", not "0 messages, besides 2 from the host"
        name, word, _, theirs = used[0]
        line = f"{name}: {plural(theirs, word)}, all from {hosts}"
    else:
        line = "; ".join(f"{name}: {plural(n, word)}" for name, word, n, _ in used)
        if people and report.participants:  # not "from 0 people": captions name no one
            who = plural(report.participants, "person", "people")
            line += f" from {who}" if len(used) == 1 else f"; {who} in all"
        besides = [plural(theirs, word) for _, word, _, theirs in used if theirs]
        if besides:  # "; 13 people in all, besides 5 messages and 3 turns from the hosts"
            said = str(used[0][3]) if len(used) == 1 else " and ".join(besides)
            line += f", besides {said} from {hosts}"
    if report.reactions:
        shown = ", ".join(f"{phrase(emoji)} {n}" for emoji, n in report.reactions.items())
        line += f"; reactions: {shown}"
    return line[:1].upper() + line[1:] + "."


def _guests(chats: Sequence[ChatSummary]) -> int:
    return sum(c.messages - c.host_messages for c in chats)


def fenced(info: str, body: list[str]) -> list[str]:
    longest = max((len(run) for line in body for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + info, *body, fence]


class Charts:
    """The figures as Markdown: a table and a mermaid pie (GitHub, GitLab and most notes
    apps draw it; elsewhere it reads as a list) for a breakdown, a table and text bars for a
    poll, and the feedback figures in bold."""

    def table(self, data: Breakdown, label: str, unit: str) -> list[str]:
        return [*share_table(data, label, unit), ""]

    def agenda(
        self, caption: str, headers: list[str], rows: list[list[str]], right: set[int]
    ) -> list[str]:
        """The agenda as run (named by `caption`, which the heading above says here): each
        segment's number, title (`rows`' second column; the rest are times and lengths,
        `right` of them aligned right), as plain text."""
        return table(headers, [[cell(text) for text in row] for row in rows], right)

    def quotes(self, quotes: Iterable[Quote], named: bool) -> Iterable[str]:
        # Made as they are written: a big chat log's quotes are never all held as text.
        return (quote_item(q, named) for q in quotes)

    def answers(self, answers: Iterable[str]) -> list[str]:
        return [f"- “{phrase(a)}”" for a in answers]

    def breakdown(self, data: Breakdown) -> list[str]:
        body = [f"pie showData title {_mermaid(data.title)}"]
        body += [f'    "{_mermaid(r.label)}" : {r.count}' for r in data.rows if r.count]
        return fenced("mermaid", body)

    def poll(self, poll: PollResult, count: str) -> list[str]:
        """A poll with answers: its question, with the `count` of them, and its bars."""
        table = self.table(poll.breakdown, "Answer", "Votes")
        return [f"**Poll:** {phrase(poll.question)}{count}", "", *table, *bar_chart(poll.breakdown)]

    def feedback(self, polls: Sequence[PollResult]) -> list[str]:
        """The average of each score poll and the share of each recommend poll, in bold;
        several score polls each named by their question."""
        scores = [p for p in polls if p.average is not None]
        figures = [
            f"Average score{score_for(p, len(scores))}: **{score_text(p)}** "
            f"({plural(p.breakdown.total, 'answer')})"
            for p in scores
        ]
        for recommend in (p for p in polls if p.recommend_percent is not None):
            first, total = recommend.breakdown.rows[0].count, recommend.breakdown.total
            figures.append(
                f"**{recommend.recommend_percent}%** would recommend it"
                f"{recommend_to(recommend.question)} ({first} of {total})"
            )
        return [" · ".join(figures)] if figures else []


# Whom a recommend poll asks about: "Would you recommend it to a friend?", "… to an
# employer or colleague?", "… to a friend, colleague or family member?": the words after
# "recommend … to a" (or "to an"), commas and all, up to the question mark or a bracket
# ("… to a friend [yes/no]"); a comma ended them ("to a friend" of the three above).
RECOMMEND_TO = re.compile(
    r"\brecommend[^?!.]*?\bto (an?) ([^\W\d_][^?!.;:()\[\]]*?)[\s,]*(?:[?!.;:()\[\]]|$)", re.I
)


def recommend_to(question: str, markdown: bool = True) -> str:
    """ " to a friend" when the question says whom it asks about in a few words, else "": the
    pack says "would recommend it", not to a colleague the question never named."""
    found = RECOMMEND_TO.search(one_line(question))
    if found is None or len(found[2].split()) > 6:  # a sentence, not whom: neutral
        return ""
    return f" to {found[1].lower()} {phrase(found[2]) if markdown else found[2]}"


def score_for(poll: PollResult, scores: int, markdown: bool = True) -> str:
    """Which poll an average is of, among several: " for “Was it useful? (1-5)”"; as
    Markdown (escaped), or as plain text."""
    question = phrase(poll.question) if markdown else one_line(poll.question)
    return f" for “{question}”" if scores > 1 else ""


def _mermaid(label: str) -> str:
    return " ".join(MERMAID_UNSAFE.sub(" ", one_line(label)).translate(MERMAID_LIKE).split()) or "?"


def bar_chart(data: Breakdown) -> list[str]:
    """A text bar chart in a code block: plain text in every reader."""
    labels = [one_line(r.label) for r in data.rows]
    # padded to the columns each takes in a monospaced font, not its characters: a Japanese
    # answer (はい、そうです) or an emoji takes two each, and its bar began further right
    width = max((cells(label) for label in labels), default=0)
    body = []
    for label, row in zip(labels, data.rows, strict=True):
        blocks = round(row.percent * BAR_WIDTH / 100)
        bar = "█" * blocks if blocks or not row.count else "▏"
        padded = label + " " * (width - cells(label))
        body.append(f"{padded}  {bar} {row.percent}% ({row.count})".rstrip())
    return fenced("text", body)


def poll_block(poll: PollResult, charts: Charts, figure: bool = True) -> list[str]:
    """A poll's question, table and bars; with `figure`, a score poll's average (or a
    recommend poll's share) after them, as the feedback section gives it above its polls."""
    answers = plural(poll.breakdown.total, "answer")
    # "… (1 = poor, 5 = excellent) · 12 answers", not a second pair of brackets
    count = f" · {answers}" if poll.question.rstrip().endswith(")") else f" ({answers})"
    if poll.breakdown.total:
        shown = charts.feedback([poll]) if figure else []
        return [*charts.poll(poll, count), "", *shown, *[""] * bool(shown)]
    return [f"**Poll:** {phrase(poll.question)}{count}", "", "No answers were recorded.", ""]


def rounds_asked(round_questions: Sequence[Sequence[str]]) -> list[str]:
    """A café's questions round by round: "- Round 1: What comes to mind?", and a round of
    several numbered under its "- Round 2:", as the segment's own questions are."""
    out: list[str] = []
    for n, asked in enumerate(round_questions, start=1):
        if len(asked) == 1:
            out.append(f"- {lines_of(one_line(f'Round {n}: {asked[0]}'), indent='  ')}")
        elif asked:
            out.append(f"- Round {n}:")
            for k, question in enumerate(asked, start=1):
                marker = f"  {k}. "
                out.append(marker + lines_of(one_line(question), indent=" " * len(marker)))
    return out
