"""Two rooms of one name in a round of a groups file. A hand-edited `--previous` file with two
rooms named `Room 1` was read, and `-f zoom` then wrote all 18 of them under `Room 1` and no
`Room 2`: Zoom makes one room of a name, so one room of 18. Now every reader of a groups file
(`groups --previous`, `run --groups`, `export --groups-file`) refuses it, and the Zoom writer
refuses two rooms of one name from any split, one built through the API too."""

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from test_export_cli import make_session, write
from test_run_attendees import run_breakout

import liftkit
from liftkit.core.errors import LiftkitError

PEOPLE = [f"Person {i}" for i in range(12)]


def people_csv(tmp_path):
    rows = "".join(f"{name},p{i}@example.org\n" for i, name in enumerate(PEOPLE))
    return write(tmp_path / "people.csv", "name,email\n" + rows)


def plan_with_rooms(tmp_path, *names_by_round):
    """A groups file of the 12 people, each round in rooms of these names (in order)."""
    rounds = []
    for number, names in enumerate(names_by_round, start=1):
        size = len(PEOPLE) // len(names)
        groups = [
            {"name": name, "members": [
                {"name": p, "email": f"p{PEOPLE.index(p)}@example.org"}
                for p in PEOPLE[g * size : (g + 1) * size]]}
            for g, name in enumerate(names)
        ]  # fmt: skip
        rounds.append({"round": number, "groups": groups})
    return write(tmp_path / "plan.json", json.dumps({"seed": 1, "rounds": rounds}))


def test_previous_with_two_rooms_of_one_name_is_refused_and_no_zoom_file_written(cli, tmp_path):
    plan = plan_with_rooms(tmp_path, ["Room 1", "Room 2", "Room 3"], ["Room 1", "Room 1", "Room 3"])
    out = tmp_path / "zoom.csv"
    args = ["--previous", str(plan), "--seed", "1", "-f", "zoom", "-o", str(out)]
    result = cli("groups", str(people_csv(tmp_path)), *args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {plan}: round 2: two rooms named 'Room 1'; give each room of a round its own "
        "name\n"
    )
    assert not out.exists()


def test_rooms_named_alike_but_for_case_and_spacing_are_refused_but_not_across_rounds(
    cli, tmp_path
):
    plan = plan_with_rooms(tmp_path, ["Room 1", "room  1 ", "Room 3"])
    result = cli("groups", str(people_csv(tmp_path)), "--previous", str(plan), "-f", "json")
    assert result.exit_code == 2
    assert "round 1: two rooms named alike, 'Room 1' and 'room 1'" in result.stderr
    # The same names in each round are rooms that stay: Zoom makes each once a round.
    plan = plan_with_rooms(tmp_path, ["Blue", "Green", "Red"], ["Blue", "Green", "Red"])
    result = cli("groups", str(people_csv(tmp_path)), "--previous", str(plan), "-f", "zoom")
    assert result.exit_code == 0, result.output
    rooms = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert sorted(set(rooms)) == ["Blue", "Green", "Red"] and len(rooms) == 12


def test_run_groups_refuses_it_before_any_session_is_made(tmp_path):
    plan_with_rooms(tmp_path, ["Room 1", "Room 1", "Room 3"])
    proc, groups = run_breakout(tmp_path, 4, "--groups", "plan.json")
    assert proc.returncode == 2
    assert proc.stderr.endswith(
        "Error: plan.json: round 1: two rooms named 'Room 1'; give each room of a round its "
        "own name\n"
    )
    assert groups is None and not (tmp_path / "s").exists()


def test_export_refuses_it_as_a_groups_file_but_reads_a_sessions_own_copy(cli, tmp_path):
    late = make_session(tmp_path / "session", datetime(2026, 3, 9, 10, tzinfo=UTC))
    plan = plan_with_rooms(tmp_path, ["Room 1", "Room 1", "Room 3"])
    result = cli("export", str(late), "--groups-file", str(plan))
    assert result.exit_code == 2 and "round 1: two rooms named 'Room 1'" in result.stderr
    # A session run before such files were refused keeps its copy: the rooms as they ran.
    (late / "groups.json").write_text(plan.read_text())
    kept = cli("export", str(late), "--groups")
    assert kept.exit_code == 0, kept.output
    assert kept.stdout.count("- **Room 1:** Person") == 2


def renamed(split, name):
    """`split` with every room of its first round given `name`."""
    first = split.rounds[0]
    groups = tuple(replace(group, name=name) for group in first.groups)
    return replace(split, rounds=(replace(first, groups=groups), *split.rounds[1:]))


def test_the_zoom_writer_refuses_two_rooms_of_one_name_from_any_split():
    people = [liftkit.Person(name, f"p{i}@example.org") for i, name in enumerate(PEOPLE)]
    split = liftkit.split_groups(people, count=3, seed=1)
    assert liftkit.render_groups(split, "zoom").count("Room 2,") == 4
    with pytest.raises(LiftkitError) as caught:
        liftkit.render_groups(renamed(split, "Room 1"), "zoom")
    assert caught.value.message == (
        "`format` zoom: round 1 has two rooms named 'Room 1', which Zoom would make one room"
    )
    # An earlier split given as a Split, not a file, is not read: its names carry over.
    again = liftkit.split_groups(people, count=3, seed=1, previous=renamed(split, "Room 1"))
    with pytest.raises(LiftkitError, match="two rooms named 'Room 1'"):
        liftkit.render_groups(again, "zoom")
