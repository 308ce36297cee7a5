"""Form exports as a host gives them to `liftkit groups`: Microsoft Forms writes a column
`Name` and `Email` of its own into every export, empty (and `anonymous`) when anyone may
respond, and the name and address stand in the form's own questions. The people are
recounted from the CSV written, never taken from liftkit's own count."""

import csv
import io
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "people"


def rows_of(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def written(stdout: str) -> list[dict[str, str]]:
    """The rows of the CSV liftkit groups wrote: one a person, round 1."""
    return list(csv.DictReader(io.StringIO(stdout)))


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("msforms-anyone-full-name.csv", "Full name"),
        ("msforms-anyone-your-name.csv", "Your name"),
        ("msforms-anyone-de.csv", "Vollständiger Name"),
        ("msforms-anyone-blank.csv", "Your full name"),
    ],
)
def test_an_anonymous_forms_export_is_named_by_its_name_question(cli, file, column):
    # Forms leaves its own "Name" empty on every row: the first row was refused ("line 2:
    # no usable name in this row"), and with "Email" empty too, "give a CSV with a 'name'
    # column", which it has.
    path = DATA / file
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    people = written(result.stdout)
    assert sorted(p["name"] for p in people) == sorted(r[column] for r in rows_of(path))
    assert f"Note: {path}: 'Name' is empty on every row: the names are read from {column!r}" in (
        result.stderr
    )
    # The form's empty column is no attribute beside the names read
    assert "Name" not in people[0]


def test_a_name_column_empty_on_every_row_with_no_other_is_named_in_the_error(cli, tmp_path):
    path = tmp_path / "form.csv"
    rows = rows_of(DATA / "msforms-anyone-full-name.csv")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["ID", "Email", "Name", "Organisation"])
        writer.writerows([r["ID"], r["Email address"], "", r["Organisation"]] for r in rows)
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: {path}: line 1: column 3 ('Name') is empty on every row below (lines 2 to "
        f"{len(rows) + 1}), and no other column names people; fill in the names, or head the "
        "column that holds them 'name'"
    )
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("file", "column"),
    [
        ("msforms-anyone-first-last.csv", "Email address"),
        ("msforms-anyone-pt.csv", "E-mail para contato"),
        ("msforms-anyone-your-name.csv", "Your email address"),
        ("msforms-anyone-blank.csv", "Your email address"),
    ],
)
def test_the_forms_own_anonymous_email_gives_way_to_the_email_question(cli, tmp_path, file, column):
    # Forms' own "Email" says "anonymous" on every row (or nothing) and was read over the
    # form's question: a warning, then "nobody … has an email address" for -f zoom.
    path, out = DATA / file, tmp_path / "zoom.csv"
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "zoom", "-o", str(out))
    assert result.exit_code == 0, result.output
    assigned = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted(row["Email Address"] for row in assigned) == sorted(
        row[column] for row in rows_of(path)
    )
    assert "is not an email address" not in result.stderr
    said = (
        "is empty on every row"
        if file.endswith("blank.csv")
        else ("holds no email address ('anonymous' on every row)")
    )
    assert f"Note: {path}: 'Email' {said}: the emails are read from {column!r}" in result.stderr


def test_someone_elses_address_is_not_read_in_place_of_an_anonymous_email(cli, tmp_path):
    # A "Manager email" holds addresses, but not the person's: the form's "anonymous" stays,
    # with one warning for all of its rows.
    source = rows_of(DATA / "msforms-anyone-full-name.csv")
    path = tmp_path / "form.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["ID", "Email", "Name", "Full name", "Line manager's email"])
        writer.writerows(
            [r["ID"], "anonymous", "", r["Full name"], "boss@trust.example"] for r in source
        )
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    people = written(result.stdout)
    assert len(people) == len(source) and all(p["email"] == "" for p in people)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        f"Warning: {path}: lines 2-{len(source) + 1}: 'anonymous' is not an email address "
        f"(no @); the {len(source)} people are kept without it"
    ]
