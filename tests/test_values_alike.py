"""One organisation in two spellings is one: a curly apostrophe (a phone's autocorrect,
`St John’s Hospice`) and a straight one, a trailing full stop (`Leeds City Council.`), as
letter case and spaces already were. The event pack's `--by` and `--organisations` and
`groups --balance` fold values alike (liftkit.core.text.same_value). Counts are recounted
from the file and the output."""

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_export_cli import make_session, section

# QA's shape of a sign-up sheet filled on phones and laptops
ORGS = Path(__file__).parent / "data" / "people" / "organisations-spelt-two-ways.csv"


@pytest.fixture
def late(tmp_path):
    return make_session(tmp_path / "late", datetime(2026, 3, 9, 23, 30, tzinfo=UTC))


def folded(text: str) -> str:
    return text.replace("\u2019", "'").rstrip(".").casefold()


def expected_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO(ORGS.read_text())):
        counts[folded(row["Organisation"])] = counts.get(folded(row["Organisation"]), 0) + 1
    return counts


def test_the_pack_counts_one_organisation_in_two_spellings_once(cli, late):
    result = cli("export", str(late), "--attendees", str(ORGS), "--by", "organisation",
                 "--organisations", "organisation")  # fmt: skip
    assert result.exit_code == 0, result.output
    block = section(result.stdout, "Who joined")
    rows = [line.split(" | ") for line in block.splitlines() if line.startswith("| ")][2:-1]
    shown = {folded(cells[0].strip("| ")): int(cells[1]) for cells in rows}
    assert shown == expected_counts() and len(rows) == 3
    # the most common spelling is the one shown
    assert "| St John’s Hospice | 3 |" in block
    listed = next(line for line in block.splitlines() if line.startswith("Organisations "))
    assert listed.count("Hospice") == 1 and listed.count("Leeds City Council") == 1


@pytest.mark.parametrize("seed", range(1, 9))
def test_balance_spreads_one_organisation_in_two_spellings(cli, tmp_path, seed):
    # Two of each of St John's Hospice and Leeds City Council, spelt two ways, and four of
    # Age UK in two rooms: each room gets one of each organisation.
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Organisation\nA,St John's Hospice\nB,St John’s Hospice\nC,Leeds City Council\n"
        "D,Leeds City Council.\nE,Age UK\nF,Age UK\nG,Age UK\nH,Age UK\n"
    )
    result = cli("groups", str(people), "--count", "2", "--balance", "Organisation",
                 "--seed", str(seed), "-f", "csv")  # fmt: skip
    assert result.exit_code == 0, result.output
    rooms: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(result.stdout)):
        rooms.setdefault(row["group"], []).append(folded(row["Organisation"]))
    assert len(rooms) == 2
    for values in rooms.values():
        assert sorted(values) == ["age uk", "age uk", "leeds city council", "st john's hospice"]
