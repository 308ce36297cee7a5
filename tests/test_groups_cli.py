"""`liftkit groups` through the real command line: every format, every error."""

import csv
import io
import itertools
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "people"


@pytest.fixture
def people_csv(tmp_path):
    path = tmp_path / "people.csv"
    rows = ["Name,Email,Sector,Role"]
    for i in range(1, 25):
        email = "" if i == 24 else f"p{i}@example.org"
        role = "facilitator" if i in (1, 2, 3) else ""
        rows.append(f"Person {i},{email},{'abc'[i % 3]},{role}")
    path.write_text("\n".join(rows) + "\n")
    return path


def test_markdown_is_the_default_off_a_terminal_and_the_seed_is_reported(cli, people_csv):
    result = cli("groups", str(people_csv), "--size", "4", "--rounds", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Breakout groups\n")
    assert "## Round 2" in result.stdout
    assert "Seed: " in result.stderr and "--seed" in result.stderr
    seed = int(result.stderr.split("Seed: ")[1].split()[0])
    again = cli("groups", str(people_csv), "--size", "4", "--rounds", "2", "--seed", str(seed))
    assert again.stdout == result.stdout
    assert "Seed" not in again.stderr


def test_json_format(cli, people_csv):
    result = cli("groups", str(people_csv), "--rounds", "3", "--seed", "5", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["seed"] == 5
    assert len(data["rounds"]) == 3
    assert data["score"]["repeat_pairs"] == 0
    rooms = data["rounds"][0]["groups"]
    assert len(rooms) == 6  # 24 people, groups of 4 by default
    assert all(
        any(m.get("facilitator") for m in room["members"]) for room in rooms[:3]
    )  # the role column's three facilitators lead three rooms


def test_toml_format_reads_back_with_previous(cli, people_csv, tmp_path):
    out = tmp_path / "groups.toml"
    result = cli("groups", str(people_csv), "--seed", "5", "--rounds", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote {out}" in result.stderr
    data = tomllib.loads(out.read_text())
    assert data["seed"] == 5 and len(data["rounds"]) == 2
    # A late joiner and a no-show: everyone else keeps their rooms.
    lines = people_csv.read_text().splitlines()
    now = tmp_path / "now.csv"
    now.write_text("\n".join([*lines[:5], *lines[6:], "Late Comer,late@example.org,a,"]) + "\n")
    result = cli("groups", str(now), "--previous", str(out), "--seed", "6", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "added 1 late joiner: Late Comer" in result.stderr
    assert "dropped 1 no-show: Person 5" in result.stderr
    again = json.loads(result.stdout)
    assert len(again["rounds"]) == 2
    assert again["score"]["moved"] <= 2


def test_csv_format(cli, people_csv):
    result = cli("groups", str(people_csv), "--seed", "1", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["round", "group", "name", "email", "facilitator", "Sector", "Role"]
    assert len(rows) == 24
    assert "Score: repeat pairs" in result.stderr


def test_zoom_format(cli, people_csv):
    result = cli("groups", str(people_csv), "--seed", "1", "--rounds", "2", "--format", "zoom")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"Pre-assign Room Name,Email Address\n")
    rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
    assert len(rows) == 23
    assert all(room.startswith("Room ") for room, _ in rows)
    assert "Person 24" in result.stderr and "no email" in result.stderr
    assert "wrote round 1 of 2" in result.stderr
    second = cli(
        "groups", str(people_csv), "--seed", "1", "--rounds", "2", "-f", "zoom", "--round", "2"
    )
    assert second.exit_code == 0
    assert second.stdout != result.stdout
    assert "wrote round 1" not in second.stderr


def test_the_next_zoom_round_is_of_the_same_split_when_liftkit_chose_the_seed(cli, tmp_path):
    # A host who wrote round 1 without --seed and followed the note ("use --round N for
    # another") got round 2 of a new split: people who had just met could meet again.
    people = tmp_path / "people.csv"
    people.write_text("name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(24)))
    first = cli("groups", str(people), "--size", "4", "--rounds", "3", "-f", "zoom")
    assert first.exit_code == 0, first.output
    again = re.search(r"use (--round N --seed \d+) for another", first.stderr)
    assert again, first.stderr
    rooms = [list(csv.reader(io.StringIO(first.stdout)))[1:]]
    for number in ("2", "3"):
        options = again.group(1).replace("N", number).split()
        made = cli("groups", str(people), "--size", "4", "--rounds", "3", "-f", "zoom", *options)
        assert made.exit_code == 0, made.output
        assert "Seed:" not in made.stderr
        rooms.append(list(csv.reader(io.StringIO(made.stdout)))[1:])
    met = Counter()
    for rows in rooms:
        by_room = {}
        for room, email in rows:
            by_room.setdefault(room, []).append(email)
        for members in by_room.values():
            met.update(itertools.combinations(sorted(members), 2))
    assert max(met.values()) == 1  # three rounds of one plan: nobody meets twice
    given = cli("groups", str(people), "--size", "4", "--rounds", "3", "--seed", "5", "-f", "zoom")
    assert "use --round N for another" in given.stderr  # the host has the seed already


def test_a_zoom_room_without_any_email_is_named_as_missing_from_the_file(cli, tmp_path):
    # Zoom makes only the rooms the file names: the host must add such a room by hand.
    people = tmp_path / "people.csv"
    people.write_text("name,email\n" + "".join(
        f"P{i},{f'p{i}@x.org' if i < 4 else ''}\n" for i in range(8)))  # fmt: skip
    for seed in range(1, 30):
        result = cli("groups", str(people), "--count", "4", "--seed", str(seed), "-f", "zoom")
        assert result.exit_code == 0, result.output
        named = {room for room, _ in list(csv.reader(io.StringIO(result.stdout)))[1:]}
        absent = sorted({f"Room {i}" for i in range(1, 5)} - named)
        if absent:
            assert f"{', '.join(absent)} {'is' if len(absent) == 1 else 'are'} not in the file" in (
                result.stderr
            )
            return
        assert "not in the file" not in result.stderr
    pytest.fail("no seed left a room without an email")


def test_a_zoom_file_of_a_list_without_emails_is_refused_and_not_written(cli, tmp_path):
    # A header alone was written, exit 0: Zoom pre-assigns nobody from it.
    people = tmp_path / "people.csv"
    people.write_text("name,sector\nAda,health\nTim,council\nGrace,health\nAlan,council\n")
    out = tmp_path / "rooms.csv"
    result = cli("groups", str(people), "--size", "2", "--seed", "1", "-f", "zoom", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: nobody in {people} has an email address; Zoom's pre-assignment CSV matches "
        "people by email; give a list with an email column, or use -f csv or -f md"
    ]
    assert not out.exists() and result.stdout == ""
    # One with an email: the file holds them, and stderr names the others with their room.
    people.write_text("name,email\nAda,ada@x.org\nTim,\nGrace,\nAlan,\n")
    result = cli("groups", str(people), "--size", "2", "--seed", "1", "-f", "zoom", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [row[1] for row in csv.reader(io.StringIO(out.read_text()))] == [
        "Email Address", "ada@x.org"
    ]  # fmt: skip
    assert "3 people have no email, so Zoom cannot pre-assign them; assign them by hand: " in (
        " ".join(result.stderr.split())
    )
    for name in ("Tim", "Grace", "Alan"):
        assert re.search(rf"Room \d: {name}\b", result.stderr)


def test_table_format_to_a_file(cli, people_csv, tmp_path):
    out = tmp_path / "groups.txt"
    result = cli("groups", str(people_csv), "--seed", "1", "--format", "table", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "Breakout groups" in text and "Room 1" in text and "(facilitator)" in text
    assert "repeat pairs: 0" in text


def test_table_on_a_terminal(people_csv, monkeypatch, capsys):
    import random

    from rich.console import Console

    from liftkit.cli.render import groups_tables
    from liftkit.core.groups.split import SplitRequest, split_into_groups
    from liftkit.core.people.reader import read_people

    people = read_people(people_csv).people
    split = split_into_groups(people, SplitRequest(rounds=2), random.Random(3), seed=3)
    buffer = io.StringIO()
    groups_tables(split, Console(file=buffer, width=100, no_color=True))
    text = buffer.getvalue()
    assert "Round 1" in text and "Round 2" in text
    assert "Person 1 (facilitator)" in text
    assert "24 people in 6 groups, 2 rounds, seed 3" in text


@pytest.mark.parametrize("width", [60, 80, 100])
def test_table_breaks_lines_between_names_never_inside_one(tmp_path, width):
    import random

    from rich.console import Console

    from liftkit.cli.render import groups_tables
    from liftkit.core.groups.split import SplitRequest, split_into_groups
    from liftkit.core.people.reader import read_people

    first = ("Grace", "Ada", "Priya", "Mohammed", "Li", "Siobhan", "Kwame", "Ana")
    last = ("Somerville", "Lovelace", "Haddad", "Okafor", "Wu", "Ní Bhraonáin", "Mensah", "Ruiz")
    names = [f"{first[i % 8]} {last[i * 3 % 8]} {i}" for i in range(40)]
    path = tmp_path / "people.csv"
    path.write_text("name\n" + "\n".join(names) + "\n")
    people = read_people(path).people
    split = split_into_groups(people, SplitRequest(count=8, rounds=2), random.Random(3), seed=3)
    buffer = io.StringIO()
    groups_tables(split, Console(file=buffer, width=width, no_color=True))
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    assert all(len(line) <= width for line in lines)
    # each name whole on one line, in both rounds
    assert all(sum(name + ";" in line or line.endswith(name) for line in lines) == 2
               for name in names)  # fmt: skip


def test_table_names_that_hold_a_comma_read_as_one_person(cli, tmp_path):
    # Teams writes "Vermeulen, Anke": in the table, people are told apart by semicolons.
    path = tmp_path / "people.csv"
    path.write_text('name\n"Vermeulen, Anke"\n"Weiß, Anna"\n"Maes, Pieter"\n"Ng, Li"\n')
    result = cli("groups", str(path), "--count", "1", "-f", "table")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "Anke" in line)
    members = re.split(r"\s{3,}", row.strip())[-1]
    assert sorted(members.split("; ")) == ["Maes, Pieter", "Ng, Li", "Vermeulen, Anke",
                                           "Weiß, Anna"]  # fmt: skip


def test_output_file_format_follows_the_extension_and_dash_is_stdout(cli, people_csv, tmp_path):
    out = tmp_path / "split.json"
    assert cli("groups", str(people_csv), "--seed", "2", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["seed"] == 2
    result = cli("groups", str(people_csv), "--seed", "2", "-o", "-", "--format", "json")
    assert json.loads(result.stdout)["seed"] == 2
    assert out.read_text() == result.stdout


def test_stdin_and_every_option(cli, people_csv):
    result = cli(
        "groups", "-", "--count", "6", "--rounds", "2", "--seed", "3", "--balance", "sector",
        "--apart", "Person 4,Person 5,Person 6", "--together", "Person 7,p8@example.org",
        "--facilitator", "Person 9", "--format", "json",
        input=people_csv.read_text(),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for rnd in data["rounds"]:
        where = {m["name"]: g["name"] for g in rnd["groups"] for m in g["members"]}
        assert len({where["Person 4"], where["Person 5"], where["Person 6"]}) == 3
        assert where["Person 7"] == where["Person 8"]
    assert data["score"]["constraints_held"] == data["score"]["constraints_total"] == 2
    assert data["settings"]["facilitators"] == ["Person 1", "Person 2", "Person 3", "Person 9"]


def test_a_balance_that_people_kept_together_break_is_explained(cli, tmp_path):
    # Four people of org0 at eight tables: one a table at most, but two of them must sit
    # together. The note names them, so the host knows which option to loosen.
    people = tmp_path / "people.csv"
    orgs = ["org0"] * 4 + ["org1"] * 12 + ["org2"] * 14
    rows = "".join(f"P{i},p{i}@x.org,{org}\n" for i, org in enumerate(orgs))
    people.write_text("name,email,org\n" + rows)
    result = cli("groups", str(people), "--size", "4", "--rounds", "2", "--seed", "1",
                 "--balance", "org", "--together", "P0,P1", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for rnd in data["rounds"]:
        where = {m["name"]: g["name"] for g in rnd["groups"] for m in g["members"]}
        assert where["P0"] == where["P1"]
    assert dict(data["score"]["spread"])["org"] == 2
    assert "P0 and P1 are kept together (--together) and share org 'org0'" in result.stderr


def test_real_export_fixtures(cli):
    result = cli("groups", str(DATA / "zoom-registration.csv"), "--size", "2", "--seed", "1")
    assert result.exit_code == 0, result.output
    assert "duplicates line 11" in result.stderr  # Mary registered twice
    members = result.stdout.split("## Score")[0]
    assert sum(1 for line in members.splitlines() if line.startswith("- ")) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope.csv"], "nope.csv: no such file"),
        (["{people}", "--format", "pdf"], "--format pdf: unknown format"),
        (
            ["{people}", "-o", "{tmp}/rooms.xlsx"],
            "liftkit does not write .xlsx files; name it .csv",
        ),
        (["{people}", "--round", "2"], "--round 2: the split has one round"),
        (["{people}", "--size", "4", "--count", "3"], "not both"),
        (["{people}", "--balance", "city"], "--balance city: no such column"),
        # The list's Email column was "no such column (columns: Sector, Role)"
        (
            ["{people}", "--balance", "Email"],
            "--balance Email: a person's email address is their own, not a column to balance "
            "(columns to balance: Sector, Role); name a column that people share",
        ),
        (["{people}", "--balance", "name"], "--balance name: a person's name is their own"),
        (["{people}", "--apart", "Person 1,Nobody"], "'Nobody' is not in the attendee list"),
        (["{people}", "--count", "2", "--apart", "Person 4,Person 5,Person 6"], "only 2 groups"),
        (
            ["{people}", "--format", "zoom", "--round", "3"],
            "--round 3: the split has one round",
        ),
        (["{people}", "--previous", "missing.json"], "missing.json: no such file"),
        (["{bad}"], "line 2: no usable name"),
        (["{binary}"], "not a text file"),
    ],
)
def test_errors_are_one_line_and_exit_2(cli, people_csv, tmp_path, args, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,email\n,x@example.org\n")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\x01\x02\x03")
    values = {"people": people_csv, "bad": bad, "binary": binary, "tmp": tmp_path}
    result = cli("groups", *[a.format(**values) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert not (tmp_path / "rooms.xlsx").exists()


def test_a_dot_in_an_output_name_is_not_a_file_type(cli, people_csv, tmp_path):
    out = tmp_path / "rooms-v1.2"
    result = cli("groups", str(people_csv), "--seed", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("# Breakout groups")


def test_size_below_two_is_a_usage_error(cli, people_csv):
    result = cli("groups", str(people_csv), "--size", "1")
    assert result.exit_code == 2
    assert "--size" in result.stderr


def test_rooms_is_the_number_of_rooms(cli, people_csv):
    # Zoom says "breakout rooms": --rooms 5 makes 5 rooms, not 5 rounds (Click's nearest
    # spelling, which it used to offer)
    result = cli("groups", str(people_csv), "--rooms", "5", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    rounds = json.loads(result.stdout)["rounds"]
    assert [len(r["groups"]) for r in rounds] == [5]


@pytest.mark.parametrize(
    ("guess", "meant"),
    [("--groups", "--count N"), ("--group-size", "--size N"), ("--per-group", "--size N")],
)
def test_an_option_guessed_from_other_tools_names_the_one_meant(cli, people_csv, guess, meant):
    result = cli("groups", str(people_csv), guess, "5")
    assert result.exit_code == 2
    assert f"No such option: {guess}; " in result.stderr and meant in result.stderr
    assert "--rounds" not in result.stderr and "--previous" not in result.stderr


def test_a_failed_run_leaves_no_output_file(cli, people_csv, tmp_path):
    out = tmp_path / "groups.json"
    out.write_text("old")
    result = cli("groups", str(people_csv), "--balance", "nope", "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".groups")] == []


def test_help_has_an_example(cli):
    result = cli("groups", "--help")
    assert result.exit_code == 0
    assert "Example: liftkit groups" in result.stdout
    options = "--size --count --rounds --seed --balance --apart --together --facilitator"
    for option in [*options.split(), "--previous", "--format", "--output"]:
        assert option in result.stdout


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_output_onto_the_attendee_list_is_refused(cli, people_csv, tmp_path, link):
    before = people_csv.read_bytes()
    target = tmp_path / "out.csv"
    if link == "same":
        target = people_csv
    elif link == "symlink":
        target.symlink_to(people_csv)
    else:
        target.hardlink_to(people_csv)
    result = cli("groups", str(people_csv), "--seed", "1", "--format", "csv", "-o", str(target))
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: -o {target}: is the attendee list {people_csv}")
    assert len(result.stderr.splitlines()) == 1
    assert people_csv.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["people.csv"] + ([] if link == "same" else ["out.csv"])
    )


def test_replacing_an_earlier_output_works_and_says_so(cli, people_csv, tmp_path):
    out = tmp_path / "groups.json"
    first = cli("groups", str(people_csv), "--seed", "1", "--rounds", "2", "-o", str(out))
    assert first.exit_code == 0, first.output
    assert f"Wrote {out}" in first.stderr and "Replaced" not in first.stderr
    again = cli("groups", str(people_csv), "--previous", str(out), "--seed", "2", "-o", str(out))
    assert again.exit_code == 0, again.output
    assert f"Replaced {out}\n" in again.stderr and "Wrote" not in again.stderr
    assert json.loads(out.read_text())["seed"] == 2


def test_exports_read_through_the_command_line(cli):
    webinar = DATA / "zoom-webinar-attendees.csv"
    result = cli("groups", str(webinar), "--size", "2", "--seed", "1", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert f"Note: {webinar}: left out 2 registrants who did not attend" in result.stderr
    assert "Note: left out the host, Ada Lovelace: " in result.stderr  # under "Host Details"
    names = {row["name"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert names == {
        "Grace Hopper",
        "Katherine Johnson",
        "Alan Turing",
        "Mae Jemison",
    }
    teams = cli("groups", str(DATA / "teams-rejoins.csv"), "--seed", "1", "--format", "json")
    assert teams.exit_code == 0 and "Warning" not in teams.stderr
    utf16 = cli("groups", str(DATA / "utf16le-no-bom.csv"), "--seed", "1", "--format", "json")
    assert utf16.exit_code == 0, utf16.output
    assert "Zoë Ådams" in utf16.stdout


def test_unknown_headers_and_random_bytes_are_refused(cli):
    unknown = DATA / "unknown-headers.csv"
    result = cli("groups", str(unknown))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {unknown}: line 1: no name column among: Delegate, Contact, Company; "
        "name a column 'name' or 'full name', or two columns 'first name' and 'last name'\n"
    )
    import random

    noise = random.Random(4).randbytes(200)
    result = cli("groups", "-", input=noise)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: stdin: not a text file")
    assert result.stdout == ""


def test_table_format_shows_names_that_look_like_markup_as_written(cli, tmp_path):
    people = tmp_path / "p.csv"
    people.write_text("Name,Email\n[red]Ada,a@x.org\nBo,b@x.org\nCy,c@x.org\nDi,d@x.org\n")
    result = cli("groups", str(people), "--format", "table", "--seed", "1", "--size", "2")
    assert result.exit_code == 0
    assert "[red]Ada" in result.output


def test_a_split_too_large_is_refused_before_any_work(cli, tmp_path):
    # A mistyped --rounds (100,000 rounds of 40 people ran for two minutes) is refused
    # before the list is read; a list times rounds past a million places once it is.
    result = cli("groups", str(tmp_path / "not-yet.csv"), "--rounds", "100000")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --rounds 100000: liftkit splits at most 1,000 rounds at a time; "
        "use --rounds 1000 or fewer\n"
    )
    crowd = tmp_path / "crowd.csv"
    crowd.write_text("name\n" + "".join(f"P{i}\n" for i in range(1001)))
    out = tmp_path / "groups.csv"
    result = cli("groups", str(crowd), "--rounds", "1000", "-o", str(out))
    assert result.exit_code == 2
    assert "1,001 people over 1,000 rounds is 1,001,000 places" in result.stderr
    assert "ask for fewer rounds" in result.stderr
    assert not out.exists()
    pair = tmp_path / "pair.csv"
    pair.write_text("name\nAda\nBo\n")
    result = cli("groups", str(pair), "--rounds", "1000", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["rounds"]) == 1000


def test_a_long_split_says_it_is_still_running(cli, tmp_path, monkeypatch):
    # A split that runs past SLOW_SECONDS says so on stderr, once, and still finishes.
    from liftkit.cli.commands import groups

    crowd = tmp_path / "crowd.csv"
    crowd.write_text("name\n" + "".join(f"P{i}\n" for i in range(60)))
    quick = cli("groups", str(crowd), "--size", "6", "--rounds", "8", "--seed", "1")
    assert quick.exit_code == 0 and "still splitting" not in quick.stderr
    monkeypatch.setattr(groups, "SLOW_SECONDS", 0.0)
    slow = cli("groups", str(crowd), "--size", "6", "--rounds", "8", "--seed", "1")
    assert slow.exit_code == 0
    assert slow.stderr.count("Note: still splitting 60 people over 8 rounds;") == 1
    assert slow.stdout == quick.stdout  # the same split


def test_a_csv_liftkit_wrote_reads_back_as_its_people_with_their_facilitators(cli, tmp_path):
    # A host feeds last week's rooms.csv back in: its people once each, the old rounds and
    # rooms not columns of their own, and its facilitators still facilitators.
    first = tmp_path / "rooms.csv"
    people = "name,email,role\n" + "".join(f"P{i},p{i}@x.org,\n" for i in range(12))
    (tmp_path / "people.csv").write_text(
        people.replace("P0,p0@x.org,", "P0,p0@x.org,Lead facilitator")
    )
    made = cli("groups", str(tmp_path / "people.csv"), "--count", "3", "--rounds", "3",
               "--facilitator", "P1", "--seed", "1", "-o", str(first))  # fmt: skip
    assert made.exit_code == 0, made.output
    again = cli("groups", str(first), "--count", "3", "--seed", "2", "-f", "csv")
    assert again.exit_code == 0, again.output
    rows = list(csv.reader(io.StringIO(again.stdout)))
    header = [h.casefold() for h in rows[0]]
    assert len(header) == len(set(header)), rows[0]
    assert rows[0][:5] == ["round", "group", "name", "email", "facilitator"]
    assert sorted(r[2] for r in rows[1:]) == sorted(f"P{i}" for i in range(12))
    assert {r[2] for r in rows[1:] if r[4] == "yes"} == {"P0", "P1"}
    assert "duplicates" not in again.stderr
    assert "read the 12 people of round 1 once each" in again.stderr


def test_only_roles_that_name_a_facilitator_make_one(cli, tmp_path):
    people = tmp_path / "people.csv"
    # a World Cafe's table hosts facilitate too; a "Host" is the call's host (left out), and
    # a "host liaison" or "Table tennis coach" is a job
    roles = ["facilitator", "Co-facilitator", "Lead Facilitator", "Table host", "table-host",
             "Breakout room host", "non-facilitator", "Facilitation team observer",
             "participant", "Community host liaison", "Table tennis coach", "Host"]  # fmt: skip
    people.write_text("name,role\n" + "".join(f"P{i},{r}\n" for i, r in enumerate(roles)))
    result = cli("groups", str(people), "--count", "5", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    members = [m for g in json.loads(result.stdout)["rounds"][0]["groups"] for m in g["members"]]
    assert sorted(m["name"] for m in members if m.get("facilitator")) == [
        "P0", "P1", "P2", "P3", "P4", "P5"]  # fmt: skip
    assert "P11" not in {m["name"] for m in members}  # the host, in no room


def test_csv_columns_named_like_liftkits_own_are_kept_under_another_name(cli, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("name,email,Group,Round\n" + "".join(
        f"P{i},p{i}@x.org,cohort {i % 2},r{i}\n" for i in range(6)))  # fmt: skip
    result = cli("groups", str(people), "--count", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["round", "group", "name", "email", "Group (attendee file)",
                       "Round (attendee file)"]  # fmt: skip
    by_name = {r[2]: r for r in rows[1:]}
    assert by_name["P3"][4:] == ["cohort 1", "r3"]


def test_balance_by_a_word_of_a_registration_question_names_that_column(cli, tmp_path):
    # Eventbrite calls the column after the question; --balance sector listed every
    # column and said only "name one of those columns"
    path = tmp_path / "eventbrite.csv"
    rows = [f"P{i},Q,{'Charity' if i % 2 else 'NHS'},Org" for i in range(8)]
    question = "Which sector do you work in?"
    path.write_text(f"First Name,Last Name,{question},Company\n" + "\n".join(rows) + "\n")
    result = cli("groups", str(path), "--balance", "sector")
    assert result.exit_code == 2
    hint = f"did you mean '{question}'? give its whole name, in quotes"
    assert result.stderr.strip().endswith(hint)
    result = cli("groups", str(path), "--balance", "sect")  # a word, not part of one
    assert result.stderr.strip().endswith("name one of those columns")


@pytest.mark.parametrize("suffix", ["json", "toml", "txt"])
def test_a_groups_file_given_as_the_attendee_list_is_named_for_what_it_is(
    cli, people_csv, tmp_path, suffix
):
    # A week's plan given where the attendee list goes, to export its round for Zoom; saved
    # as .txt it was read as one person a line ('"rounds": [' a person).
    plan = tmp_path / f"week3.{suffix}"
    fmt = "toml" if suffix == "toml" else "json"
    made = cli("groups", str(people_csv), "--rounds", "3", "-f", fmt, "-o", str(plan))
    assert made.exit_code == 0
    result = cli("groups", str(plan), "--round", "3", "-f", "zoom")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"Error: {plan}: this is a groups file (the split of an earlier run), not an attendee "
        "list; give the attendee list, and this file as --previous to keep its rooms apart\n"
    )


@pytest.mark.parametrize("template", ["1-2-4-all", "community-conversation"])
def test_an_agenda_given_as_the_attendee_list_is_named_for_what_it_is(cli, template):
    # 1-2-4-all.toml was split as 26 people ('title = "1-2-4-All"', '[[segments]]', ...)
    agenda = Path(__file__).parent.parent / "agendas" / f"{template}.toml"
    result = cli("groups", str(agenda), "--size", "4")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {agenda}: this is an agenda, not an attendee list;")


def test_two_rows_of_one_name_kept_once_say_what_differs_between_them(cli, tmp_path):
    # An event's table plan (no emails) lists two Ciara Nolans of two companies: kept once,
    # as the rule for the same name without an email says, with a warning that named no
    # reason to think they might be two people
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "First Name,Last Name,Company,Table\nCiara,Nolan,ND Skin & Beauty,5\n"
        "Mark,Stone,Mrs Glam,1\nMark,Stone,Mrs Glam,1\nLou,Regazzoli,Mrs Glam,1\n"
        "Ciara,Nolan,Burgundy Beauty,38\n"
    )
    result = cli("groups", str(plan), "--size", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    names = [m["name"] for g in json.loads(result.stdout)["rounds"][0]["groups"]
             for m in g["members"]]  # fmt: skip
    assert sorted(names) == ["Ciara Nolan", "Lou Regazzoli", "Mark Stone"]
    (ciara,) = [line for line in result.stderr.splitlines() if "line 6:" in line]
    assert "Company differs ('Burgundy Beauty' here, 'ND Skin & Beauty' there)" in ciara
    assert "Table differs ('38' here, '5' there)" in ciara
    assert "give each their email or tell their names apart" in ciara
    (mark,) = [line for line in result.stderr.splitlines() if "line 4:" in line]
    assert mark.endswith("duplicates line 3 (Mark Stone); kept once")  # the same row again


@pytest.mark.parametrize("title", ["", "Sign-ups for 3 December, from host@x.org\n\n"])
def test_a_list_of_addresses_and_organisations_is_split_and_balanced(cli, tmp_path, title):
    # Email and Organisation, no name: refused for want of a name column, where a list of
    # bare addresses was split; now the addresses name the people, and --balance holds.
    # Under a title, it was read as one person a line: "--balance Organisation: no such
    # column"
    people = tmp_path / "mailing.csv"
    orgs = ["NHS", "NHS", "Council", "Council", "Hospice", "Hospice"]
    people.write_text(
        f"{title}Email,Organisation\n" + "".join(f"p{i}@x.org,{o}\n" for i, o in enumerate(orgs))
    )
    result = cli("groups", str(people), "--count", "2", "--balance", "Organisation",
                 "--seed", "3", "-f", "csv")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(r["email"] for r in rows) == sorted(f"p{i}@x.org" for i in range(6))
    assert all(r["name"] == r["email"] for r in rows)
    for room in ("Room 1", "Room 2"):
        assert sorted(r["Organisation"] for r in rows if r["group"] == room) == [
            "Council", "Hospice", "NHS"]  # fmt: skip
