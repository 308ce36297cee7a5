"""Late joiners and people who left during `liftkit run --attendees FILE`: the host keeps the
file up to date, and a reshuffle reads it again when it changed, so that the rooms are for
the people there now. Checked through the real command line, rooms recounted from the
journal; the live screen in tmux."""

import json
import re
import subprocess
import time
from collections import Counter
from itertools import combinations

import pytest
from support.tmux import Tmux
from test_live_terminal import LIFTKIT, journal, quit_run
from test_reshuffle_message import cafe_toml
from test_run_plain import env, start_plain, wait_for_event

from liftkit.core.errors import LiftkitError
from liftkit.core.live.attendance import ATTENDEE_SOURCE, Attendance
from liftkit.core.people.reader import read_people

HEADER = "name,email,organisation\n"


def row(name):
    return f"{name},{name.lower()}@x.org,Org {len(name) % 3}\n"


def write_people(path, names):
    path.write_text(HEADER + "".join(row(n) for n in names))


TWELVE = [f"P{i}" for i in range(12)]
NOW = [n for n in TWELVE if n != "P3"] + ["Ana", "Bo"]  # P3 left; Ana and Bo joined


def latest_groups(events):
    """Each breakout's rounds as last journalled, as lists of member names."""
    made = {e["segment"]: e["rounds"] for e in events if e["type"] == "groups"}
    return {s: [[[m["name"] for m in g["members"]] for g in rnd["groups"]] for rnd in rounds]
            for s, rounds in made.items()}  # fmt: skip


def kept_rooms(tmp_path):
    """How many of round 1's people kept their room's name in the reshuffle, recounted from
    the journal's first and last rooms of the first breakout, as the message words it."""
    made = [e["rounds"][0]["groups"] for e in journal(tmp_path)
            if e["type"] == "groups" and e["segment"] == 0]  # fmt: skip
    was = {m["name"]: g["name"] for g in made[0] for m in g["members"]}
    both = [(was[m["name"]], g["name"]) for g in made[-1] for m in g["members"] if m["name"] in was]
    kept = sum(1 for a, b in both if a == b)
    return "everyone else" if kept == len(both) else f"{kept or 'none'} of the {len(both)} others"


def joined_in(tmp_path, names):
    """ "Ana (Room 3); Bo (Room 1)": the joiners' rooms in the first breakout's first round,
    as the journal last holds them."""
    made = [e["rounds"][0]["groups"] for e in journal(tmp_path)
            if e["type"] == "groups" and e["segment"] == 0][-1]  # fmt: skip
    rooms = {m["name"]: g["name"] for g in made for m in g["members"]}
    return "; ".join(f"{name} ({rooms[name]})" for name in names)


def test_a_reshuffle_makes_rooms_for_the_people_the_file_lists_now(tmp_path):
    # 12 attendees at 3 tables over three rounds; in round 1, before the rooms open, P3 is
    # taken out of the file and Ana and Bo are added: the reshuffle says so, and rounds 1
    # to 3 place the 13 listed now, each once a round; the session folder's copy follows
    # the file (a resume reads it), and so does the event pack's count of who joined.
    people = tmp_path / "people.csv"
    write_people(people, TWELVE)
    proc = start_plain(tmp_path, cafe_toml(3, 3), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    write_people(people, NOW)
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    said = re.search(r"Groups reshuffled \(seed \d+\)[^\n]*\. (people\.csv read again[^\n]*)", out)
    assert said is not None, out
    assert said.group(1).startswith("people.csv read again: 2 joined, 1 left; ")
    assert said.group(1).endswith(f" kept their room. Joined: {joined_in(tmp_path, NOW[-2:])}.")
    assert kept_rooms(tmp_path) in said.group(1)
    rooms = latest_groups(journal(tmp_path))
    assert sorted(rooms) == [0, 1, 2]
    for rounds in rooms.values():
        for groups in rounds:  # recounted: everyone listed now, once
            assert sorted(n for g in groups for n in g) == sorted(NOW)
    (folder,) = (tmp_path / "s").iterdir()
    assert (folder / "attendees.csv").read_bytes() == people.read_bytes()
    assert (folder / ATTENDEE_SOURCE).read_text().strip() == str(people)
    pack = subprocess.run(
        [*LIFTKIT, "export", str(folder), "-o", "pack.md"], capture_output=True, text=True,
        cwd=tmp_path, env=env(), timeout=60,
    )  # fmt: skip
    assert pack.returncode == 0, pack.stderr
    assert f"{len(NOW)} people joined." in (tmp_path / "pack.md").read_text()


def test_an_unchanged_file_is_not_said_and_a_resumed_session_reads_it_again(tmp_path):
    people = tmp_path / "people.csv"
    write_people(people, TWELVE)
    proc = start_plain(tmp_path, cafe_toml(3, 3), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    assert "Groups reshuffled (seed " in out and "read again" not in out
    write_people(people, [*TWELVE, "Ana"])  # Ana joins while liftkit is not running
    resumed = subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"], input="g\ny\nq\ny\n",
        capture_output=True, text=True, cwd=tmp_path, env=env(), timeout=60,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    said = "people.csv read again: 1 joined; everyone else kept their room. Joined: "
    said += f"{joined_in(tmp_path, ['Ana'])}.\n"
    assert re.search(r"Groups reshuffled .*\. " + re.escape(said), resumed.stdout), resumed.stdout
    for groups in latest_groups(journal(tmp_path))[0]:
        assert sorted(n for g in groups for n in g) == sorted([*TWELVE, "Ana"])


def running_in_tmux(tmp_path, width, height):
    """A café of the twelve at 3 tables over three rounds, run in tmux with people.csv."""
    write_people(tmp_path / "people.csv", TWELVE)
    (tmp_path / "a.toml").write_text(cafe_toml(3, 3))
    term = Tmux(width, height, cwd=str(tmp_path))
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv"])
    term.wait_for("running")
    return term


def reshuffle_in_view(term):
    """s, then y, in the rooms view."""
    term.keys("s")
    term.wait_for("Reshuffle the breakout groups?")
    term.keys("y")


def test_a_file_saved_half_way_keeps_the_rooms_until_it_is_mended(tmp_path):
    # The host saves the file with a quote left open: the rooms view says it changed, and
    # the reshuffle keeps the rooms and says which line to mend; mended, the next
    # reshuffle reads it, and the rooms view no longer says it changed.
    people = tmp_path / "people.csv"
    term = running_in_tmux(tmp_path, 100, 30)
    try:
        people.write_text(HEADER + row("P0") + '"Ana,ana@x.org,Org 1\n' + row("P1"))
        term.keys("g")
        term.wait_for("people.csv changed: a reshuffle reads it · Groups: 3 rooms of 4")
        reshuffle_in_view(term)
        term.wait_for("Rooms kept: people.csv: line 3: a quote opened on this line is never")
        assert [e["type"] for e in journal(tmp_path)].count("groups") == 3  # as made
        write_people(people, NOW)
        reshuffle_in_view(term)
        screen = " ".join(term.wait_for("Groups reshuffled (seed ").split())  # on two lines
        assert "people.csv read again: 2 joined, 1 left; " in screen
        assert f" kept their room. Joined: {joined_in(tmp_path, NOW[-2:])}." in screen
        assert kept_rooms(tmp_path) in screen
        assert "people.csv changed" not in screen  # read: the rooms are for it
        quit_run(term)
    finally:
        term.close()
    for groups in latest_groups(journal(tmp_path))[0]:
        assert sorted(n for g in groups for n in g) == sorted(NOW)


def test_read_again_only_when_the_file_changed_and_not_when_it_is_gone(tmp_path):
    people = tmp_path / "people.csv"
    write_people(people, TWELVE)
    folder = tmp_path / "session"
    folder.mkdir()
    attendance = Attendance.start(people, read_people(people).people)
    assert attendance is not None
    assert attendance.read_again(folder) is None  # unchanged: nothing read, nothing copied
    assert not (folder / "attendees.csv").exists()
    people.write_text(HEADER + "".join(row(n).replace("Org", "Team") for n in TWELVE))
    changes = attendance.read_again(folder)
    assert changes is not None and changes.said() == "people.csv read again: the same 12 people."
    assert attendance.people[0].attributes["organisation"] == "Team 2"
    write_people(people, ["P0"])  # one person left in it: the list as last read stands
    with pytest.raises(LiftkitError, match=r"people\.csv: lists 1 person now, and rooms need"):
        attendance.read_again(folder)
    assert len(attendance.people) == 12 and "Team" in (folder / "attendees.csv").read_text()
    people.unlink()  # renamed, or a resume elsewhere: the list as last read stands
    assert attendance.read_again(folder) is None and len(attendance.people) == 12


def test_the_rooms_view_is_told_once_the_file_differs_from_what_was_read(tmp_path):
    people = tmp_path / "people.csv"
    write_people(people, TWELVE)
    attendance = Attendance.start(people, read_people(people).people)
    assert attendance is not None and not attendance.changed()
    write_people(people, NOW)
    assert attendance.changed()
    write_people(people, TWELVE)  # put back as it was read: nothing to read again
    assert not attendance.changed()


def test_a_reshuffle_after_rounds_that_met_places_joiners_and_not_leavers():
    # A café of 36 at 5 tables over four rounds, reshuffled in round 3 after two left and
    # four joined: rounds 1 and 2 stay as they met; rounds 3 and 4 place the 38 here now,
    # each once, where the plan's order of rounds (for the 36) was taken back before.
    from liftkit.core.agenda.model import Agenda, Segment
    from liftkit.core.live.reshuffles import reshuffle_family
    from liftkit.core.live.rooms import plan_from_people
    from liftkit.core.people.reader import Person

    everyone = [Person(f"P{i}", f"p{i}@x.org", {}) for i in range(40)]
    cafe = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=5) for n in range(4)))
    plans = plan_from_people(cafe, everyone[:36], seed=2)
    here = everyone[2:]
    for seed in (7, 8):
        again = reshuffle_family(cafe, 2, here, seed, plans, met={0: 1, 1: 1})
        assert sorted(again) == [2, 3]
        for i in (2, 3):
            placed = sorted(p.name for g in again[i].rounds[0].groups for p in g.members)
            assert placed == sorted(p.name for p in here)  # recounted: each once


def test_joiners_take_places_in_the_plan_where_rooms_made_again_meet_more_again():
    # A café of 64 at 8 tables over four rounds (a design: nobody twice), two joining after
    # rounds 1 and 2 met, reshuffled in round 3: made again, rounds 3 and 4 met 10-12 pairs
    # again; the plan carried on, with the joiners placed, 2 (two rooms of 9 at 8 tables
    # must keep a pair together), and everyone planned keeps their room.
    from liftkit.core.agenda.model import Agenda, Segment
    from liftkit.core.live.attendance import kept_rooms
    from liftkit.core.live.reshuffles import reshuffle_family
    from liftkit.core.live.rooms import plan_from_people
    from liftkit.core.people.reader import Person

    everyone = [Person(f"P{i}", f"p{i}@x.org", {}) for i in range(66)]
    cafe = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=8) for n in range(4)))
    for seed in (1, 2):
        plans = plan_from_people(cafe, everyone[:64], seed=seed)
        again = plans | reshuffle_family(cafe, 2, everyone, 10 + seed, plans)
        rounds = [again[i].rounds[0] for i in range(4)]
        met = Counter(pair for r in rounds for g in r.groups
                      for pair in combinations(sorted(p.name for p in g.members), 2))  # fmt: skip
        assert sum(1 for times in met.values() if times > 1) <= 2  # recounted
        for i in (2, 3):
            assert kept_rooms(plans[i].rounds[0], again[i].rounds[0]).startswith("everyone")


def test_a_meet_attendance_export_saved_again_adds_who_arrived_since(tmp_path):
    # A real Google Meet Attendance export (al-caughey/Google-Meet-Attendance, kept in
    # tests/data/people/real): the host's first download had its first 7 people; the one
    # saved over it later has all 11 (one of them back three times). The reshuffle names
    # the 4 who came since and places everyone once a round.
    from pathlib import Path

    real = (
        Path(__file__).parent / "data" / "people" / "real" / "meet-attendance-alcaughey-rejoins.csv"
    )
    lines = real.read_bytes().splitlines(keepends=True)
    everyone = [p.name for p in read_people(real).people]
    people = tmp_path / "people.csv"
    people.write_bytes(b"".join(lines[:10]))  # the title, a blank line, the header, 7 people
    assert [p.name for p in read_people(people).people] == everyone[:7]
    proc = start_plain(tmp_path, cafe_toml(2, 3), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    people.write_bytes(real.read_bytes())
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    joined = joined_in(tmp_path, everyone[7:])
    said = f"read again: 4 joined; everyone else kept their room. Joined: {joined}."
    assert said in out, out
    for groups in latest_groups(journal(tmp_path))[0]:
        assert sorted(n for g in groups for n in g) == sorted(everyone)


def test_in_a_small_window_the_rooms_view_gives_a_long_message_a_second_line(tmp_path):
    # 80 x 24: the rooms view's one line for messages cut a reshuffle's after the rooms'
    # count, so what the file's changes did was never seen; now it takes the rows of the
    # rooms it needs while it shows, and the rooms come back to them after.
    term = running_in_tmux(tmp_path, 80, 24)
    try:
        write_people(tmp_path / "people.csv", NOW)
        term.keys("g")
        term.wait_for("Room 1 (")
        reshuffle_in_view(term)
        screen = term.wait_for("Groups reshuffled (seed ")
        lines = screen.splitlines()
        said = next(i for i, line in enumerate(lines) if line.startswith("Groups reshuffled"))
        assert "people.csv read again: 2 joined, 1 left;" in lines[said + 1]
        keys = next(i for i in range(said, len(lines)) if lines[i].lstrip().startswith("g/Esc"))
        shown = " ".join(line.strip() for line in lines[said:keys])  # all of it, to its end
        assert shown.endswith(f"Joined: {joined_in(tmp_path, NOW[-2:])}."), screen
        quit_run(term)
    finally:
        term.close()


def test_a_list_given_through_a_pipe_is_read_once_and_reshuffles_still_work(tmp_path):
    # `--attendees <(…)`: copying the pipe into the session folder failed, and said to
    # check that the folder is writable. Now it is read once: the folder keeps what was
    # read, and a reshuffle, with nothing to read again, makes the rooms.
    write_people(tmp_path / "people.csv", TWELVE)
    (tmp_path / "a.toml").write_text(cafe_toml(3, 3))
    command = " ".join([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees",
                        "<(cat people.csv)"])  # fmt: skip
    proc = subprocess.run(
        ["bash", "-c", command], input="g\ny\nq\ny\n", capture_output=True, text=True,
        cwd=tmp_path, env=env(), timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Groups reshuffled (seed " in proc.stdout and "Rooms kept" not in proc.stdout
    (folder,) = (tmp_path / "s").iterdir()
    assert not (folder / ATTENDEE_SOURCE).exists()
    assert (folder / "attendees.txt").read_bytes() == (tmp_path / "people.csv").read_bytes()


def test_a_joiner_in_an_agenda_of_one_breakout_takes_a_place_and_the_others_keep_theirs(tmp_path):
    # One breakout of one round, a late joiner added before the rooms open: the reshuffle
    # made every room afresh (found in a host's trial: "3 of the 18 others kept their
    # room"), where other breakouts carried the plan on. Now it is carried on here too.
    people = tmp_path / "people.csv"
    write_people(people, TWELVE)
    proc = start_plain(tmp_path, cafe_toml(1, 3), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    write_people(people, [*TWELVE, "Ana"])
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    said = "people.csv read again: 1 joined; everyone else kept their room. Joined: "
    assert f"{said}{joined_in(tmp_path, ['Ana'])}." in out, out
    assert kept_rooms(tmp_path) == "everyone else"  # recounted from the journal
    (groups,) = latest_groups(journal(tmp_path))[0]
    assert sorted(n for g in groups for n in g) == sorted([*TWELVE, "Ana"])


def test_a_teams_per_event_report_saved_again_places_nobody_who_has_left(tmp_path):
    # Teams' per-event attendance report (Full Name, User Action, Timestamp) lists everyone
    # who joined, a Left row after the Joined row of someone who left, a Joined row again
    # after it for someone back. Saved over the list during the call, the reshuffle places
    # those there now: Arjun and Tobias left (Keziah left and came back), and are not put
    # in a room; the event pack still counts everyone who joined.
    from pathlib import Path

    sample = Path(__file__).parent / "data" / "people" / "teams-per-event-comma.csv"
    lines = sample.read_text().splitlines(keepends=True)
    people = tmp_path / "people.csv"
    people.write_text("".join(lines[:5]))  # the header and four who joined
    proc = start_plain(tmp_path, cafe_toml(2, 2), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    people.write_text(sample.read_text())
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    here = ["Hedda Lindqvist", "Marisol Ortega", "Keziah Brown", "Ines Duarte", "Olu Adebayo"]
    joined = joined_in(tmp_path, here[2:])
    assert "people.csv read again: 3 joined, 2 left; " in out, out
    assert f"Joined: {joined}." in out
    for groups in latest_groups(journal(tmp_path))[0]:  # recounted: those here, once
        assert sorted(n for g in groups for n in g) == sorted(here)
    (folder,) = (tmp_path / "s").iterdir()
    pack = subprocess.run(
        [*LIFTKIT, "export", str(folder), "-o", "pack.md"], capture_output=True, text=True,
        cwd=tmp_path, env=env(), timeout=60,
    )  # fmt: skip
    assert pack.returncode == 0, pack.stderr
    assert "7 people joined." in (tmp_path / "pack.md").read_text()


def test_a_per_event_report_read_at_the_start_leaves_out_who_left_and_says_so(tmp_path):
    # The same report given at the start: a note names the two who left, and the rooms are
    # for the five there. Saved after the meeting, everyone's last row is Left: everyone
    # is placed (fewer than two would be), as the list of who came.
    from pathlib import Path

    from liftkit.core.people.reader import present

    data = Path(__file__).parent / "data" / "people"
    people = tmp_path / "people.csv"
    people.write_bytes((data / "teams-per-event-comma.csv").read_bytes())
    proc = start_plain(tmp_path, cafe_toml(2, 2), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    _out, err = proc.communicate("q\ny\n", timeout=60)
    assert proc.returncode == 0, err
    note = "2 people had left the meeting (their last row says so) and get no room: "
    assert note + "Arjun Mehta; Tobias Engel" in " ".join(err.split()), err
    for groups in latest_groups(journal(tmp_path))[0]:
        names = sorted(n for g in groups for n in g)
        assert len(names) == 5 and "Arjun Mehta" not in names and "Tobias Engel" not in names
    after = read_people(data / "teams-per-event-pt-utf16.csv")
    assert after.gone == [p.name for p in after.people]  # all four left at the end
    assert present(after) == (after.people, [])


def test_groups_from_a_per_event_report_leave_out_who_left(tmp_path):
    # `liftkit groups` on the same report downloaded during the call: rooms for the five
    # there, and the note on stderr; JSON recounted.
    from pathlib import Path

    sample = Path(__file__).parent / "data" / "people" / "teams-per-event-comma.csv"
    done = subprocess.run(
        [*LIFTKIT, "groups", str(sample), "--size", "3", "--seed", "1", "--format", "json"],
        capture_output=True, text=True, cwd=tmp_path, env=env(), timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "get no room: Arjun Mehta; Tobias Engel" in " ".join(done.stderr.split())
    (rnd,) = json.loads(done.stdout)["rounds"]
    names = sorted(m["name"] for g in rnd["groups"] for m in g["members"])
    assert names == sorted(
        ["Hedda Lindqvist", "Marisol Ortega", "Keziah Brown", "Ines Duarte", "Olu Adebayo"]
    )


def test_a_reshuffle_where_nobody_kept_their_room_says_none():
    """'0 of the 4 others kept their room' read as a figure to check; it is said in words."""
    from liftkit.core.groups.model import Group, Round
    from liftkit.core.live.attendance import kept_rooms as said
    from liftkit.core.people.reader import Person

    a, b, c, d = (Person(name=n, email=f"{n.lower()}@x.org") for n in "ABCD")
    before = Round(1, (Group("Room 1", (a, b)), Group("Room 2", (c, d))))
    swapped = Round(1, (Group("Room 1", (c, d)), Group("Room 2", (a, b))))
    assert said(before, swapped) == "none of the 4 others kept their room"
    half = Round(1, (Group("Room 1", (a, c)), Group("Room 2", (b, d))))
    assert said(before, half) == "2 of the 4 others kept their room"
    assert said(before, before) == "everyone else kept their room"


@pytest.mark.parametrize("now", [45, 12])
def test_a_reshuffle_after_the_list_changed_makes_rooms_of_the_agenda_s_size(tmp_path, now):
    # One breakout in fives for 30; before the rooms open the file lists `now` people. The
    # reshuffle carried the plan's 6 rooms on: "6 rooms of 7-8" for 45, "6 rooms of 2" for
    # 12. Now the rooms are of the breakout's group_size, as `liftkit groups --size 5` makes
    # them: recounted from the journal's last rooms.
    people = tmp_path / "people.csv"
    write_people(people, [f"P{i}" for i in range(30)])
    agenda = 'title = "Talk"\n[[segments]]\ntitle = "Tables"\nduration = "5m"\n'
    proc = start_plain(tmp_path, agenda + 'kind = "breakout"\ngroup_size = 5\n',
                       "--attendees", "people.csv")  # fmt: skip
    wait_for_event(tmp_path / "s", "segment_start")
    write_people(people, [f"P{i}" for i in range(now)])
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    assert "people.csv read again" in out, out
    (groups,) = latest_groups(journal(tmp_path))[0]
    assert sorted(n for g in groups for n in g) == sorted(f"P{i}" for i in range(now))
    rooms = -(-now // 5)  # as many rooms as fives need, none bigger than 5
    assert len(groups) == rooms, [len(g) for g in groups]
    assert max(len(g) for g in groups) <= 5, [len(g) for g in groups]


JOINERS = ["Tom Fry", "Ada Lovelace", "Omar Brown", "Priya Natarajan", "Wen Zhao",
           "Kofi Mensah", "Ines Duarte", "Sam Okafor"]  # fmt: skip


def test_the_rooms_view_shows_where_each_of_eight_joiners_goes(tmp_path):
    # 100 x 30, eight join before a reshuffle in the rooms view: the message naming where
    # each goes was cut after two lines ("… Omar Brown (Room 3); Pri…"); now it takes the
    # rows it needs, every joiner's room as the journal holds it, the keys still below.
    term = running_in_tmux(tmp_path, 100, 30)
    try:
        people = tmp_path / "people.csv"
        joiners = "".join(f"{n},{n.split()[0].lower()}@x.org,Org 1\n" for n in JOINERS)
        people.write_text(people.read_text() + joiners)
        term.keys("g")
        term.wait_for("Room 1 (")
        reshuffle_in_view(term)
        screen = term.wait_for("Groups reshuffled (seed ")
        lines = screen.splitlines()
        said = next(i for i, line in enumerate(lines) if line.startswith("Groups reshuffled"))
        shown = " ".join(line.strip() for line in lines[said:])
        assert f"Joined: {joined_in(tmp_path, JOINERS)}." in shown, screen
        assert lines[-1].lstrip().startswith("g/Esc"), screen  # the keys stay on the last line
        quit_run(term)
    finally:
        term.close()


def test_undoing_a_reshuffle_that_placed_joiners_names_who_has_no_room_now(tmp_path):
    # Ana and Bo joined and the reshuffle placed them; `undo` put the rooms back without a
    # word about them, so they had no room and nobody said so. Now the message names them,
    # and the journal's last rooms bear it out: nobody else is left out.
    people = tmp_path / "people.csv"
    write_people(people, TWELVE)
    proc = start_plain(tmp_path, cafe_toml(1, 3), "--attendees", "people.csv")
    wait_for_event(tmp_path / "s", "segment_start")
    write_people(people, [*TWELVE, "Ana", "Bo"])
    out, err = proc.communicate("g\ny\nundo\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    (groups,) = latest_groups(journal(tmp_path))[0]
    placed = {n for g in groups for n in g}
    left_out = [n for n in [*TWELVE, "Ana", "Bo"] if n not in placed]
    assert left_out == ["Ana", "Bo"]  # recounted: the rooms put back are the twelve's
    # plain mode's g reshuffles (the rooms view's s); the names in the order of their rooms
    said = re.search(r"Rooms put back as they were before the reshuffle\. (\w+) and (\w+) "
                     r"have no room now: g reshuffles again with them\.", out)  # fmt: skip
    assert said is not None, out
    assert sorted(said.groups()) == sorted(left_out)


def test_a_reshuffle_after_a_breakout_in_fives_met_makes_rooms_of_five_for_more(tmp_path):
    # Three breakouts in fives for 30, rehearsed at 60 times; the first meets (2.5 s: 150
    # rehearsed seconds), then 15 join and the second is reshuffled: its rooms and the
    # third's, made after the first's, kept its 6 rooms ("6 rooms of 7-8"). Now 9 of 5,
    # recounted from the journal's last rooms.
    people = tmp_path / "people.csv"
    write_people(people, [f"P{i}" for i in range(30)])
    segment = '[[segments]]\ntitle = "T{}"\nduration = "10m"\nkind = "breakout"\ngroup_size = 5\n'
    agenda = 'title = "Tables"\n' + "".join(segment.format(n) for n in (1, 2, 3))
    proc = start_plain(tmp_path, agenda, "--attendees", "people.csv", "--rehearse", "60")
    wait_for_event(tmp_path / "s", "segment_start")
    time.sleep(2.5)
    proc.stdin.write("n\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 20
    while sum(e["type"] == "segment_start" for e in journal(tmp_path)) < 2:
        assert time.monotonic() < deadline, "the second breakout never began"
        time.sleep(0.05)
    write_people(people, [f"P{i}" for i in range(45)])
    out, err = proc.communicate("g\ny\nq\ny\n", timeout=60)
    assert proc.returncode == 0, err
    assert "people.csv read again: 15 joined" in out, out
    rooms = latest_groups(journal(tmp_path))
    assert [len(g) for g in rooms[0][0]] == [5] * 6  # the first met as it was
    for segment in (1, 2):
        (groups,) = rooms[segment]
        assert sorted(n for g in groups for n in g) == sorted(f"P{i}" for i in range(45))
        assert [len(g) for g in groups] == [5] * 9, rooms
