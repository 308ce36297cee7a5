"""A breakout of several rounds that asks each round its own questions (`round_questions`,
a World Café's new question each round): the host's screen, `liftkit view` and plain mode
show the round being held's questions after the segment's own, `agenda show` lists them by
round, the event pack gives them, and the agenda writer keeps them. Before, a breakout of
`rounds = 4` had only `questions`, shown all together in every round."""

import dataclasses
import io
import json
import re
import sys

import pytest
from rich.console import Console
from support.live import FakeTime, open_session, plain_cafe, until_round_three, with_rooms

import liftkit
from liftkit.cli.commands.run_groups import GroupsPlan
from liftkit.cli.live.frame import render
from liftkit.core.live.audience import audience_screen
from liftkit.core.live.controls import Ui
from liftkit.core.live.follow import Follower
from liftkit.core.live.screen import build_screen

LIFTKIT = [sys.executable, "-m", "liftkit"]
ROUND = 2 * 60  # 8 minutes in four rounds

CAFE = """
title = "Cafe"
[[segments]]
title = "Cafe"
duration = "8m"
kind = "breakout"
groups = 2
rounds = 4
prompt = "At your table:"
questions = ["Who is here?"]
round_questions = [
    "What comes to mind?",
    ["What did you hear at your last table?", "What surprised you?"],
    "What connections do you notice?",
    [],
]
warn = []
[[segments]]
title = "Harvest"
duration = "5m"
kind = "discussion"
"""

SHARED = ["Who is here?"]
BY_ROUND = [
    ["What comes to mind?"],
    ["What did you hear at your last table?", "What surprised you?"],
    ["What connections do you notice?"],
    [],
]
ALL_ASKED = SHARED + [q for asked in BY_ROUND for q in asked]
SIX = ["Ana", "Bo", "Cy", "Di", "Ed", "Fay"]


@pytest.fixture
def time():
    return FakeTime()


@pytest.fixture
def cafe(tmp_path, time):
    session = with_rooms(open_session(tmp_path, CAFE, time), SIX)
    session.start()
    yield session
    session.close()


def shown_text(screen):
    console = Console(width=100, height=40, file=io.StringIO(), no_color=True)
    console.print(render(screen, 100, 40))
    return console.file.getvalue()


def asked_on(text):
    """The numbered questions the rendered screen shows, recounted from its text: (number,
    question) of each one the agenda asks that appears."""
    said = []
    for question in ALL_ASKED:
        found = re.findall(rf"(\d+)\. {re.escape(question)}", text)
        said += [(int(n), question) for n in found]
    return sorted(said)


def expected(held):
    return list(enumerate(SHARED + BY_ROUND[held - 1], start=1))


def host_screen(session):
    """The host's screen, with the rooms of the round being held."""
    t = session.now()
    return build_screen(
        session.engine.view(t), Ui(), title="Cafe",
        now_wall=session.clock.wall_at(t), session_start_wall=None, rate=1.0, now=t,
        groups=GroupsPlan().summary(session),
    )  # fmt: skip


def test_the_host_s_screen_shows_only_the_round_being_held_s_questions(cafe, time):
    time.advance(30)
    cafe.tick()
    screen = host_screen(cafe)
    assert screen.status.startswith("round 1 of 4")
    assert asked_on(shown_text(screen)) == expected(1)
    time.advance(ROUND)  # 30 seconds into round 2
    cafe.tick()
    screen = host_screen(cafe)
    assert screen.status.startswith("round 2 of 4")
    assert asked_on(shown_text(screen)) == expected(2)
    time.advance(2 * ROUND)  # round 4 asks nothing of its own: the segment's question alone
    cafe.tick()
    assert asked_on(shown_text(host_screen(cafe))) == expected(4) == [(1, "Who is here?")]


def test_the_audience_sees_round_two_s_questions_in_place_of_round_one_s(cafe, time):
    follower = Follower.open(cafe.folder)
    time.advance(30)
    shown = audience_screen(follower, time.wall, "running")
    assert shown.rooms_view and shown.status == "round 1 of 4 · running"
    assert asked_on(shown_text(shown)) == expected(1)
    time.advance(ROUND)  # the host's liftkit need not have written anything
    shown = audience_screen(follower, time.wall, "running")
    assert shown.status == "round 2 of 4 · running"
    text = shown_text(shown)  # the rooms, with what to discuss above them
    assert "Room 1" in text and asked_on(text) == expected(2)


def test_plain_mode_prints_round_two_s_questions_as_round_two_begins(tmp_path):
    proc = plain_cafe(tmp_path, CAFE, SIX, 240)
    out, err = until_round_three(proc)
    assert proc.returncode == 0, err
    start = out.index("> 1/1 Cafe")
    second = out.index("round 2 of 4 begins in Cafe: new rooms")
    third = out.index("round 3 of 4 begins in Cafe: new rooms")
    # the segment's block: its question and round 1's; round 2's begin: round 2's alone
    block = out[start:second].split("\nGroups")[0]
    assert asked_on(block) == expected(1)
    begun = out[second:third].splitlines()  # each line after the clock time
    assert [line.split(" ", 1)[1] for line in begun[1:3]] == [
        "   2. What did you hear at your last table?",
        "   3. What surprised you?",
    ]
    assert asked_on(out[second:third]) == [(2, q) for q in BY_ROUND[1][:1]] + [(3, BY_ROUND[1][1])]


def test_agenda_show_lists_the_questions_by_round(tmp_path, cli):
    (tmp_path / "cafe.toml").write_text(CAFE)
    result = cli("agenda", "show", str(tmp_path / "cafe.toml"))
    assert result.exit_code == 0, result.output
    said = re.findall(r"round (\d): (.+?)\s*$", result.stdout, re.MULTILINE)
    assert [int(n) for n, _ in said] == [1, 2, 3, 4]
    assert said[0][1] == BY_ROUND[0][0] and said[3][1] == "-"
    # round 2's two questions apart, though its cell wraps: not run together in one sentence
    cell = result.stdout.split("round 2:", 1)[1].split("round 3:", 1)[0]
    assert " ".join(cell.split()) == "; ".join(BY_ROUND[1])
    result = cli("agenda", "show", str(tmp_path / "cafe.toml"), "--json")
    (cafe, harvest) = json.loads(result.stdout)["segments"]
    assert cafe["round_questions"] == BY_ROUND and harvest["round_questions"] is None


def test_render_agenda_writes_the_questions_of_each_round_back(tmp_path):
    agenda = liftkit.parse_agenda(CAFE)
    text = liftkit.render_agenda(agenda)
    assert liftkit.parse_agenda(text) == agenda
    assert [list(asked) for asked in agenda.segments[0].round_questions] == BY_ROUND
    # a script's round of one text is a list of one, as in the file
    cafe = dataclasses.replace(agenda.segments[0], round_questions=("A?", ("B?", "C?"), "D?", ()))
    changed = dataclasses.replace(agenda, segments=(cafe, agenda.segments[1]))
    back = liftkit.parse_agenda(liftkit.render_agenda(changed))
    assert back.segments[0].round_questions == (("A?",), ("B?", "C?"), ("D?",), ())
    # three entries for four rounds: refused, naming the segment
    wrong = dataclasses.replace(cafe, round_questions=("A?", "B?", "C?"))
    with pytest.raises(liftkit.AgendaError, match=r'"round_questions" has 3 entries for 4'):
        liftkit.render_agenda(dataclasses.replace(agenda, segments=(wrong,)))


def test_the_event_pack_gives_each_round_s_questions(tmp_path, cli, time):
    session = open_session(tmp_path, CAFE, time)
    session.start()
    time.advance(ROUND + 10)
    session.next_()
    session.close()
    (folder,) = (tmp_path / "sessions").iterdir()
    result = cli("export", str(folder))
    assert result.exit_code == 0, result.output
    section = result.stdout.split("## 1. Cafe", 1)[1].split("\n## ", 1)[0]
    said = re.findall(r"^- Round (\d): (.+)$", section, re.MULTILINE)
    assert said == [(str(n), asked[0]) for n, asked in enumerate(BY_ROUND, 1) if len(asked) == 1]
    # round 2's two questions numbered under it, as the segment's own are: not run together
    lines = section.splitlines()
    assert "- Round 2:" in lines
    under = lines[lines.index("- Round 2:") + 1 :][: len(BY_ROUND[1])]
    assert under == [f"  {k}. {asked}" for k, asked in enumerate(BY_ROUND[1], 1)]
    result = cli("export", str(folder), "-f", "json")
    (cafe, _) = json.loads(result.stdout)["segments"]
    assert cafe["questions"] == SHARED and cafe["round_questions"] == BY_ROUND
