"""Reading attendee lists: real export layouts, plain text, duplicates and bad files."""

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftkit.core.errors import LiftkitError
from liftkit.core.people.reader import Person, find_column, parse_people, read_people

DATA = Path(__file__).parent / "data" / "people"


def names(result):
    return [p.name for p in result.people]


def test_zoom_registration_report_skips_the_preamble_and_joins_first_and_last_names():
    result = read_people(DATA / "zoom-registration.csv")
    assert names(result) == [
        "Ada Lovelace",
        "Grace Hopper",
        "Alan Turing",
        "Katherine Johnson",
        "Mary Jackson",
    ]
    ada = result.people[0]
    assert ada.email == "ada@example.org"
    assert ada.attributes["Organisation"] == "Analytical Engines"
    assert ada.attributes["Sector"] == "Charity"
    assert "First Name" not in ada.attributes and "Email" not in ada.attributes
    assert result.columns == [
        "Registration Time",
        "Approval Status",
        "Organisation",
        "Sector",
    ]
    # Mary registered twice, with the email in another case: kept once, with a warning.
    assert len(result.warnings) == 1
    assert "line 12" in result.warnings[0] and "line 11" in result.warnings[0]


def test_eventbrite_export_reads_surname_and_keeps_every_other_column():
    result = read_people(DATA / "eventbrite.csv")
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Tim Berners-Lee", "Mae Jemison"]
    assert result.people[2].attributes["Organisation type"] == "Private sector"
    assert result.people[2].attributes["Order #"] == "9876543212"
    assert result.people[2].line == 4
    assert result.warnings == []


def test_excel_csv_with_bom_and_semicolons_keeps_accents():
    result = read_people(DATA / "excel-bom-semicolon.csv")
    assert names(result) == [
        "Ada Lovelace",
        "Émilie du Châtelet",
        "Søren Kierkegaard",
        "Zhang Heng",
    ]
    assert result.people[0].email == "ada@example.org"
    assert result.people[0].attributes == {
        "Organisation": "Analytical Engines",
        "Rôle": "facilitator",
    }
    assert result.people[3].attributes["Organisation"] == "观象台"


def test_quoted_fields_commas_newlines_and_blank_lines():
    result = read_people(DATA / "quoted-blank-lines.csv")
    assert names(result) == [
        "Lovelace, Ada",
        "Hopper, Grace",
        "Turing, Alan",
        "Johnson, Katherine",
    ]
    assert result.people[0].attributes["Notes"] == 'Says "hello" first'
    assert result.people[1].attributes["Notes"] == "Two lines of notes"
    assert result.people[2].email is None
    # Line numbers count physical lines, across the quoted newline and blank lines.
    assert [p.line for p in result.people] == [3, 4, 8, 10]


def test_tab_separated_with_a_role_column():
    result = read_people(DATA / "tabs.tsv")
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Alan Turing"]
    assert result.people[0].attribute("role") == "Facilitator"
    assert result.people[2].email is None


def test_teams_attendance_report_in_utf16_with_sections():
    result = read_people(DATA / "teams-attendance.csv")
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Alan Turing"]
    assert result.people[0].attribute("Role") == "Organizer"
    # Only "2. Participants" is read: "3. In-Meeting Activities" lists everyone again.
    assert result.warnings == []
    assert "Join Time" not in result.columns


def test_zoom_participant_report_collapses_rejoins():
    result = read_people(DATA / "zoom-participants.csv")
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Alan Turing"]
    assert result.people[0].email == "host@example.org"
    # One row per join: Grace's second row is a rejoin, told once in a note, not a warning.
    assert result.warnings == []
    assert result.notes == [
        f"{DATA / 'zoom-participants.csv'}: 1 person joined more than once (Grace Hopper); "
        "each is kept once"
    ]


def test_duplicates_by_email_any_case_or_by_name_without_email():
    result = read_people(DATA / "duplicates.csv")
    assert names(result) == ["Ada Lovelace", "Grace Hopper", "Alan Turing"]
    grace = result.people[1]
    # The first Grace had no email; the later row gives it, and the team stays the first's.
    assert grace.email == "grace@example.org"
    assert grace.attributes["team"] == "blue"
    # Alan's later row without email fills the team he lacked.
    assert result.people[2].attributes["team"] == "yellow"
    assert len(result.warnings) == 3
    assert "line 4" in result.warnings[0] and "line 2" in result.warnings[0]


def test_same_name_with_different_emails_is_two_people():
    result = parse_people("name,email\nSam Lee,sam1@example.org\nSam Lee,sam2@example.org\n")
    assert len(result.people) == 2 and result.warnings == []


def test_plain_text_one_person_a_line():
    result = read_people(DATA / "plain.txt")
    assert [p.label for p in result.people] == [
        "Ada Lovelace <ada@example.org>",
        "Grace Hopper",
        "Alan Turing <alan@example.org>",
        "Katherine Johnson",
    ]
    assert [p.line for p in result.people] == [2, 3, 5, 6]


def test_plain_text_name_comma_email():
    result = parse_people("Ada Lovelace, ada@example.org\ngrace@example.org;Grace Hopper\nAlan\n")
    assert [p.label for p in result.people] == [
        "Ada Lovelace <ada@example.org>",
        "Grace Hopper <grace@example.org>",
        "Alan",
    ]


def test_windows_1252_is_read_with_a_warning():
    result = read_people(DATA / "windows-1252.csv")
    assert result.people[0].name == "René Descartes"
    assert result.people[0].attributes["Organisation"] == "Collège de La Flèche"
    assert "Windows-1252" in result.warnings[0]


def test_stdin_dash_reads_bytes_or_text():
    data = b"name,email\nAda Lovelace,ada@example.org\n"
    from_bytes = read_people("-", stdin=io.TextIOWrapper(io.BytesIO(data)))
    from_text = read_people("-", stdin=io.StringIO(data.decode()))
    assert names(from_bytes) == names(from_text) == ["Ada Lovelace"]
    assert from_bytes.source == "stdin"


def test_a_bad_email_is_left_out_with_a_warning_and_the_person_kept():
    result = parse_people("name,email\nAda,not-an-email\n", "x.csv")
    assert [(p.name, p.email) for p in result.people] == [("Ada", None)]
    assert result.warnings == [
        "x.csv: line 2: 'not-an-email' is not an email address (no @); the person is kept "
        "without it"
    ]


def test_a_sheets_word_for_no_address_is_no_address_and_one_bad_value_is_one_warning():
    # "N/A", "-" and "none" gave a warning a person; a real Polish Teams report whose
    # publisher blanked every address as "EMAIL" gave seven warnings, one a line
    text = "name,email\nAda,N/A\nBo,EMAIL\nCy,-\nDi,EMAIL\nEd,EMAIL\nFy,none\nGus,bad@\n"
    result = parse_people(text, "x.csv")
    assert [p.email for p in result.people] == [None] * 7
    assert result.warnings == [
        "x.csv: lines 3, 5-6: 'EMAIL' is not an email address (no @); the 3 people are kept "
        "without it",
        "x.csv: line 8: 'bad@' is not an email address (nothing after the @); the person is "
        "kept without it",
    ]


def test_people_who_share_a_name_but_not_an_email_are_kept_with_a_note():
    # a real Zoom participant report: the same name joining with two addresses
    result = parse_people(
        "name,email\nRubeus Hagrid,hagrid4@example.org\nRubeus Hagrid,hagrid2@example.org\n"
        "Remus Lupin,lupin3@example.org\nRemus Lupin,lupin6@example.org\nAda,ada@example.org\n",
        "x.csv",
    )
    assert [p.name for p in result.people].count("Rubeus Hagrid") == 2
    assert len(result.people) == 5
    assert result.notes == [
        "x.csv: 2 names are shared by people with different emails (Rubeus Hagrid, Remus Lupin); "
        "all are kept, told apart by organisation where theirs differ, else by email on your "
        "screen only"
    ]


def test_extra_fields_are_reported():
    result = parse_people("name,email\nLovelace, Ada,ada@example.org\n", "x.csv")
    assert "line 2" in result.warnings[0] and "quotes" in result.warnings[0]


def test_attribute_lookup_ignores_case_and_spacing():
    person = Person("Ada", None, {"Organisation Type": "Charity"})
    assert person.attribute("organisation_type") == "Charity"
    assert person.attribute("missing") == ""
    assert find_column(["Org", "Organisation Type"], "ORGANISATION  TYPE") == "Organisation Type"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n  \n\r\n", "is empty"),
        (b"name,email\n", "header row but no attendees"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive or an office document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"name\n\x81\x8d\x8f\x90\x9d\n", "not a text file"),
        (b"name,email\n  ,ada@example.org\n", "line 2: no usable name"),
        (b"Ada\n<>\n", "line 2: no usable name"),
        (b"Ada <not an email>\n", "not an email address"),
        (b'name,email\n"Ada,ada@example.org\n', "line 2"),
    ],
)
def test_bad_files_give_one_clear_error(tmp_path, content, message):
    path = tmp_path / "people.csv"
    path.write_bytes(content)
    with pytest.raises(LiftkitError) as caught:
        read_people(path)
    assert message in caught.value.message
    assert str(path) in caught.value.message
    assert caught.value.exit_code == 2


def test_fixture_errors_name_the_line_and_the_columns():
    with pytest.raises(LiftkitError, match="line 3: no usable name"):
        read_people(DATA / "missing-name.csv")


@pytest.mark.parametrize(
    ("file", "column", "line"),
    [
        # email,organisation (a mailing list's export) was refused for want of a name
        # column, where a plain list of addresses was read; its people are named by their
        # addresses, their organisations kept, and a row without an address is no person
        ("emails-and-organisations.csv", "organisation", "line 4"),
        # A title and a line with the sender's address above Email,Organisation were read
        # as a list of one person a line: 'ada@example.org,Analytical Engines' became a
        # person named "Analytical Engines", and --balance Organisation found no such column
        ("emails-under-a-title.csv", "Organisation", "line 7"),
    ],
)
def test_a_table_of_addresses_without_names_names_people_by_them(file, column, line):
    result = read_people(DATA / file)
    addresses = ["ada@example.org", "grace@example.org", "alan@example.org"]
    assert [(p.name, p.email) for p in result.people] == [(a, a) for a in addresses]
    assert [p.attributes[column] for p in result.people] == [
        "Analytical Engines", "Navy", "Bletchley"]  # fmt: skip
    assert any(line in note for note in result.notes), result.notes


@pytest.mark.parametrize(
    "text",
    [
        # the row below holds no address: a list of one person a line, as before
        "Sign-ups\nEmail, Organisation\nAda Lovelace\nGrace Hopper\n",
        # addresses on the line itself: a person, not a header
        "Sign-ups\nemail@example.org, Organisation\nada@example.org, Navy\n",
    ],
)
def test_an_address_column_under_a_title_needs_an_address_below_it(text):
    result = read_people("-", stdin=io.BytesIO(text.encode()))
    assert result.columns == []  # no table: each line is one person
    assert len(result.people) == len(text.splitlines())


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LiftkitError, match="no such file"):
        read_people(tmp_path / "nope.csv")
    with pytest.raises(LiftkitError, match="is a folder"):
        read_people(tmp_path)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_people_or_our_error(data):
    try:
        result = read_people("-", stdin=io.BytesIO(data))
    except LiftkitError as error:
        assert error.exit_code == 2
        return
    assert result.people
    for person in result.people:
        assert person.name.strip() == person.name and person.name


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=8), max_size=4),
        max_size=6,
    ),
    st.sampled_from([",", ";", "\t"]),
)
def test_any_csv_with_a_name_header_gives_people_or_our_error(rows, delimiter):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Name", "Email", "Team"])
    writer.writerows(rows)
    try:
        result = parse_people(buffer.getvalue(), "x.csv")
    except LiftkitError as error:
        assert error.message.startswith("x.csv")
        return
    emails = [p.email.casefold() for p in result.people if p.email]
    assert len(emails) == len(set(emails))


def test_stray_quotes_inside_fields_are_kept_as_written():
    result = parse_people('name,email\nMiles O"Brien,miles@example.org\n"Ada" Lovelace,\n')
    assert names(result) == ['Miles O"Brien', "Ada Lovelace"]
