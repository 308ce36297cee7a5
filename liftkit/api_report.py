"""The event pack as a script makes it (`liftkit.build_report`, then a render_ function):
what `liftkit export` writes, from the same session folder and chat logs (docs/api.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from liftkit.api_messages import in_library_words, library_errors

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime, time

    from liftkit.core.chat.model import ChatLog
    from liftkit.core.people.reader import PeopleRead
    from liftkit.core.report.model import Report

__all__ = ["build_report", "render_html", "render_json", "render_markdown", "render_narrative"]


@library_errors
def build_report(
    session: str | Path,
    chats: ChatLog | str | Path | Iterable[ChatLog | str | Path] = (),
    *,
    sessions: str | Path | None = None,
    host: str | Sequence[str] | None = None,
    by: str | Sequence[str] | None = None,
    roles: str | None = None,
    organisations: str | None = None,
    questions: str | Sequence[str] = (),
    names: bool = False,
    anonymous: bool = False,
    groups: bool = False,
    groups_file: str | Path | None = None,
    include_private: bool = False,
    chat_start: time | datetime | str | None = None,
    narrative: str | Path | None = None,
    attendees: str | Path | PeopleRead | None = None,
) -> Report:
    """The event pack of a session folder (made by `liftkit run`), with its chat logs.

    `session` is a session folder, or "latest" for the newest under `sessions` (default
    $LIFTKIT_SESSIONS, else ./liftkit-sessions) whose host's liftkit runs, else the newest
    there. `chats` are chat logs (from `read_chat`) or
    their paths, or one of them; each message goes to the segment during which it was sent.
    `host` is the host (default: the agenda's), or several hosts, the first shown as the
    host. `by` names attendee-file columns to break attendance down by; `roles` and
    `organisations` the columns of roles and organisations; `questions` the columns holding
    registration answers (`by` and `questions`: a list, or one). Quotes show who said them
    with `names`; `anonymous` names no one at all. `groups` includes the session's breakout
    groups, `groups_file` those of a groups JSON file; `include_private` keeps direct
    messages; `chat_start` ("HH:MM:SS" or "16:00:00+02:00", a time or a datetime; one with a zone is
    converted to the session's) is the clock time a transcript's offsets count from;
    `narrative` is the host's Markdown file of their own words for the pack; `attendees`
    an attendee list (a path, or what `read_attendees` read) in place of the session's
    own, as `liftkit export --attendees` gives one.

    Problems that do not stop the report are listed in `Report.warnings`.
    """
    import datetime
    from collections.abc import Iterable

    from liftkit.api import read_chat_as
    from liftkit.api_arguments import (
        a_path,
        a_source,
        attendee_list,
        items,
        one_text,
        shown,
        yes_or_no,
    )
    from liftkit.core.chat import EmptyChat
    from liftkit.core.chat.model import ChatLog
    from liftkit.core.errors import LiftkitError
    from liftkit.core.live import follow
    from liftkit.core.live.kept import rescue_places
    from liftkit.core.live.latest import find_session_running_first
    from liftkit.core.report import ReportOptions, load_session
    from liftkit.core.report import build_report as build
    from liftkit.core.timeparse import parse_clock

    story = None
    if narrative is not None:
        from liftkit.core.report.narrative import read_narrative

        story = read_narrative(a_path(narrative, "narrative"))  # a bad file fails fast
    if isinstance(chats, (ChatLog, str, Path)):  # one chat log, not a list of its letters
        chats = [chats]
    if not isinstance(chats, Iterable):
        raise LiftkitError(
            f"`chats` {shown(chats)}: not a chat log", "give `chats` as a path, a ChatLog or a list"
        )
    chats = [log if isinstance(log, ChatLog) else a_source(log, "chats") for log in chats]
    if sum(log == "-" for log in chats if not isinstance(log, ChatLog)) > 1:
        raise LiftkitError("`chats` -: standard input can be read only once", "name files instead")
    if isinstance(chat_start, str):
        chat_start = parse_clock(
            chat_start, "`chat_start`", seconds=True, zoned=True
        )  # not "25:99"
    elif chat_start is not None and not isinstance(chat_start, datetime.time | datetime.datetime):
        raise LiftkitError(  # a timedelta was read as the clock time its text looks like
            f"`chat_start` {shown(chat_start)}: not a clock time",
            'give `chat_start` as "HH:MM:SS", a datetime.time or a datetime',
        )
    hosts = items(host, "host")
    options = ReportOptions(
        host=hosts[0] if hosts else None,
        cohosts=hosts[1:],
        by=items(by, "by"),
        questions=items(questions, "questions"),
        roles=one_text(roles, "roles"),
        organisations=one_text(organisations, "organisations"),
        named=yes_or_no(names, "names"),
        anonymous=yes_or_no(anonymous, "anonymous"),
        groups=yes_or_no(groups, "groups"),
        groups_file=a_path(groups_file, "groups_file") if groups_file is not None else None,
        include_private=yes_or_no(include_private, "include_private"),
        chat_start=chat_start,
        rescue_places=tuple(rescue_places()),  # what a full disk kept from the journal
        now=follow.local_now(),  # a running session's pack runs to now
    )
    where = a_path(sessions, "sessions", "folder") if sessions is not None else None
    folder = find_session_running_first(str(a_path(session, "session", "folder")), where)
    data = load_session(folder, attendee_list(attendees, "attendees"))
    logs, empty = [], []
    for log in chats:
        try:
            logs.append(log if isinstance(log, ChatLog) else read_chat_as(log, "chats"))
        except EmptyChat:  # saved before anyone wrote: nothing to leave out of the pack
            empty.append(f"{log}: the chat log is empty; the pack is made without it")
    report = build(data, logs, options)
    report.warnings[:0] = empty  # said first, as `liftkit export` says it
    if story is not None:
        from liftkit.core.report.narrative import merge_narrative

        merge_narrative(report, story)
    report.warnings[:] = [in_library_words(warning) for warning in report.warnings]
    return report


@library_errors
def render_markdown(report: Report) -> str:
    """The event pack as Markdown (what `liftkit export` writes)."""
    from liftkit.api_arguments import a_report
    from liftkit.core.report.markdown import render_markdown as render

    return render(a_report(report))


@library_errors
def render_json(report: Report) -> str:
    """The event pack as JSON text (what `liftkit export --format json` writes)."""
    from liftkit.api_arguments import a_report
    from liftkit.core.report.json_format import render_json as render

    return render(a_report(report))


@library_errors
def render_html(report: Report) -> str:
    """The event pack as one HTML page, charts included (`liftkit export --format html`)."""
    from liftkit.api_arguments import a_report
    from liftkit.core.report.html import render_html as render

    return render(a_report(report))


@library_errors
def render_narrative(report: Report) -> str:
    """A starter narrative for the report's session, to fill in and give `build_report` as
    `narrative`: a heading for each part of the pack, with a hint in a comment (what
    `liftkit export --new-narrative FILE` writes)."""
    from liftkit.api_arguments import a_report
    from liftkit.core.report.narrative import starter_narrative

    return starter_narrative(a_report(report))
