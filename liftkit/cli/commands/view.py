"""`liftkit view`: a read-only audience window that follows a running session."""

from __future__ import annotations

import contextlib

import typer

from liftkit.cli.env import Environment, printing
from liftkit.cli.errors import say
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.cli.unix import need_unix
from liftkit.core.errors import EXIT_FAILURE
from liftkit.core.live.folders import find_session
from liftkit.core.live.follow import Follower
from liftkit.core.text import plural


def view(ctx: typer.Context, session: SessionArg, sessions: SessionsOption = None) -> None:
    """Show a running session to the audience: countdown, prompt, rooms; no host notes or keys.

    Share this window on the call and keep the one running `liftkit run` to yourself. It
    follows the session's journal (read-only) from any terminal on the same machine; q or
    Ctrl-C closes it, and any key once the session has ended.

    Example: liftkit view latest
    """
    need_unix("view")
    folder = find_session(session, sessions)
    follower = Follower.open(folder)
    env = Environment.of(ctx)
    if env.dumb_terminal or not env.stdout_isatty:
        from liftkit.cli.live.audience import PlainAudience

        with printing(env, kept="the session itself carries on"):
            code = PlainAudience(follower, env.stdout).run()
    else:
        from liftkit.cli.live.audience import AudienceApp

        stdin_fd = env.stdin.fileno() if env.stdin_isatty else None
        code = AudienceApp(follower, env.console(), stdin_fd).run()
    gone = follower.gone()
    if follower.ended:
        captured = plural(len(follower.engine.reflections), "reflection")
        summary = f"The session has ended ({captured}). Next: liftkit export {folder}"
    elif gone:
        summary = (
            f"Stopped following {folder}: {gone}. Once it is back, or named where it was "
            "moved to, liftkit view follows it again."
        )
        code = code or EXIT_FAILURE
    else:
        summary = f"Stopped following {folder}; the session itself carries on."
    with contextlib.suppress(OSError):
        say(summary)
    if code:
        raise typer.Exit(code)
