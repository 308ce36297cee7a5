"""`--previous` (and `previous` in the library) knows more of someone than this week's list:
a Zoom participant report has no email for whoever joined without signing in, and none of
the registration's columns. Found there by name, they take the plan's email, so the week's
Zoom file pre-assigns them, and everyone takes the columns the report lacks, for
`--balance`. Before, the Zoom file left them out ('2 people have no email'), `--balance
Company` was 'no such column', and the held-rounds note and the score's `moved` counted
only the people with an email. Everything is recounted from the files written."""

import csv
import io
import json
from collections import Counter

import liftkit

ZOOM_HEADER = [
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
    "81234567890,Community conversation,03/12/2025 02:00:00 PM,03/12/2025 03:01:00 PM,"
    "host@org.example,61,9,",
    "",
    "Name (Original Name),User Email,Total Duration (Minutes),Guest",
    "Harriet Host (Host),host@org.example,61,",
]
COMPANIES = ["NHS", "Age UK", "Mind", "Council"]


def registrations(tmp_path, count):
    """First, last, email, company: the registration the plan was made from."""
    people = [(f"First{i}", f"Last{i}", f"p{i}@reg.example", COMPANIES[i % 4])
              for i in range(count)]  # fmt: skip
    path = tmp_path / "registrations.csv"
    path.write_text("First Name,Last Name,Email,Company\n"
                    + "".join(",".join(p) + "\n" for p in people))  # fmt: skip
    return path, people


def participants(tmp_path, people, unsigned):
    """The call's Zoom participant report: those in `unsigned` joined without signing in."""
    rows = [f"{first} {last},{'' if i in unsigned else email},60,{'Yes' if i in unsigned else ''}"
            for i, (first, last, email, _) in enumerate(people)]  # fmt: skip
    path = tmp_path / "week-participants.csv"
    path.write_text("\n".join([*ZOOM_HEADER, *rows]) + "\n")
    return path


def plan(cli, tmp_path, registered, *options):
    path = tmp_path / "plan.json"
    result = cli("groups", str(registered), *options, "-o", str(path))
    assert result.exit_code == 0, result.output
    return path


def test_the_week_s_zoom_file_holds_those_who_joined_without_signing_in(cli, tmp_path):
    registered, people = registrations(tmp_path, 8)
    earlier = plan(cli, tmp_path, registered, "--size", "4", "--rounds", "3", "--seed", "5")
    week = participants(tmp_path, people, unsigned={1, 4})
    zoom = tmp_path / "week2-zoom.csv"
    result = cli("groups", str(week), "--previous", str(earlier), "--held", "1", "--seed", "5",
                 "--round", "2", "-f", "zoom", "-o", str(zoom))  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(zoom.read_text())))
    assert rows[0] == ["Pre-assign Room Name", "Email Address"]
    assert sorted(email for _, email in rows[1:]) == sorted(p[2] for p in people)
    assert "no email" not in result.stderr
    # The rooms are the round's: the same as its CSV, in which each has the plan's email.
    table = cli("groups", str(week), "--previous", str(earlier), "--held", "1", "--seed", "5",
                "--round", "2", "-f", "csv")  # fmt: skip
    assert table.exit_code == 0, table.output
    placed = list(csv.DictReader(io.StringIO(table.stdout)))
    assert sorted((r["group"], r["email"]) for r in placed) == sorted(map(tuple, rows[1:]))
    email_of = {f"{first} {last}": email for first, last, email, _ in people}
    assert all(r["email"] == email_of[r["name"]] for r in placed)


def test_a_column_of_the_plan_can_be_balanced_on_a_call_s_report(cli, tmp_path):
    registered, people = registrations(tmp_path, 16)
    earlier = plan(cli, tmp_path, registered, "--count", "4", "--rounds", "3", "--seed", "2",
                   "--balance", "Company")  # fmt: skip
    week = participants(tmp_path, people, unsigned={0, 5, 10})
    result = cli("groups", str(week), "--previous", str(earlier), "--held", "1", "--seed", "2",
                 "--balance", "Company", "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    after = json.loads(result.stdout)
    company_of = {f"{first} {last}": company for first, last, _, company in people}
    for rnd in after["rounds"][1:]:
        members = [m for g in rnd["groups"] for m in g["members"]]
        assert sorted(m["name"] for m in members) == sorted(company_of)
        assert all(m["attributes"]["Company"] == company_of[m["name"]] for m in members)
        for company in COMPANIES:  # four of each in four rooms: one a room
            assert [sum(m["attributes"]["Company"] == company for m in g["members"])
                    for g in rnd["groups"]] == [1, 1, 1, 1]  # fmt: skip
    # and through the library, as the command does
    read = liftkit.read_attendees(week)
    split = liftkit.split_groups(read.people, previous=earlier, held=1, seed=2, balance="Company")
    assert {m.name: m.attribute("Company") for g in split.rounds[1].groups
            for m in g.members} == company_of  # fmt: skip


def test_the_held_rounds_note_and_moved_count_those_found_by_name(cli, tmp_path):
    # 40 registered in 8 rooms; 36 on the call, 6 of them without signing in; one room fewer
    # now, so that people move. Before, the note said '... of the 30 people still here'.
    registered, people = registrations(tmp_path, 40)
    earlier = plan(cli, tmp_path, registered, "--count", "8", "--rounds", "4", "--seed", "1")
    week = participants(tmp_path, people[:36], unsigned={0, 7, 13, 21, 28, 35})
    result = cli("groups", str(week), "--previous", str(earlier), "--held", "1", "--count", "7",
                 "--seed", "1", "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    before, after = json.loads(earlier.read_text()), json.loads(result.stdout)

    def room_of(rnd):  # by name: every name here is one person's
        return {m["name"]: g["name"] for g in rnd["groups"] for m in g["members"]}

    weeks = list(zip(before["rounds"][1:], after["rounds"][1:], strict=True))
    here = set(room_of(weeks[0][0])) & set(room_of(weeks[0][1]))
    assert len(here) == 36
    keep = {p for p in here if all(room_of(new)[p] == room_of(old)[p] for old, new in weeks)}
    moved = sum(room_of(new)[p] != room_of(old)[p] for old, new in weeks for p in here)
    assert moved > 0
    said = Counter(line for line in result.stderr.splitlines() if "still here" in line)
    verb = "keeps" if len(keep) == 1 else "keep"
    assert list(said) == [f"Note: {len(keep)} of the 36 people still here {verb} the rooms the "
                          "earlier plan gave them in rounds 2 to 4"]  # fmt: skip
    assert after["score"]["moved"] == moved


def test_a_report_where_nobody_signed_in_gives_a_zoom_file_from_the_plan(cli, tmp_path):
    # Before: 'nobody in week-participants.csv has an email address', nothing written.
    registered, people = registrations(tmp_path, 8)
    earlier = plan(cli, tmp_path, registered, "--size", "4", "--rounds", "2", "--seed", "3")
    week = participants(tmp_path, people, unsigned=set(range(8)))
    result = cli("groups", str(week), "--previous", str(earlier), "--seed", "3", "--round", "1",
                 "-f", "zoom")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert sorted(email for _, email in rows[1:]) == sorted(p[2] for p in people)


def test_the_counts_find_people_by_name_when_the_plan_has_no_emails(cli, tmp_path):
    # The plan was made from a sign-in sheet of names; this week's list has emails. Before,
    # the note on who keeps their rooms was missing (nobody found) and `moved` was 0.
    names = tmp_path / "names.csv"
    names.write_text("name\n" + "".join(f"First{i} Last{i}\n" for i in range(16)))
    earlier = plan(cli, tmp_path, names, "--count", "4", "--rounds", "3", "--seed", "3")
    registered = registrations(tmp_path, 14)[0]
    result = cli("groups", str(registered), "--previous", str(earlier), "--held", "1",
                 "--count", "3", "--seed", "3", "-f", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    before, after = json.loads(earlier.read_text()), json.loads(result.stdout)

    def room_of(rnd):
        return {m["name"]: g["name"] for g in rnd["groups"] for m in g["members"]}

    weeks = list(zip(before["rounds"][1:], after["rounds"][1:], strict=True))
    here = set(room_of(weeks[0][0])) & set(room_of(weeks[0][1]))
    assert len(here) == 14
    keep = {p for p in here if all(room_of(new)[p] == room_of(old)[p] for old, new in weeks)}
    moved = sum(room_of(new)[p] != room_of(old)[p] for old, new in weeks for p in here)
    assert moved > 0
    said = [line for line in result.stderr.splitlines() if "still here" in line]
    verb = "keeps" if len(keep) == 1 else "keep"
    assert said == [f"Note: {len(keep)} of the 14 people still here {verb} the rooms the "
                    "earlier plan gave them in rounds 2 to 3"]  # fmt: skip
    assert after["score"]["moved"] == moved
    # and without `held`, in every round kept
    kept = cli("groups", str(registered), "--previous", str(earlier), "--count", "3",
               "--seed", "3", "-f", "json")  # fmt: skip
    assert kept.exit_code == 0, kept.output
    again = json.loads(kept.stdout)
    pairs = list(zip(before["rounds"], again["rounds"], strict=True))
    moved = sum(room_of(new)[p] != room_of(old)[p] for old, new in pairs for p in room_of(new))
    assert again["score"]["moved"] == moved > 0
