"""Who never got in is no attendee: someone whose every row of a Zoom participant report is
in the waiting room (`In Waiting Room` = Yes) was never admitted, gets no room and is not
counted as joined, with a note naming them; a Yes row then a No row is someone admitted late.
An Eventbrite orders report's `Order Status` = Refunded is left out as `Attendee Status` =
Refunded is; one person a per-event report says had left "gets no room". Everything is
recounted from the files."""

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_export_cli import make_session

PEOPLE = Path(__file__).parent / "data" / "people"
# QA's shapes: a Zoom participant report with the `In Waiting Room` column (one person
# admitted from it, one never), and an Eventbrite orders report (`Order Status`).
WAITING = PEOPLE / "zoom-participants-waiting-room.csv"
ORDERS = PEOPLE / "eventbrite-orders.csv"


def table(path: Path, column: str) -> list[dict[str, str]]:
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if column in line)
    return list(csv.DictReader(lines[at:]))


def admitted() -> tuple[list[str], list[str]]:
    """(those admitted, hosts aside; those never admitted), from the report's rows."""
    rows = table(WAITING, "In Waiting Room")
    names = {row["Name (Original Name)"] for row in rows}
    came = {r["Name (Original Name)"] for r in rows if r["In Waiting Room"] == "No"}
    return sorted(n for n in came if "(Host)" not in n), sorted(names - came)


@pytest.fixture
def session(tmp_path):
    return make_session(tmp_path / "s", datetime(2025, 3, 5, 14, 0, tzinfo=UTC))


def test_someone_never_admitted_gets_no_room_and_a_note(cli):
    came, never = admitted()
    result = cli("groups", str(WAITING), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    placed = sorted(row["name"] for row in csv.DictReader(io.StringIO(result.stdout)))
    assert placed == came and never == ["Zoom Bomber"]
    assert (
        f"Note: {WAITING}: left out 1 person never admitted from the waiting room (In Waiting "
        f"Room = Yes on every row): {never[0]}"
    ) in " ".join(result.stderr.split())


def test_the_pack_counts_only_those_admitted(cli, session):
    came, _ = admitted()
    result = cli("export", str(session), "--attendees", str(WAITING))
    assert result.exit_code == 0, result.output
    assert f"{len(came)} people joined, besides 1 host (attendee list: {WAITING.name})." in (
        result.stdout
    )


def test_nobody_admitted_is_one_error_line(cli, tmp_path):
    rows = WAITING.read_text().replace(",No\n", ",Yes\n")
    path = tmp_path / "report.csv"
    path.write_text(rows)
    result = cli("groups", str(path))
    assert result.exit_code == 2
    assert f"{path}: nobody was admitted: every row has In Waiting Room = Yes" in result.stderr


def test_a_refunded_order_is_left_out(cli, session):
    rows = table(ORDERS, "Order Status")
    coming = sorted(
        f"{r['First Name']} {r['Last Name']}" for r in rows if r["Order Status"] != "Refunded"
    )
    assert len(coming) < len(rows)
    result = cli("groups", str(ORDERS), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert sorted(r["name"] for r in csv.DictReader(io.StringIO(result.stdout))) == coming
    assert "left out 1 registrant marked as not coming (1 refunded in 'Order Status')" in (
        result.stderr
    )
    pack = cli("export", str(session), "--attendees", str(ORDERS))
    assert pack.exit_code == 0, pack.output
    assert f"{len(coming)} people joined (attendee list: {ORDERS.name})." in pack.stdout


def test_one_person_who_left_gets_no_room_said_in_the_singular(cli, tmp_path):
    # A Teams per-event report read during the call, where one person's last row is Left:
    # "1 person had left … and get no room" read wrong.
    rows = (PEOPLE / "teams-per-event-comma.csv").read_text().splitlines()
    one = "\n".join(r for r in rows if not r.startswith("Tobias Engel,Left")) + "\n"
    report = tmp_path / "report.csv"
    report.write_text(one)
    gone = [
        r.split(",")[0] for r in one.splitlines()[1:] if r.split(",")[1] == "Left"
    ]  # Arjun Mehta's one Left row is his last
    result = cli("groups", str(report), "--seed", "1", "-f", "csv")
    assert result.exit_code == 0, result.output
    placed = [row["name"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert gone[0] not in placed
    said = " ".join(result.stderr.split())
    assert (
        f"1 person had left the meeting (their last row says so) and gets no room: {gone[0]}"
    ) in said
