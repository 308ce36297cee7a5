"""Building the report: the session folder and the chat logs put together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time

from liftkit.core.agenda.model import Agenda
from liftkit.core.chat import ChatLog
from liftkit.core.chat.teams_chat import take_quotes
from liftkit.core.live.capture import name_label
from liftkit.core.live.engine import ENDED, NOT_STARTED
from liftkit.core.live.events import Reflection, SessionResume, SessionStart
from liftkit.core.live.follow import journal_in_use
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.kept import rescued_warning
from liftkit.core.live.replay import Replay
from liftkit.core.people.names import first_name_keys
from liftkit.core.report.chat_time import clock_went_back, nearest_day
from liftkit.core.report.chat_totals import ChatTotals, chat_hosts
from liftkit.core.report.gather import (
    contact_details,
    feedback_said,
    feedback_segments,
    groups,
    listed,
    poll_results,
    private_notes,
    themes,
)
from liftkit.core.report.model import (
    AFTER,
    BEFORE,
    Quote,
    Report,
    ReportOptions,
    SegmentRun,
    is_practical_step,
    is_tag,
    said_key,
    tags_in,
)
from liftkit.core.report.pack import (
    attendance,
    host_key,
    host_names,
    is_host,
    registration_answers,
)
from liftkit.core.report.sources import (
    SessionData,
    Timeline,
    groups_as_attendees,
)
from liftkit.core.text import clean_text, command_line, one_line, plain_words, plural
from liftkit.core.timeparse import later

NEAR_SECONDS = 300  # a chat message and the host's record of it in the next segment


def build_report(
    session: SessionData,
    chats: Sequence[ChatLog],
    options: ReportOptions,
    *,
    consume_chats: bool = False,
) -> Report:
    """The report. With `consume_chats` the chat logs' messages are let go as they are placed
    (the logs are left without messages), so that a big log's messages and their quotes are
    never all held at once: for a caller that has no more use for the logs."""
    agenda, replayed = session.agenda, session.replay()
    timeline = Timeline(session.events)
    first = replayed.start
    warnings = list(session.warnings)
    for log in chats:
        warnings.extend(log.warnings(clock_back=clock_went_back(log, timeline)))
    if options.chat_start is not None and chats and all(log.clock for log in chats):
        warnings.append("`chat_start` applies to transcripts (.vtt, .sbv) only; ignored")

    if options.by_columns or options.questions or {options.roles, options.organisations} - {None}:
        said = groups_as_attendees(session)  # the columns asked for, from its groups file
        warnings.extend([said] if said else [])
    marked = [*chat_hosts(chats), *session.own_hosts]
    hosts = host_names(agenda, options, session.attendees, marked)
    # A host given by first name alone ("Ada") is the one chat name that starts so.
    authors = (m.author for log in chats for m in log.messages)
    by_first_name = first_name_keys(hosts, authors)
    host_keys = {host_key(h) for h in hosts} | set(by_first_name)
    for name in sorted(by_first_name.values()):  # a person's words left out: said
        warnings.append(
            f'"{name}" in the chat is taken for the host named by first name alone (the only '
            "name that starts so), so not quoted; give the host's full name if they are not"
        )
    # A Teams reply quoting someone who wrote nothing in the copy: known by the list's names
    on_list = {host_key(p.name) for p in session.attendees.people} if session.attendees else ()
    for log in chats:
        take_quotes(log, lambda name: host_key(name) in host_keys or host_key(name) in on_list)
    quotes = _Quotes(host_keys, options.anonymous)
    quotes.add_reflections(
        private_notes(replayed.engine.reflections, agenda, warnings), len(agenda.segments)
    )
    chat = ChatTotals()
    base = _transcript_base(options.chat_start, timeline)
    for log in chats:
        chat.add(
            log, quotes, timeline, base, options.include_private, len(chats) > 1, consume_chats
        )
    warnings.extend(chat.warnings)
    closing = _last_closing(agenda, timeline)
    if closing is not None:
        quotes.steps_after_to(closing)

    shown_hosts = _shown_hosts(agenda, options)
    speed = replayed.rate
    running = replayed.engine.status not in (ENDED, NOT_STARTED) and (
        journal_in_use(session.folder / JOURNAL_NAME) is True
    )  # `liftkit run` or `resume` holds it
    if running and options.now is not None:
        replayed.run_on(options.now)  # the segment held runs on till now, not its last event
    runs = _segment_runs(agenda, replayed, quotes, _planned_start(first, timeline), speed)
    warnings.extend(_unfinished(session, replayed, runs, running))
    report = Report(
        title=agenda.title or (first.title if first else ""),
        description=agenda.description,
        host="" if options.anonymous else listed(shown_hosts),  # names no one
        host_count=len(shown_hosts),
        session=session.folder.name,
        start=timeline.session_start,
        end=timeline.end,
        rehearse=speed,
        attendance=attendance(
            session,
            options,
            len(chat.participants) if chats else None,
            warnings,
            host_keys,
            len(chat.hosts),
        ),
        segments=runs,
        before=quotes.take_in_order(BEFORE),
        after=quotes.take_in_order(AFTER),
        unplaced=quotes.unplaced,
        groups=groups(session, options, replayed, running)
        if options.groups or options.groups_file
        else None,
        chats=chat.summaries,
        participants=len(chat.participants),
        hosts_posted=len(chat.hosts),
        reactions={emoji: n for emoji, n in chat.reactions.most_common() if n > 0},
        anonymous=options.anonymous,
        warnings=warnings,
        running=running,
        feedback_planned=sum(feedback_segments(agenda).values()),
        named=options.named and not options.anonymous,
        hosts=hosts,
        purpose=agenda.purpose,
        contact=agenda.contact,
        language=agenda.language,
        questions=registration_answers(session, options),
    )
    report.themes = themes(report)
    report.feedback_said = feedback_said(report)
    report.warnings.extend(contact_details(report))
    rescued = rescued_warning(session.folder, options.rescue_places)
    if rescued is not None:
        report.warnings.append(rescued)
    return report


class _Quotes:
    """Quotes by where they go: a segment's index, BEFORE or AFTER the session."""

    def __init__(self, hosts: set[str] | None = None, anonymous: bool = False) -> None:
        self.hosts = hosts or set()  # never quoted
        self.anonymous = anonymous
        self._host: dict[str | None, bool] = {}  # by author: a big chat repeats a few names
        self.placed: dict[int | str, list[Quote]] = {}
        self.unplaced: list[Quote] = []
        # What the host recorded, by text: (segment, time, place in it). The host often
        # records a chat message as a reflection too, and then it shows once, with the chat's
        # author if it had none; also when the host recorded it just after moving on.
        # A walk-in's "Zara Whitlock: …" is found by its words after the label too, and
        # shows once, the chat's author taking the label's place (the label in the entry).
        self.recorded: dict[str, list[tuple[int, datetime | None, int, str]]] = {}

    def add_reflections(self, reflections: Sequence[Reflection], segments: int) -> None:
        for event in reflections:
            text = clean_text(event.text)
            author = one_line(event.author) if event.author else None
            if not author and (label := name_label(text)) and host_key(label[0]) in self.hosts:
                continue  # the host's own "Sam Okafor: …", journalled with no author
            labelled = name_label(text) if self.anonymous and not author else None
            if labelled:  # the host's "Zed Quinn:", not on the list: no name in the pack
                text = labelled[1]
            if not text:  # (an emoji alone, recorded by the host, is kept: they chose it)
                continue
            if self.is_host(author):
                continue
            # as recorded, but for what the pack reads as no tag (an older journal took "#1")
            recorded = event.tags
            tags = tuple(filter(is_tag, recorded)) if recorded is not None else tags_in(text)
            at = event.typed or event.wall  # one written late: when the host typed it
            quote = Quote(text, author or None, tags, str(event.source), at)
            segment = event.segment
            if segment is not None and 0 <= segment < segments:
                bucket = self.placed.setdefault(segment, [])
                self.recorded.setdefault(said_key(text, tags), []).append(
                    (segment, at, len(bucket), "")
                )
                walk_in = name_label(text) if not author else None
                if walk_in:
                    self.recorded.setdefault(said_key(walk_in[1], tags), []).append(
                        (segment, at, len(bucket), walk_in[0])
                    )
                bucket.append(quote)
            else:
                self.unplaced.append(quote)

    def is_host(self, author: str | None) -> bool:
        known = self._host.get(author)
        if known is None:
            known = self._host[author] = is_host(author, self.hosts)
        return known

    def add_chat(self, where: int | str, quote: Quote) -> None:
        if self.is_host(quote.author):
            return
        for segment, wall, index, label in self.recorded.get(said_key(quote.text, quote.tags), ()):
            if label and not (quote.author and plain_words(label) == plain_words(quote.author)):
                continue  # the same words after another person's name
            if segment == where or (_next_to(segment, where) and wall and quote.at and abs(
                    wall.timestamp() - quote.at.timestamp()) <= NEAR_SECONDS):  # fmt: skip
                bucket = self.placed[segment]
                if label:  # its sender is the label: their words, without the name
                    bucket[index] = replace(bucket[index], text=quote.text, author=quote.author)
                elif quote.author and _fuller(bucket[index].author, quote.author):
                    bucket[index] = replace(bucket[index], author=quote.author)
                return
        self.placed.setdefault(where, []).append(quote)

    def steps_after_to(self, segment: int) -> None:
        """Practical steps posted in the chat after the session ended go to `segment`, the
        last closing segment that ran: the host stopped liftkit while the last ones were
        being typed."""
        after: list[Quote] = []
        steps: list[Quote] = []
        for quote in self.placed.get(AFTER, ()):
            (steps if is_practical_step(quote.text, quote.tags) else after).append(quote)
        if steps:
            self.placed[AFTER] = after
            for quote in steps:  # shown once if the host recorded it in that segment too
                self.add_chat(segment, quote)

    def take_in_order(self, where: int | str) -> list[Quote]:
        """The quotes placed there, by time; taken out (sorted in place: no copy of a list
        that a big chat log makes millions long), so each place is asked for once."""
        bucket = self.placed.pop(where, [])
        bucket.sort(key=_quote_order)
        return bucket


def _unfinished(
    session: SessionData, replayed: Replay, runs: Sequence[SegmentRun], running: bool
) -> list[str]:
    """A session that stopped before its end (a quit, a crash) and was not resumed after
    that: the pack says "not run" for the rest, which the host may not have meant. One
    resumed before and stopped again is said to have been."""
    left = [run for run in runs if run.actual is None]
    if replayed.engine.status in (ENDED, NOT_STARTED):
        return []
    named = "; ".join(f"{run.index + 1}. {run.title}" for run in left)
    if running:
        # in its last segment too, whose time is cut at the pack's making and quotes may come
        said = f", and says {plural(len(left), 'segment')} did not run ({named})" if left else ""
        return [
            f"{session.folder.name}: the session is still running: the pack is of it so "
            f"far{said}. Export again when it has ended"
        ]
    if not left:
        return []
    resumes = sum(isinstance(e, SessionResume) for e in session.events)
    stopped = (
        f"was resumed {'once' if resumes == 1 else f'{resumes} times'} but stopped again before "
        "its end, and was not resumed after that"
        if resumes
        else "stopped before its end and was not resumed"
    )
    return [
        f"{session.folder.name}: the session {stopped}; "
        f"the pack says {plural(len(left), 'segment')} did not run ({named}). "
        f"To carry it on first: {command_line('liftkit', 'resume', session.folder)}"
    ]


def _segment_runs(
    agenda: Agenda,
    replayed: Replay,
    quotes: _Quotes,
    planned_start: datetime | None,
    speed: float,
) -> list[SegmentRun]:
    """What was planned and what ran. Lengths are in session time: a rehearsal at 30 times the
    speed that spent 2 real seconds in a segment spent a minute of it. Start times are clock
    times, so a rehearsal's planned starts come 30 times closer together too."""
    polls = poll_results(agenda, replayed.engine.polls)
    evaluation = feedback_segments(agenda)
    times = replayed.times
    runs = []
    offset = 0
    for i, segment in enumerate(agenda.segments):
        ran = times.get(i)
        said = quotes.take_in_order(i)
        if segment.kind == "reflection":
            said = [_with_step(q) for q in said]
        runs.append(
            SegmentRun(
                index=i,
                title=segment.title,
                kind=segment.kind,
                prompt=segment.prompt,
                questions=segment.questions,
                planned=segment.duration,
                planned_start=later(planned_start, offset / speed) if planned_start else None,
                actual_start=ran.started if ran else None,
                actual=ran.took if ran else None,
                quotes=tuple(said),
                polls=tuple(p for p in polls if p.segment == i),
                paused=ran.paused if ran else 0,
                evaluation=i in evaluation,
                summary=segment.summary,
                round_questions=segment.round_questions,
            )
        )
        offset += segment.duration
    return runs


def _transcript_base(chat_start: time | datetime | None, timeline: Timeline) -> datetime | None:
    if chat_start is None or timeline.session_start is None:
        return timeline.session_start
    start = timeline.session_start
    clock = _session_clock(chat_start, start)
    seconds = clock.hour * 3600 + clock.minute * 60 + clock.second
    return nearest_day(start, seconds, timeline.end or start)


def _session_clock(chat_start: time | datetime, start: datetime) -> time:
    """The clock time `chat_start` gives, in the time zone of the session (which `start`
    has): one with a zone of its own (14:40+02:00) converted to it, one without as it is."""
    if isinstance(chat_start, time):
        if chat_start.tzinfo is None:
            return chat_start
        chat_start = datetime.combine(start.astimezone(chat_start.tzinfo).date(), chat_start)
    if chat_start.tzinfo is None or start.tzinfo is None:
        return chat_start.time()
    return chat_start.astimezone(start.tzinfo).time()


def _next_to(segment: int, where: int | str) -> bool:
    """Whether `where` (a chat message's place) is next to `segment`, or before the first."""
    return abs(segment - where) == 1 if isinstance(where, int) else where == BEFORE and not segment


def _fuller(recorded: str | None, chat: str) -> bool:
    """Whether the chat's name says more: none was recorded, or the host typed its first
    words ("Ana" for "Ana Ruiz")."""
    words = recorded.casefold().split() if recorded else []
    return chat.casefold().split()[: len(words)] == words and len(chat) > len(recorded or "")


def _quote_order(quote: Quote) -> float:
    return quote.at.timestamp() if quote.at else float("inf")


def _last_closing(agenda: Agenda, timeline: Timeline) -> int | None:
    """The closing reflections the session ended in, or came to last: None if it never
    came to one."""
    ran = [i for i in timeline.segments if 0 <= i < len(agenda.segments)]
    return max((i for i in ran if agenda.segments[i].kind == "reflection"), default=None)


def _with_step(quote: Quote) -> Quote:
    return replace(quote, step=True) if is_practical_step(quote.text, quote.tags) else quote


def _planned_start(first: SessionStart | None, timeline: Timeline) -> datetime | None:
    if first is not None and first.planned_start is not None:
        return first.planned_start
    return timeline.session_start


def _shown_hosts(agenda: Agenda, options: ReportOptions) -> list[str]:
    names = [one_line(n) for n in (options.host or agenda.host, *options.cohosts)]
    # each host once, as first given: "Leah Wasser" and "Leah Wasser (she/her) Earth Lab"
    first: dict[str, str] = {}
    for name in names:
        if name:
            first.setdefault(host_key(name), name)
    return list(first.values())
