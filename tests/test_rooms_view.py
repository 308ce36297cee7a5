"""The rooms view: every room and every full name, in columns and pages (in-process)."""

import io
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from support.live import FakeTime, ScriptedKeys, attendee_names, open_session
from test_live_app import AGENDA, Recorder

from liftkit.cli.commands.run_groups import GroupsPlan
from liftkit.cli.live.fullscreen import LiveApp
from liftkit.core.live import room_pages as room_pages_module
from liftkit.core.live.controller import Controller
from liftkit.core.live.room_pages import (
    GAP,
    HARD_CUT,
    INDENT,
    WRAP_INDENT,
    RoomsPage,
    room_pages,
)
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.people.reader import Person

BREAKOUT_OF_FIVES = AGENDA.replace('kind = "breakout"', 'kind = "breakout"\ngroup_size = 5')


def rooms_of(names, size=5):
    return [
        (f"Room {n}", names[i : i + size])
        for n, i in enumerate(range(0, len(names), size), start=1)
    ]


def names_in(pages):
    """The member names of the layout, read column after column, folded names joined."""
    names = []
    for line in (line for page in pages for column in page.columns for line in column):
        if line.startswith(WRAP_INDENT):
            last, piece = names[-1], line.strip()
            if last.endswith(HARD_CUT):  # a word cut in two
                names[-1] = last.removesuffix(HARD_CUT) + piece
            else:
                names[-1] = last + ("" if last.endswith("-") else " ") + piece
        elif line.startswith(INDENT):
            names.append(line.strip())
    return names


@pytest.mark.parametrize("width, rows", [(80, 18), (120, 29), (40, 8), (200, 50), (30, 12)])
def test_every_full_name_is_on_a_page_once_and_within_the_window(width, rows):
    names = attendee_names(73)
    pages = room_pages(rooms_of(names), width, rows)
    assert Counter(names_in(pages)) == Counter(names)
    for page in pages:
        assert page.count == len(pages)
        assert len(page.columns) * page.column_width + GAP * (len(page.columns) - 1) <= width
        assert all(len(column) <= rows for column in page.columns)
        assert all(len(line) <= page.column_width for c in page.columns for line in c)


def test_pages_are_few_and_rooms_stay_whole_when_they_can():
    pages = room_pages(rooms_of(attendee_names(73)), 120, 29)
    assert len(pages) == 1  # 15 rooms fit a 120x40 window
    pages = room_pages(rooms_of(attendee_names(73, long=False)), 80, 17)
    assert len(pages) == 2
    for column in (c for page in pages for c in page.columns):
        assert not column[0].startswith(INDENT)  # a column starts with a room's name


@pytest.mark.parametrize("width, rows", [(80, 18), (40, 8), (30, 12), (40, 7), (30, 4)])
def test_each_line_of_a_name_is_marked_with_its_room_and_member(width, rows):
    # f turns to the page of the person found and marks their lines: it reads these marks
    rooms = rooms_of(attendee_names(73), size=7)
    pages = room_pages(rooms, width, rows)
    lines_of: dict[tuple[str, str], list[str]] = {}
    pages_of: dict[tuple[str, str], list[int]] = {}
    for page in pages:
        for column, people in zip(page.columns, page.people, strict=True):
            heading = ""
            for line, person in zip(column, people, strict=True):
                assert (person is None) == (not line.startswith(INDENT)), line
                if person is None:
                    heading = line
                    continue
                assert heading.startswith(person[0] + " (")  # under its room's name
                lines_of.setdefault(person, []).append(line)
                if page.number not in pages_of.setdefault(person, []):
                    pages_of[person].append(page.number)
    assert list(lines_of) == [(room, m) for room, members in rooms for m in members]
    for person, lines in lines_of.items():
        assert names_in([RoomsPage((tuple(lines),), width, 1, 1)]) == [person[1]]
        assert [p.number for p in pages if p.shows(person)] == pages_of[person]
    assert not any(p.shows(("Room 1", "Nobody Here")) for p in pages)


@pytest.mark.parametrize("width, rows", [(40, 7), (30, 4), (80, 3)])
def test_a_room_taller_than_the_window_says_whose_names_go_on(width, rows):
    # Page 2 of a 40x12 window began with "  Karen Spärck Jones": in which room?
    rooms = rooms_of(attendee_names(23), size=7)
    pages = room_pages(rooms, width, rows)
    assert Counter(names_in(pages)) == Counter(attendee_names(23))
    columns = [column for page in pages for column in page.columns]
    assert all(not column[0].startswith(INDENT) for column in columns)
    assert "Room 1 (continued)" in [column[0] for column in columns]
    assert all(len(column) <= rows for column in columns)


@pytest.mark.parametrize("width, rows", [(60, 9), (40, 7), (40, 5), (30, 4), (26, 6)])
def test_a_name_folded_over_two_lines_stays_on_one_page(width, rows):
    # "Bartholomew Maximilian" ended one page and "Featherstonehaugh-Cholmondeley" began the
    # next, under "Room 4 (continued)": two people to a reader, and a page of 10 s spent on
    # half a name.
    long = "Bartholomew Maximilian Featherstonehaugh-Cholmondeley"
    names = attendee_names(22)
    rooms = rooms_of([*names[:18], long, *names[18:]], size=5)
    pages = room_pages(rooms, width, rows)
    assert Counter(names_in(pages)) == Counter([*names[:18], long, *names[18:]])
    for person in {p for page in pages for column in page.people for p in column if p}:
        columns = [(page.number, i) for page in pages for i, column in enumerate(page.people)
                   if person in column]  # fmt: skip
        lines = sum(column.count(person) for page in pages for column in page.people)
        assert len(columns) == 1 or lines > rows - 1, (person, columns)


LETTERS = "abcdefghijklmnopqrstuvwxyzäöü"
NAMES = st.one_of(
    st.lists(st.text(LETTERS, min_size=1, max_size=12), min_size=1, max_size=4).map(" ".join),
    st.text(LETTERS, min_size=30, max_size=700).map("Hubert ".__add__),  # taller than a column
)


@settings(max_examples=150, deadline=None)
@given(
    names=st.lists(NAMES, min_size=1, max_size=40, unique=True),
    size=st.integers(1, 8),
    width=st.integers(20, 160),
    rows=st.integers(2, 30),
)
def test_every_column_starts_with_the_room_its_names_are_in(names, size, width, rows):
    # QA: "Wolfeschlegel…raum, Hubert" went on for 17 lines at the top of a new column and
    # page, and Chidi, the next of Room 6, under it: no heading said which room they were in.
    pages = room_pages(rooms_of(names, size), width, rows)
    assert Counter(names_in(pages)) == Counter(names)
    for page in pages:
        for column, people in zip(page.columns, page.people, strict=True):
            assert people[0] is None, column[:2]  # a room's name, or "Room 6 (continued)"
            heading = ""
            for line, person in zip(column, people, strict=True):
                if person is None:
                    heading = line
                else:
                    assert heading.startswith(person[0] + " ("), (heading, line)


def rooms_app(tmp_path, time, script, width, height, long=False):
    s = open_session(tmp_path, BREAKOUT_OF_FIVES, time)
    everyone = [Person(name) for name in attendee_names(73, long)]
    plan = GroupsPlan(people=everyone, plans=plan_from_people(s.agenda, everyone, 7))
    plan.record(s)
    controller = Controller(s, groups_view=plan.summary, reshuffle=plan.reshuffle)
    console = Console(file=io.StringIO(), width=width, height=height, force_terminal=True)
    app = LiveApp(controller, console, ScriptedKeys(time, script))
    return app, Recorder(app, width, height)


@pytest.mark.parametrize("width, height, pages", [(80, 24, 2), (120, 40, 1), (40, 12, 8)])
def test_g_opens_the_rooms_view_it_pages_and_g_or_esc_go_back(tmp_path, width, height, pages):
    time = FakeTime()
    script = [(1, ["n"]), (2, ["g"]), (3, ["RIGHT"]), (4, ["RIGHT"]), (5, ["ESC"]), (6, ["g"]),
              (7, ["g"]), (8, ["q", "y"])]  # fmt: skip
    app, seen = rooms_app(tmp_path, time, script, width, height)
    app.run()
    views = [(sc, f) for sc, f in zip(seen.screens, seen.frames, strict=True) if sc.rooms_view]
    assert views and not seen.screens[-1].rooms_view
    first, second = views[0][1], next(f for sc, f in views if sc.rooms_page == 1)
    names = set(attendee_names(73, long=False))
    on_pages = {name for name in names if name in first or (pages > 1 and name in second)}
    assert on_pages == names or pages > 2  # every full name, on the pages the window needs
    if pages > 1:  # said in full, even where the title is cut (at 40 columns it was)
        assert f"page 1 of {pages}" in first.lower() and f"page 2 of {pages}" in second.lower()
        assert names - {n for n in names if n in first}  # some only on page 2
    else:
        assert "page 1 of" not in first
    countdowns = {sc.countdown for sc, _ in views}
    assert len(countdowns) >= 3  # the clock stays in view and keeps running
    big = height >= 30  # big digits above the rooms, else the countdown as one line
    assert all(("█" in f) if big else any(c in f for c in countdowns) for _, f in views)
    assert all(len(line) <= width for _, f in views for line in f.splitlines())
    legend = views[0][1].splitlines()[-1]
    assert ("page" in legend) == (pages > 1) and "clock" in legend  # page keys: with pages
    # (narrow: the way back before the rest)
    assert "reshuffle" in legend or width < 80


def test_the_rooms_view_is_laid_out_once_while_it_stays_open(tmp_path, monkeypatch):
    # A conference's breakout of 5,000 people took half a second to lay out, at every draw
    # (once a second) and every key: the clock stuttered and the keys lagged.
    laid_out = []
    real = room_pages_module._layout

    def layout(rooms, *args):
        laid_out.append(args)
        return real(rooms, *args)

    monkeypatch.setattr(room_pages_module, "_layout", layout)
    kept = getattr(room_pages_module, "_laid_out", None)  # other tests' layouts
    if kept is not None:
        kept.cache_clear()
    time = FakeTime()
    script = [(1, ["n"]), (2, ["g"]), (3, ["RIGHT"]), (4, ["LEFT"]), (5, ["f"]),
              (6, ["a", "d", "a", "ENTER"]), (90, ["q", "y"])]  # fmt: skip
    app, seen = rooms_app(tmp_path, time, script, 80, 24)
    app.run()
    drawn = [f for sc, f in zip(seen.screens, seen.frames, strict=True) if sc.rooms_view]
    assert len(drawn) > 60 and "page 2 of 2" in "".join(drawn).lower()  # each second, a page
    # once for each number of columns tried, in each height the rooms had (a message of two
    # lines takes one of their rows)
    assert laid_out and len(laid_out) == len(set(laid_out))


def test_the_rooms_view_closes_when_the_breakout_ends_and_s_reshuffles(tmp_path):
    time = FakeTime()
    script = [(1, ["n"]), (2, ["g"]), (3, ["s"]), (4, ["y"]), (5, ["n"]), (6, ["g"]),
              (7, ["q", "y"])]  # fmt: skip
    app, seen = rooms_app(tmp_path, time, script, 80, 24)
    app.run()
    assert any(sc.message.startswith("Groups reshuffled") and sc.rooms_view for sc in seen.screens)
    after = [sc for sc in seen.screens if sc.segment_title == "Close"]
    assert after and not any(sc.rooms_view for sc in after)
    assert any(sc.message.startswith("No rooms here") for sc in after)


def test_the_clock_view_of_a_breakout_keeps_the_big_countdown_at_80x24(tmp_path):
    from test_live_app import digit_rows

    time = FakeTime()
    app, seen = rooms_app(tmp_path, time, [(1, ["n"]), (2, ["q", "y"])], 80, 24)
    app.run()
    clock = next(f for sc, f in zip(seen.screens, seen.frames, strict=True) if sc.groups)
    assert "Groups: 15 rooms of 4-5 · 73 people" in clock and "g: every room and name" in clock
    assert digit_rows(clock) >= 10  # the rooms are one key away, not in the countdown's rows


@pytest.mark.parametrize("rounds", [1, 2])
def test_a_reshuffle_that_changes_rooms_still_to_come_says_so_before_it_is_confirmed(
    tmp_path, rounds
):
    # Reshuffling in Troika's round 2 changed every later round's trios, and the question
    # said only "Reshuffle the breakout groups?".
    time = FakeTime()
    agenda = BREAKOUT_OF_FIVES.replace("group_size = 5", f"group_size = 5\nrounds = {rounds}")
    s = open_session(tmp_path, agenda, time)
    everyone = [Person(name) for name in attendee_names(20)]
    plan = GroupsPlan(people=everyone, plans=plan_from_people(s.agenda, everyone, 7))
    plan.record(s)
    controller = Controller(s, groups_view=plan.summary, reshuffle=plan.reshuffle)
    controller.advance()
    controller.press("n")
    controller.press("g")
    controller.press("s")
    asked = controller.ui.confirm
    assert asked == ("reshuffle_later" if rounds > 1 else "reshuffle")
    from liftkit.core.live.controls import CONFIRM

    assert ("later rounds and steps" in CONFIRM[asked]) == (rounds > 1)
    controller.press("y")
    assert controller.ui.confirm is None


@pytest.mark.parametrize("width", [20, 40, 80])
def test_a_one_row_page_names_each_person_with_their_room(width):
    # At 20x6 the rooms had one row: a page showed "Room 1 (3)" alone, and the next pages
    # "  Ada Lovelace", with no room said.
    rooms = rooms_of(attendee_names(12, long=False), size=4)
    pages = room_pages(rooms, width, 1)
    shown: dict[tuple[str, str], str] = {}
    for page in pages:
        for column, people in zip(page.columns, page.people, strict=True):
            assert len(column) == 1
            (line,), (person,) = column, people
            assert person is not None and line.startswith(f"{person[0]}: "), line
            assert len(line) <= page.column_width
            piece = line.removeprefix(f"{person[0]}: ")
            if person in shown:  # a name longer than the column goes on, with its room
                piece = (" " if not shown[person].endswith(HARD_CUT) else "") + piece
                shown[person] = shown[person].removesuffix(HARD_CUT) + piece.replace(
                    HARD_CUT, "", 1
                )
            else:
                shown[person] = piece
    assert list(shown) == [(room, member) for room, members in rooms for member in members]
    assert all(shown[person] == person[1] for person in shown)


def test_the_rooms_view_at_20x6_pages_names_with_their_rooms_and_keeps_the_way_back(tmp_path):
    time = FakeTime()
    script = [(1, ["n"]), (2, ["g"]), (3, ["RIGHT"]), (4, ["RIGHT"]), (5, ["q", "y"])]
    app, seen = rooms_app(tmp_path, time, script, 20, 6)
    app.run()
    views = [f for sc, f in zip(seen.screens, seen.frames, strict=True) if sc.rooms_view]
    assert len(views) >= 3
    for frame in views:
        lines = frame.splitlines()
        rooms_line = next(line for line in lines if line.startswith("Room "))
        room, _, name = rooms_line.partition(": ")
        assert room.split()[1].isdigit() and name, frame  # a name, with its room
        assert lines[-1].startswith("g/Esc clock"), frame  # the way back to the clock
