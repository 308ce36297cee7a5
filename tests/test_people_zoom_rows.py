"""Zoom participant reports and Teams attendance reports as a host gives them to `liftkit
groups`: who is one person and who is two, where two rows share a name. The people are
recounted from the CSV written, never taken from liftkit's own count."""

import csv
import io
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "people"


def written(stdout: str) -> list[dict[str, str]]:
    """The rows of the CSV liftkit groups wrote: one a person, round 1."""
    return list(csv.DictReader(io.StringIO(stdout)))


def test_two_people_renamed_to_one_name_are_two_told_apart_by_their_original_names(cli):
    # "Sam (iPhone)" and "Sam (Sam Ibe)": both took the name Sam in the call, and were read
    # as one Sam, with a warning that the second duplicates the first.
    path = DATA / "zoom-participants-renamed-namesakes.csv"
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    names = sorted(row["name"] for row in written(result.stdout))
    assert names == [
        "Nia Okafor", "Owen Bright", "Priya Raman", "Sam (Sam Ibe)", "Sam (iPhone)",
        "Tomas Reyes",
    ]  # fmt: skip
    assert "duplicates" not in result.stderr
    assert (
        f"Note: {path}: 2 people renamed in the meeting to a name someone else has: each is "
        "kept, named with the original name in brackets as the report writes it: "
        "Sam (iPhone); Sam (Sam Ibe)"
    ) in result.stderr
    # One of them named by the name they took, in the file the rooms came from: found
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv",
                 "--apart", "Sam (iPhone),Sam (Sam Ibe)")  # fmt: skip
    assert result.exit_code == 0, result.output
    rooms = {row["name"]: row["group"] for row in written(result.stdout)}
    assert rooms["Sam (iPhone)"] != rooms["Sam (Sam Ibe)"]


def test_one_renamed_person_who_rejoined_is_still_one(cli):
    # One row per join: the same name and original name again is a rejoin; a renamed
    # host's "(Host)" is no original name.
    text = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Nia Okafor (Host),nia@trust.example,04/02/2025 06:00:00 PM,04/02/2025 07:00:00 PM,60,No\n"
        "Sam (Sam Ibe),,04/02/2025 06:01:00 PM,04/02/2025 06:20:00 PM,19,Yes\n"
        "Sam (Sam Ibe),,04/02/2025 06:25:00 PM,04/02/2025 07:00:00 PM,35,Yes\n"
        "Sam (iPhone),,04/02/2025 06:02:00 PM,04/02/2025 07:00:00 PM,58,Yes\n"
        "Nia Okafor,nia@trust.example,04/02/2025 06:30:00 PM,04/02/2025 07:00:00 PM,30,No\n"
    )
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "csv",
                 "--facilitator", "Nia Okafor", input=text)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(row["name"] for row in written(result.stdout)) == [
        "Nia Okafor", "Sam (Sam Ibe)", "Sam (iPhone)"]  # fmt: skip


def test_two_rows_of_one_name_in_the_call_at_once_are_two_people(cli):
    # One row per join: two phones named "iPhone" joined at 12:01 and 12:03 and were both
    # there until 12:40, read as one person who joined twice ("1 person joined more than
    # once"); the first one's row from 12:45, after its leave, is its rejoin.
    path = DATA / "zoom-participants-joins-at-once.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    people = written(result.stdout)
    # (named apart by number, in the list's order, so that a groups file tells them apart)
    assert [p["Join Time"][-11:] for p in people if p["name"] == "iPhone"] == ["12:01:00 PM"]
    assert [p["Join Time"][-11:] for p in people if p["name"] == "iPhone (2)"] == [
        "12:03:00 PM"]  # fmt: skip
    assert len(people) == len({r["Name (Original Name)"] for r in rows}) + 1
    assert (
        f"Note: {path}: rows of one name were in the call at the same time, so each is a "
        "person of its own, numbered in the list's order: iPhone and iPhone (2) (lines 6-7); "
        "rename them in the list to name them yourself"
    ) in result.stderr
    assert f"Note: {path}: 1 person joined more than once (iPhone)" in result.stderr
    # The same rows a minute apart, one after the other: one person who joined three times
    lines = path.read_text().splitlines()
    apart = "\n".join([*lines[:-2],
        "iPhone,,04/02/2025 12:41:00 PM,04/02/2025 01:00:00 PM,19,Yes",
        "iPhone,,04/02/2025 01:00:00 PM,04/02/2025 01:30:00 PM,30,Yes"])  # fmt: skip
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "csv", input=apart)
    assert result.exit_code == 0, result.output
    assert sum(p["name"] == "iPhone" for p in written(result.stdout)) == 1
    assert "at the same time" not in result.stderr


TEAMS_GUESTS = """1. Summary
Meeting title\tCall

2. Participants
Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole
Ada Lovelace\t3/5/25, 2:00:03 PM\t3/5/25, 3:01:10 PM\t1h 1m\tada@x.org\tOrganizer
Sam Lee (Unverified)\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\t\tAttendee
Sam Lee (Unverified)\t3/5/25, 2:03:00 PM\t3/5/25, 2:59:00 PM\t56m\t\tAttendee
Bo Ng\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\tbo@x.org\tAttendee
Cy Oh\t3/5/25, 2:02:00 PM\t3/5/25, 2:58:00 PM\t56m\tcy@x.org\tAttendee
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_two_teams_guests_of_one_name_in_the_call_at_once_are_two_people(cli, tmp_path, encoding):
    # Teams' participants section: one row a person. Two guests who both joined as "Sam Lee
    # (Unverified)", there at once, were read as one person who joined twice ("1 person
    # joined more than once") and one got no room.
    path = tmp_path / "attendance.csv"
    path.write_bytes(TEAMS_GUESTS.encode(encoding))
    lines = TEAMS_GUESTS.splitlines()
    rows = list(csv.DictReader(lines[4:], delimiter="\t"))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    people = written(result.stdout)
    expected = sorted(r["Name"] for r in rows if r["Role"] != "Organizer")
    expected[expected.index("Sam Lee (Unverified)") + 1] = "Sam Lee (Unverified) (2)"
    assert sorted(p["name"] for p in people) == expected and len(expected) == 4
    assert sorted(p["First Join"] for p in people if p["name"].startswith("Sam Lee")) == [
        "3/5/25, 2:02:00 PM", "3/5/25, 2:03:00 PM"]  # fmt: skip
    assert "joined more than once" not in result.stderr
    assert "rows of one name were in the call at the same time" in result.stderr
    # The second guest's row after the first one's leave: one guest who came back
    later = TEAMS_GUESTS.replace("2:03:00 PM\t3/5/25, 2:59:00", "2:58:30 PM\t3/5/25, 2:59:00")
    path.write_bytes(later.encode(encoding))
    result = cli("groups", str(path), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert sum(p["name"].startswith("Sam Lee") for p in written(result.stdout)) == 1
    assert "1 person joined more than once (Sam Lee (Unverified))" in result.stderr


def test_a_rejoin_in_zoom_s_newer_report_is_one_person_and_no_warning(cli):
    # "Name (original name),Email,Total duration (minutes),Guest" without "Show unique
    # users": Ada's second row (she rejoined) warned that it duplicated her first and asked
    # to give each their email, though both rows held the same one.
    path = DATA / "zoom-participants-newer-rejoins.csv"
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    names = sorted(row["name"] for row in written(result.stdout))
    assert names == ["24JR1A05L3", "24JR1A05q6", "Ada Lovelace", "Neha Chowdary"]
    assert "Warning" not in result.stderr, result.stderr
    assert f"Note: {path}: 1 person joined more than once (Ada Lovelace)" in result.stderr
    assert "left out the host, Ruth Tutor" in result.stderr
    assert "left out 1 note-taking bot: read.ai meeting notes" in result.stderr
