"""`liftkit groups --round N`: one round of a plan (a programme's week) in any format, for
`liftkit run --groups`; it was refused unless the format was zoom, so a host cut the JSON
down by hand or `run` showed round 1's rooms in week 3."""

import json
from collections import Counter
from itertools import combinations

import pytest
from test_api import SESSION
from test_run_attendees import run_breakout

import liftkit


def names(rnd: dict) -> list[list[str]]:
    return sorted(sorted(m["name"] for m in g["members"]) for g in rnd["groups"])


def test_one_round_of_a_plan_in_json_markdown_and_csv(cli, tmp_path):
    (tmp_path / "people.csv").write_text("Name\n" + "".join(f"P{i}\n" for i in range(12)))
    plan = ["groups", str(tmp_path / "people.csv"), "--rounds", "3", "--seed", "2"]
    whole = json.loads(cli(*plan, "-f", "json").stdout)
    week = json.loads(cli(*plan, "--round", "2", "-f", "json").stdout)
    assert [names(r) for r in week["rounds"]] == [names(whole["rounds"][1])]
    assert week["settings"]["of_rounds"] == 3
    markdown = cli(*plan, "--round", "2", "-f", "md").stdout
    assert "12 people in 3 groups, round 2 of 3, seed 2." in markdown
    assert "## Score of all 3 rounds" in markdown and "## Round" not in markdown
    rows = cli(*plan, "--round", "3", "-f", "csv").stdout.splitlines()[1:]
    assert {row.split(",")[0] for row in rows} == {"3"} and len(rows) == 12
    wrong = cli(*plan, "--round", "4", "-f", "json")
    assert wrong.exit_code == 2
    assert wrong.stderr == "Error: --round 4: the split has rounds 1 to 3; use --round 1 to 3\n"


def test_run_with_one_round_of_a_plan_shows_that_rounds_rooms(cli, tmp_path):
    (tmp_path / "people.csv").write_text("Name\n" + "".join(f"P{i}\n" for i in range(12)))
    plan = ["groups", str(tmp_path / "people.csv"), "--rounds", "3", "--seed", "5", "-f", "json"]
    whole = json.loads(cli(*plan).stdout)
    assert cli(*plan, "--round", "3", "-o", str(tmp_path / "week3.json")).exit_code == 0
    proc, groups = run_breakout(tmp_path, 4, "--groups", "week3.json")
    assert proc.returncode == 0, proc.stderr
    assert "groups file has" not in proc.stderr  # one round for one breakout: nothing to say
    assert names(groups["rounds"][0]) == names(whole["rounds"][2])


def test_a_zoom_file_warns_of_an_email_zoom_may_not_match(cli, tmp_path):
    # A form's autocorrect put an accent in an address; Zoom matches emails to accounts.
    people = tmp_path / "people.csv"
    people.write_text("Name,Email\nSiobhán,siobhan.níbhriain@x.org\nBo,bo@x.org\nCy,cy@x.org\n")
    result = cli("groups", str(people), "-f", "zoom", "--seed", "1")
    assert result.exit_code == 0
    assert (
        "Warning: 1 person has an email with letters beyond ASCII, which Zoom may not match to "
        "an account: siobhan.níbhriain@x.org; check it\n"
    ) in result.stderr
    assert "siobhan.níbhriain@x.org" in result.stdout  # written all the same: it may be right
    ascii_only = people.read_text().replace("í", "i")
    assert "beyond ASCII" not in cli("groups", "-", "-f", "zoom", input=ascii_only).stderr


def repeats_in(plan):
    """The pairs who share a room more than once in a plan's JSON, counted here."""
    met = Counter(
        pair
        for rnd in plan["rounds"]
        for group in rnd["groups"]
        for pair in combinations(sorted(m["name"] for m in group["members"]), 2)
    )
    return sum(1 for times in met.values() if times > 1)


def test_one_round_as_a_table_heads_its_score_as_that_of_the_whole_plan(cli, tmp_path):
    # The Markdown said "Score of all 4 rounds" and the table, below one round's rooms, gave
    # the same figures under no heading at all: they read as that week's.
    (tmp_path / "people.csv").write_text("Name\n" + "".join(f"P{i}\n" for i in range(8)))
    plan = ["groups", str(tmp_path / "people.csv"), "--size", "4", "--rounds", "4", "--seed", "3"]
    repeats = repeats_in(json.loads(cli(*plan, "-f", "json").stdout))
    assert repeats > 0  # 8 people in fours meet again: one round alone repeats nobody
    table = cli(*plan, "--round", "2", "-f", "table").stdout
    lines = [line.strip() for line in table.splitlines()]
    score = lines.index("Score of all 4 rounds:")
    assert lines[score - 1] == "8 people in 2 groups, round 2 of 4, seed 3"
    assert f"repeat pairs: {repeats} (pairs who meet in more than one round)" in lines[score + 1 :]
    assert "Score" not in cli(*plan, "-f", "table").stdout  # the whole plan: no round apart


def test_one_round_as_csv_or_zoom_heads_its_score_on_stderr_as_the_whole_plans(cli, tmp_path):
    # stderr said "Score: repeat pairs: 16 …" below this week's rooms, which repeat nobody;
    # the table and the Markdown head the same figures "Score of all 4 rounds".
    (tmp_path / "people.csv").write_text(
        "Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(8))
    )
    plan = ["groups", str(tmp_path / "people.csv"), "--size", "4", "--rounds", "4", "--seed", "3"]
    repeats = repeats_in(json.loads(cli(*plan, "-f", "json").stdout))
    assert repeats > 0
    for fmt in ("csv", "zoom"):
        said = cli(*plan, "--round", "2", "-f", fmt).stderr.splitlines()
        (score,) = [line for line in said if line.startswith("Score")]
        assert score.startswith(f"Score of all 4 rounds: repeat pairs: {repeats} "), fmt
        (score,) = [line for line in cli(*plan, "-f", fmt).stderr.splitlines() if "Score" in line]
        assert score.startswith(f"Score: repeat pairs: {repeats} "), fmt  # the whole plan


def week_three(cli, tmp_path):
    """Round 3 of a plan of 4 for 12 people, written alone (`--round 3 -o wk3.json`), as the
    README suggests for `run --groups`; and the list for that week: P0 gone, New came."""
    people = tmp_path / "people.csv"
    people.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(12)))
    args = ["--size", "4", "--rounds", "4", "--seed", "2", "--round", "3"]
    assert cli("groups", str(people), *args, "-o", str(tmp_path / "wk3.json")).exit_code == 0
    now = tmp_path / "now.csv"
    now.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(1, 12)))
    with now.open("a") as f:
        f.write("New,new@x.org\n")
    return now, tmp_path / "wk3.json"


def test_updating_one_week_of_a_plan_keeps_its_round_number_for_run(cli, tmp_path):
    # The update of wk3.json held round 1: `run --groups … --round 3` then failed, and
    # without --round a programme's week 3 read as round 1.
    now, week = week_three(cli, tmp_path)
    update = ["groups", str(now), "--previous", str(week), "--seed", "1"]
    made = cli(*update, "-f", "json", "-o", str(tmp_path / "wk3-now.json"))
    assert made.exit_code == 0, made.output
    data = json.loads((tmp_path / "wk3-now.json").read_text())
    assert [r["round"] for r in data["rounds"]] == [3]
    proc, groups = run_breakout(tmp_path, 4, "--groups", "wk3-now.json", "--round", "3")
    assert proc.returncode == 0, proc.stderr
    assert names(groups["rounds"][0]) == names(data["rounds"][0])
    # Rounds added come after it, and each format says the numbers the file holds.
    more = json.loads(cli(*update, "--rounds", "3", "-f", "json").stdout)
    assert [r["round"] for r in more["rounds"]] == [3, 4, 5]
    md = cli(*update, "--rounds", "3", "-f", "md").stdout
    assert "## Round 3" in md and "## Round 5" in md and "## Round 1" not in md
    zoom = cli(*update, "--rounds", "3", "-f", "zoom").stderr
    assert "Note: --format zoom holds one round: wrote round 3, the first of rounds 3 to 5;" in zoom
    wrong = cli(*update, "--rounds", "3", "--round", "1", "-f", "json")
    assert wrong.exit_code == 2
    assert wrong.stderr.endswith(
        "Error: --round 1: the split has rounds 3 to 5; use --round 3 to 5\n"
    )


def test_a_week_held_keeps_its_number_and_the_weeks_planned_follow_it(cli, tmp_path):
    # With --held 1, the week held came out as round 3 and the week planned as round 2.
    now, week = week_three(cli, tmp_path)
    held = cli("groups", str(now), "--previous", str(week), "--held", "1", "--seed", "1",
               "-f", "json")  # fmt: skip
    assert held.exit_code == 0, held.output
    assert [r["round"] for r in json.loads(held.stdout)["rounds"]] == [3, 4]
    said = "Note: round 3 as held; round 4 planned afresh, avoiding the pairs who met in them\n"
    assert said in held.stderr


def test_one_round_of_a_plan_carried_on_from_week_three_says_the_plan_s_numbers(cli, tmp_path):
    # Round 4 of a plan updated from week 3 (rounds 3 to 5) said "round 4 of 3", in the
    # Markdown and the table, and so did the library's render_groups.
    now, week = week_three(cli, tmp_path)
    update = ["groups", str(now), "--previous", str(week), "--rounds", "3", "--seed", "1"]
    numbers = [r["round"] for r in json.loads(cli(*update, "-f", "json").stdout)["rounds"]]
    assert numbers == [3, 4, 5]
    said = f"round 4 (rounds {numbers[0]} to {numbers[-1]}), seed 1"
    one = cli(*update, "--round", "4", "-f", "json", "-o", str(tmp_path / "wk4.json"))
    assert one.exit_code == 0, one.output
    for fmt in ("md", "table"):
        shown = cli(*update, "--round", "4", "-f", fmt)
        assert shown.exit_code == 0, shown.output
        assert f"12 people in 3 groups, {said}" in shown.stdout, fmt
        assert "of 3," not in shown.stdout
    settings = json.loads((tmp_path / "wk4.json").read_text())["settings"]
    assert (settings["of_rounds"], settings["of_rounds_from"]) == (len(numbers), numbers[0])
    people = [f"P{i}" for i in range(12)]
    first = liftkit.split_groups(people, size=4, rounds=3, seed=7)
    (tmp_path / "lib3.json").write_text(liftkit.render_groups(first, "json", round=3))
    plan = liftkit.split_groups(people, previous=tmp_path / "lib3.json", rounds=3, seed=1)
    assert [r.number for r in plan.rounds] == [3, 4, 5]
    lines = liftkit.render_groups(plan, "md", round=4).splitlines()
    assert lines[2] == "12 people in 3 groups, round 4 (rounds 3 to 5), seed 1."
    assert "round 3 of 3," in liftkit.render_groups(first, "md", round=3)


def test_run_names_the_rounds_of_a_file_it_does_not_use_by_their_numbers(tmp_path):
    # "round 1 is used, rounds 2-3 not" of a file holding rounds 3 to 5.
    rounds = [{"round": n, "groups": [{"name": "Room 1", "members": [f"P{i}" for i in range(4)]}]}
              for n in (3, 4, 5)]  # fmt: skip
    (tmp_path / "plan.json").write_text(json.dumps({"rounds": rounds}))
    proc, _ = run_breakout(tmp_path, 4, "--groups", "plan.json")
    assert proc.returncode == 0, proc.stderr
    said = "the groups file has 3 rounds for 1 breakout round: round 3 is used, rounds 4-5 not"
    assert said in proc.stderr


def test_a_file_with_rounds_out_of_order_or_numbered_twice_is_refused(cli, tmp_path):
    # `--round 1` took the first of two rounds numbered 1, and an update renumbered them.
    room = {"name": "Room 1", "members": ["Ada", "Bo"]}
    plan = tmp_path / "plan.json"
    people = tmp_path / "people.txt"
    people.write_text("Ada\nBo\n")
    for numbers in ((1, 1), (2, 1)):
        plan.write_text(json.dumps({"rounds": [{"round": n, "groups": [room]} for n in numbers]}))
        result = cli("groups", str(people), "--previous", str(plan), "-f", "json")
        assert result.exit_code == 2
        assert result.stderr == (
            f"Error: {plan}: rounds[1].round: round 1 comes after round {numbers[0]}; number "
            "the rounds in the order they run, each number once\n"
        )


def test_a_file_whose_round_numbers_leave_a_gap_is_refused_everywhere_it_is_read(cli, tmp_path):
    # rounds 1 and 5 were headed "## Round 1", "## Round 5", ran as "round 6 of 3", and
    # were warned of as "round 1 is used, round 5 not", though a Split built so is refused
    room = {"name": "Room 1", "members": [{"name": "Ada"}, {"name": "Bo"}]}
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"rounds": [{"round": n, "groups": [room]} for n in (1, 5)]}))
    people = tmp_path / "people.csv"
    people.write_text("Name\nAda\nBo\n")
    said = (
        f"Error: {plan}: rounds[1].round: round 5 does not follow round 1; number the "
        "rounds one after another: 2 for rounds[1]\n"
    )
    for args in (
        ("groups", str(people), "--previous", str(plan), "--seed", "1"),
        ("groups", str(people), "--previous", str(plan), "--rounds", "3", "--round", "6"),
        ("export", str(SESSION), "--groups-file", str(plan)),
    ):
        result = cli(*args)
        assert (result.exit_code, result.stderr) == (2, said), args
    proc, _ = run_breakout(tmp_path, 2, "--groups", str(plan))
    assert (proc.returncode, proc.stderr) == (2, said)
    for call in (
        lambda: liftkit.split_groups(["Ada", "Bo"], previous=plan),
        lambda: liftkit.build_report(SESSION, groups_file=plan),
    ):
        with pytest.raises(liftkit.LiftkitError) as caught:
            call()
        assert f"Error: {caught.value.message}; {caught.value.hint}\n" == said
    # a later week's file, numbered on from 3, is read as before
    plan.write_text(json.dumps({"rounds": [{"round": n, "groups": [room]} for n in (3, 4, 5)]}))
    again = liftkit.split_groups(["Ada", "Bo"], previous=plan, seed=1)
    assert [r.number for r in again.rounds][:3] == [3, 4, 5]
