"""`liftkit groups`."""

from __future__ import annotations

import os
import random
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from liftkit.cli.env import Environment, printing
from liftkit.cli.errors import note, say, warn
from liftkit.cli.flags import flag_names
from liftkit.cli.options import SessionsOption
from liftkit.core.errors import LiftkitError
from liftkit.core.text import plural, terminal_safe

if TYPE_CHECKING:
    from liftkit.core.groups.split import Split
    from liftkit.core.people.reader import Person

SLOW_SECONDS = 10.0  # a split still running after this long says so
FORMAT_HELP = "table (default on a terminal), md (default otherwise), csv, zoom, json or toml."


@flag_names(
    "size",
    "count",
    "rounds",
    "balance",
    "apart",
    "together",
    "previous",
    "held",
    "sessions",
    "format",
    "round",
    facilitators="--facilitator",
)
def groups(
    ctx: typer.Context,
    attendees: Annotated[
        str,
        typer.Argument(
            help="Attendee CSV or text file (one name a line), or - for stdin.",
            metavar="ATTENDEES",
        ),
    ],
    size: Annotated[
        int | None,
        typer.Option("--size", metavar="N", help="People per group, at most (default 4).", min=2),
    ] = None,
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            "--rooms",
            metavar="N",
            help="Number of groups, or rooms (instead of --size).",
            min=1,
        ),
    ] = None,
    rounds: Annotated[
        int | None,
        typer.Option(
            "--rounds",
            metavar="N",
            help="Rounds; nobody meets twice where possible (default 1).",
            min=1,
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", metavar="N", help="Random seed: the same seed gives the same split."
        ),
    ] = None,
    balance: Annotated[
        list[str] | None,
        typer.Option(
            "--balance",
            metavar="COLUMN",
            help=(
                "Spread the values of this column evenly; repeat, most important first; "
                "none for none (not even --previous's)."
            ),
        ),
    ] = None,
    apart: Annotated[
        list[str] | None,
        typer.Option("--apart", metavar="NAME,NAME", help="Never in the same group (repeatable)."),
    ] = None,
    together: Annotated[
        list[str] | None,
        typer.Option(
            "--together", metavar="NAME,NAME", help="Always in the same group (repeatable)."
        ),
    ] = None,
    facilitator: Annotated[
        list[str] | None,
        typer.Option(
            "--facilitator",
            metavar="NAME",
            help="One facilitator per group (repeatable); also a role or ticket type: facilitator.",
        ),
    ] = None,
    previous: Annotated[
        str | None,
        typer.Option(
            "--previous",
            metavar="FILE",
            help="An earlier split (json/toml/csv): keep people in their rooms, add late "
            "joiners, drop no-shows. A session folder (or latest): the rooms that met in it.",
        ),
    ] = None,
    held: Annotated[
        int | None,
        typer.Option(
            "--held",
            metavar="N",
            min=1,
            help="The first N rounds of --previous took place: keep them as they were and "
            "plan the rounds after them afresh, avoiding every pair who met.",
        ),
    ] = None,
    sessions: SessionsOption = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="FORMAT", help=FORMAT_HELP)
    ] = None,
    round_number: Annotated[
        int | None,
        typer.Option(
            "--round",
            metavar="N",
            help="Write round N only (this week's rooms); --format zoom: one round, default the "
            "first.",
            min=1,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (- for stdout)."),
    ] = None,
) -> None:
    """Split attendees into breakout groups over several rounds.

    Nobody meets the same person twice where the numbers allow; --balance, --apart,
    --together and --facilitator shape the groups. A seed is reported on stderr so that
    the split can be repeated.

    Example: liftkit groups people.csv --size 5 --rounds 3 --balance sector
    """
    from liftkit.core.groups.formats import (
        FORMATS,
        check_zoom_limits,
        format_for_path,
        load_groups_file,
        only_round,
        score_lines,
        score_title,
        to_zoom,
    )
    from liftkit.core.groups.model import check_extent, check_facilitators
    from liftkit.core.groups.previous import with_earlier_details
    from liftkit.core.groups.setup import placed_people
    from liftkit.core.groups.split import SplitRequest, group_count, split_into_groups
    from liftkit.core.live.history import is_session_folder, rooms_held
    from liftkit.core.people.reader import left_note, present, read_people

    env = Environment.of(ctx)
    to_file = output is not None and output != "-"
    if to_file and output:
        from liftkit.core.files import check_output

        check_output(output, "-o groups.csv")  # a folder, or a file in none: before the split
    fmt = output_format or (format_for_path(output) if to_file and output else None)
    if fmt is None and to_file and output:
        _refuse_an_unknown_suffix(output)
    if fmt is None:
        fmt = "table" if not to_file and env.stdout_isatty else "md"
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise LiftkitError(f"--format {fmt}: unknown format", "use one of " + ", ".join(FORMATS))
    if to_file and output:
        _refuse_to_overwrite_the_attendees(attendees, output)
    check_facilitators(facilitator or ())  # before the file is read

    check_extent(0, rounds or 1)  # a mistyped --rounds is refused before the file is read
    if attendees == "-":
        env.reading_stdin("the attendee list")
    read = read_people(attendees)
    for warning in read.warnings:
        warn(warning)
    for message in read.notes:
        note(message)
    here, gone = present(read)  # a per-event report downloaded during the call
    if gone:
        note(left_note(str(attendees), gone))
        read = replace(read, people=here)
    if previous == "latest" and not os.path.lexists(previous):  # as export and resume take it
        from liftkit.core.live.latest import find_session_running_first

        previous = str(find_session_running_first(previous, sessions))
        note(f"--previous latest: the session {previous}")
    elif previous and previous != "-" and not os.path.lexists(previous):
        raise LiftkitError(
            f"--previous {previous}: no such file or session folder",
            "give the JSON, TOML or CSV written by liftkit groups, a session folder of "
            "liftkit run, or latest (the newest session in --sessions DIR)",
        )
    if previous and is_session_folder(previous):  # the rooms that met there: all held
        earlier = rooms_held(Path(previous))
        held = held or len(earlier.rounds)
    else:
        earlier = load_groups_file(previous, attendees=True) if previous else None
    request = SplitRequest(
        size=size,
        count=count,
        rounds=rounds,
        balance=tuple(balance or ()),
        apart=tuple(apart or ()),
        together=tuple(together or ()),
        facilitators=tuple(facilitator or ()),
        previous=earlier,
        held=held or 0,
    )
    if fmt == "zoom":
        rooms = len(earlier.rounds[0].groups) if earlier and size is None and count is None else 0
        # not the host, who has no room; with the emails `--previous` knows
        placed = placed_people(with_earlier_details(read.people, earlier), request)[0]
        if placed and not any(person.email for person in placed):
            raise LiftkitError(
                f"nobody in {read.source} has an email address; Zoom's pre-assignment CSV "
                "matches people by email",
                "give a list with an email column, or use -f csv or -f md",
            )
        if not rooms:
            rooms = group_count(len(placed), size, count)[0]
        check_zoom_limits(rooms, sum(1 for person in placed if person.email))
    chosen = seed is None
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    # A split of many thousands can take minutes: say so when it does.
    what = f"{len(read.people):,} people over {plural(rounds or 1, 'round')}"
    slow = threading.Timer(
        SLOW_SECONDS, note, [f"still splitting {what}; a split this large can take a few minutes"]
    )
    slow.daemon = True
    slow.start()
    try:
        split = split_into_groups(read.people, request, random.Random(seed), seed=seed)
    finally:
        slow.cancel()
    # Everything that can still fail runs before anything is said about the split.
    text = None if fmt == "table" and not to_file else _text(split, fmt, round_number)
    if chosen:
        say(f"Seed: {seed} (add --seed {seed} to get this split again)")
    for message in split.notes:
        note(message)
    if fmt == "zoom":
        _zoom_notes(split, round_number, to_zoom(split, round_number)[1], seed if chosen else None)
    shown = split if round_number is None else only_round(split, round_number)
    if fmt in ("csv", "zoom"):  # one round's score is the plan's: headed so, as in the table
        said = f"{score_title(shown)}: " + "; ".join(score_lines(split))
        say(terminal_safe(said))
    if text is None:
        from liftkit.cli.render import groups_tables

        with printing(env):
            groups_tables(shown, env.console())
    elif to_file and output:
        from liftkit.core.files import write_atomic

        # An earlier output may be replaced (`--previous groups.json -o groups.json`), but
        # never silently.
        replacing = os.path.isfile(output)
        write_atomic(output, text)
        say(f"{'Replaced' if replacing else 'Wrote'} {output}")
    else:
        with printing(env):
            typer.echo(terminal_safe(text) if env.stdout_isatty else text, nl=False)


def _refuse_an_unknown_suffix(output: str) -> None:
    """`-o rooms.xlsx` without --format (an extension `format_for_path` does not know): not
    Markdown under a name that says otherwise. A dot in a name (rooms-v1.2) is no type."""
    suffix = Path(output).suffix.lower()
    if suffix[1:].isalpha():
        raise LiftkitError(
            f"-o {output}: liftkit does not write {suffix} files",
            "name it .csv (a spreadsheet opens it), .md, .json or .toml, or give --format",
        )


def _refuse_to_overwrite_the_attendees(attendees: str, output: str) -> None:
    """-o naming the attendee list itself (or a link to it) would destroy the input."""
    if attendees == "-" or not os.path.isfile(output):
        return
    try:
        same = os.path.samefile(attendees, output)
    except OSError:
        return  # a missing attendee list is reported when it is read
    if same:
        raise LiftkitError(
            f"-o {output}: is the attendee list {attendees}; writing the groups there would "
            "overwrite it",
            "write the groups to another file",
        )


def _text(split: Split, fmt: str, round_number: int | None) -> str:
    """The output as text; the rich tables as plain text when they go to a file."""
    if fmt != "table":
        from liftkit.core.groups.formats import render

        return render(split, fmt, round_number)
    import io

    from rich.console import Console

    from liftkit.cli.render import groups_tables

    buffer = io.StringIO()
    groups_tables(split, Console(file=buffer, width=100, no_color=True, highlight=False))
    return buffer.getvalue()


def _first_of(split: Split) -> str:
    """`round 1 of 3`; of a plan updated from week 3 on, `round 3, the first of rounds 3 to 5`."""
    first, last = split.rounds[0].number, split.rounds[-1].number
    if first == 1:
        return f"round 1 of {len(split.rounds)}"
    return f"round {first}, the first of rounds {first} to {last}"


def _zoom_notes(
    split: Split, round_number: int | None, missing: list[tuple[str, Person]], drawn: int | None
) -> None:
    """What a Zoom file leaves out. `drawn` is the seed liftkit chose: the next round's file
    needs it, or it would be a round of another split, whose people may meet again."""
    if len(split.rounds) > 1 and round_number is None:
        again = "--round N" + (f" --seed {drawn}" if drawn is not None else "")
        note(f"--format zoom holds one round: wrote {_first_of(split)}; use {again} for another")
    from liftkit.core.groups.formats import pick_round

    odd = [
        m.email
        for g in pick_round(split, round_number).groups
        for m in g.members
        if m.email and not m.email.isascii()
    ]
    if odd:  # a form's autocorrect ("níbhriain"), or an address few Zoom accounts have
        warn(
            f"{_people(len(odd))} an email with letters beyond "
            f"ASCII, which Zoom may not match to an account: {'; '.join(odd)}; "
            f"check {'it' if len(odd) == 1 else 'them'}"
        )
    if missing:
        shown = "; ".join(f"{room}: {person.name}" for room, person in missing)
        warn(
            f"{_people(len(missing))} no email, so Zoom cannot pre-assign them; "
            f"assign them by hand: {shown}"
        )
        # Zoom makes the rooms the file names: one where nobody has an email is not among them
        rnd = pick_round(split, round_number)
        absent = [g.name for g in rnd.groups if all(not m.email for m in g.members)]
        if absent:
            one = len(absent) == 1
            warn(
                f"{', '.join(absent)} {'is' if one else 'are'} not in the file, as nobody in "
                f"{'it' if one else 'them'} has an email: Zoom makes only the rooms the file "
                f"names, so add {'it' if one else 'them'} in Zoom before assigning by hand"
            )


def _people(count: int) -> str:
    return "1 person has" if count == 1 else f"{count} people have"
