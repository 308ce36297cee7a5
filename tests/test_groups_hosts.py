"""A meeting's host is in no breakout room, as Zoom and Teams do it: `groups`, `run
--attendees` and the library leave out a host that a participant or attendance report
marks, say so, and place the host only when asked (a facilitator, or in the rooms before).
Rooms are recounted from the output, never taken from the engine's own count."""

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_export_cli import TWO_SEGMENTS, make_session, write
from test_real_samples import zoom_name
from test_run_attendees import run_breakout

import liftkit

PEOPLE = Path(__file__).parent / "data" / "people"
ZOOM = PEOPLE / "zoom-participants.csv"  # "Ada Lovelace (Host)", Grace Hopper, Alan Turing
TEAMS = PEOPLE / "real" / "teams-attendance-dvaneynde.csv"  # Role: Organizer, MAES PIETER
WEBINAR = PEOPLE / "real" / "zoom-webinar-zoomreports.csv"  # Host / Panelist / Attendee Details


def placed(document: dict) -> list[list[str]]:
    """Each round's names, recounted from a groups JSON file."""
    return [
        sorted(member["name"] for group in one["groups"] for member in group["members"])
        for one in document["rounds"]
    ]


def teams_names() -> list[str]:
    text = TEAMS.read_text(encoding="utf-8-sig")
    rows = text.split("2. Participants\n")[1].split("\n\n")[0].splitlines()[1:]
    return [row.split("\t")[0] for row in rows if row.split("\t")[-1].strip() != "Organizer"]


def test_groups_leaves_the_zoom_host_out_and_says_so(cli, tmp_path):
    out = tmp_path / "rooms.json"
    result = cli("groups", str(ZOOM), "--size", "2", "--rounds", "2", "--seed", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert placed(json.loads(out.read_text())) == [["Alan Turing", "Grace Hopper"]] * 2
    assert (
        "Note: left out the host, Ada Lovelace: video calls put no host in a breakout room; "
        "name a host as a facilitator to place them\n"
    ) in result.stderr


def test_a_host_named_as_facilitator_or_in_the_rooms_before_is_placed(cli, tmp_path):
    first, second = tmp_path / "week1.json", tmp_path / "week2.json"
    result = cli("groups", str(ZOOM), "--size", "2", "--seed", "1", "--facilitator",
                 "Ada Lovelace", "-o", str(first))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "left out" not in result.stderr
    assert placed(json.loads(first.read_text())) == [
        ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    ]
    result = cli("groups", str(ZOOM), "--previous", str(first), "-o", str(second))
    assert result.exit_code == 0, result.output
    assert placed(json.loads(second.read_text())) == placed(json.loads(first.read_text()))
    assert "no-show" not in result.stderr and "left out" not in result.stderr


def test_the_organizer_of_a_real_teams_report_is_left_out(cli, tmp_path):
    out = tmp_path / "rooms.json"
    result = cli("groups", str(TEAMS), "--size", "3", "--seed", "2", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert placed(json.loads(out.read_text())) == [sorted(teams_names())]
    assert "Note: left out the host, MAES PIETER (EXT): " in result.stderr


def test_the_host_of_a_zoom_report_with_meeting_data_is_left_out(cli, tmp_path):
    # Exported "with meeting data", every row starts with the meeting's columns, the host's
    # User Name and User Email among them; the host's own row, under the participant's
    # columns, has no "(Host)" mark: only their address tells it.
    meeting = "Conversation,852 1848 6288,Ada L,Ada@Example.org,Care,3,"
    text = (
        "Topic,Meeting ID,User Name,User Email,Department,Participants,"
        "Name (Original Name),User Email,Join Time\n"
        f"{meeting}Ada Lovelace,ada@example.org,01/06/2023 00:00\n"
        f"{meeting}Grace Hopper,grace@example.org,01/06/2023 00:01\n"
        f"{meeting}Alan Turing,alan@example.org,01/06/2023 00:02\n"
    )
    out = tmp_path / "rooms.json"
    result = cli("groups", "-", "--size", "2", "--rounds", "2", "-o", str(out), input=text)
    assert result.exit_code == 0, result.output
    assert placed(json.loads(out.read_text())) == [["Alan Turing", "Grace Hopper"]] * 2
    assert "Note: left out the host, Ada Lovelace: " in result.stderr


def test_two_hosts_are_named_in_one_note(cli):
    two = ZOOM.read_text().replace("Grace Hopper,", "Grace Hopper (Co-host),")
    result = cli("groups", "-", "--seed", "1", input=two)
    assert result.exit_code == 0, result.output
    assert "Note: left out 2 hosts, Ada Lovelace and Grace Hopper: video calls" in result.stderr


def test_the_library_leaves_the_host_out_and_notes_it():
    split = liftkit.split_groups(liftkit.read_attendees(ZOOM).people, size=2, seed=1)
    names = [m.name for g in split.rounds[0].groups for m in g.members]
    assert sorted(names) == ["Alan Turing", "Grace Hopper"]
    assert split.notes[0].startswith("left out the host, Ada Lovelace: ")
    everyone = liftkit.split_groups(liftkit.read_attendees(ZOOM).people, size=2, seed=1,
                                    facilitators="Ada Lovelace")  # fmt: skip
    assert len([m for g in everyone.rounds[0].groups for m in g.members]) == 3


def test_run_with_attendees_leaves_the_host_out_of_every_room(tmp_path):
    proc, groups = run_breakout(tmp_path, 2, "--attendees", str(ZOOM), "--seed", "3")
    assert proc.returncode == 0, proc.stderr
    assert placed(groups) == [["Alan Turing", "Grace Hopper"]]
    said = " ".join(proc.stderr.split())  # the note as printed, wrapped or not
    assert (
        "left out the host, Ada Lovelace: video calls put no host in a breakout room; to place "
        f"them, make the rooms with: liftkit groups {ZOOM} --facilitator NAME -f json -o "
        "rooms.json, then run with --groups rooms.json"
    ) in said


def test_zoom_limits_count_the_people_placed_not_the_host(cli, tmp_path):
    # Zoom pre-assigns at most 1,000 people: 1,000 guests and their host fit, since the host
    # has no room; before, the list was refused as 1,001 participants.
    rows = [
        "Name (Original Name),User Email,Duration (Minutes)",
        "Ada Lovelace (Host),ada@x.org,60",
    ]
    rows += [f"Guest {i},guest{i}@x.org,60" for i in range(1000)]
    (tmp_path / "report.csv").write_text("\n".join(rows) + "\n")
    out = tmp_path / "rooms.csv"
    result = cli("groups", str(tmp_path / "report.csv"), "--size", "10", "--seed", "1",
                 "-f", "zoom", "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "Pre-assign Room Name,Email Address"
    emails = [line.split(",")[1] for line in lines[1:]]
    assert len(emails) == len(set(emails)) == 1000 and "ada@x.org" not in emails


def test_a_job_with_host_in_it_is_no_host(cli, tmp_path):
    # "Community host liaison" in a registration's Role column was read as a host: left out
    # of the rooms and of the event pack's count.
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Role\nAda,ada@x.org,Host\nBo,bo@x.org,Event host\nCy,cy@x.org,Co-host\n"
        "Di,di@x.org,Community host liaison\nEd,ed@x.org,Attendee\nFlo,flo@x.org,Ghost writer\n"
        "Gus,gus@x.org,Attendee\n"
    )
    out = tmp_path / "rooms.json"
    result = cli("groups", str(people), "--size", "2", "--seed", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    placed = sorted(m["name"] for g in json.loads(out.read_text())["rounds"][0]["groups"]
                    for m in g["members"])  # fmt: skip
    assert placed == ["Di", "Ed", "Flo", "Gus"]
    assert "left out 3 hosts, Ada, Bo and Cy: " in result.stderr


def test_a_host_in_a_later_round_of_the_previous_split_is_placed(cli, tmp_path):
    # Only round 1 of --previous was looked at, and a member by email alone: a host who had a
    # room in round 2, listed there under a name and an email the list now lacks, was left out.
    plan = tmp_path / "plan.json"
    room = lambda *names: {"name": "Room", "members": [{"name": n} for n in names]}  # noqa: E731
    plan.write_text(json.dumps({"rounds": [
        {"round": 1, "groups": [room("Grace Hopper", "Alan Turing")]},
        {"round": 2, "groups": [{"name": "Room", "members": [
            {"name": "Ada Lovelace", "email": "old@x.org"}, {"name": "Grace Hopper"},
            {"name": "Alan Turing"}]}]},
    ]}))  # fmt: skip
    result = cli("groups", str(ZOOM), "--previous", str(plan), "-f", "json")
    assert result.exit_code == 0, result.output
    assert "left out" not in result.stderr
    data = json.loads(result.stdout)
    assert "Ada Lovelace" in {m["name"] for g in data["rounds"][1]["groups"] for m in g["members"]}


SECTIONS = ("Host Details", "Panelist Details", "Attendee Details", "Other Attended")


def webinar_sections(path: Path) -> dict[str, list[dict[str, str]]]:
    """The rows of each section of a Zoom webinar report ("Host Details", …), as published."""
    sections: dict[str, list[dict[str, str]]] = {}
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    titles = [i for i, line in enumerate(lines) if line.rstrip(",") in SECTIONS]
    for start, end in zip(titles, [*titles[1:], len(lines)], strict=True):
        sections[lines[start].rstrip(",")] = list(csv.DictReader(lines[start + 1 : end]))
    return sections


@pytest.mark.parametrize("path", [WEBINAR, PEOPLE / "zoom-webinar-attendees.csv"])
def test_the_host_of_a_zoom_webinar_report_is_left_out_and_its_panelists_placed(cli, path):
    # The one row under "Host Details" was placed in Room 1 like an attendee, with no note.
    sections = webinar_sections(path)
    [host] = sections["Host Details"]
    came = [row for title in SECTIONS[1:] for row in sections.get(title, [])
            if row.get("Attended", "Yes") == "Yes"]  # fmt: skip
    result = cli("groups", str(path), "--size", "4", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted({row["email"] for row in rows}) == sorted({row.get("Email", "") for row in came})
    assert len(rows) == len({(row["name"], row["email"]) for row in rows})  # each placed once
    assert host["Email"] not in {row["email"] for row in rows}
    name = zoom_name(host["User Name (Original Name)" if "User Name (Original Name)" in host
                          else "User Name"])  # fmt: skip
    assert f"Note: left out the host, {name}: video calls put no host" in result.stderr
    panelists = {row["Email"] for row in sections["Panelist Details"]}
    assert panelists <= {row["email"] for row in rows}


def test_a_ticket_type_of_facilitator_makes_a_facilitator_as_one_of_host_leaves_out(cli):
    # Eventbrite's "Ticket Type": "Host" was read as a host's role, but "Facilitator" only
    # under a "Role" column: both facilitators of the file landed in Room 1, untagged.
    path = PEOPLE / "eventbrite-ticket-types.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    leads = {
        f"{r['First Name']} {r['Last Name']}" for r in rows if "acilitator" in r["Ticket Type"]
    }
    for text in (path.read_text(), path.read_text().replace("Ticket Type", "Role", 1)):
        result = cli("groups", "-", "--count", "2", "--seed", "2", "-f", "json", input=text)
        assert result.exit_code == 0, result.output
        rooms = json.loads(result.stdout)["rounds"][0]["groups"]
        for room in rooms:  # one facilitator a room, marked so
            marked = [m["name"] for m in room["members"] if m.get("facilitator")]
            assert len(marked) == 1 and marked[0] in leads, room
        placed = [m["name"] for room in rooms for m in room["members"]]
        assert len(placed) == len(rows) - 1 and "Carys Evans" not in placed
        assert "left out the host, Carys Evans" in result.stderr


# Zoom's newer participant report (2024 on) names the host above its table, "Topic,ID,Host,…"
# with "Sam Host (sam.host@nhs.net)", not under "Meeting ID,…,User Email"; its report of a
# date range puts "Host name" and "Host email" on every row. The host's own row is unmarked.
HOST_NAMED = PEOPLE / "zoom-participants-host-named.csv"  # QA's shape of the 2024 report
HOST_UNMARKED = PEOPLE / "zoom-report-host-unmarked.csv"  # zoom-report-two-meetings' shape


def unmarked_host(path: Path) -> tuple[str, list[str]]:
    """The host a newer Zoom report names, and everyone else, as the file says it."""
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "Name (original name)" in line)
    rows = list(csv.DictReader(lines[at:]))
    if "Host name" in rows[0]:
        host = rows[0]["Host name"]
    else:
        host = next(csv.DictReader(lines[:2]))["Host"].split(" (")[0]
    assert all("(Host)" not in row["Name (original name)"] for row in rows)
    return host, [r["Name (original name)"] for r in rows if r["Name (original name)"] != host]


@pytest.mark.parametrize("path", [HOST_NAMED, HOST_UNMARKED])
def test_the_host_a_newer_zoom_report_names_is_left_out(cli, tmp_path, path):
    host, others = unmarked_host(path)
    out = tmp_path / "rooms.json"
    result = cli("groups", str(path), "--seed", "1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert placed(json.loads(out.read_text())) == [sorted(others)]
    assert f"Note: left out the host, {host}: " in result.stderr


def test_the_host_without_an_address_is_known_by_name(cli, tmp_path):
    # The host's own row with no email (a phone, not signed in): their name tells them.
    text = HOST_NAMED.read_text().replace("Sam Host,sam.host@nhs.net,", "Sam Host,,")
    host, others = unmarked_host(write(tmp_path / "report.csv", text))
    result = cli("groups", str(tmp_path / "report.csv"), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert sorted(row["name"] for row in csv.DictReader(io.StringIO(result.stdout))) == sorted(
        others
    )
    assert f"Note: left out the host, {host}: " in result.stderr


@pytest.mark.parametrize("path", [HOST_NAMED, HOST_UNMARKED])
def test_the_pack_counts_the_host_of_a_newer_zoom_report_apart(cli, tmp_path, path):
    # (the agenda names another host: the report alone tells who hosted)
    agenda = TWO_SEGMENTS.replace('host = "Sam Host"', 'host = "Pat Lead"')
    session = make_session(tmp_path / "s", datetime(2026, 3, 9, 13, 55, tzinfo=UTC), agenda)
    _, others = unmarked_host(path)
    result = cli("export", str(session), "--attendees", str(path))
    assert result.exit_code == 0, result.output
    assert f"{len(others)} people joined, besides 1 host (attendee list: {path.name})." in (
        result.stdout
    )
