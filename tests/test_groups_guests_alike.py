"""Two guests of one name and no email, in the call at once (two phones named "iPhone", two
"Dana Twin (Unverified)" in Teams), are two people: the list names them apart by number
("iPhone", "iPhone (2)"), so that the groups file written from them reads back in every
format, into `groups --previous`, `run --groups` and `export --groups-file`. Rooms are
recounted from the files and the journal."""

import csv
import io
import json
import tomllib
from datetime import UTC, datetime

import pytest
from test_export_cli import make_session, section
from test_run_attendees import run_breakout

import liftkit

# QA's shape of a Zoom participant report (one row per join): four signed-in people and two
# guests whose phones both joined as "iPhone", a minute apart, and stayed.
PHONES = "zoom-participants-phones-at-once.csv"
DATA = __import__("pathlib").Path(__file__).parent / "data" / "people"
TEAMS = """1. Summary
Meeting title\tCall

2. Participants
Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole
Ada Lovelace\t3/5/25, 2:00:03 PM\t3/5/25, 3:01:10 PM\t1h 1m\tada@x.org\tOrganizer
Dana Twin (Unverified)\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\t\tAttendee
Dana Twin (Unverified)\t3/5/25, 2:03:00 PM\t3/5/25, 2:59:00 PM\t56m\t\tAttendee
Bo Ng\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\tbo@x.org\tAttendee
Cy Oh\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\tcy@x.org\tAttendee
Di Po\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\tdi@x.org\tAttendee
"""


def rounds_of(path) -> list[list[list[tuple[str, str]]]]:
    """Each round's rooms of (name, email), recounted from a groups file of any format."""
    text = path.read_text()
    if path.suffix == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        rounds: dict[str, dict[str, list]] = {}
        for row in rows:
            rounds.setdefault(row["round"], {}).setdefault(row["group"], []).append(
                (row["name"], row["email"] or "")
            )
        return [list(rooms.values()) for rooms in rounds.values()]
    data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    return [
        [[(m["name"], m.get("email") or "") for m in g["members"]] for g in rnd["groups"]]
        for rnd in data["rounds"]
    ]


def guests(path, name) -> list[str]:
    """The names of one round of the file that stand for the guests called `name`."""
    return sorted(n for room in rounds_of(path)[0] for n, _ in room if n.startswith(name))


@pytest.mark.parametrize("fmt", ["json", "toml", "csv"])
@pytest.mark.parametrize(("source", "name"), [("phones", "iPhone"), ("teams", "Dana Twin")])
def test_the_groups_written_for_two_guests_of_one_name_read_back(cli, tmp_path, fmt, source,
                                                                 name):  # fmt: skip
    people = DATA / PHONES if source == "phones" else tmp_path / "attendance.tsv"
    if source == "teams":
        people.write_text(TEAMS)
    plan = tmp_path / f"plan.{fmt}"
    result = cli("groups", str(people), "--size", "3", "--rounds", "3", "--seed", "1",
                 "-o", str(plan))  # fmt: skip
    assert result.exit_code == 0, result.output
    for rnd in rounds_of(plan):
        members = [m for room in rnd for m in room]
        assert len(members) == len(set(members))  # each once, told apart by name
        assert len([n for n, _ in members if n.startswith(name)]) == 2
    twins = guests(plan, name)
    assert twins[1] == f"{twins[0]} (2)"
    # groups --previous
    again = cli("groups", str(people), "--previous", str(plan), "-f", "json")
    assert again.exit_code == 0, again.output
    assert "no-show" not in again.stderr and "new to" not in again.stderr
    # export --groups-file: each round's list holds both guests
    session = make_session(tmp_path / "session", datetime(2026, 3, 12, 14, 0, tzinfo=UTC))
    pack = cli("export", str(session), "--groups-file", str(plan))
    assert pack.exit_code == 0, pack.output
    listed = [
        name
        for line in section(pack.stdout, "Breakout groups").splitlines()
        if line.startswith("- **Room ")
        for name in line.split(":** ", 1)[1].split("; ")
    ]
    assert [listed.count(twin) for twin in twins] == [len(rounds_of(plan))] * 2
    # run --groups: the journal's rooms hold both
    proc, groups = run_breakout(tmp_path, 3, "--groups", str(plan))
    assert proc.returncode == 0, proc.stderr
    placed = sorted(m["name"] for g in groups["rounds"][0]["groups"] for m in g["members"])
    assert [n for n in placed if n.startswith(name)] == twins


def test_the_list_numbers_the_guests_and_says_so(cli):
    path = DATA / PHONES
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    names = sorted(row["name"] for row in csv.DictReader(io.StringIO(result.stdout)))
    assert len(names) == len(rows) and names[-2:] == ["iPhone", "iPhone (2)"]
    assert (
        "rows of one name were in the call at the same time, so each is a person of its own, "
        "numbered in the list's order: iPhone and iPhone (2) (lines 6-7)"
    ) in " ".join(result.stderr.split())
    # and the library takes them as the command does
    people = liftkit.read_attendees(path).people
    split = liftkit.split_groups(people, size=3, seed=1)
    assert sum(len(g.members) for g in split.rounds[0].groups) == len(rows)


def test_a_plan_written_before_with_two_guests_alike_is_refused_in_one_line(cli, tmp_path):
    # What liftkit wrote before it numbered them: two members "iPhone" and no email.
    plan = tmp_path / "old.json"
    room = lambda n, *names: {"name": f"Room {n}", "members": [{"name": x} for x in names]}  # noqa: E731
    plan.write_text(json.dumps({"rounds": [{"round": 1, "groups": [
        room(1, "Ada Lovelace", "iPhone"), room(2, "Grace Hopper", "iPhone")]}]}))  # fmt: skip
    result = cli("groups", str(DATA / PHONES), "--previous", str(plan))
    assert result.exit_code != 0
    lines = result.stderr.split("Error: ")[1].splitlines()
    assert len(lines) == 1
    assert f"Error: {lines[0]}" == (
        f"Error: {plan}: round 1: iPhone is in both Room 1 and Room 2, with no email to tell "
        "two people apart; if they are two, name them apart in every round ('iPhone', "
        "'iPhone (2)', as the attendee list now names them), or make the groups again; if "
        "one, keep one"
    )
    # the same file with no attendee list (run --groups, export --groups-file, the
    # library's groups_file) said "as the attendee list now names them" of a list never
    # given, and the library's error named no argument (fields was ())
    apart = "if they are two, name them apart in every round ('iPhone', 'iPhone (2)')"
    twins = "round 1: iPhone is in both Room 1 and Room 2, with no email to tell two people apart"
    session = __import__("test_api").SESSION
    result = cli("export", str(session), "--groups-file", str(plan))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: --groups-file {plan}: {twins}; {apart}, or make the groups again; if one, "
        "keep one\n"
    )
    proc, _ = run_breakout(tmp_path, 2, "--groups", str(plan))
    assert proc.returncode == 2 and proc.stderr.startswith(f"Error: {plan}: {twins}; {apart},")
    for field, call in [
        ("previous", lambda: liftkit.split_groups(["Ada Lovelace", "Grace Hopper"], previous=plan)),
        ("groups_file", lambda: liftkit.build_report(session, groups_file=plan)),
    ]:
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        assert caught.value.fields == (field,)
        assert caught.value.message == f"`{field}` {plan}: {twins}"
        named = ", as the attendee list now names them" if field == "previous" else ""
        assert caught.value.hint.startswith(f"{apart[:-1]}{named}), or make")
