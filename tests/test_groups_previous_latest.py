"""`liftkit groups --previous latest`: the newest session's rooms, as `export latest` and
`resume latest` take it (--sessions DIR, else $LIFTKIT_SESSIONS); a path that is no file nor
session folder says that a session folder is accepted too."""

import json
import os
import subprocess

from test_run_plain import LIFTKIT, env, run_plain

WEEK = """
title = "Week 1"
[[segments]]
title = "Rooms"
duration = "4m"
kind = "breakout"
groups = 3
auto_advance = true
"""


def week_1_ran(tmp_path, cli):
    people = tmp_path / "p.csv"
    people.write_text("name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(12)))
    made = cli("groups", str(people), "--count", "3", "--rounds", "3", "--seed", "1",
               "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    ran = run_plain(tmp_path, WEEK, "", "--groups", "plan.json", "--round", "1",
                    "--rehearse", "600")  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    (session,) = (tmp_path / "s").iterdir()
    return json.loads((tmp_path / "plan.json").read_text()), session


def rooms(rnd):
    return sorted(sorted(m["email"] for m in g["members"]) for g in rnd["groups"])


def groups(tmp_path, *args, environment=None):
    return subprocess.run([*LIFTKIT, "groups", "p.csv", *args], capture_output=True,
                          text=True, cwd=tmp_path, timeout=60,
                          env=environment or env())  # fmt: skip


def test_previous_latest_takes_the_newest_session(tmp_path, cli):
    # Before: `latest: no such file; give a file from liftkit groups`.
    plan, session = week_1_ran(tmp_path, cli)
    for extra, environment in (
        (["--sessions", "s"], None),
        ([], {**env(), "LIFTKIT_SESSIONS": str(tmp_path / "s")}),
    ):
        made = groups(tmp_path, "--previous", "latest", *extra, "--rounds", "3", "--seed", "2",
                      "-o", "week2.json", environment=environment)  # fmt: skip
        assert made.returncode == 0, made.stderr
        said = next(line for line in made.stderr.splitlines() if "--previous latest" in line)
        assert said.startswith("Note: --previous latest: the session ")
        assert said.endswith(os.sep + session.name)
        assert "round 1 as held" in made.stderr
        out = json.loads((tmp_path / "week2.json").read_text())
        assert [r["round"] for r in out["rounds"]] == [1, 2, 3]
        assert rooms(out["rounds"][0]) == rooms(plan["rounds"][0])


def test_a_missing_previous_says_a_session_folder_is_accepted(tmp_path, cli):
    week_1_ran(tmp_path, cli)
    made = groups(tmp_path, "--previous", "week5.json")
    assert made.returncode == 2
    assert made.stderr.strip() == (
        "Error: --previous week5.json: no such file or session folder; give the JSON, TOML or "
        "CSV written by liftkit groups, a session folder of liftkit run, or latest (the newest "
        "session in --sessions DIR)"
    )


def test_the_library_takes_previous_latest_as_the_command_does(tmp_path, cli, monkeypatch):
    # Before: split_groups(previous="latest") read "latest" as a groups file: LiftkitError
    # "latest: no such file".
    import liftkit

    plan, _ = week_1_ran(tmp_path, cli)
    people = liftkit.read_attendees(tmp_path / "p.csv")
    split = liftkit.split_groups(people, previous="latest", sessions=tmp_path / "s", rounds=3,
                                 seed=2)  # fmt: skip
    assert [r.number for r in split.rounds] == [1, 2, 3]
    held = sorted(sorted(m.email for m in g.members) for g in split.rounds[0].groups)
    assert held == rooms(plan["rounds"][0])
    monkeypatch.setenv("LIFTKIT_SESSIONS", str(tmp_path / "s"))
    again = liftkit.split_groups(people, previous="latest", rounds=3, seed=2)
    assert again.rounds == split.rounds
