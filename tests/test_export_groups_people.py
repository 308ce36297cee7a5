"""A session run with `--groups plan.json` keeps no attendee list, but its groups.json names
everyone with their columns: `liftkit export --by Sector` breaks them down from it, and says
so, where it said "the session has no attendee file"."""

import collections
import csv
import json
import re

from test_run_plain import run_plain

CAFE = """
title = "Café"
[[segments]]
title = "Café rounds"
duration = "24m"
kind = "breakout"
groups = 4
rounds = 3
"""


def test_by_a_column_of_the_groups_file_the_session_ran_with(tmp_path, cli):
    sectors = ["Health"] * 12 + ["Council"] * 9 + ["Charity"] * 6 + ["Other"] * 3
    people = tmp_path / "people.csv"
    people.write_text("Name,Email,Role,Sector\n" + "".join(
        f"P{i},p{i}@x.org,{'Table host' if i % 8 == 0 else ''},{sector}\n"
        for i, sector in enumerate(sectors)
    ))  # fmt: skip
    made = cli("groups", str(people), "--count", "4", "--rounds", "3", "--seed", "2",
               "-f", "json", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    ran = run_plain(tmp_path, CAFE, "q\ny\n", "--groups", "plan.json")
    assert ran.returncode == 0, ran.stderr
    (folder,) = (tmp_path / "s").iterdir()
    assert not list(folder.glob("attendees.*"))  # no attendee list kept: the plan's people
    result = cli("export", str(folder), "--by", "Sector", "--roles", "Role")
    assert result.exit_code == 0, result.stderr
    with people.open(newline="") as rows:
        counted = collections.Counter(row["Sector"] for row in csv.DictReader(rows))
    table = dict(re.findall(r"^\| (\w+) \| (\d+) \| \d+% \|$", result.stdout, re.MULTILINE))
    assert {k: int(v) for k, v in table.items() if k != "Total"} == counted
    assert f"{sum(counted.values())} people joined." in result.stdout
    assert "including Table host" in result.stdout
    assert (
        f"Warning: {folder}/groups.json: the session kept no attendee list, so who joined is "
        "the 30 people in the session's rooms (rounds 1 to 3 of the groups file it ran "
        "with); give the call's "
        "participant report with --attendees FILE to count those who came"
    ) in result.stderr
    wrong = cli("export", str(folder), "--by", "Sektor")  # a column it does not have
    assert wrong.exit_code == 2
    assert "Sektor: groups.json has no such column; its columns: Role, Sector" in wrong.stderr


WEEK = """
title = "Week 2"
[[segments]]
title = "Rooms"
duration = "4m"
kind = "breakout"
groups = 3
auto_advance = true
"""


def test_a_programme_week_counts_the_people_of_the_round_it_ran(tmp_path, cli):
    # Week 1 had P0-P11; before week 2, P11 left and P12 and P13 joined. Week 2's call ran
    # round 2 of the plan: 13 people in its rooms. The pack said the plan's 14 people joined
    # (those of week 1 too), "in the rooms of the groups file it ran with".
    def people(path, numbers):
        path.write_text("Name,Email,Sector\n" + "".join(
            f"P{i},p{i}@x.org,{'AB'[i % 2]}\n" for i in numbers))  # fmt: skip

    people(tmp_path / "week1.csv", range(12))
    people(tmp_path / "week2.csv", [*range(11), 12, 13])
    made = cli("groups", str(tmp_path / "week1.csv"), "--count", "3", "--rounds", "3",
               "--seed", "1", "-o", str(tmp_path / "plan1.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    made = cli("groups", str(tmp_path / "week2.csv"), "--previous", str(tmp_path / "plan1.json"),
               "--held", "1", "--seed", "1", "-o", str(tmp_path / "plan2.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    ran = run_plain(tmp_path, WEEK, "", "--groups", "plan2.json", "--round", "2",
                    "--rehearse", "600")  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    (folder,) = (tmp_path / "s").iterdir()
    result = cli("export", str(folder), "--by", "Sector")
    assert result.exit_code == 0, result.stderr
    lines = (folder / "journal.jsonl").read_text().splitlines()
    rooms = next(json.loads(line) for line in lines if json.loads(line)["type"] == "groups")
    emails = {m["email"] for g in rooms["rounds"][0]["groups"] for m in g["members"]}
    assert len(emails) == 13 and "p11@x.org" not in emails
    assert f"{len(emails)} people joined." in result.stdout
    assert (
        f"so who joined is the {len(emails)} people in the session's rooms (round 2 of the "
        "groups file it ran with)"
    ) in result.stderr
    sectors = collections.Counter("AB"[int(e[1:].split("@")[0]) % 2] for e in emails)
    table = dict(re.findall(r"^\| (\w) \| (\d+) \| \d+% \|$", result.stdout, re.MULTILINE))
    assert {k: int(v) for k, v in table.items()} == sectors
