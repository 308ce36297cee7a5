"""liftkit's CSV of rooms, edited in a spreadsheet and given back to `run --groups` and
`groups --previous`: it was refused ("not valid JSON or TOML: Expected '=' after a key…"),
so a host who moved people between rooms in Excel had no way to use what they made."""

import csv
import io
import json
import subprocess
import sys

import pytest

LIFTKIT = [sys.executable, "-m", "liftkit"]
PEOPLE = [
    ("Zoë Brontë", "zoe@x.org", "NHS"),
    ("=Eve Sum", "eve@x.org", "Council"),
    ("Ada Lovelace", "ada@x.org", "NHS"),
    ("Grace Hopper", "grace@x.org", "Charity"),
    ("Alan Turing", "alan@x.org", "Council"),
    ("Mary Jackson", "mary@x.org", "Charity"),
    ("Tim Lee", "tim@x.org", "NHS"),
    ("Kay Ng", "kay@x.org", "Council"),
]


def liftkit(*args, cwd, stdin=""):
    return subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=60
    )


def edited_in_a_spreadsheet(tmp_path, line_end="\r\n"):
    """Rooms written as CSV, then as Excel saves them again in Europe: Windows-1252,
    semicolons, CRLF (or `line_end`), the rows sorted by name, and Tim Lee moved to Room 1
    of round 1. Returns the file and the rooms it holds, round by round."""
    people = tmp_path / "people.csv"
    people.write_text(
        "name,email,Organisation\n" + "".join(f'"{n}",{e},{o}\n' for n, e, o in PEOPLE)
    )
    made = liftkit("groups", "people.csv", "--size", "4", "--rounds", "2", "--seed", "3",
                   "--balance", "Organisation", "-f", "csv", cwd=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    rows = list(csv.reader(io.StringIO(made.stdout)))
    header, body = rows[0], sorted(rows[1:], key=lambda row: (row[0], row[2]))
    assert any(row[2] == "'=Eve Sum" for row in body)  # kept from reading as a formula
    for row in body:
        if row[0] == "1" and row[2] == "Tim Lee":
            row[1] = "Room 1"
    edited = tmp_path / "rooms.csv"
    with open(edited, "w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator=line_end).writerows([header, *body])
    rooms: dict[str, dict[str, set[str]]] = {}
    for row in body:
        name = row[2].removeprefix("'")
        rooms.setdefault(row[0], {}).setdefault(row[1], set()).add(name)
    return edited, rooms


@pytest.mark.parametrize("line_end", ["\r\n", "\r"])
def test_previous_takes_the_rooms_as_edited_in_a_spreadsheet(tmp_path, line_end):
    # "\r": Excel for Mac's "CSV (Macintosh)" ends lines with a carriage return alone,
    # which stopped the reader with an internal error
    edited, rooms = edited_in_a_spreadsheet(tmp_path, line_end)
    result = liftkit("groups", "people.csv", "--previous", edited.name, "--held", "2",
                     "--rounds", "3", "--seed", "1", "-f", "json", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    split = json.loads(result.stdout)["rounds"]
    for rnd in split[:2]:
        got = {g["name"]: {m["name"] for m in g["members"]} for g in rnd["groups"]}
        assert got == rooms[str(rnd["round"])]
    assert "Tim Lee" in {m["name"] for g in split[0]["groups"] if g["name"] == "Room 1"
                         for m in g["members"]}  # fmt: skip
    emails = {m["name"]: m.get("email") for r in split for g in r["groups"] for m in g["members"]}
    assert emails["Zoë Brontë"] == "zoe@x.org" and emails["=Eve Sum"] == "eve@x.org"


def test_run_groups_uses_the_rooms_as_edited_in_a_spreadsheet(tmp_path):
    edited, rooms = edited_in_a_spreadsheet(tmp_path)
    agenda = tmp_path / "cafe.toml"
    agenda.write_text(
        'title = "Cafe"\n[[segments]]\ntitle = "Tables"\nduration = "10m"\nkind = "breakout"\n'
        "group_size = 4\n"
    )
    run = liftkit("run", "cafe.toml", "--groups", edited.name, "--plain", "--sessions", "s",
                  cwd=tmp_path, stdin="q\ny\n")  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    made = next(e for e in events if e["type"] == "groups")
    first = made["rounds"][0]
    got = {g["name"]: {m["name"] for m in g["members"]} for g in first["groups"]}
    assert got == rooms["1"]


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (b"1,Room 1,Ada,ada@x.org\none,Room 1,Bo,\n", "round 'one' is not a number"),
        # a carriage return alone inside a row ends it: named, not an internal error
        (b"1,Room 1,Ada,ada@x.org\n1,Ro\rom 1,Bo,\n", "the row has no name"),
    ],
)
def test_a_row_of_the_csv_that_cannot_be_read_is_named(tmp_path, rows, problem):
    (tmp_path / "rooms.csv").write_bytes(b"round,group,name,email\n" + rows)
    (tmp_path / "people.txt").write_text("Ada\nBo\n")
    result = liftkit("groups", "people.txt", "--previous", "rooms.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"Error: rooms.csv: line 3: {problem}; keep the columns round, group, name and email "
        "as liftkit groups -f csv wrote them"
    ]


def test_semicolons_and_carriage_returns_alone_with_commas_in_every_name(tmp_path):
    # the delimiter is the header's: over the whole file (one line, read by "\n") the
    # commas of "Smith, Jane, RN, MSc, MBE" outnumbered the semicolons
    names = ["Smith, Jane, RN, MSc, MBE", "Okafor, Ben, MD, PhD, OBE", "Lee, Tim, RN, BSc, MA",
             "Ng, Kay, MD, MA, FRCP"]  # fmt: skip
    rows = [f"1;Room {1 + i // 2};{name};p{i}@x.org" for i, name in enumerate(names)]
    (tmp_path / "rooms.csv").write_bytes("\r".join(["round;group;name;email", *rows, ""]).encode())
    (tmp_path / "people.csv").write_text(
        "name,email\n" + "".join(f'"{name}",p{i}@x.org\n' for i, name in enumerate(names))
    )
    result = liftkit("groups", "people.csv", "--previous", "rooms.csv", "--held", "1",
                     "--rounds", "2", "-f", "json", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout)["rounds"][0]
    got = {g["name"]: sorted(m["name"] for m in g["members"]) for g in first["groups"]}
    assert got == {"Room 1": sorted(names[:2]), "Room 2": sorted(names[2:])}
