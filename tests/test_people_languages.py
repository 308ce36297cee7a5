"""Attendee files as Zoom, Teams, Meet and spreadsheets write them beyond English: localized
headers, Teams' older per-event report, the Meet Attendance extension, and the totals that
spreadsheets put under a table."""

from pathlib import Path

import pytest

from liftkit.core.errors import LiftkitError
from liftkit.core.people.reader import parse_people, read_people

DATA = Path(__file__).parent / "data" / "people"


def labels(result):
    return [p.label for p in result.people]


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("zoom-participants-es.csv", ["Ada Lovelace <ada@example.org>",
                                      "Lucía Pérez <lucia@example.org>", "Jorge Ruiz"]),
        ("zoom-participants-pt.csv", ["Ada Lovelace <ada@example.org>",
                                      "Conceição Araújo <conceicao@example.org>"]),
        ("zoom-participants-fr.csv", ["Ada Lovelace <ada@example.org>",
                                      "Amélie Durand <amelie@example.org>"]),
        ("zoom-participants-de.csv", ["Ada Lovelace <ada@example.org>",
                                      "Jürgen Weiß <juergen@example.org>"]),
        ("zoom-participants-it.csv", ["Ada Lovelace <ada@example.org>",
                                      "Giulia Bianchi <giulia@example.org>"]),
        ("spreadsheet-fr-nom-prenom.csv", ["Amélie Durand <amelie@example.org>",
                                           "Luc Martin <luc@example.org>"]),
        ("spreadsheet-de-name-vorname.csv", ["Jürgen Weiß <juergen@example.org>",
                                             "Anna Müller <anna@example.org>"]),
        ("spreadsheet-es-nombre-apellidos.csv", ["Lucía Pérez García <lucia@example.org>",
                                                 "Jorge Ruiz <jorge@example.org>"]),
        ("spreadsheet-nl-volledige-naam.csv", ["Sanne de Vries <sanne@example.org>",
                                               "Daan Jansen <daan@example.org>"]),
    ],
)  # fmt: skip
def test_localized_headers_give_names_and_emails(file, expected):
    result = read_people(DATA / file)
    assert labels(result) == expected
    assert result.warnings == []


def test_zoom_spanish_report_reads_rejoins_as_one_note_and_keeps_the_current_name():
    result = read_people(DATA / "zoom-participants-es.csv")
    assert result.notes == [
        f"{DATA / 'zoom-participants-es.csv'}: 1 person joined more than once (Lucía Pérez); "
        "each is kept once"
    ]
    assert result.people[0].attributes["Duración (minutos)"] == "68"


def test_teams_portuguese_per_event_report_in_utf16_is_read():
    path = DATA / "teams-per-event-pt-utf16.csv"
    text = path.read_bytes().decode("utf-16")
    joined = {line.split("\t")[0] for line in text.splitlines()[1:]}
    result = read_people(path)
    assert sorted(p.name for p in result.people) == sorted(joined)
    assert result.warnings == []
    # Grace Hopper is the only one with two "Ingressou" rows.
    assert result.notes == [
        f"{path}: 1 person joined more than once (Grace Hopper); each is kept once"
    ]


def test_teams_english_per_event_report_gives_one_note_not_a_warning_per_row():
    path = DATA / "teams-per-event.csv"
    rows = [line.split("\t") for line in path.read_bytes().decode("utf-16").splitlines()[1:]]
    joins: dict[str, int] = {}
    for name, action, _ in rows:
        if action != "Left":
            joins[name] = joins.get(name, 0) + 1
    result = read_people(path)
    assert [p.name for p in result.people] == list(joins)
    assert result.warnings == []
    again = [name for name, count in joins.items() if count > 1]
    assert len(result.notes) == 1
    assert result.notes[0].startswith(f"{path}: {len(again)} people joined more than once")
    assert all(name in result.notes[0] for name in again)


def test_meet_attendance_extension_rows_are_unwrapped_into_a_table():
    path = DATA / "meet-attendance-extension.csv"
    result = read_people(path)
    assert [p.name for p in result.people] == ["Vallisha M", "Ada Lovelace", "Grace Hopper"]
    assert result.people[0].attributes["Arrival time"] == "[9:06]"
    assert not any("Attendance for" in p.name or "\t" in p.name for p in result.people)


def test_totals_under_a_spreadsheet_table_are_left_out_with_one_note():
    path = DATA / "excel-attendance-totals.csv"
    result = read_people(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    people = [n for n, line in enumerate(lines, start=1) if line.split(",")[0].isdigit()]
    left = [n for n, line in enumerate(lines, start=1) if n > 1 and n not in people
            and line.strip(",")]  # fmt: skip
    assert [p.line for p in result.people] == people
    assert result.warnings == []
    assert result.notes == [
        f"{path}: left out {len(left)} rows that are not people (totals, counts, percentages "
        f"or rows without a name: lines {left[0]}-{left[-1]})"
    ]


@pytest.mark.parametrize(
    "footer",
    ["Total,,4", "Totale,,4", "Number of attendees,,4", "Percentage,,75%", "Gesamt: 4,,",
     "Nombre de présents,,4", "75%,,"],
)  # fmt: skip
def test_a_summary_row_is_not_a_person(footer):
    result = parse_people(f"Name,Email,Present\nAda,ada@x.org,yes\n{footer}\n", "x.csv")
    assert [p.name for p in result.people] == ["Ada"]
    assert result.notes == [
        "x.csv: left out 1 row that is not a person (totals, counts, percentages or rows "
        "without a name: line 3)"
    ]


def test_a_row_with_an_email_but_no_name_is_still_an_error():
    with pytest.raises(LiftkitError, match="line 3: no usable name"):
        parse_people("Name,Email\nAda,a@x.org\n,g@x.org\nGrace,\n", "x.csv")


def test_an_unassigned_tito_ticket_is_left_out_not_an_error():
    text = (
        "Registration Name,Registration Email,Ticket Full Name,Ticket First Name,"
        "Ticket Last Name,Ticket Email,Void Status,Ticket Reference\n"
        "Purchaser,buyer@example.org,,,,,,UNASSIGNED\n"
        "Purchaser,buyer@example.org,Zoë Åström,Zoë,Åström,zoe@example.org,,ASSIGNED\n"
    )
    result = parse_people(text, "tito.csv")
    assert [p.label for p in result.people] == ["Zoë Åström <zoe@example.org>"]
    assert result.notes == [
        "tito.csv: left out 1 row that is not a person (totals, counts, percentages or rows "
        "without a name: line 2)"
    ]


def test_a_person_named_like_a_word_of_a_footer_is_kept():
    result = parse_people("Name\nCount Basie\nMean Joe Greene\nPresent Day\n", "x.csv")
    assert [p.name for p in result.people] == ["Count Basie", "Mean Joe Greene", "Present Day"]
    assert result.notes == []


def test_an_unquoted_line_separator_inside_a_field_does_not_make_up_people():
    result = parse_people("name,email\nAda\u2028Lovelace,ada@x.org\nGrace,g@x.org\n", "x.csv")
    assert [p.label for p in result.people] == ["Ada Lovelace <ada@x.org>", "Grace <g@x.org>"]
    plain = parse_people("Ada\u2028Lovelace\nGrace Hopper\x85\n", "x.txt")
    assert [p.name for p in plain.people] == ["Ada Lovelace", "Grace Hopper"]


@pytest.mark.parametrize(
    "text",
    ['"Name\x1e,Email\n"Ada",a@x.org\n', 'Name\x1e"x,Email\nAda,"a@x.org\n', '"\x1eName,",\n1,2\n'],
)
def test_a_record_separator_and_odd_quotes_end_in_a_clear_error_or_a_list(text):
    try:
        result = parse_people(text, "x.csv")
    except LiftkitError as exc:
        assert str(exc).startswith("x.csv")
    else:
        assert result.people


def test_a_zoom_report_with_the_meeting_on_every_row_reads_its_participants():
    path = DATA / "zoom-participants-with-meeting-data.csv"
    result = read_people(path)
    assert labels(result) == [
        "Ada Lovelace <ada@example.org>",
        "Grace Hopper <grace@example.org>",
        "Alan Turing",
    ]
    assert result.people[0].attributes["Topic"] == "Community conversation"
    assert result.notes == [
        f"{path}: 1 person joined more than once (Grace Hopper); each is kept once"
    ]


def test_a_zoom_preamble_naming_the_host_account_is_still_no_header():
    text = (
        "Meeting ID,Topic,Start Time,User Name,User Email,Participants\n"
        "81234567890,Conversation,03/09/2026,Ada L,ada@example.org,2\n"
        "\n"
        "Name (Original Name),User Email,Join Time\n"
        "Grace Hopper,grace@example.org,03/09/2026 01:58:12 PM\n"
    )
    assert [p.name for p in parse_people(text, "z.csv").people] == ["Grace Hopper"]


def test_zoom_participants_with_meeting_data_keep_each_participants_own_email():
    # Exported "with meeting data", every row repeats the meeting's columns, the host's
    # "User Email" among them, before the participant's name and own "User Email" (the
    # layout Microsoft's vivainsights_zoom_int documents as User_Email_1 and _2, with
    # Department and Group). Read by the host's email, all three were one person.
    text = (
        "Topic,Meeting ID,User Name,User Email,Department,Group,Participants,"
        "Name (Original Name),User Email,Join Time,Guest\n"
        "Conversation,852 1848 6288,Ada L,ada@example.org,Care,North,3,"
        "Grace Hopper,grace@example.org,01/06/2023 00:00,No\n"
        "Conversation,852 1848 6288,Ada L,ada@example.org,Care,North,3,"
        "Alan Turing,alan@example.org,01/06/2023 00:01,No\n"
        "Conversation,852 1848 6288,Ada L,ada@example.org,Care,North,3,"
        "Mary Somerville,mary@example.org,01/06/2023 00:02,Yes\n"
    )
    people = parse_people(text, "z.csv").people
    assert [(p.name, p.email) for p in people] == [
        ("Grace Hopper", "grace@example.org"),
        ("Alan Turing", "alan@example.org"),
        ("Mary Somerville", "mary@example.org"),
    ]


def test_a_teams_report_reads_only_the_section_of_its_header_whatever_the_titles_language():
    path = DATA / "teams-attendance-sections-pt.csv"
    lines = path.read_bytes().decode("utf-16").splitlines()
    section = lines[lines.index("2. Participantes") + 2 : lines.index("3. Atividades na reunião")]
    result = read_people(path)
    assert [p.name for p in result.people] == [row.split("\t")[0] for row in section if row]
    # The activities (one row per join) are not read: no duplicates, no rejoin note.
    assert result.warnings == [] and result.notes == []


def test_a_utf16_report_cut_on_an_odd_byte_keeps_everyone_but_names_the_last_line(tmp_path):
    # A copy cut short by a byte was refused whole ("does not decode as UTF-16"), naming no
    # line; a chat log cut so has long lost only that byte.
    data = (DATA / "teams-per-event-pt-utf16.csv").read_bytes()
    lines = data.decode("utf-16").rstrip("\n").split("\n")
    cut = tmp_path / "report.csv"
    cut.write_bytes(data[:-5])  # the last line end (4 bytes) and half the last character
    result = read_people(cut)
    assert {p.name for p in result.people} == {line.split("\t")[0] for line in lines[1:]}
    assert result.warnings == [
        f"{cut}: line {len(lines)}: cut off in the middle of a character; "
        "the last bytes were dropped, check that line"
    ]


def test_a_utf16_report_broken_inside_names_the_line(cli, tmp_path):
    data = "Name\tEmail\nAda\tada@x.org\nBo\tbo@x.org\nCy\tcy@x.org\n".encode("utf-16")
    at = data.index("Bo".encode("utf-16-le"))
    broken = tmp_path / "people.tsv"
    broken.write_bytes(data[:at] + "\udc00".encode("utf-16-le", "surrogatepass") + data[at:])
    result = cli("groups", str(broken))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {broken}: line 3: not UTF-16 text, as the start of the file is; "
        "save it again as CSV UTF-8\n"
    )
