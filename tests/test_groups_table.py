"""The table "What to expect" in docs/groups.md stays true: every row is run again through the
command line, its repeats recounted from the groups written, its limit read from the score."""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import groups_table  # noqa: E402  (bench/groups_table.py: the rows and how they are run)

SECTION = (ROOT / "docs" / "groups.md").read_text(encoding="utf-8").split("## What to expect\n")[1]
CELLS = re.compile(r"^\| (.+?) \| `(.+?)` \| (\d+)(?:, spread (\d+))? \| (.+?) \| [\d.]+ s \|$")
DOCUMENTED = {
    (match[1], match[2]): (int(match[3]), match[4] and int(match[4]), match[5])
    for match in (CELLS.match(line) for line in SECTION.splitlines())
    if match
}


def test_the_table_has_the_rows_the_bench_prints():
    assert sorted(DOCUMENTED) == sorted((row.label, row.options) for row in groups_table.ROWS)


@pytest.mark.parametrize("row", groups_table.ROWS, ids=lambda row: f"{row.label} {row.options}")
def test_each_row_gives_what_the_table_says(cli, tmp_path, row):
    people = tmp_path / "people.csv"
    people.write_text(groups_table.attendees(row))
    result = cli("groups", str(people), *groups_table.arguments(row))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["rounds"]) == int(row.options.split("--rounds ")[1].split()[0])
    for rnd in data["rounds"]:
        names = sorted(m["name"] for group in rnd["groups"] for m in group["members"])
        assert names == sorted(f"Person {i + 1}" for i in range(row.people))
    repeats, spread = groups_table.recount(data)
    documented, documented_spread, without = DOCUMENTED[(row.label, row.options)]
    assert repeats == documented
    if documented_spread is not None:
        assert spread == documented_spread
    assert groups_table.possible(data["score"].get("limit", "")) == without
    arguments = groups_table.arguments(row)
    apart = [set(arguments[i + 1].split(",")) for i, a in enumerate(arguments) if a == "--apart"]
    assert bool(apart) == row.apart
    for rnd in data["rounds"]:  # every keep-apart set recounted in the groups written
        for group in rnd["groups"]:
            members = {m["name"] for m in group["members"]}
            assert all(len(members & kept) <= 1 for kept in apart)
