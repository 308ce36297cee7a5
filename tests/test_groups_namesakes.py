"""liftkit groups tells apart two people of one name in the rooms it lists, as the live rooms
view and the event pack do: by organisation in the Markdown (shared with facilitators, shown
on a call: no emails), by organisation or else email in the host's own table."""

import csv
import io

NAMESAKES = [
    ("Sam Lee", "sam@nhs.example", "NHS Trust"),
    ("Sam Lee", "sam@council.example", "City Council"),
    ("Jo Kim", "jo@one.example", "Carers Network"),
    ("Jo Kim", "jo@two.example", "Carers Network"),
] + [(f"Person {i}", f"p{i}@x.org", f"Org {i % 3}") for i in range(12)]


def write_list(tmp_path):
    path = tmp_path / "people.csv"
    out = io.StringIO()
    csv.writer(out).writerows([("Name", "Email", "Organisation"), *NAMESAKES])
    path.write_text(out.getvalue())
    return path


def rooms_of(text, marker):
    """Each room's members as the Markdown lists them: room heading -> names."""
    rooms, room = {}, None
    for line in text.splitlines():
        if line.startswith(marker):
            room = line
            rooms[room] = []
        elif line.startswith("- ") and room is not None:
            rooms[room].append(line[2:])
    return rooms


def test_the_markdown_names_namesakes_by_organisation_and_never_by_email(cli, tmp_path):
    people = write_list(tmp_path)
    out = tmp_path / "rooms.md"
    result = cli("groups", str(people), "--size", "4", "--rounds", "2", "--seed", "3",
                 "-o", str(out), "-f", "md")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "@" not in text.split("## Score")[0]
    for round_text in text.split("## Round ")[1:]:
        names = [n for members in rooms_of(round_text, "### Room").values() for n in members]
        assert names.count("Sam Lee (NHS Trust)") == 1
        assert names.count("Sam Lee (City Council)") == 1
        assert names.count("Jo Kim") == 2  # one organisation, and no email to show
        assert sum(n.startswith("Person ") for n in names) == 12


def test_the_host_s_table_names_namesakes_by_organisation_or_email(cli, tmp_path):
    people = write_list(tmp_path)
    out = tmp_path / "rooms.txt"
    result = cli("groups", str(people), "--size", "4", "--seed", "3", "-f", "table",
                 "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(out.read_text().split())
    for name in ("Sam Lee (NHS Trust)", "Sam Lee (City Council)",
                 "Jo Kim <jo@one.example>", "Jo Kim <jo@two.example>"):  # fmt: skip
        assert text.count(name) == 1, name
