"""`liftkit run` and `liftkit resume`: wire the agenda, the session folder and a view."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.core.errors import EXIT_INTERRUPTED, LiftkitError
from liftkit.core.screen import plural
from liftkit.core.session import Clock, LiveSession, new_session, resume_session
from liftkit.core.sessions import default_parent, find_session
from liftkit.core.templates import resolve_agenda
from liftkit.core.timeparse import parse_start

PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="One line per event, commands as lines on stdin (automatic when not on a terminal).",
    ),
]


def run(
    agenda: Annotated[
        str, typer.Argument(help="A TOML agenda file or a bundled template name.", metavar="AGENDA")
    ],
    attendees: Annotated[
        Path | None,
        typer.Option(
            "--attendees", metavar="FILE", help="Attendee list: groups are made for each breakout."
        ),
    ] = None,
    groups: Annotated[
        Path | None,
        typer.Option(
            "--groups",
            metavar="FILE",
            help="Groups made earlier with `liftkit groups` (json or toml).",
        ),
    ] = None,
    sessions: SessionsOption = None,
    rehearse: Annotated[
        float,
        typer.Option(
            "--rehearse",
            metavar="FACTOR",
            help="Run the clock FACTOR times faster (60: a minute a second).",
        ),
    ] = 1.0,
    plain: PlainOption = False,
    start: Annotated[
        str | None,
        typer.Option(
            "--start", metavar="HH:MM", help="Wait, with a countdown, until this clock time."
        ),
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed for the breakout groups (reproducible).")
    ] = None,
) -> None:
    """Run an agenda live: countdown, prompts, keys, reflections into a crash-safe journal.

    Example: liftkit run community-conversation --attendees people.csv
    """
    if not 0 < rehearse <= 3600:
        raise LiftkitError(
            f"--rehearse: {rehearse:g} is not a speed-up", "use a factor from 1 to 3600, e.g. 60"
        )
    resolved = resolve_agenda(agenda)
    start_at = _start_time(start) if start else None
    from liftkit.cli.run_groups import prepare_groups

    plan = prepare_groups(resolved.agenda, attendees, groups, seed)
    clock = Clock(rate=rehearse)
    session = new_session(
        resolved.path, resolved.name, sessions or default_parent(), clock, plan.files
    )
    plan.record(session)
    _run_view(session, plain, start_at, plan)


def resume(
    session: SessionArg,
    sessions: SessionsOption = None,
    plain: PlainOption = False,
) -> None:
    """Continue a session after a crash or a quit, from its journal.

    After a crash the clock has kept running (the call went on); after a quit it carries on
    from where it stopped.

    Example: liftkit resume latest
    """
    folder = find_session(session, sessions)
    resumed = resume_session(folder, lambda rate, offset: Clock(rate=rate, offset=offset))
    live = resumed.session
    for notice in live.notices:
        typer.echo(f"Warning: {notice}", err=True)
    from liftkit.cli.run_groups import prepare_groups_for_resume

    _run_view(live, plain, None, prepare_groups_for_resume(live))


def _start_time(text: str) -> datetime:
    start_at = parse_start(text, "--start")
    now = datetime.now().astimezone()
    if start_at < now - timedelta(hours=12):
        start_at += timedelta(days=1)
    return start_at


def _run_view(session: LiveSession, plain: bool, start_at: datetime | None, plan: object) -> None:
    from liftkit.cli.run_groups import GroupsPlan

    assert isinstance(plan, GroupsPlan)
    use_plain = plain or not (sys.stdin.isatty() and sys.stdout.isatty())
    try:
        if use_plain:
            from liftkit.cli.plain import PlainApp

            outcome = PlainApp(
                session, sys.stdout, sys.stdin.fileno(), start_at, reshuffle=plan.reshuffle
            ).run()
        else:
            from liftkit.cli.live import LiveApp
            from liftkit.cli.render import console

            outcome = LiveApp(
                session,
                console(),
                groups_view=plan.summary,
                reshuffle=plan.reshuffle,
                start_at=start_at,
            ).run()
    finally:
        session.close()
    folder = session.folder
    if outcome.reason == "ended":
        captured = plural(len(session.engine.reflections), "reflection")
        typer.echo(
            f"Session complete: {captured} in {folder}. Next: liftkit export {folder}",
            err=True,
        )
    else:
        typer.echo(
            f"Session stopped ({outcome.reason}); nothing captured is lost. "
            f"Carry on with: liftkit resume {folder}",
            err=True,
        )
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code if outcome.exit_code != EXIT_INTERRUPTED else 130)
