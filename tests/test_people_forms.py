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
        f"Error: {path}: line 1: column 3 ('Name') is empty on every row below the header "
        f"(lines 2 to {len(rows) + 1}), and no other column names people; fill in each "
        "person's name, or head the column that holds them 'name'"
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


def test_a_name_column_of_anonymous_on_every_row_gives_way_to_the_name_question(cli):
    # Forms' own Name said "Anonymous" on every answer: the list became one person, with a
    # warning for each other row (99 of them for 100 answers), exit 0.
    path = DATA / "msforms-anonymous-name.csv"
    source = rows_of(path)
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    people = written(result.stdout)
    assert sorted((p["name"], p["email"]) for p in people) == sorted(
        (r["Your full name"], r["Your email address"]) for r in source
    )
    assert "Warning" not in result.stderr
    assert (
        f"Note: {path}: 'Name' holds one name, 'Anonymous', on {len(source)} of the "
        f"{len(source)} rows: the names are read from 'Your full name'"
    ) in result.stderr


def test_a_list_of_one_name_on_most_rows_is_refused_in_one_line(cli, tmp_path):
    source = rows_of(DATA / "msforms-anonymous-name.csv")
    n = len(source)
    # no other name column: the column is named, whatever the emails
    path = tmp_path / "form.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["ID", "Name", "Your email address", "Organisation"])
        writer.writerows([r["ID"], "Anonymous", r["Your email address"], ""] for r in source)
        writer.writerow([n + 1, "Sam Ibe", "", ""])
    result = cli("groups", str(path), "--size", "2", "--seed", "1", "-f", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"Error: {path}: line 1: column 2 ('Name') holds one name, 'Anonymous', on {n} of the "
        f"{n + 1} rows below the header (lines 2 to {n + 2}), and no other column names "
        "people; fill in each person's name, or head the column that holds them 'name'"
    )
    # one name a line
    text = "Anonymous\n" * n + "Sam Ibe\n"
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "csv", input=text)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"Error: stdin: lines 1-{n}: {n} of the {n + 1} lines are one name, 'Anonymous': "
        "they would be one person; give each person's own name, one a line"
    )


def test_many_rows_that_repeat_someone_are_one_warning(cli):
    # A list whose every person is there twice: a warning a row, as many lines as people.
    source = rows_of(DATA / "msforms-anyone-full-name.csv")
    head = "name,email,organisation\n"
    rows = [f"{r['Full name']},{r['Email address']},{r['Organisation']}\n" for r in source]
    result = cli("groups", "-", "--size", "2", "--seed", "1", "-f", "csv",
                 input=head + "".join(rows) + "".join(rows))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(written(result.stdout)) == len(source)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    n = len(source)
    first = ", ".join(f"{r['Full name']} <{r['Email address']}>" for r in source[:5])
    assert warnings == [
        f"Warning: stdin: lines {n + 2}-{2 * n + 1}: {n} rows repeat someone on an earlier "
        f"line ({first}, …); each is kept once: if some are different people, give each "
        "their email or tell their names apart"
    ]
