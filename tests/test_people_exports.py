"""Attendee files as real tools export them: Zoom meeting and webinar reports, Teams
attendance reports, Tito, real header spellings, and tables that name no name."""

import csv
import io
from pathlib import Path

import pytest

from liftkit.core.errors import LiftkitError
from liftkit.core.people.reader import parse_people, read_people

DATA = Path(__file__).parent / "data" / "people"


def names(result):
    return [p.name for p in result.people]


def test_zoom_participant_report_keeps_the_name_before_the_original_name():
    result = read_people(DATA / "zoom-participants-renamed.csv")
    # The preamble's "User Name" (the host's account) is a meeting summary, not a header.
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Katherine J", "Alan Turing"]
    assert result.people[1].email == "grace@example.org"
    assert result.warnings == [] and result.notes == []


def test_zoom_webinar_report_prefers_first_and_last_name_and_leaves_out_no_shows():
    result = read_people(DATA / "zoom-webinar-attendees.csv")
    assert names(result) == [
        "Ada Lovelace",  # host: "User Name (Original Name)" is all there is
        "Grace Hopper",  # panelist renamed from "Grace H"
        "Katherine Johnson",  # registered as Katherine Johnson, joined as "kj"
        "Alan Turing",
        "Mae Jemison",  # no first and last name: the user name after all
    ]
    assert result.notes == [
        f"{DATA / 'zoom-webinar-attendees.csv'}: left out 2 registrants who did not attend "
        "(Attended = No)"
    ]
    assert result.warnings == []
    assert [p.host for p in result.people] == [True, False, False, False, False]
    katherine = result.people[2]
    assert katherine.attributes["Organization"] == "NASA"
    # Zoom pads every line with commas: the empty columns are not attributes.
    assert not any(column.startswith("column ") for column in result.columns)
    assert "column 14" not in katherine.attributes


def test_a_trailing_section_title_with_nobody_under_it_is_not_a_person():
    text = (
        "Attended,User Name (Original Name),Email\n"
        "Yes,Ada Lovelace,ada@example.org\n"
        "Other Attended,\n"
    )
    assert names(parse_people(text)) == ["Ada Lovelace"]


def test_a_webinar_where_nobody_attended_says_so():
    text = "Attended,User Name (Original Name),Email\nNo,Ada Lovelace,ada@example.org\n"
    with pytest.raises(LiftkitError, match=r"x.csv: nobody attended \(1 registrant"):
        parse_people(text, "x.csv")


def test_teams_report_reads_only_the_participants_section():
    result = read_people(DATA / "teams-rejoins.csv")
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Katherine Johnson", "Alan Turing"]
    # Rejoins are listed under "3. In-Meeting Activities": not read, so no duplicates.
    assert result.warnings == []
    assert result.columns == [
        "First Join",
        "Last Leave",
        "In-Meeting Duration",
        "Participant ID (UPN)",
        "Role",
    ]
    assert result.people[1].attributes["In-Meeting Duration"] == "57m 2s"
    assert result.people[2].email is None


def test_tito_export_takes_the_ticket_holder_not_the_buyer():
    result = read_people(DATA / "tito.csv")
    assert [p.label for p in result.people] == [
        "Ada Lovelace <ada@example.org>",
        "Grace Hopper <grace@example.org>",
    ]
    assert result.people[0].attributes["Order Name"] == "Charles Babbage"


@pytest.mark.parametrize(
    ("header", "name", "email"),
    [
        ("Participant Name,Mail", "Participant Name", "Mail"),
        ("Attendee,Ticket Email,Organisation", "Attendee", "Ticket Email"),
        ("Attendee Name,Attendee Email", "Attendee Name", "Attendee Email"),
        ("Display Name,E-mail", "Display Name", "E-mail"),
        ("Your name *,Email address", "Your name *", "Email address"),
        ("User Name (Original Name),Email Address", "User Name (Original Name)", "Email Address"),
        ("Participants", "Participants", None),
    ],
)
def test_real_header_spellings(header, name, email):
    columns = header.split(",")
    row = ["Ada Lovelace", "ada@example.org", "Analytical Engines"][: len(columns)]
    result = parse_people(f"{header}\n{','.join(row)}\n")
    assert result.people[0].name == "Ada Lovelace"
    assert result.people[0].email == ("ada@example.org" if email else None)
    assert name not in result.columns and email not in result.columns


def test_a_role_column_saying_attendee_is_not_a_header():
    text = (
        "Name\tEmail\tRole\nAda\tada@example.org\tOrganizer\nAlan\t\tAttendee\nGrace\t\tAttendee\n"
    )
    assert names(parse_people(text)) == ["Ada", "Alan", "Grace"]


def test_a_table_without_a_name_column_is_refused_not_read_as_names():
    with pytest.raises(LiftkitError) as caught:
        read_people(DATA / "unknown-headers.csv")
    error = caught.value
    assert error.message == (
        f"{DATA / 'unknown-headers.csv'}: line 1: no name column among: Delegate, Contact, Company"
    )
    assert "'name'" in error.hint and "'first name' and 'last name'" in error.hint
    assert error.exit_code == 2 and len(error.lines()) == 1


def test_a_table_below_a_preamble_without_a_known_name_column_is_refused(cli, tmp_path):
    # A Teams attendance report in a language liftkit does not know (a meeting summary, then
    # the attendee table on line 8, name first; Czech wording, Polish being read since): every
    # line, the summary and the header included, was read as a person, with tabs in names.
    report = tmp_path / "zprava.tsv"
    report.write_text(
        "Souhrn schůzky\nPočet účastníků\t3\nNázev schůzky\tRozhovor\n"
        "Čas zahájení\t02.12.2026, 10:00:00\nČas ukončení\t02.12.2026, 11:00:00\n"
        "\nÚčastníci\nCelé jméno\tČas připojení\tDoba trvání\tE-mailová adresa\n"
        "Anna Nováková\t02.12.2026, 10:00:01\t59 min 59 s\tanna@example.org\n"
        "Jan Novák\t02.12.2026, 10:01:00\t59 min\tjan@example.org\n"
        "Eva Dvořáková\t02.12.2026, 10:02:00\t38 min\teva@example.org\n",
        encoding="utf-8",
    )
    result = cli("groups", str(report), "--size", "2", "--seed", "1")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: {report}: line 8: no name column among: Celé jméno, Čas připojení, "
        "Doba trvání, E-mailová adresa; name a column 'name' or 'full name', or two columns "
        "'first name' and 'last name'"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ada Lovelace\nGrace Hopper\nAlan Turing, Bletchley Park, UK\n",
        "Ada Lovelace\nGrace Hopper, grace@example.org\nLovelace, Ada\nTuring,Alan,Bletchley\n",
    ],
)
def test_a_plain_list_with_one_line_of_cells_is_still_a_list(text):
    # One line with cells, at the end of a list of names, is no table below a preamble.
    assert len(parse_people(text, "x.txt").people) == text.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "Attendee Ref;Ticket;Organisation\nA1;General;NASA\nA2;General;Navy\n",
        "Foo,Bar\n",
        "ID\tTeam\n1\tred\n2\tblue\n3\n",
        "# exported 5 March\nDelegate,Company\nAda,NASA\nGrace,Navy\n",
    ],
)
def test_unknown_tables_are_refused(text):
    with pytest.raises(LiftkitError, match="no name column among"):
        parse_people(text, "x.csv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lovelace, Ada\nHopper, Grace\n", ["Lovelace, Ada", "Hopper, Grace"]),
        ("Ada Lovelace, ada@example.org\nGrace Hopper, grace@example.org\n", None),
        ("Ada Lovelace\nGrace Hopper\n", ["Ada Lovelace", "Grace Hopper"]),
    ],
)
def test_plain_text_lists_with_commas_are_still_lists(text, expected):
    result = parse_people(text)
    assert names(result) == (expected or ["Ada Lovelace", "Grace Hopper"])


def test_a_report_of_two_meetings_says_so_and_names_them():
    # Zoom's report of a date range ("Topic", "Type", "ID", then each participant) holds
    # every meeting in it; a real one held a host's 9-second test call before the class.
    path = DATA / "zoom-report-two-meetings.csv"
    result = read_people(path)
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson",
                             "Mae Jemison"]  # fmt: skip
    assert result.warnings == [
        f"{path}: the report holds 2 meetings (Team check-in (1 row); Community conversation "
        "(4 rows)); the people of all of them are read. To take one meeting only, keep its "
        "rows ('ID' column)"
    ]
    one_meeting = "\n".join(line for line in path.read_text().splitlines() if "Team" not in line)
    assert parse_people(one_meeting, "one.csv").warnings == []


def test_meeting_ids_without_topics_are_counted_in_the_warning():
    text = "Meeting ID,Name (Original Name),User Email\n" + "".join(
        f"{812 + i // 3},Person {i},p{i}@example.org\n" for i in range(11)
    )
    warning = parse_people(text, "ids.csv").warnings
    assert warning == [
        "ids.csv: the report holds 4 meetings (ID 812 (3 rows); ID 813 (3 rows); ID 814 "
        "(3 rows) and 1 more); the people of all of them are read. To take one meeting only, "
        "keep its rows ('Meeting ID' column)"
    ]


def _with_states(path, column, states):
    """The fixture at `path` with its first rows given these states under `column`."""
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if column in next(csv.reader([line])))
    where = next(csv.reader([lines[at]])).index(column)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line, state in zip(lines[at + 1 :], states, strict=False):
        cells = next(csv.reader([line]))
        cells[where] = state
        writer.writerow(cells)
    rows = out.getvalue().splitlines()
    return "\n".join(lines[: at + 1] + rows + lines[at + 1 + len(rows) :]) + "\n"


@pytest.mark.parametrize(
    ("fixture", "column", "states", "left", "note"),
    [
        (
            "zoom-registration.csv", "Approval Status",
            ["approved", "denied", "cancelled", "pending"], ["Grace Hopper", "Alan Turing"],
            "left out 2 registrants marked as not coming (1 denied, 1 cancelled in "
            "'Approval Status')",
        ),
        (
            "eventbrite.csv", "Attendee Status", ["Attending", "Not Attending"],
            ["Grace Hopper"],
            "left out 1 registrant marked as not coming (1 not attending in 'Attendee Status')",
        ),
        (
            "tito.csv", "Void Status", ["", "void"], ["Grace Hopper"],
            "left out 1 registrant marked as not coming (1 void in 'Void Status')",
        ),
    ],
)  # fmt: skip
def test_registrants_marked_as_not_coming_get_no_room(fixture, column, states, left, note):
    # A host splits the registration list before the call: a denied, cancelled, refunded
    # or voided registration is nobody to seat. A pending one may yet come, and stays.
    every = names(read_people(DATA / fixture))
    result = parse_people(_with_states(DATA / fixture, column, states), fixture)
    assert names(result) == [name for name in every if name not in left]
    assert f"{fixture}: {note}" in result.notes


def test_a_list_where_every_registrant_cancelled_is_refused():
    text = "Name,Email,Approval Status\nAda,ada@x.org,cancelled\nAlan,alan@x.org,Denied\n"
    with pytest.raises(LiftkitError, match="every registrant is marked as not coming"):
        parse_people(text, "x.csv")


def test_a_meeting_summary_above_the_participants_is_no_row_left_out():
    # Zoom's participant report with the meeting above it: "Topic", "ID", … "Participants"
    # name the meeting, and its row is no person left out (nor a header of people).
    text = (
        "Topic,ID,Host,Duration (minutes),Start time,End time,Participants\n"
        "Community conversation,812 3456 7890,Sam Okafor,62,03/05/2025 02:00:01 PM,"
        "03/05/2025 03:01:10 PM,3\n"
        "\n"
        "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest\n"
        "Sam Okafor (Host),sam@ex.org,03/05/2025 02:00:01 PM,03/05/2025 03:01:10 PM,62,No\n"
        "Ada Lovelace,ada@ex.org,03/05/2025 02:01:01 PM,03/05/2025 02:30:10 PM,30,No\n"
        "Alan Turing,alan@ex.org,03/05/2025 02:01:01 PM,03/05/2025 03:01:10 PM,60,No\n"
    )
    result = parse_people(text, "zoom.csv")
    assert names(result) == ["Sam Okafor", "Ada Lovelace", "Alan Turing"]
    assert result.notes == []


@pytest.mark.parametrize("header", ["Delegate name", "Learner Name", "Student name"])
def test_sign_up_sheets_name_people_as_delegates_learners_or_students(header):
    result = parse_people(f"{header},Organisation\nAda Lovelace,NHS\nAlan Turing,Council\n")
    assert names(result) == ["Ada Lovelace", "Alan Turing"]
    assert result.columns == ["Organisation"]
