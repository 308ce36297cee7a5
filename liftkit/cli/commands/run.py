"""`liftkit run` and `liftkit resume`: wire the agenda, the session folder and a view."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from liftkit.cli.clocks import session_clock
from liftkit.cli.commands.run_start import late_notice, start_time, tomorrow_notice
from liftkit.cli.completion import complete_agenda
from liftkit.cli.env import Environment, stream_isatty
from liftkit.cli.errors import note, report, say
from liftkit.cli.flags import flag_names
from liftkit.cli.options import SessionArg, SessionsOption
from liftkit.cli.unix import need_unix
from liftkit.core.agenda.templates import resolve_agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.live.engine import NOT_STARTED
from liftkit.core.live.folders import (
    default_parent,
    find_session,
    read_start_at,
    write_start_at,
)
from liftkit.core.live.journal import JOURNAL_NAME
from liftkit.core.live.kept import rescue_advice, rescue_places, rescued_file
from liftkit.core.live.session import Clock, LiveSession, new_session, resume_session
from liftkit.core.live.unfinished import running_alongside, unfinished_session
from liftkit.core.text import command_line, plural, terminal_safe

if TYPE_CHECKING:
    from liftkit.cli.commands.run_groups import GroupsPlan

PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="One line per event, commands as lines on stdin (automatic when not on a terminal).",
    ),
]


class Factor(float):
    """--rehearse as a number, and as it was typed: 3600.0001 is not "3600" in its error."""

    typed = ""


def _speed_factor(text: str | float) -> float:
    try:
        factor = Factor(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a valid float") from None
    factor.typed = str(text)
    return factor


@flag_names("sessions", "attendees", "groups", "round")
def run(
    ctx: typer.Context,
    agenda: Annotated[
        str,
        typer.Argument(
            help="A TOML agenda file or a bundled template name.",
            metavar="AGENDA",
            autocompletion=complete_agenda,
        ),
    ],
    attendees: Annotated[
        Path | None,
        typer.Option(
            "--attendees",
            metavar="FILE",
            help="Attendee list: groups are made for each breakout; a reshuffle reads it "
            "again when it has changed (late joiners, people who left).",
        ),
    ] = None,
    groups: Annotated[
        Path | None,
        typer.Option(
            "--groups",
            metavar="FILE",
            help="Groups made earlier with `liftkit groups` (json, toml or csv).",
        ),
    ] = None,
    round_number: Annotated[
        int | None,
        typer.Option(
            "--round",
            metavar="N",
            min=1,
            help="With --groups: start from round N of the file (this week's, of a plan).",
        ),
    ] = None,
    sessions: SessionsOption = None,
    rehearse: Annotated[
        float,
        typer.Option(
            "--rehearse",
            metavar="FACTOR",
            help="Run the clock FACTOR times faster (60: a minute a second).",
            parser=_speed_factor,
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
        int | None,
        typer.Option("--seed", metavar="N", help="Seed for the breakout groups (reproducible)."),
    ] = None,
) -> None:
    """Run an agenda live: countdown, prompts, keys, reflections into a crash-safe journal.

    Example: liftkit run community-conversation --attendees people.csv
    """
    need_unix("run")
    if not 0 < rehearse <= 3600:
        typed = rehearse.typed if isinstance(rehearse, Factor) else f"{rehearse:g}"
        raise LiftkitError(
            f"--rehearse: {typed} is not a speed factor",
            "use a number above 0 and up to 3600, e.g. 60 for a minute a second",
        )
    try:
        resolved = resolve_agenda(agenda)
    except LiftkitError as error:
        raise _a_session_meant(agenda, sessions, error) from None
    env = Environment.of(ctx)
    for message in resolved.agenda.notes:  # "0:05" is five seconds: said before the call
        note(message, env.stderr)
    start_at = start_time(start) if start else None
    from liftkit.cli.commands.run_groups import prepare_groups

    plan = prepare_groups(resolved.agenda, attendees, groups, seed, round_number)
    plan.said[:0] = [f"Note: {message}" for message in resolved.agenda.notes]
    clock = Clock(rate=rehearse, mono=session_clock())
    parent = sessions or default_parent()
    now = datetime.now().astimezone()
    before = running_alongside(parent) or unfinished_session(parent, now)
    from liftkit.cli.live.terminal import hold_signals

    with hold_signals():  # from the journal's first line (the rooms) until the handlers take them
        session = new_session(
            resolved.agenda, resolved.path, resolved.name, parent, clock, plan.files
        )  # fmt: skip
        plan.record(session)
        if start_at is not None:
            write_start_at(session.folder, start_at, rehearse)  # `liftkit view` counts down too
        notice = ""
        if before is not None:  # said on the screen, and again at the end
            note(before, env.stderr)
            plan.said.append(f"Note: {before}")
            notice = before[0].upper() + before[1:] + "."
        notice = " ".join(filter(None, [late_notice(start_at), tomorrow_notice(start_at), notice]))
        _run_view(env, session, plain, start_at, plan, notice)


def _a_session_meant(agenda: str, sessions: Path | None, error: LiftkitError) -> LiftkitError:
    """`error`, or what to type for a session named where an agenda goes (`run latest`, `run`
    of a session folder): to carry a session on is `liftkit resume`."""
    folder = Path(agenda)
    if agenda == "latest" and not folder.exists():
        where = ("--sessions", sessions) if sessions is not None else ()
        resume = command_line("liftkit", "resume", "latest", *where)
        return LiftkitError(
            error.message, f"{error.hint}; to carry on the latest session: {resume}"
        )
    if folder.is_dir() and (folder / JOURNAL_NAME).is_file():
        return LiftkitError(
            f"{agenda}: is a session folder, not an agenda file",
            f"to run its agenda again: {command_line('liftkit', 'run', folder / 'agenda.toml')}"
            f"; to carry the session on: {command_line('liftkit', 'resume', folder)}",
        )
    return error


@flag_names("sessions", "attendees", "groups")
def resume(
    ctx: typer.Context,
    session: SessionArg,
    sessions: SessionsOption = None,
    plain: PlainOption = False,
) -> None:
    """Continue a session after a crash or a quit, from its journal.

    After a crash the clock has kept running (the call went on); after a quit it carries on
    from where it stopped.

    Example: liftkit resume latest
    """
    need_unix("resume")
    from liftkit.cli.live.terminal import hold_signals

    with hold_signals():  # until the session's handlers take them: the stop is recorded
        _resume(ctx, find_session(session, sessions), plain)


def _resume(ctx: typer.Context, folder: Path, plain: bool) -> None:
    resumed = resume_session(
        folder,
        lambda rate, offset: Clock(rate=rate, offset=offset, mono=session_clock()),
        begin=False,
    )
    live = resumed.session
    try:  # all that may fail comes before the resume is written: else it reads as a crash
        env = Environment.of(ctx)
        for notice in live.notices:
            say(f"Warning: {terminal_safe(notice)}", env.stderr)
        from liftkit.cli.commands.run_groups import prepare_groups_for_resume

        plan = prepare_groups_for_resume(live)
        after: list[str] = []  # said after how the session resumed
        if live.notices and not plain and env.interactive:  # hidden by the full screen
            plan.said[:0] = [f"Warning: {text}" for text in live.notices]
            about = plural(len(live.notices), "warning")
            after.append(f"{about} about the journal: listed again at the end.")
        rescued = rescued_file(folder, rescue_places())
        if rescued is not None:  # liftkit stopped on a full disk with captures kept
            kept = (
                f"what could not be saved last time is in {rescued}: "
                f"{rescue_advice(rescued)}, then delete the file"
            )
            note(kept, env.stderr)
            plan.said.append(f"Note: {kept}")
            after.append(f"{kept[0].upper()}{kept[1:]}.")
        start_at = None
        if live.engine.status == NOT_STARTED:  # killed while it waited for --start: waits on
            planned = read_start_at(folder)
            if planned is not None and planned > datetime.now().astimezone():
                start_at = planned
        resumed.begin()  # the session_resume line: from here on, the session runs
    except BaseException:
        live.close()
        raise
    notice = " ".join([resumed.notice, *after])
    if start_at is not None:
        notice = f"The session had not started: it starts at {start_at:%H:%M}, as planned."
    _run_view(env, live, plain, start_at, plan, notice)


def _to_a_file(env: Environment, chosen: bool) -> TextIO | None:
    """`liftkit run AGENDA > log.txt` from a terminal: plain mode was chosen without a word,
    and its questions (`Quit? y to confirm`) went to the file alone. Say why once, and
    return the terminal (standard error) to ask there too; None when output is a terminal,
    or standard error is not one either."""
    if env.stdout_isatty or not stream_isatty(env.stderr):
        return None
    if not chosen:
        with contextlib.suppress(OSError):
            say(
                "Plain mode: standard output is not a terminal (a file or a pipe), so the "
                "session is written there a line an event, and commands are typed as lines "
                "(help lists them); questions are asked here too.",
                env.stderr,
            )
    return env.stderr


def _why_plain(env: Environment, chosen: bool) -> None:
    """Plain mode chosen on a terminal without --plain, for its input or its TERM: say why in
    one line, as _to_a_file does for output that is not a terminal."""
    if chosen or not env.stdout_isatty:
        return
    if not env.stdin_isatty:
        why = (
            "standard input is not a terminal (a file or a pipe), so commands are read from "
            "it as lines (help lists them), and the session is written a line an event."
        )
    elif env.dumb_terminal:
        term = f"TERM={env.term}" if env.term else "TERM is not set"
        why = (
            f"this terminal cannot draw the full screen ({term}), so the session is written "
            "a line an event, and commands are typed as lines (help lists them)."
        )
    else:
        return
    with contextlib.suppress(OSError):
        say(f"Plain mode: {why}", env.stderr)


def _run_view(
    env: Environment,
    session: LiveSession,
    plain: bool,
    start_at: datetime | None,
    plan: GroupsPlan,
    notice: str = "",
) -> None:
    from liftkit.core.live.controller import LIVE, PLAIN, Controller

    use_plain = plain or not env.interactive
    if plan.said and not use_plain and not notice:
        # printed before the full screen opened, which hides them: said again at the end
        notice = (
            f"{plural(len(plan.said), 'message')} about the files given: listed again at the end"
        )
    controller = Controller(
        session,
        mode=PLAIN if use_plain else LIVE,
        start_at=start_at,
        reshuffle=plan.reshuffle,
        groups_view=plan.summary,
        notice=notice,
    )
    try:
        if use_plain:
            from liftkit.cli.live.plain import LineReader, PlainApp

            aside = _to_a_file(env, plain)
            _why_plain(env, plain)
            lines = LineReader(env.stdin.fileno())
            outcome = PlainApp(controller, env.stdout, lines, aside).run()
        else:
            from liftkit.cli.live.fullscreen import LiveApp
            from liftkit.cli.live.terminal import KeyTerminal

            keys = KeyTerminal(env.stdin.fileno())
            outcome = LiveApp(controller, env.screen_console(), keys).run()
    except BaseException:  # before the loop ran: a resume (or start) written has its stop
        if session.engine.status != NOT_STARTED:
            session.stop("error")
        raise
    finally:
        session.close()
    # The rescue file first (the caller holds SIGHUP and SIGTERM until this returns): the
    # terminal that shows these lines may be gone (a closed window).
    last = controller.farewell(outcome)
    with contextlib.suppress(OSError):
        if outcome.error is not None:
            report(outcome.error)
        if plan.said and not use_plain:
            env.echo("Before the session began:", err=True)
            for line in plan.said:
                say(f"  {terminal_safe(line)}", env.stderr)
        for line in last:  # folded at spaces: a path stays whole
            say(terminal_safe(line), env.stderr)
    if outcome.exit_code:
        raise typer.Exit(outcome.exit_code)
