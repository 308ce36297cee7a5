"""Rich renderings of command results (imported only by commands that print with rich)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from liftkit.core.agenda.durations import format_duration
from liftkit.core.agenda.model import Agenda, Segment, TimelineRow
from liftkit.core.agenda.timeline import round_length
from liftkit.core.text import terminal_safe


def agenda_timeline(
    agenda: Agenda,
    rows: Sequence[TimelineRow],
    starts: Sequence[str],
    ends: Sequence[str],
    clock: bool,
    out: Console,
) -> None:
    # Titles come from the host's file: Text() keeps "[draft]" literal instead of rich markup.
    table = Table(
        title=Text(terminal_safe(agenda.title)),
        caption=Text(terminal_safe(agenda.description)) if agenda.description else None,
        box=box.SIMPLE_HEAD,
        title_style="bold",
        caption_justify="left",
        padding=(0, 1, 0, 0),  # with the box's blank divider: two spaces between columns
        pad_edge=False,
    )
    # On a narrow terminal the segment titles wrap; times, lengths and kinds stay whole. Below
    # NARROW columns the kind and the warnings leave their columns for a line under the title,
    # or the titles would get a word a line.
    wide = out.width >= NARROW
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("start" if clock else "from", justify="right", no_wrap=True)
    table.add_column("end" if clock else "to", justify="right", no_wrap=True)
    table.add_column("length", justify="right", no_wrap=True)
    if wide:
        table.add_column("kind", no_wrap=True)
        table.add_column("warn", justify="right", no_wrap=True)
    table.add_column("segment", ratio=1, overflow="fold")  # a long word (Japanese) goes on
    for row, start, end in zip(rows, starts, ends, strict=True):
        segment = agenda.segments[row.index - 1]
        warn = ", ".join(format_duration(w) for w in segment.warn) or "-"
        times = [str(row.index), start, end, format_duration(row.duration)]
        if wide:
            table.add_row(*times, row.kind, warn, _segment_cell(segment))
        else:
            said = f"{row.kind}, warns at {warn}" if segment.warn else f"{row.kind}, no warnings"
            table.add_row(*times, _segment_cell(segment, said))
    table.add_section()
    total = ["", starts[0], ends[-1], format_duration(agenda.total)]
    table.add_row(*total, *(["", ""] if wide else []), "total")
    out.print(table)


NARROW = 72  # columns below which the timeline says a segment's kind and warnings in words


def _segment_cell(segment: Segment, *first: str) -> RenderableType:
    """The title, then what else happens in the segment: silence, polls, auto-advance."""
    extras = list(first)
    if segment.silence:
        extras.append(f"{format_duration(segment.silence)} of silence first")
    if segment.auto_advance:
        extras.append("moves on by itself")
    if segment.same_groups:
        extras.append("same rooms as before")
    elif segment.join_groups:
        extras.append(f"rooms before, joined {segment.join_groups} at a time")
    elif segment.kind == "breakout":
        extras.append(_rooms(segment))
    for held, asked in enumerate(segment.round_questions, start=1):  # a café's question each
        extras.append(f"round {held}: {'; '.join(asked) or '-'}")
    for poll in segment.polls:
        extras.append(f"poll: {poll.question} [{' / '.join(poll.options)}]")  # as the live line
    if not extras:
        return Text(terminal_safe(segment.title))
    indented = [Padding(Text(terminal_safe(extra), style="dim"), (0, 0, 0, 2)) for extra in extras]
    return Group(Text(terminal_safe(segment.title)), *indented)


def _rooms(segment: Segment) -> str:
    """How a breakout splits the room: "rooms of 3, none smaller", "6 rooms, 2 rounds of 5m"."""
    from liftkit.core.groups.model import DEFAULT_SIZE

    if segment.groups is not None:
        said = f"{segment.groups} room{'s' if segment.groups != 1 else ''}"
    else:
        said = f"rooms of {segment.group_size or DEFAULT_SIZE}"
        if segment.group_size is None:
            said += " (the default)"
        if segment.min_group_size:
            said += f", none smaller than {segment.min_group_size}"
    if segment.rounds < 2:
        return said
    return f"{said}, {segment.rounds} rounds of {round_length(segment)}"  # a café plans by it


if TYPE_CHECKING:
    from liftkit.core.groups.split import Split


def name_lines(names: list[str], width: int) -> str:
    """Names joined by semicolons (a name may hold a comma: Teams writes "Vermeulen, Anke"),
    with the line breaks between names, never inside one ("Grace / Somerville"): a line is as
    many names as fit in `width` columns."""
    lines: list[str] = []
    line = ""
    for name in (terminal_safe(n) for n in names):
        joined = f"{line}; {name}" if line else name
        if line and cell_len(joined) + 1 > width:  # the semicolon closing the line
            lines.append(line + ";")
            joined = name
        line = joined
    return "\n".join([*lines, line])


FACILITATOR = " (facilitator)"


def groups_tables(split: Split, out: Console) -> None:
    """One table per round: room, size, members (facilitators marked), then the score."""
    from liftkit.core.groups.formats import score_lines, score_title, summary_line
    from liftkit.core.people.apart import names_apart

    several = len(split.rounds) > 1
    for rnd in split.rounds:
        table = Table(
            title=f"Round {rnd.number}" if several else "Breakout groups",
            box=box.SIMPLE_HEAD,
            title_style="bold",
            title_justify="left",
        )
        table.add_column("room")
        table.add_column("size", justify="right")
        table.add_column("members", overflow="fold")
        rooms = [terminal_safe(group.name) for group in rnd.groups]
        # The members' column is what the screen leaves: the edges, the paddings and the two
        # dividers take 10 columns beside the room and size columns.
        width = out.width - max(cell_len(room) for room in [*rooms, "room"]) - len("size") - 10
        # the host's own screen: people of one name told apart by organisation, else email
        apart = names_apart(p for group in rnd.groups for p in group.members)
        for room, group in zip(rooms, rnd.groups, strict=True):
            names = [
                apart.get(person, person.name)
                + (FACILITATOR if person in group.facilitators else "")
                for person in group.members
            ]
            # Text, not markup: a name like "[red]x" is shown as written.
            table.add_row(Text(room), str(len(group.members)), Text(name_lines(names, width)))
        out.print(table)
    out.print(Text(terminal_safe(summary_line(split))))
    if score_title(split) != "Score":  # one round of a plan: its score is the plan's
        out.print(Text(score_title(split) + ":"))
    for line in score_lines(split):  # indented, and so are the lines a long one wraps to
        out.print(Padding(Text(terminal_safe(line)), (0, 0, 0, 2)))
