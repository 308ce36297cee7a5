"""`liftkit run --attendees`: groups journalled per breakout; a bad attendee file refused first."""

import json
import os
import subprocess
import sys

from test_run_plain import journal, run_plain


def run_breakout(tmp_path, group_size, *args):
    """`liftkit run` of a one-breakout agenda (1 minute, auto-advancing, at x120) in
    `tmp_path`, with `args`; the process, and the journal's groups event (None if none)."""
    (tmp_path / "a.toml").write_text(
        'title = "T"\n[[segments]]\ntitle = "Rooms"\nduration = "1m"\nkind = "breakout"\n'
        f"group_size = {group_size}\nauto_advance = true\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    proc = subprocess.run(
        [sys.executable, "-m", "liftkit", "run", "a.toml", *args, "--rehearse", "120",
         "--sessions", "s"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=30,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    folders = list((tmp_path / "s").iterdir()) if (tmp_path / "s").is_dir() else []
    events = [
        json.loads(x) for f in folders for x in (f / "journal.jsonl").read_text().splitlines()
    ]
    return proc, next((e for e in events if e["type"] == "groups"), None)


def test_run_with_attendees_journals_groups_for_each_breakout(tmp_path):
    (tmp_path / "people.csv").write_text(
        "Name,Email,Sector\n" + "".join(f"P{i},p{i}@x.org,S{i % 3}\n" for i in range(12))
    )
    proc, groups = run_breakout(tmp_path, 3, "--attendees", "people.csv", "--seed", "3")
    assert proc.returncode == 0, proc.stderr
    assert "seed 3" in proc.stderr
    assert "reshuffled" not in proc.stderr  # the seed said makes these rooms again
    (folder,) = (tmp_path / "s").iterdir()
    assert (folder / "attendees.csv").read_bytes() == (tmp_path / "people.csv").read_bytes()
    assert groups["segment"] == 0 and groups["seed"] == 3
    assert [len(g["members"]) for g in groups["rounds"][0]["groups"]] == [3, 3, 3, 3]


def test_run_rejects_a_bad_attendee_file_before_making_a_session(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_bytes(b"\x00\x01\x02binary")
    result = cli("run", "community-conversation", "--attendees", "bad.csv")
    assert result.exit_code == 2 and "bad.csv" in result.output
    result = cli("run", "community-conversation", "--attendees", "bad.csv", "--groups", "g.json")
    assert result.exit_code == 2 and "not both" in result.output
    assert not (tmp_path / "liftkit-sessions").exists()


def test_run_says_which_round_of_a_longer_groups_file_it_holds(tmp_path):
    # A programme planned week by week: week3.json holds weeks 1 to 3, and the agenda has
    # one breakout. The rooms shown are round 1's: the host is told, not left to find out.
    rounds = [
        {"round": r, "groups": [{"name": "Room 1", "members": ["Ada", "Bo"]},
                                {"name": "Room 2", "members": ["Cy", "Di"]}]}
        for r in (1, 2, 3)
    ]  # fmt: skip
    (tmp_path / "week3.json").write_text(json.dumps({"seed": 1, "rounds": rounds}))
    proc, _ = run_breakout(tmp_path, 2, "--groups", "week3.json")
    assert proc.returncode == 0, proc.stderr
    assert (
        "Warning: the groups file has 3 rounds for 1 breakout round: round 1 is used, "
        "rounds 2-3 not"
    ) in proc.stderr


def test_after_a_reshuffle_the_last_lines_no_longer_leave_the_seed_as_the_rooms_used(tmp_path):
    # "--seed 7 makes the same again" stayed the last word on the rooms after a reshuffle
    # (g, then y) had made others, in liftkit run and in a resume after it.
    from test_run_plain import LIFTKIT, env, journal, run_plain

    (tmp_path / "people.csv").write_text(
        "Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(9))
    )
    agenda = '[[segments]]\ntitle = "Rooms"\nduration = "10m"\nkind = "breakout"\ngroup_size = 3\n'
    proc = run_plain(tmp_path, 'title = "T"\n' + agenda, "g\ny\nq\ny\n", "--plain",
                     "--attendees", "people.csv", "--seed", "7")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "--seed 7 makes the same again" in proc.stderr  # as the session opened
    first, again = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert first["seed"] == 7 and again["rounds"] != first["rounds"]  # other rooms
    said = (
        "Groups were reshuffled during the session, so the rooms used are not all those made "
        "as it opened: the journal keeps them, and `liftkit export --groups` lists them."
    )
    assert said in proc.stderr.splitlines()
    resumed = subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"], input="q\ny\n",
        capture_output=True, text=True, cwd=tmp_path, timeout=30, env=env(),
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert said in resumed.stderr.splitlines()


def test_a_reshuffle_of_one_room_for_everyone_keeps_it_and_says_so(tmp_path):
    # 3 people, rooms of up to 4: one room, and no other split. A reshuffle said "Groups
    # reshuffled (seed N)" over the same room, and "the rooms used are not all those made as
    # it opened" as the session closed
    from test_run_plain import journal, run_plain

    (tmp_path / "people.csv").write_text("Name,Email\nA,a@x.org\nB,b@x.org\nC,c@x.org\n")
    agenda = '[[segments]]\ntitle = "Rooms"\nduration = "10m"\nkind = "breakout"\ngroup_size = 4\n'
    proc = run_plain(tmp_path, 'title = "T"\n' + agenda, "g\ny\nq\ny\n", "--plain",
                     "--attendees", "people.csv")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    said = proc.stdout + proc.stderr
    assert "Rooms kept: one room holds all 3 people; there is no other split." in said
    assert "reshuffled" not in said.replace("Reshuffle the", "").lower(), said
    (made,) = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    assert [len(g["members"]) for g in made["rounds"][0]["groups"]] == [3]


def names(rounds):
    return [[[m["name"] for m in g["members"]] for g in r["groups"]] for r in rounds]


def test_a_breakout_of_5000_people_over_three_rounds_is_made_at_once(cli, tmp_path, monkeypatch):
    """A conference's breakout: 5,000 people in fives for three rounds. The groups engine
    built a finite field for every prime power up to 5,000 (GF(4096) and GF(3125) among
    them), looking for an affine geometry that 1,000 rooms can never be: most of the 2.9 s the
    split took, of the 4 s before the first screen. It builds only the fields of the designs
    it tries, and the rooms for the seed are the same as before (the digest was taken from
    the code before)."""
    import hashlib

    from liftkit.core.groups import fields

    (tmp_path / "people.csv").write_text(
        "Name,Email\n" + "".join(f"Person {i},p{i}@example.org\n" for i in range(5000))
    )
    agenda = 'title = "T"\n[[segments]]\ntitle = "Rooms"\nduration = "30m"\nkind = "breakout"\n'
    proc = run_plain(tmp_path, agenda + "group_size = 5\nrounds = 3\n", "q\ny\n",
                     "--attendees", "people.csv", "--seed", "1", "--plain")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (groups,) = [e for e in journal(tmp_path / "s") if e["type"] == "groups"]
    rooms = names(groups["rounds"])
    assert [len(r) for r in rooms] == [1000, 1000, 1000]
    assert hashlib.sha256(json.dumps(rooms).encode()).hexdigest() == (
        "f4859d1ee8ff065abcadf37a8a3e6a0418a1dff93ee58366b02b12d557d1eb2b"
    )
    # The same split by liftkit groups, in this process: the fields it looked for.
    searched = []
    primitive = fields._powers_of_x
    monkeypatch.setattr(
        fields, "_powers_of_x", lambda p, e, poly: searched.append(p**e) or primitive(p, e, poly)
    )
    monkeypatch.chdir(tmp_path)
    made = cli("groups", "people.csv", "--size", "5", "--rounds", "3", "--seed", "1", "-f",
               "json", "-o", "rooms.json")  # fmt: skip
    assert made.exit_code == 0, made.output
    split = json.loads((tmp_path / "rooms.json").read_text())
    assert [
        [[m["name"] for m in g["members"]] for g in r["groups"]] for r in split["rounds"]
    ] == rooms
    # Only fields whose order divides the 1,000 rooms (8 x 125: MacNeish's product); before,
    # 42 fields of every prime power up to 5,000 as well, each searched for again and again.
    assert all(1000 % q == 0 for q in searched), sorted(set(searched))


def test_rooms_that_cannot_keep_min_group_size_are_said_in_a_note(tmp_path):
    # Troika's threes (min_group_size = 3) with 2 people made 1 room of 2, and with 5 people
    # 1 room of 5, without a word: the host found out in the rooms.
    (tmp_path / "a.toml").write_text(
        'title = "T"\n[[segments]]\ntitle = "Threes"\nduration = "1m"\nkind = "breakout"\n'
        "group_size = 3\nmin_group_size = 3\nauto_advance = true\n"
    )
    said = {}
    for count in (2, 5, 7):
        (tmp_path / "people.txt").write_text("".join(f"P{i}\n" for i in range(count)))
        proc = subprocess.run(
            [sys.executable, "-m", "liftkit", "run", "a.toml", "--attendees", "people.txt",
             "--rehearse", "120", "--sessions", "s"],
            capture_output=True, text=True, cwd=tmp_path, timeout=30, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        said[count] = [line for line in proc.stderr.splitlines() if "min_group_size" in line]
    rule = 'cannot make rooms of 3 with none smaller than 3 ("group_size", "min_group_size")'
    assert said[2] == [f"Note: Threes: 2 people {rule}: they are in 1 room of 2"]
    assert said[5] == [f"Note: Threes: 5 people {rule}: they are in 1 room of 5"]
    assert said[7] == []  # rooms of 3 and 4: as min_group_size has it
