"""What a reshuffle says: how many pairs now meet in more than one round of the breakouts
that split the same way, recounted here from the rooms the journal keeps."""

import itertools
import math
import re
import time
from collections import Counter
from datetime import datetime

import pytest
from support.tmux import Tmux
from test_groups_held_design import meetings, met_twice
from test_live_terminal import LIFTKIT, journal, quit_run
from test_run_plain import run_plain

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.live.reshuffles import met_again, reshuffle_family
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.people.reader import Person


def cafe_toml(rounds, tables, duration="5m"):
    return 'title = "Cafe"\n' + "".join(
        f'[[segments]]\ntitle = "Round {n}"\nduration = "{duration}"\nkind = "breakout"\n'
        f"groups = {tables}\n"
        for n in range(1, rounds + 1)
    )


def latest_rooms(events):
    """Each breakout's rounds as last journalled (a reshuffle journals them again)."""
    made = {e["segment"]: e["rounds"] for e in events if e["type"] == "groups"}
    return [rnd for segment in sorted(made) for rnd in made[segment]]


def in_round_2_s_rooms(tmp_path, count, hosts=0):
    """A café of `count` people at 8 tables over four rounds (the first `hosts` of them a
    table host each), run in tmux (rehearsed at 60 times) and in the rooms view of its
    round 2, once round 1 met (a minute and a half: 1.5 real seconds). Rounds of 30 minutes:
    30 s each, so that round 2's view stays open on a busy machine (it closes when the time
    is up: at 120 times, 15 s were once not enough for CI under load)."""
    (tmp_path / "a.toml").write_text(cafe_toml(4, 8, "30m"))
    (tmp_path / "people.csv").write_text(
        "name,email,role\n"
        + "".join(f"P{i},p{i}@x.org,{'Table host' if i < hosts else ''}\n" for i in range(count))
    )
    term = Tmux(100, 30, cwd=str(tmp_path))
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv",
              "--rehearse", "60"])  # fmt: skip
    term.wait_for("running")
    (begun,) = [e for e in journal(tmp_path) if e["type"] == "segment_start"]
    met = datetime.fromisoformat(begun["wall"]).timestamp() + 1.5  # 90 rehearsed seconds
    time.sleep(max(0.0, met - time.time()))
    term.keys("n")
    term.wait_for("2/4")
    term.keys("g")
    term.wait_for("Room 1 (")
    return term


def test_a_live_cafe_reshuffle_says_how_many_pairs_meet_again(tmp_path):
    # 72 people at 8 tables with a host each, four rounds, reshuffled in the second: the
    # message said only "Groups reshuffled (seed N)."; now how many pairs meet again over
    # the four rounds, which the journal's rooms bear out (the 8 twins of such a café)
    term = in_round_2_s_rooms(tmp_path, 72, hosts=8)
    try:
        term.keys("s")
        term.wait_for("Reshuffle the breakout groups?")
        term.keys("y")
        screen = term.wait_for("again in the 4 rounds")
        said = re.search(r"Groups reshuffled \(seed \d+\): (\d+) pairs meet again", screen)
        # 8 rooms of 9 over 4 rounds: 8 pairs at least (a room of 9 at 8 tables keeps a
        # pair together in any other round), and the screen says that no fewer could
        assert "again in the 4 rounds, the fewest possible." in screen
        assert said is not None, screen
        quit_run(term)
    finally:
        term.close()
    rounds = latest_rooms(journal(tmp_path))
    assert len(rounds) == 4
    assert int(said.group(1)) == met_twice(rounds) == 8


def test_a_groups_file_s_people_kept_together_are_not_counted_as_meeting_again(tmp_path, cli):
    # Three weeks from `liftkit groups --together P1,P2`, run as three breakouts and the
    # second reshuffled: P1 and P2 share every room, as asked, and nobody else meets twice
    people = tmp_path / "people.csv"
    people.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(24)))
    made = cli("groups", str(people), "--size", "4", "--rounds", "3", "--together", "P1,P2",
               "--seed", "1", "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    agenda = cafe_toml(3, 6).replace("groups = 6", "group_size = 4")
    proc = run_plain(tmp_path, agenda, "n\ng\ny\nq\ny\n", "--groups", "plan.json")
    assert proc.returncode == 0, proc.stderr
    assert "nobody meets anyone again in the 3 rounds." in proc.stdout
    rounds = latest_rooms(journal(tmp_path))
    assert len(rounds) == 3 and met_twice(rounds) == 1
    assert all(
        any({"P1", "P2"} <= {m["name"] for m in g["members"]} for g in rnd["groups"])
        for rnd in rounds
    )


def test_rounds_passed_through_with_n_met_nobody_so_a_reshuffle_after_them_is_free(tmp_path):
    # A café of 9 people at 3 tables over four rounds: the host, short of time, passes
    # rounds 1 and 2 with n and reshuffles round 3. Their rooms, which never met, held the
    # reshuffle to the two rounds a design of 9 in threes leaves after them (round 4's
    # rooms came first), and the message counted "the 4 rounds". Now rounds 3 and 4 are
    # made afresh, and nobody meets anyone twice in the two, recounted from the journal.
    (tmp_path / "people.csv").write_text(
        "name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(9))
    )
    commands = "n\nn\ng\ny\nq\ny\n"
    proc = run_plain(tmp_path, cafe_toml(4, 3), commands, "--attendees", "people.csv")
    assert proc.returncode == 0, proc.stderr
    assert "nobody meets anyone again in the 2 rounds." in proc.stdout, proc.stdout
    events = [e for e in journal(tmp_path) if e["type"] == "groups"]
    made = {e["segment"]: e["rounds"] for e in events}
    third = [e["rounds"] for e in events if e["segment"] == 2]
    assert len(third) == 2 and third[0] != third[1]  # round 3 made again
    assert met_twice([*made[2], *made[3]]) == 0


def people(count, hosts=0):
    return [Person(f"P{i}", f"p{i}@x.org", {"role": "Table host" if i < hosts else ""})
            for i in range(count)]  # fmt: skip


@pytest.mark.parametrize(
    ("count", "tables", "hosts", "rounds", "index"),
    [(64, 8, 0, 4, 2), (72, 8, 8, 4, 1), (30, 3, 0, 4, 3), (12, 2, 0, 3, 1), (50, 7, 7, 3, 2)],
)
def test_the_count_is_that_of_the_rooms(count, tables, hosts, rounds, index):
    # 64 at 8 tables: an affine plane, nobody again; the others cannot avoid it
    group = people(count, hosts)
    agenda = Agenda("Cafe", tuple(Segment(f"R{n}", 300, "breakout", groups=tables)
                                  for n in range(rounds)))  # fmt: skip
    plans = plan_from_people(agenda, group, seed=3)
    plans |= reshuffle_family(agenda, index, group, 7, plans)
    again = sum(1 for m in meetings(r for i in range(rounds) for r in plans[i].rounds).values()
                if m > 1)  # fmt: skip
    said = met_again(agenda, index, plans)
    if again:
        ends = ", the fewest possible." if again == fewest(plans, rounds, tables) else "."
        assert said == f": {again} pair{'s meet' if again > 1 else ' meets'} again in the " + (
            f"{rounds} rounds{ends}"
        )
    else:
        assert said == f": nobody meets anyone again in the {rounds} rounds."
    assert (again == 0) == (count == tables * tables)  # 8 x 8: a design; others must repeat


def fewest(plans, rounds, tables):
    """The fewest pairs any such rooms meet again: a room of s people at k tables keeps the
    pairs of its people's even shares of k rooms together in any other round; every two
    rounds share the larger of their rounds' counts, and a pair meets in every round at
    most."""

    def kept(room):
        share, extra = divmod(room, tables)
        return sum(math.comb(share + (j < extra), 2) for j in range(tables))

    counts = sorted((sum(kept(len(g.members)) for g in r.groups)
                     for i in range(rounds) for r in plans[i].rounds), reverse=True)  # fmt: skip
    shared = sum(c * (len(counts) - 1 - i) for i, c in enumerate(counts))
    return math.ceil(shared / math.comb(rounds, 2))


def test_nothing_is_said_of_one_round_or_of_rooms_kept_from_before():
    group = people(20)
    one = Agenda("One", (Segment("Rooms", 300, "breakout", groups=4),))
    assert met_again(one, 0, plan_from_people(one, group, seed=1)) == "."
    kept = Agenda("Kept", (Segment("A", 300, "breakout", groups=4),
                           Segment("B", 300, "breakout", same_groups=True)))  # fmt: skip
    plans = plan_from_people(kept, group, seed=1)
    assert met_again(kept, 1, plans) == "."
    # the rooms kept are not a second round of the first breakout's
    assert met_again(kept, 0, plans) == "."
    rounds = [r for i in sorted(plans) for r in plans[i].rounds]
    assert len(rounds) == 2 and Counter(
        pair for r in rounds for g in r.groups
        for pair in itertools.combinations(sorted(p.name for p in g.members), 2)
    ).most_common(1)[0][1] == 2  # fmt: skip


def test_a_fault_in_a_reshuffle_keeps_the_rooms_and_the_session(tmp_path):
    # A bug in making the rooms again ended the session with "internal error" (resumable,
    # but with everyone waiting for their rooms); now the rooms stay as they were, the
    # screen says so and where the details are, and the session carries on
    import subprocess
    import sys

    from test_run_plain import env

    (tmp_path / "faulty.py").write_text(
        "import sys\n"
        "import liftkit.cli.commands.run_groups as run_groups\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('the reshuffle broke')\n"
        "run_groups.reshuffle_family = broken\n"
        "from liftkit.cli.main import main\n"
        "main(sys.argv[1:])\n"
    )
    (tmp_path / "a.toml").write_text(cafe_toml(3, 4))
    (tmp_path / "people.csv").write_text(
        "name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(16))
    )
    proc = subprocess.run(
        [sys.executable, "faulty.py", "run", "a.toml", "--sessions", "s", "--attendees",
         "people.csv"],
        input="n\ng\ny\nr Ada: still here after it\nq\ny\n",
        capture_output=True, text=True, cwd=tmp_path, timeout=30,
        env={**env(), "TMPDIR": str(tmp_path)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    said = "Rooms kept: the reshuffle failed (RuntimeError; details saved in "
    assert said in proc.stdout and "Traceback" not in proc.stdout + proc.stderr
    [report] = tmp_path.glob("liftkit-crash-*.txt")
    assert report.name in proc.stdout and "the reshuffle broke" in report.read_text()
    events = journal(tmp_path)
    assert [e["segment"] for e in events if e["type"] == "groups"] == [0, 1, 2]  # as made
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["Ada: still here after it"]


def test_with_a_groups_file_every_breakout_taking_its_rounds_is_counted(tmp_path, cli):
    # The breakouts take the file's rounds in order whatever they ask for (rooms of 4, 6
    # rooms, rooms of 3): the message counted only those asking the same as the one
    # reshuffled, here none, and said nothing of the pairs meeting again
    people = tmp_path / "people.csv"
    people.write_text("Name,Email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(24)))
    made = cli("groups", str(people), "--size", "4", "--rounds", "3", "--seed", "1",
               "-o", str(tmp_path / "plan.json"))  # fmt: skip
    assert made.exit_code == 0, made.output
    agenda = 'title = "Mixed"\n' + "".join(
        f'[[segments]]\ntitle = "B{n}"\nduration = "5m"\nkind = "breakout"\n{asks}\n'
        for n, asks in enumerate(["group_size = 4", "groups = 6", "group_size = 3"])
    )
    proc = run_plain(tmp_path, agenda, "n\ng\ny\nq\ny\n", "--groups", "plan.json")
    assert proc.returncode == 0, proc.stderr
    rounds = latest_rooms(journal(tmp_path))
    assert len(rounds) == 3
    again = met_twice(rounds)
    said = "nobody meets anyone again" if again == 0 else f"{again} pairs meet again"
    assert "Groups reshuffled (seed " in proc.stdout and f"{said} in the 3 rounds." in proc.stdout


def test_u_puts_back_the_rooms_a_reshuffle_replaced(tmp_path):
    # The message may say that a reshuffle meets more pairs again than the rooms before it;
    # s then only gave other rooms. Now u (then y) puts back the rooms of every breakout
    # the reshuffle changed, as the journal shows, once. The legend offers u only while
    # there is something to put back (it did from the start, and u said "Nothing to put back")
    term = in_round_2_s_rooms(tmp_path, 64)
    try:
        before = latest_rooms(journal(tmp_path))
        assert "s  reshuffle" in term.screen() and "u  undo" not in term.screen()
        term.keys("s")
        term.wait_for("Reshuffle the breakout groups?")
        term.keys("y")
        term.wait_for("Groups reshuffled")
        term.wait_for("u  undo")
        reshuffled = latest_rooms(journal(tmp_path))
        assert reshuffled[:1] == before[:1] and reshuffled[1:] != before[1:]
        term.keys("u")
        term.wait_for("Put back the rooms as they were before the reshuffle?")
        term.keys("y")
        term.wait_for("Rooms put back as they were before the reshuffle.")
        assert latest_rooms(journal(tmp_path)) == before
        assert "u  undo" not in term.screen()
        term.keys("u")
        term.wait_for("Nothing to put back")
        quit_run(term)
    finally:
        term.close()
    assert latest_rooms(journal(tmp_path)) == before


def test_undo_in_plain_mode_and_only_in_the_segment_reshuffled(tmp_path):
    people = "name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(16))
    (tmp_path / "people.csv").write_text(people)
    commands = "g\ny\nn\nundo\nb\nundo\ny\nq\ny\n"
    proc = run_plain(tmp_path, cafe_toml(3, 4), commands, "--attendees", "people.csv")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.index("Groups reshuffled") < out.index("the last reshuffle was in another segment")
    assert "Rooms put back as they were before the reshuffle." in out
    events = journal(tmp_path)
    made = [e for e in events if e["type"] == "groups"]
    first = {e["segment"]: e["rounds"] for e in made[:3]}  # as the session opened
    assert [e["segment"] for e in made[:3]] == [0, 1, 2]
    assert latest_rooms(events) == [r for s in (0, 1, 2) for r in first[s]]
    assert len(made) > 6  # reshuffled (three breakouts), then put back


def test_u_after_the_round_reshuffled_has_met_keeps_its_rooms(tmp_path):
    # Reshuffled in round 1 of 2 and undone in round 2: u put back round 1's rooms too,
    # though round 1 had met in the reshuffled ones, so the journal and `liftkit export
    # --groups` listed rooms that never met, and round 2 went back to rooms made to follow
    # those, sitting people again with whom they had just met. Now u says so and keeps them.
    # Rounds of 3 minutes, 3 s rehearsed: round 1 has met after 0.75 s, and the reshuffle
    # is made well before round 2 begins
    (tmp_path / "a.toml").write_text(
        'title = "Two rounds"\n[[segments]]\ntitle = "Rooms"\nduration = "6m"\n'
        'kind = "breakout"\ngroup_size = 4\nrounds = 2\n'
    )
    (tmp_path / "people.csv").write_text(
        "name,email\n" + "".join(f"P{i},p{i}@x.org\n" for i in range(16))
    )
    term = Tmux(100, 30, cwd=str(tmp_path))
    term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv",
              "--rehearse", "60"])  # fmt: skip
    try:
        term.wait_for("running")
        term.keys("g")
        term.wait_for("Room 1 (")
        term.keys("s")
        term.wait_for("Reshuffle the breakout groups?")
        term.keys("y")
        term.wait_for("Groups reshuffled")
        reshuffled = latest_rooms(journal(tmp_path))
        term.wait_for("round 2 of 2", timeout=20)
        term.keys("u")
        term.wait_for("Nothing to put back now: round 1 met in the rooms the reshuffle made")
        quit_run(term)
    finally:
        term.close()
    assert latest_rooms(journal(tmp_path)) == reshuffled


def test_a_reshuffle_after_rounds_that_met_nobody_never_gives_the_same_rooms_back():
    # The host passes rounds 1 and 2 with n and reshuffles round 3 (as the test above): the
    # rounds were made again afresh, and for 15 seeds in 3,000 round 3's rooms came back as
    # they were ("Groups reshuffled", and nobody moved); that test failed once so.
    from liftkit.core.agenda.model import parse_agenda
    from liftkit.core.live.reshuffles import reshuffle_family
    from liftkit.core.live.rooms import plan_from_people
    from liftkit.core.people.reader import Person

    agenda = parse_agenda(cafe_toml(4, 3))
    people = [Person(name=f"P{i}", email=f"p{i}@x.org") for i in range(9)]
    made = plan_from_people(agenda, people, seed=1)

    def rooms(rnd):
        return {frozenset(m.name for m in group.members) for group in rnd.groups}

    for seed in (185, 229, 267, 541, 890):  # those that gave them back
        plans = reshuffle_family(agenda, 2, people, seed, made, {0: 0, 1: 0}, 0)
        assert rooms(plans[2].rounds[0]) != rooms(made[2].rounds[0])
        fresh = [rooms(plans[i].rounds[0]) for i in (2, 3)]  # and still nobody meets twice
        pairs = [
            frozenset((a, b)) for room in fresh[0] | fresh[1] for a in room for b in room if a < b
        ]
        assert len(pairs) == len(set(pairs)) == 18
