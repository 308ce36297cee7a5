"""The audience's rooms view with a name of one very long word, and names with emoji.

One attendee of 73, "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff", took the rooms at
80x24 from 2 pages in 4 columns to 8 pages of 2 rooms (80 s to see every room): any word cut
in two was scored worse than any number of pages. And the rooms measured emoji by code point
("Priya Sharma 👩🏽‍💻" 20 columns where the screen draws 15), folding names that fit and
cutting a family emoji in two ("👨‍" at a line's end)."""

import io
import re

from rich.cells import cell_len
from rich.console import Console
from support.live import FakeTime, attendee_names

from liftkit.cli.live.frame import render
from liftkit.core.agenda.model import load_agenda
from liftkit.core.live.audience import audience_screen
from liftkit.core.live.follow import Follower
from liftkit.core.live.room_pages import HARD_CUT
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.live.session import Clock, new_session
from liftkit.core.people.reader import Person

AGENDA = """
title = "Rooms"
[[segments]]
title = "Breakouts"
duration = "20m"
kind = "breakout"
group_size = 5
"""

LONG = "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff"


def audience_frames(tmp_path, names, width, height):
    """The audience's rooms view, drawn as the window shows it, page after page."""
    time = FakeTime()
    path = tmp_path / "a.toml"
    path.write_text(AGENDA)
    clock = Clock(rate=1.0, mono=lambda: time.mono, wall=lambda: time.wall)
    agenda = load_agenda(path)
    live = new_session(agenda, path, "a", tmp_path / "s", clock)
    people = [Person(name=name) for name in names]
    try:
        for segment, split in plan_from_people(agenda, people, seed=7).items():
            live.record_groups(segment, split)
        live.start()
        follower = Follower.open(live.folder)
        frames = []
        for _ in range(12):
            screen = audience_screen(follower, time.wall, "running")
            console = Console(width=width, height=height, file=io.StringIO(), no_color=True)
            console.print(render(screen, width, height))
            frames.append(console.file.getvalue())
            time.advance(10)  # a page every 10 seconds
    finally:
        live.close()
    return frames


def test_one_long_word_is_cut_rather_than_spread_over_many_pages(tmp_path):
    names = [*attendee_names(72, long=False), LONG]
    frames = audience_frames(tmp_path, names, 80, 24)
    assert "page 1 of 2" in frames[0]
    shown = "\n".join(frames[:2])
    assert "Wolfeschlegel" in shown and HARD_CUT in shown  # cut, and going on below
    for name in names[:72]:  # every other name whole, on one of the two pages
        assert name in shown


def test_names_with_emoji_are_measured_as_drawn_and_never_cut_inside_an_emoji(tmp_path):
    priya = "Priya Sharma 👩🏽‍💻"  # 15 columns, as drawn: whole in a column of 17
    family = "Ana " + "👨‍👩‍👧" * 12  # 28: folded, between the families
    names = [priya, family, *attendee_names(71, long=False)]
    frames = audience_frames(tmp_path, names, 80, 24)
    assert "page 1 of 2" in frames[0] and "Room 1 (5)                 Room" in frames[0]
    shown = "\n".join(frames[:2])
    assert f"  {priya}  " in shown  # on one line
    assert not re.search("\u200d *$", shown, re.MULTILINE)  # no emoji cut at a line's end
    assert shown.count("👨‍👩‍👧") == shown.count("👨") == 12  # every family whole, once
    assert all(cell_len(line) <= 80 for line in shown.splitlines())


def rooms_columns(frame):
    """The columns of the rooms in a drawn frame (between "Groups:" and "Next:"), each a
    list of its lines, found where the room names start."""
    lines = frame.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("Groups:")) + 1
    end = next(i for i, line in enumerate(lines) if line.startswith("Next:"))
    rows = [line.rstrip() for line in lines[top:end]]
    starts = sorted({m.start() for row in rows for m in re.finditer(r"(?:^|(?<=   ))Room ", row)})
    return [
        [row[x:until].rstrip() for row in rows if row[x:until].strip()]
        for x, until in zip(starts, [*(s - 3 for s in starts[1:]), None], strict=True)
    ]


def test_a_name_taller_than_a_column_goes_on_under_its_room(tmp_path):
    # QA, 100x32: page 2 began with 17 lines of "Wolfeschlegel…raum, Hubert" and then "Chidi
    # Anagonye", with no "Room 6 (continued)" above them: Chidi was shown without his room.
    long = "Hubert " + "Wolfeschlegel" * 53 + "raum"
    names = attendee_names(70, long=False)
    names.insert(35, long)  # in Room 10 of 15, with two after it
    frames = audience_frames(tmp_path, names, 100, 32)
    rooms = re.compile(r"Room (\d+) \((\d|continued)\)")
    columns = [column for frame in frames[:2] for column in rooms_columns(frame)]
    assert len(columns) == 6 and "page 2 of 2" in frames[1]
    for column in columns:
        assert rooms.fullmatch(column[0]), column[:2]  # not the rest of a name
    going_on = next(c for c in columns if "    Wolfeschlegelraum" in c)
    assert going_on[0] == "Room 10 (continued)"
    after = going_on.index("    Wolfeschlegelraum") + 1  # the rest of Room 10, under it
    assert going_on[after : after + 3] == ["  Shafi Wilson", "  Radia Liskov", "Room 11 (5)"]
