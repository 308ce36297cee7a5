"""Which column holds the names, as a host sees it through `liftkit groups`: a name header
in another language or in a form's own words gives names, never the email addresses beside
it; and a list that has addresses only says so."""

import csv
import io
import json
from pathlib import Path

import pytest

REAL = Path(__file__).parent / "data" / "people" / "real"


def placed(stdout: str) -> list[tuple[str, str | None]]:
    """(name, email) of everyone in round 1 of a groups JSON."""
    rounds = json.loads(stdout)["rounds"]
    return [(m["name"], m.get("email")) for g in rounds[0]["groups"] for m in g["members"]]


def test_an_indonesian_teams_report_gives_the_names_under_nama(cli):
    # Teams wrote "Nama" for the name: the rooms listed each person's address instead.
    path = REAL / "teams-attendance-id-presencescript.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter=";"))
    result = cli("groups", str(path), "--size", "3", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    organizer = {r["Nama"] for r in rows if r["Role"] == "Organizer"}  # the host: no room
    expected = {(r["Nama"], r["Email"]) for r in rows if r["Nama"] not in organizer}
    assert sorted(placed(result.stdout)) == sorted(expected)
    assert "joined more than once (Wahyu Hidayat)" in result.stderr
    assert "named by their address" not in result.stderr


@pytest.mark.parametrize(
    "header",
    ["What is your name?", "Your full name", "Name and surname", "Name / Nom", "Preferred name",
     "Nama Lengkap", "Namn", "Student", "Member", "Teilnehmer", "Learner",
     "Vor- und Nachname", "Voor- en achternaam"],
)  # fmt: skip
def test_a_form_or_sheet_of_its_own_wording_gives_names_and_apart_finds_them(cli, header):
    # A Google Form's "What is your name?" (and the others) was no name header: people were
    # named by their addresses, and --apart "Ada Lovelace,Tim Lee" said Ada was not listed.
    text = (
        f'Timestamp,Email Address,"{header}",Organisation\n'
        "2025/03/01 10:00:00 AM GMT,ada@x.org,Ada Lovelace,Trust\n"
        "2025/03/01 10:01:00 AM GMT,grace@x.org,Grace Hopper,Council\n"
        "2025/03/01 10:02:00 AM GMT,alan@x.org,Alan Turing,Council\n"
        "2025/03/01 10:03:00 AM GMT,tim@x.org,Tim Lee,Trust\n"
    )
    result = cli("groups", "-", "--size", "2", "--seed", "1", "--apart", "Ada Lovelace,Tim Lee",
                 "-f", "json", input=text)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == [
        ("Ada Lovelace", "ada@x.org"), ("Alan Turing", "alan@x.org"),
        ("Grace Hopper", "grace@x.org"), ("Tim Lee", "tim@x.org"),
    ]  # fmt: skip
    rooms = json.loads(result.stdout)["rounds"][0]["groups"]
    assert not any({"Ada Lovelace", "Tim Lee"} <= {m["name"] for m in g["members"]} for g in rooms)
    # A first and a last name column still make the name, before a wording of the form's own.
    both = "First Name,Last Name,Preferred name,Email\nAda,Lovelace,Ada L,ada@x.org\n"
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=both + both)
    assert placed(result.stdout) == [("Ada Lovelace", "ada@x.org")]


def test_addresses_without_a_name_column_are_named_so_and_the_note_says_what_to_do(cli):
    # "Company name" and "Emergency contact name" name no attendee: the people are named by
    # their addresses, and a note says why and names the columns, where nothing did.
    text = (
        "Email,Company name,Emergency contact name,Delegate\n"
        "ada@x.org,Trust,Byron,Ada Lovelace\ntim@x.org,Council,Jo,Tim Lee\n"
    )
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "json", input=text)
    assert result.exit_code == 0, result.output
    assert sorted(placed(result.stdout)) == [("ada@x.org", "ada@x.org"), ("tim@x.org", "tim@x.org")]
    said = " ".join(result.stderr.split())
    assert (
        "stdin: no name column, so people are named by their address ('Email'); the other "
        "columns are 'Company name', 'Emergency contact name', 'Delegate': if one holds the "
        "names, rename it 'name'"
    ) in said
    # A column of addresses alone needs no such note: there is nothing else to name them by;
    # nor does a Zoom file liftkit wrote, its rooms beside the addresses.
    for alone in ("Email\n", "Pre-assign Room Name,Email Address\nRoom 1,"):
        text = alone + "ada@x.org\n" + alone.split("\n")[-1] + "tim@x.org\n"
        result = cli("groups", "-", "--size", "2", "--seed", "1", input=text)
        assert result.exit_code == 0 and "named by their address" not in result.stderr


# A Polish Teams attendance report in the shape of a real one (example-files of
# mlodyjesienin/teams-attendance, re-saved from Excel: Windows-1250, ";" and every row padded
# to seven cells; no licence, so written in its shape with other names, in UTF-8 here):
# "Imię i nazwisko" for the name, "Rola" for the role, "Organizator" for the host, and a
# section of joins below.
POLISH_TEAMS = (
    Path(__file__).parent / "data" / "people" / "teams-attendance-pl-shape.csv"
).read_text(encoding="utf-8")


def _as_teams_writes_it(text: str) -> bytes:
    """The report as Teams itself writes it: UTF-16 with tabs, no padding."""
    rows = (line.rstrip(";").replace(";", "\t") for line in text.splitlines())
    return "\r\n".join(rows).encode("utf-16")


@pytest.mark.parametrize("saved", ["excel", "teams"])
def test_a_polish_teams_report_gives_its_people_and_leaves_the_organiser_out(cli, tmp_path, saved):
    # It was refused ("line 1: no name column among: 1. Podsumowanie"), and read as
    # Windows-1252 its names would have been "Pawe³ Wróbel" and "Ma³gorzata ¯ak".
    path = tmp_path / "raport.csv"
    data = POLISH_TEAMS.encode("cp1250") if saved == "excel" else _as_teams_writes_it(POLISH_TEAMS)
    path.write_bytes(data)
    lines = POLISH_TEAMS.splitlines()
    rows = list(csv.DictReader(lines[5 : lines.index(";;;;;;", 5)], delimiter=";"))
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    name, email = "Imię i nazwisko", "Adres e-mail"
    expected = {(r[name], r[email]) for r in rows if r["Rola"] != "Organizator"}
    assert sorted(placed(result.stdout)) == sorted(expected) and len(expected) == 4
    assert "left out the host, Paweł Wróbel" in result.stderr
    assert ("read as Windows-1250" in result.stderr) == (saved == "excel")
    assert "joined more than once" not in result.stderr  # the joins section is not read


@pytest.mark.parametrize("saved", ["excel", "teams"])
def test_a_teams_report_in_a_language_not_known_names_its_participants_header(cli, tmp_path, saved):
    # The error named "line 1: … 1. Podsumowanie" (Excel's padded title) or the header of
    # section 3 (one row a join); renaming that column to "name" read every join as a person.
    text = POLISH_TEAMS.replace("Imię i nazwisko", "Jméno").replace("Adres", "Adresa")
    path = tmp_path / "report.csv"
    path.write_bytes(text.encode("utf-8") if saved == "excel" else _as_teams_writes_it(text))
    result = cli("groups", str(path), "--size", "2")
    assert result.exit_code == 2
    header = "line 6: no name column among: Jméno, Pierwsze dołączenie"
    assert f"Error: {path}: {header}" in result.stderr
