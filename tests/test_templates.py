"""The bundled templates: valid, round-tripping, and found from any folder."""

import collections
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from liftkit.core.agenda.model import dumps_agenda, load_agenda, parse_agenda
from liftkit.core.agenda.templates import template_names, template_path, templates_dir

REPO = Path(__file__).resolve().parent.parent
REPO_TEMPLATES = sorted(p.stem for p in (REPO / "agendas").glob("*.toml"))


def test_the_templates_liftkit_finds_are_the_repository_ones():
    assert template_names() == REPO_TEMPLATES
    for name in REPO_TEMPLATES:
        assert template_path(name).read_bytes() == (REPO / "agendas" / f"{name}.toml").read_bytes()


@pytest.mark.parametrize("name", REPO_TEMPLATES)
def test_every_template_is_valid_and_round_trips(name):
    agenda = load_agenda(templates_dir() / f"{name}.toml")
    assert parse_agenda(dumps_agenda(agenda)) == agenda


def test_agenda_list_works_from_any_folder(tmp_path):
    """Run from a folder with no agendas/ in it, as a host would after `pip install .`."""
    result = subprocess.run(
        [sys.executable, "-m", "liftkit", "agenda", "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    names = [line.split()[0] for line in result.stdout.splitlines()[2:]]
    assert names == REPO_TEMPLATES
    shown = subprocess.run(
        [sys.executable, "-m", "liftkit", "agenda", "show", "hosted-event", "--start", "18:00"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    assert "19:30" in shown.stdout


def test_community_conversation_is_the_reference_format():
    agenda = load_agenda(template_path("community-conversation"))
    assert [s.duration // 60 for s in agenda.segments] == [5, 5, 30, 15, 5]
    closing = agenda.segments[-1]
    assert closing.silence == 30
    assert "One practical step I will take away from the discussions is…" in closing.prompt
    assert agenda.segments[2].kind == "breakout"


def test_hosted_event_has_its_polls_and_four_breakout_questions():
    agenda = load_agenda(template_path("hosted-event"))
    polls = [p for s in agenda.segments for p in s.polls]
    assert polls[0].question == "Have you attended one of our events before?"
    assert polls[0].options == ("Yes", "No")
    assert [p.kind for p in polls[1:]] == ["score", "recommend"]
    assert polls[1].options == ("1", "2", "3", "4", "5")
    breakout = next(s for s in agenda.segments if s.kind == "breakout")
    assert len(breakout.questions) == 4


def test_one_two_four_all_is_one_two_four_five_minutes():
    agenda = load_agenda(template_path("1-2-4-all"))
    assert [s.duration // 60 for s in agenda.segments] == [1, 2, 4, 5]
    assert [s.group_size for s in agenda.segments] == [None, 2, None, None]
    assert [s.join_groups for s in agenda.segments] == [0, 0, 2, 0]  # fours of two pairs


def test_troika_keeps_its_threes_through_every_round():
    agenda = load_agenda(template_path("troika-consulting"))
    breakouts = [s for s in agenda.segments if s.kind == "breakout"]
    assert breakouts[0].group_size == 3 and breakouts[0].min_group_size == 3  # no pairs
    assert len(breakouts) == 12 and all(s.same_groups for s in breakouts[1:])


def test_what_so_what_now_what_keeps_its_groups_through_the_three_steps(tmp_path):
    """So what? builds on the facts each group gathered in What?: the same rooms all along,
    where each step made new groups of five, none of whom had heard the facts."""
    from liftkit.core.live.rooms import plan_from_people
    from liftkit.core.people.reader import read_people

    agenda = load_agenda(template_path("what-so-what-now-what"))
    people = tmp_path / "people.txt"
    people.write_text("".join(f"Person {n}\n" for n in range(1, 22)))
    plans = plan_from_people(agenda, read_people(people).people, seed=3)
    rooms = [[g.members for g in plans[i].rounds[0].groups] for i in (1, 2, 3)]
    assert len(rooms[0]) == 5 and rooms[0] == rooms[1] == rooms[2]


def test_one_two_four_all_keeps_its_question_on_screen_through_the_rooms():
    # The audience view shows a breakout's questions above its rooms: the pairs and fours
    # had none, so people left for their rooms without the question of the minute alone.
    agenda = load_agenda(template_path("1-2-4-all"))
    alone, pairs, fours = agenda.segments[:3]
    assert alone.questions and pairs.questions == alone.questions == fours.questions


@pytest.mark.parametrize("name", REPO_TEMPLATES)
def test_no_template_says_a_question_twice(name):
    # The hosted event's closing prompt repeated both its questions word for word, so the
    # shared screen showed each of them twice.
    for segment in load_agenda(template_path(name)).segments:
        for question in segment.questions:
            assert question.rstrip("…?") not in segment.prompt, (segment.title, question)


@pytest.mark.parametrize("name", REPO_TEMPLATES)
def test_each_step_taken_in_the_rooms_tells_the_host_to_broadcast_it(name):
    # People in breakout rooms do not see the shared screen: Troika's phases moved on by
    # themselves, and So what? / Now what? kept the rooms, with no word to the host to
    # broadcast the next instruction (community-conversation and hosted-event had it).
    agenda = load_agenda(template_path(name))
    in_rooms = [
        s
        for before, s in zip(agenda.segments, agenda.segments[1:], strict=False)
        if before.kind == "breakout" and s.kind == "breakout"
    ]
    for segment in in_rooms:
        assert "broadcast" in segment.notes.lower(), segment.title


@pytest.mark.parametrize("name", REPO_TEMPLATES)
def test_notes_that_send_the_host_to_the_rooms_view_are_on_a_breakout(name):
    # Troika's Set-up (a welcome: no rooms, g not offered, find says "No rooms here") told
    # the host "the rooms view shows it … ask that room to pick its three clients now".
    for segment in load_agenda(template_path(name)).segments:
        if re.search(r"rooms view|\bg shows|\(g\)", segment.notes):
            assert segment.kind == "breakout", (segment.title, segment.notes)


def test_world_cafe_keeps_its_table_hosts_while_the_others_move(tmp_path):
    """The docs speak of World Café throughout, and none was bundled: an hour of a welcome,
    café rounds at tables with a host each, a harvest all together and the closing
    reflections. Split for 30 people with 6 table hosts, each host keeps one room through
    every round and the others meet new people."""
    import itertools

    from liftkit.core.live.rooms import plan_from_people
    from liftkit.core.people.reader import read_people

    agenda = load_agenda(template_path("world-cafe"))
    assert agenda.total == sum(s.duration for s in agenda.segments) == 60 * 60
    kinds = [s.kind for s in agenda.segments]
    assert kinds[0] == "welcome" and kinds[-2:] == ["discussion", "reflection"]
    (cafe,) = [s for s in agenda.segments if s.kind == "breakout"]
    assert cafe.groups and cafe.rounds in (3, 4) and 8 * 60 <= cafe.duration / cafe.rounds <= 600
    assert "table hosts stay" in cafe.notes.lower() and "broadcast" in cafe.notes.lower()
    closing = agenda.segments[-1]
    assert closing.silence == 30
    assert "One practical step I will take away from the discussions is…" in closing.prompt
    people = tmp_path / "people.csv"
    people.write_text("Name,Role\n" + "".join(
        f"Person {n},{'Table host' if n % 5 == 0 else ''}\n" for n in range(30)
    ))  # fmt: skip
    (split,) = plan_from_people(agenda, read_people(people).people, seed=3).values()
    hosts = [{p.name: g.name for g in rnd.groups for p in g.facilitators} for rnd in split.rounds]
    assert len(hosts[0]) == cafe.groups == 6 and all(h == hosts[0] for h in hosts)
    pairs = collections.Counter(
        pair for rnd in split.rounds for g in rnd.groups
        for pair in itertools.combinations(sorted(p.name for p in g.members), 2)
    )  # fmt: skip
    travellers = [pair for pair in pairs if not set(pair) & set(hosts[0])]
    # no two of those who move share a table twice
    assert travellers and max(pairs[pair] for pair in travellers) == 1


def test_agenda_list_fits_a_60_column_terminal_a_row_a_line(tmp_path):
    """At 60 columns each row (67 wide) wrapped over two lines; the titles are shortened
    instead. To a pipe the list stays whole."""
    from support.tmux import Tmux

    term = Tmux(60, 24, cwd=str(tmp_path))
    try:  # a short command line: a long path to python wrapped it, and the list's start
        term.type(f'lk() {{ {shlex.quote(sys.executable)} -m liftkit "$@"; }}; clear')
        term.type("lk agenda list; echo EXIT=$?")
        screen = term.wait_for("EXIT=0")
    finally:
        term.close()
    lines = screen.split("EXIT=$?\n", 1)[1].split("EXIT=0", 1)[0].rstrip("\n").splitlines()
    names = template_names()
    assert len(lines) == 2 + len(names) and all(len(line) <= 60 for line in lines)
    for name, line in zip(names, lines[2:], strict=True):
        assert line.startswith(name + " ") and re.search(r" \d+  +\w[\w ]*$", line)  # its counts
    piped = subprocess.run([sys.executable, "-m", "liftkit", "agenda", "list"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert "World Café" in piped.stdout and "…" not in piped.stdout


@pytest.mark.parametrize("width", [45, 36, 24, 16])
def test_agenda_list_keeps_a_row_a_line_at_very_narrow_widths(tmp_path, width):
    """Below 47 columns the rows wrapped again (`hosted-event  Host…  6  1h 3` / `0m`): the
    segment counts go first, then the titles, then the totals; names are cut only last."""
    from support.tmux import Tmux

    term = Tmux(width, 24, cwd=str(tmp_path))
    try:
        term.type(f'lk() {{ {shlex.quote(sys.executable)} -m liftkit "$@"; }}; clear')
        term.type("clear; lk agenda list; echo EXIT=$?")  # the list alone on the screen
        screen = term.wait_for("EXIT=0")
    finally:
        term.close()
    lines = screen.split("EXIT=0", 1)[0].rstrip("\n").splitlines()
    names = template_names()
    assert len(lines) == 2 + len(names), screen
    assert all(len(line) <= width for line in lines), screen
    for name, line in zip(names, lines[2:], strict=True):
        assert line.startswith(name) or (line.endswith("…") and name.startswith(line[:-1]))
