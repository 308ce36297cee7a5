"""Rows of an attendee list that are people, or are not, as the host sees them through
`liftkit groups`: the people are recounted from the JSON (or CSV) written, never taken from
the reader's own count."""

import csv
import io
import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "people"


def placed(stdout: str) -> list[tuple[str, str | None]]:
    """(name, email) of everyone in round 1 of a groups JSON, in file order of the rooms."""
    rounds = json.loads(stdout)["rounds"]
    return [(m["name"], m.get("email")) for g in rounds[0]["groups"] for m in g["members"]]


def test_phone_dial_in_callers_are_placed_and_totals_are_still_left_out(cli, tmp_path):
    # Zoom names a caller by their number: they were left out as "rows that are not people".
    path = DATA / "zoom-participants-phone-callers.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    result = cli("groups", str(path), "--size", "4", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == sorted(
        (row["Name (Original Name)"], row["User Email"] or None) for row in rows
    )
    assert "not people" not in result.stderr and "not a person" not in result.stderr
    # Under a table, a count, a percentage and a date are still no people.
    text = path.read_text() + "57,,,,,\n45%,,,,,\n2026-12-05,,,,,\n"
    result = cli("groups", "-", "--size", "4", "--seed", "1", "-f", "json", input=text)
    assert result.exit_code == 0, result.output
    assert len(placed(result.stdout)) == len(rows)
    assert "left out 3 rows that are not people" in result.stderr


def test_a_roster_whose_first_column_is_a_status_gives_everyone(cli):
    # "Present" and "Absent" in the first column read as totals rows: the whole list was
    # refused as having no attendees, and with other states only the "Present" rows vanished.
    path = DATA / "roster-status-first-column.csv"
    text = path.read_text()
    # Those marked "Absent" are left out as not there (said on stderr); "Late" ones stay.
    rows = list(csv.DictReader(io.StringIO(text)))
    absent = sum(r["Status"] == "Absent" for r in rows)
    assert absent
    for roster, there in ((text, "Present"), (text.replace("Absent", "Late"), None)):
        result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=roster)
        assert result.exit_code == 0, result.output
        assert sorted(placed(result.stdout)) == sorted(
            (r["Name"], r["Email"]) for r in rows if there is None or r["Status"] == there
        )
        assert "not people" not in result.stderr and "not a person" not in result.stderr
        left = f"marked as not coming ({absent} absent in 'Status')"
        assert (left in result.stderr) == (there is not None), result.stderr
    # A totals line under it, labelled in the first column with the name cell empty, is none.
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json",
                 input=text + f"Total,,{len(rows)}\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(placed(result.stdout)) == len(rows) - absent
    assert (
        "left out 1 row that is not a person (totals, counts, percentages or rows without a "
        f"name: line {len(rows) + 2})"
    ) in result.stderr


def test_emails_that_cannot_be_addresses_are_named_and_kept_out_of_the_zoom_file(cli, tmp_path):
    # Zoom refuses a whole import over one bad address: "ada@x.org;ada2@x.org", "bob@@x.org",
    # "eve@x" and "kat@x.org." were written as they were; an invisible character after an
    # address gave a warning about letters beyond ASCII, and "Tim Lee <tim@x.org>" lost its
    # address with a warning quoting it cut.
    path = DATA / "odd-emails.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    good = {"Grace Hopper": "grace@x.org", "Alan Turing": "alan@x.org",
            "Tim Lee": "tim@x.org", "Mae J": "mae@x.org"}  # fmt: skip
    bad = {line: row for line, row in enumerate(rows, start=2) if row["Name"] not in good}
    out = tmp_path / "rooms.csv"
    result = cli("groups", str(path), "--size", "4", "--seed", "1", "-f", "zoom", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text().splitlines()
    assert lines[0] == "Pre-assign Room Name,Email Address"
    assert sorted(line.split(",")[1] for line in lines[1:]) == sorted(good.values())
    warnings = [w for w in result.stderr.splitlines() if "is not an email address" in w]
    assert len(warnings) == len(bad)
    for warning, (line, row) in zip(warnings, bad.items(), strict=True):
        assert warning.startswith(f"Warning: {path}: line {line}: {row['Email']!r} is not an ")
    assert "beyond ASCII" not in result.stderr
    assert f"{len(bad)} people have no email, so Zoom cannot pre-assign them" in result.stderr
    # Every one of them still has a room.
    result = cli("groups", str(path), "--size", "4", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == sorted(
        (row["Name"], good.get(row["Name"])) for row in rows
    )


def test_the_hint_about_extra_fields_names_the_files_own_separator(cli):
    # A tab-separated file was told "(a comma inside a name needs quotes)".
    text = (DATA / "tabs.tsv").read_text().replace("Ada Lovelace\t", "Ada\tLovelace\t", 1)
    for separator, word in (("\t", "tab"), (";", "semicolon"), (",", "comma")):
        result = cli("groups", "-", "--seed", "1", "-f", "json",
                     input=text.replace("\t", separator))  # fmt: skip
        assert result.exit_code == 0, result.output
        assert (
            "stdin: line 2: 5 fields but the header has 4; the extra fields are ignored "
            f"(a {word} inside a name needs quotes)"
        ) in result.stderr
        assert len(placed(result.stdout)) == len(text.splitlines()) - 1


def test_a_japanese_zoom_participant_report_is_read(cli):
    # "名前 (元の名前)" was no name column: the report was refused as a table without one.
    path = DATA / "zoom-participants-ja.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    people = {}
    for row in rows:  # the name before the original name in brackets, once per person
        name = row["名前 (元の名前)"].split(" (")[0]
        people.setdefault(name, row["ユーザーメール"] or None)
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == sorted(people.items())
    assert "Warning" not in result.stderr  # a rejoin (参加時刻: one row per join) is no duplicate
    assert "1 person joined more than once (鈴木 一郎); each is kept once" in result.stderr


def zoom_rows(stdout: str) -> list[tuple[str, str]]:
    """(room, email) rows of a Zoom pre-assignment CSV."""
    rows = list(csv.reader(io.StringIO(stdout)))
    assert rows[0] == ["Pre-assign Room Name", "Email Address"]
    return [(room, email) for room, email in rows[1:]]


def test_an_address_list_pasted_from_outlook_is_one_person_an_address(cli, tmp_path):
    # Outlook's To line copied: "Last, First <address>" separated by semicolons, wrapped.
    # It was one person named "Lovelace, Ada <ada@nhs.net>; Hopper, …" with the last
    # address, and Zoom's file held one row.
    path = tmp_path / "invitees.txt"
    path.write_text(
        "Lovelace, Ada <ada.lovelace@nhs.net>; Hopper, Grace (NHS Borders) "
        "<grace.hopper@nhs.net>;\nTuring, Alan <alan.turing@nhs.net>; Jackson, Mary "
        "<mary.jackson@nhs.net>\n"
    )
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == [
        ("Hopper, Grace (NHS Borders)", "grace.hopper@nhs.net"),
        ("Jackson, Mary", "mary.jackson@nhs.net"),
        ("Lovelace, Ada", "ada.lovelace@nhs.net"),
        ("Turing, Alan", "alan.turing@nhs.net"),
    ]
    zoom = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "zoom")
    rows = zoom_rows(zoom.stdout)
    assert sorted(email for _, email in rows) == [
        "ada.lovelace@nhs.net", "alan.turing@nhs.net", "grace.hopper@nhs.net",
        "mary.jackson@nhs.net",
    ]  # fmt: skip
    assert len({room for room, _ in rows}) == 2


def test_an_address_list_pasted_from_gmail_keeps_quoted_commas_in_names(cli, tmp_path):
    path = tmp_path / "invitees.txt"
    path.write_text(
        '"Ada Lovelace" <ada@example.org>, "Hopper, Grace" <grace@example.org>, '
        "alan@example.org, Mary Jackson <mary@example.org>\n"
    )
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == [
        ("Ada Lovelace", "ada@example.org"),
        ("Hopper, Grace", "grace@example.org"),
        ("Mary Jackson", "mary@example.org"),
        ("alan@example.org", "alan@example.org"),
    ]


def test_a_column_of_addresses_is_pre_assigned_in_zoom(cli, tmp_path):
    # A sheet of addresses saved as CSV, with its "Email" header: the header was a person,
    # and nobody had an email, so Zoom's file was empty ("4 people have no email").
    path = tmp_path / "emails.csv"
    addresses = [f"person{i}@example.org" for i in range(1, 7)]
    path.write_text("Email\n" + "\n".join(addresses) + "\n")
    result = cli("groups", str(path), "--size", "3", "--seed", "1", "-f", "zoom")
    assert result.exit_code == 0, result.output
    rows = zoom_rows(result.stdout)
    assert sorted(email for _, email in rows) == sorted(addresses)
    assert [len([r for r in rows if r[0] == room]) for room in {r for r, _ in rows}] == [3, 3]
    assert "no email" not in result.stderr


def test_a_list_whose_name_column_holds_only_counts_says_which_column_was_read(cli, tmp_path):
    # A Zoom participant report whose headers a script renamed (the shape that
    # microsoft/vivainsights_zoom_int asks for): "Participants", a count, is read as the
    # names, so every row is a total. It said "has a header row but no attendees" of a
    # file of three rows, without a word of why.
    header = ("Topic,MeetingID,User_Name,User_Email_1,Department,Group,HasZoomRooms,"
              "Creation_Time,Start_Time,End_Time,Duration_Minutes_1,Participants,"
              "NameOriginalName,User_Email_2,Join_Time,Leave_Time,Duration_Minutes_2,Guest,"
              "RecordingConsent,InWaitingRoom,MarketingOptIn")  # fmt: skip
    rows = [f"1:1 Matthew / James,852 1848 6288,James Warren,James.Warren@contoso.com,Sales,"
            f"ABC-Org,No,15/08/2022 01:27,01/06/2023 00:00,01/06/2023 00:21,22,2,{name},"
            f"{name.replace(' ', '.')}@contoso.com,01/06/2023 00:00,01/06/2023 00:21,22,No,,No,-"
            for name in ("Matthew Giordano", "Ada Lovelace", "Grace Hopper")]  # fmt: skip
    path = tmp_path / "zoom.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    out = tmp_path / "rooms.json"
    result = cli("groups", str(path), "--size", "2", "-o", str(out))
    assert result.exit_code == 2
    error = result.stderr.strip()
    assert error.startswith(f"Error: {path}: no attendees: the 3 rows below the header")
    assert "(lines 2 to 4)" in error and "no name in 'Participants'" in error
    assert "give a CSV with a 'name' column" in error and len(error.splitlines()) == 1
    assert not out.exists()
    # Renamed back to Zoom's header, the same rows are three people.
    zoom = path.read_text().replace("NameOriginalName", "Name (Original Name)")
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=zoom)
    assert result.exit_code == 0, result.output
    assert sorted(n for n, _ in placed(result.stdout)) == [
        "Ada Lovelace", "Grace Hopper", "Matthew Giordano"]  # fmt: skip


def test_tickets_of_one_order_are_people_of_their_own_though_they_share_an_email(cli):
    # An Eventbrite order of three tickets, all under the buyer's email, each its own
    # "Attendee #": Carlos and Ana were merged into Maria ("kept once, though Attendee #
    # differs"), and got no room.
    head = "Order #,First Name,Last Name,Email,Attendee #,Attendee Status,Job Title\n"
    order = (
        "300,Maria,Lopez,mlopez@x.example,18441700900,Attending,Engineer\n"
        "300,Carlos,Lopez,mlopez@x.example,18441700901,Attending,Student\n"
        "300,Ana,Lopez,mlopez@x.example,18441700902,Attending,Student\n"
        "400,Sam,Okoro,sam@x.example,18441700960,Attending,Consultant\n"
    )
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=head + order)
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == [
        ("Ana Lopez", "mlopez@x.example"), ("Carlos Lopez", "mlopez@x.example"),
        ("Maria Lopez", "mlopez@x.example"), ("Sam Okoro", "sam@x.example"),
    ]  # fmt: skip
    assert "Warning" not in result.stderr
    assert (
        "stdin: people on tickets of their own share an email, and each is kept: Maria Lopez, "
        "Carlos Lopez, Ana Lopez (mlopez@x.example)"
    ) in " ".join(result.stderr.split())
    # The same ticket again (exported twice), or the same name, is still one person.
    again = order + "300,Carlos,Lopez,mlopez@x.example,18441700901,Attending,Student\n"
    again += "300,Maria,Lopez,mlopez@x.example,,Attending,Engineer\n"
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=head + again)
    assert result.exit_code == 0, result.output
    assert len(placed(result.stdout)) == 4
    assert result.stderr.count("kept once") == 2


CHATS = Path(__file__).parent / "data" / "chat"


def test_a_chat_log_given_as_the_attendee_list_is_refused_and_named(cli, tmp_path):
    # A QA export took a real Zoom saved chat for the attendee list: each message header
    # and line a "person", 87 people joined. groups placed them in rooms.
    for path, layout in [
        (CHATS / "real" / "zoom-two-line-zoomclass.txt", "Zoom chat (two-line layout)"),
        (CHATS / "zoom-two-line-multiline.txt", "Zoom chat (two-line layout)"),
        (CHATS / "real" / "zoom-recording-chat-zoomclass.txt", "Zoom cloud-recording chat"),
        (CHATS / "teams.vtt", "Teams transcript (WebVTT)"),
    ]:
        out = tmp_path / "rooms.csv"
        result = cli("groups", str(path), "--size", "3", "-o", str(out))
        assert result.exit_code == 2, (path, result.output)
        error = result.stderr.strip()
        assert error == (
            f"Error: {path}: a meeting's {layout}, not a list of attendees; it goes into the "
            "event pack as a chat log; an attendee list is a participant report (CSV) or one "
            "name a line"
        )
        assert not out.exists()
    # a saved chat of one message, its sender a "person" placed in a room
    one = tmp_path / "one.txt"
    one.write_text("18:55:19 Von  Ada Lovelace  an  Alle:\n\tTheorie: https://example.org\n")
    result = cli("groups", str(one), "--size", "2")
    assert result.exit_code == 2 and "a meeting's Zoom chat (two-line layout)" in result.stderr
    # a list of names, some with times of their own, is still a list
    names = "Ada Lovelace 10:02\nGrace Hopper: nurse lead\nAlan Turing\n"
    result = cli("groups", "-", "--size", "3", "--seed", "1", "-f", "json", input=names)
    assert result.exit_code == 0, result.output
    assert len(placed(result.stdout)) == 3


def test_a_list_of_names_surname_first_without_quotes_keeps_each_name_whole(cli):
    # One column headed "Name", some written "Surname, First" without quotes: each was cut
    # to its surname ("the extra fields are ignored"), and Byron Lovelace, then one person
    # with Ada, got no room.
    text = "Name\nLovelace, Ada\nLovelace, Byron\nAlan Turing\nKat Jo\n"
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=text)
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == sorted((n, None) for n in text.splitlines()[1:])
    assert "extra fields" not in result.stderr and "duplicates" not in result.stderr
    # An address after a name is still no part of it
    text = "Name\nAda Lovelace, ada@x.org\nAlan Turing\n"
    result = cli("groups", "-", "--seed", "1", "-f", "json", input=text)
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == [("Ada Lovelace", None), ("Alan Turing", None)]
    assert "line 2: 2 fields but the header has 1; the extra fields are ignored" in (result.stderr)
