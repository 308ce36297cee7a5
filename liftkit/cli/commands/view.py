"""`liftkit view`: a read-only audience window that follows a running session."""

from __future__ import annotations

import contextlib
from datetime import datetime

import typer

from liftkit.cli.env import Environment, printing
from liftkit.cli.errors import say
from liftkit.cli.flags import flag_names
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.cli.unix import need_unix
from liftkit.core.errors import EXIT_FAILURE
from liftkit.core.live.events import stop_words
from liftkit.core.live.folders import (
    default_parent,
    find_session,
    sessions_to_wait_in,
)
from liftkit.core.live.follow import Follower, journal_in_use
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.latest import Latest, session_to_follow
from liftkit.core.live.unfinished import stopped_long_ago
from liftkit.core.text import command_line, plural


@flag_names("sessions")
def view(ctx: typer.Context, session: SessionArg, sessions: SessionsOption = None) -> None:
    """Show a running session to the audience: countdown, prompt, rooms; no host notes or keys.

    Share this window on the call and keep the one running `liftkit run` to yourself. It
    follows the session's journal (read-only) from any terminal on the same machine; q or
    Ctrl-C closes it, and any key once the session has ended. `latest` waits for a session
    to start, and follows the next one started.

    Example: liftkit view latest
    """
    need_unix("view")
    from liftkit.cli.live.audience import AudienceApp, PlainAudience

    latest: Latest | None = None
    if session == "latest":  # followed as it changes: a window shared before the call
        parent = sessions_to_wait_in(sessions)
        newest = session_to_follow(parent)  # one whose host's liftkit runs, else the newest
        if newest is not None and stopped_long_ago(newest, datetime.now().astimezone()):
            newest = None  # last week's session, quit mid-breakout: its rooms and names
        latest = Latest(parent, newest)
        follower = Follower.open(newest) if newest is not None else None
        if follower is not None and follower.ended:
            follower = None  # last week's SESSION COMPLETE is not shared: the next one is
    else:
        follower = Follower.open(find_session(session, sessions))
    env = Environment.of(ctx)
    app: PlainAudience | AudienceApp
    if env.dumb_terminal or not env.stdout_isatty:
        app = PlainAudience(follower, env.stdout, latest=latest)
        with printing(env, kept="the session itself carries on"):
            code = app.run()
    else:
        stdin_fd = env.stdin.fileno() if env.stdin_isatty else None
        app = AudienceApp(follower, env.screen_console(), stdin_fd, latest=latest)
        code = app.run()
    followed = app.following
    if followed is None:  # only `latest` waits for a session
        parent = latest.parent if latest is not None else default_parent()
        with contextlib.suppress(OSError):
            say(f"Stopped waiting for a session in {parent}.")
        raise typer.Exit(code)
    folder = followed.folder
    gone = followed.gone()
    if followed.ended:
        captured = plural(len(followed.engine.reflections), "reflection")
        next_step = command_line("liftkit", "export", folder)
        summary = f"The session has ended ({captured}). Next: {next_step}"
    elif gone:
        summary = (
            f"Stopped following {folder}: {gone}. Once it is back, or named where it was "
            "moved to, liftkit view follows it again."
        )
        code = code or EXIT_FAILURE
    else:
        summary = f"Stopped following {folder}; {_host_now(followed)}"
    with contextlib.suppress(OSError):
        say(summary)
    if code:
        raise typer.Exit(code)


def _host_now(followed: Follower) -> str:
    """Where the session followed is now, as the view closes: "the session itself carries
    on" was said after the host had quit too, or their liftkit had crashed."""
    state = followed.host_state(journal_in_use(followed.folder / JOURNAL_NAME))
    resume = command_line("liftkit", "resume", followed.folder)
    reason = followed.engine.stop_reason
    # The command comes last, bare, as `run` gives it: in backticks, and followed by words,
    # a window 80 columns wide put its closing backtick on the next line, and a triple-click
    # copied the opening one with it.
    if state == "running":
        return "the session itself carries on."
    if reason is not None:
        return f"the host's liftkit stopped it ({stop_words(reason)}). Carry it on with: {resume}"
    return f"the host's liftkit is no longer running (a crash?). Carry it on with: {resume}"
