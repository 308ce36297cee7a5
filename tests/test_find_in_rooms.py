"""Finding a person's room during a breakout: f in the rooms view, find NAME in plain mode.

A host moving someone in the meeting, or asked "which room am I in?", used to read every
room of every page for the name."""

import os
import re
import signal
import subprocess
import time
from contextlib import contextmanager
from datetime import datetime

from support.live import attendees_csv
from support.tmux import Tmux
from test_live_terminal import LIFTKIT, journal
from test_reshuffle_message import cafe_toml, latest_rooms
from test_run_plain import env, run_plain, start_plain, wait_for_event

from liftkit.core.live.controls import Ui, parse_line, step
from liftkit.core.live.find import find_in_rooms, matches

ROOMS = [
    ("Room 1", ["Ana Okafor", "Lucía Núñez (facilitator)", "Bo Lee"]),
    ("Room 2", ["Anaïs Brun", "Tomasz Claes", "Dana Okafor"]),
    ("Room 3", ["Ana Lee", "Zainab Shah"]),
]

NAMES = ["Ana Okafor", "Ana Lee", "Anaïs Brun", "Lucía Núñez", "Dana Okafor", "Zainab Shah"]


def test_each_word_typed_starts_a_word_of_the_name_in_any_order_accents_aside():
    assert matches("Lucía Núñez", "nunez") and matches("Lucía Núñez", "NÚÑ luc")
    assert matches("Ana Okafor", "okafor ana") and matches("Ana Okafor", "ana ok")
    assert not matches("Ana Okafor", "kafor")  # the start of a word, not its middle
    assert not matches("Ana Lee", "ana ana")  # each word of the name once
    assert not matches("Bo Lee", "bob")


def test_the_room_of_one_person_several_or_nobody():
    assert find_in_rooms(ROOMS, "nunez") == "Lucía Núñez is in Room 1."  # no "(facilitator)"
    said = find_in_rooms(ROOMS, "  ana  ")
    assert said.startswith("3 people match 'ana': ")
    found = dict(part.rsplit(" (", 1) for part in said.split(": ", 1)[1].rstrip(".").split("; "))
    assert found == {"Ana Okafor": "Room 1)", "Anaïs Brun": "Room 2)", "Ana Lee": "Room 3)"}
    assert "Nobody in these rooms matches 'xavier'" in find_in_rooms(ROOMS, "xavier")
    assert find_in_rooms(ROOMS, " ?! ").startswith("Type part of a name")


def test_many_matches_ask_for_more_of_the_name():
    rooms = [(f"Room {r}", [f"Sam {r}{i}" for i in range(4)]) for r in range(1, 4)]
    said = find_in_rooms(rooms, "sam")
    assert said.startswith("12 people match 'sam': type more of the name. First: ")
    assert said.count("(Room") == 6


def test_f_in_the_rooms_view_and_find_in_plain_mode_ask_for_the_room():
    ui = Ui(rooms=True)
    assert step(ui, "f", 0.0).name == "find" and step(ui, "/", 0.0).name == "find"
    assert step(Ui(), "f", 0.0).name == "none"  # on the clock, f is no key
    action = parse_line(Ui(), "find Ana Ok")
    assert (action.name, action.text) == ("find", "Ana Ok")


def people_csv(tmp_path, names):
    (tmp_path / "people.csv").write_text(
        "name,email\n" + "".join(f"{n},p{i}@x.org\n" for i, n in enumerate(names))
    )


def room_of(rooms, name):
    """The room the journal puts `name` in (by email), in one round as journalled."""
    email = f"p{NAMES.index(name)}@x.org"
    return next(g["name"] for g in rooms["groups"] if email in [m["email"] for m in g["members"]])


def test_plain_mode_says_the_room_the_journal_holds(tmp_path):
    people_csv(tmp_path, NAMES)
    commands = "find nunez\nfind ana\nfind xavier\nq\ny\n"
    proc = run_plain(tmp_path, cafe_toml(1, 3), commands, "--attendees", "people.csv")
    assert proc.returncode == 0, proc.stderr
    (rooms,) = latest_rooms(journal(tmp_path))
    assert f"Lucía Núñez is in {room_of(rooms, 'Lucía Núñez')}." in proc.stdout
    said = re.search(r"(\d) people match 'ana': (.*)\.", proc.stdout)
    assert said and said.group(1) == "3"
    for name in ("Ana Okafor", "Ana Lee", "Anaïs Brun"):
        assert f"{name} ({room_of(rooms, name)})" in said.group(2)
    assert "Nobody in these rooms matches 'xavier'" in proc.stdout


def test_plain_mode_outside_a_breakout_says_rooms_are_for_breakouts(tmp_path):
    agenda = 'title = "T"\n[[segments]]\ntitle = "Welcome"\nduration = "5m"\n'
    proc = run_plain(tmp_path, agenda, "find ana\nq\ny\n")
    assert "rooms are for breakout segments" in proc.stdout


@contextmanager
def rooms_view(tmp_path, *options):
    """a.toml run in tmux at 80x24 on people.csv, in its rooms view."""
    term = Tmux(80, 24, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv",
                  *options])  # fmt: skip
        term.wait_for("running")
        term.keys("g")
        term.wait_for("Room 1 (")
        yield term
    finally:
        term.close()


def test_f_in_the_rooms_view_finds_while_the_rooms_stay_in_view(tmp_path):
    people_csv(tmp_path, NAMES)
    (tmp_path / "a.toml").write_text(cafe_toml(1, 3, "30m"))
    with rooms_view(tmp_path) as term:
        legend = term.screen().rstrip().splitlines()[-1]
        assert re.search(r"\bf +find\b.* q +quit$", legend.rstrip())  # the whole legend
        term.keys("f")
        term.wait_for("Find (part of a name):")
        term.type("zai", enter=False)
        term.wait_for("Find (part of a name): zai")
        assert "Enter  find" in term.screen()
        term.keys("Enter")
        (rooms,) = latest_rooms(journal(tmp_path))
        term.wait_for(f"Zainab Shah is in {room_of(rooms, 'Zainab Shah')}.")
        assert "Room 1 (" in term.screen()  # still the rooms view
        term.keys("f")
        term.wait_for("Find (part of a name):")
        term.type("ana", enter=False)
        term.keys("Escape")  # nothing found, nothing said, nothing kept
        screen = term.wait_without("Find (part")
        assert "No reflection" not in screen and "Room 1 (" in screen
        term.keys("f")
        term.type("dana", enter=False)
        term.wait_for("Find (part of a name): dana")
        # stopped while a name is typed (a closed window): a name found keeps nothing
        shell = int(term.state("#{pane_pid}"))
        (child,) = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True,
                                  text=True).stdout.split()  # fmt: skip
        os.kill(int(child), signal.SIGTERM)
        # the exit line, not the command's own "echo EXIT=$?", in view as the screen closes
        # and before liftkit's last lines are written (CI read that once)
        screen = exit_screen(term)
    said = " ".join(screen.split())  # the last lines are folded at spaces to the window
    assert "Not saved" not in said and "nothing captured is lost" in said
    assert not any(e.get("draft") for e in journal(tmp_path))


def exit_screen(term, timeout=20.0):
    """The screen once the shell has printed the command's exit line (`EXIT=143`)."""
    deadline = time.monotonic() + timeout
    while not re.search(r"^EXIT=\d", screen := term.screen(), re.MULTILINE):
        assert time.monotonic() < deadline, f"no exit line:\n{screen}"
        time.sleep(0.1)
    return screen


def rooms_shown(screen):
    """The rooms of the view, without the title above them or the lines below."""
    return "\n".join(screen.splitlines()[3:-3])


def marked(term):
    """The names in reverse video among the rooms."""
    return re.findall(r"\x1b\[7m([^\x1b]+)", rooms_shown(term.screen(styles=True)))


def marked_once_drawn(term, count, timeout=10.0):
    """The names marked, once `count` are: the line " is in Room 1." of a find before may
    still be on the screen when the next find's mark is not drawn yet."""
    deadline = time.monotonic() + timeout
    while len(found := marked(term)) != count and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def test_f_and_a_name_typed_fast_find_and_are_not_taken_for_a_paste(tmp_path):
    # f, the name and Enter in one read (a fast typist, or a loaded machine): the read was
    # taken for lines pasted without bracketed paste, and nothing was found
    attendees_csv(tmp_path / "people.csv", 60, long=False)
    (tmp_path / "a.toml").write_text(cafe_toml(1, 10, "30m"))
    with rooms_view(tmp_path) as term:
        (rooms,) = latest_rooms(journal(tmp_path))
        last = rooms["groups"][-1]
        name = last["members"][-1]["name"]
        for opener in ("f", "/"):
            term.type(f"{opener}{name.lower()}\r", enter=False)  # one write: one read
            # the page first: the answer to the first find may still be shown at the second
            term.wait_for("page 2 of 2")
            term.wait_for(f"{name} is in {last['name']}.")
            term.keys("Left")
            term.wait_for("page 1 of 2")
        assert latest_rooms(journal(tmp_path)) == [rooms]  # found, nothing saved or moved


def test_f_turns_to_the_page_of_the_room_found_and_marks_the_name(tmp_path):
    # 60 people in 10 rooms take two pages of an 80x24 window: a host asked for someone in
    # the last room read "Tia is in Room 10." with page 1 in view, and turned to find her
    attendees_csv(tmp_path / "people.csv", 60, long=False)
    (tmp_path / "a.toml").write_text(cafe_toml(1, 10, "30m"))
    with rooms_view(tmp_path) as term:
        assert "page 1 of 2" in term.screen()
        (rooms,) = latest_rooms(journal(tmp_path))
        last = rooms["groups"][-1]
        name = last["members"][-1]["name"]
        assert name not in rooms_shown(term.screen())
        term.keys("f")
        term.type(name.lower(), enter=True)
        term.wait_for(f"{name} is in {last['name']}.")
        screen = term.wait_for("page 2 of 2")
        assert name in screen and f"{last['name']} (" in screen
        assert marked(term) == [name]
        term.keys("Right")  # the pages turn on from there
        term.wait_for("page 1 of 2")
        assert name not in rooms_shown(term.screen())
        assert f"{rooms['groups'][0]['name']} (" in term.screen()
        term.keys("f")
        term.type(rooms["groups"][0]["members"][0]["name"], enter=True)
        term.wait_for(" is in Room 1.")
        assert "page 1 of 2" in term.screen()  # already in view: no page turned
        assert marked(term) == [rooms["groups"][0]["members"][0]["name"]]
        term.keys("g")  # the view opened again starts at page 1, nobody marked
        term.wait_without("page 1 of 2")
        term.keys("g")
        term.wait_for("page 1 of 2")
        assert marked(term) == []
        term.keys("f")
        term.type(rooms["groups"][0]["members"][0]["name"], enter=True)
        term.wait_for(" is in Room 1.")
        assert len(marked_once_drawn(term, 1)) == 1
        term.keys("s", "y")  # new rooms: nobody marked in them
        term.wait_for("Groups reshuffled")
        assert marked(term) == []


def test_a_find_line_open_when_the_breakout_ends_closes_with_it(tmp_path):
    # Enter on a name typed as the breakout ended said "No rooms here: rooms are for
    # breakout segments", with the find line left open in the next segment's view
    people_csv(tmp_path, NAMES)
    agenda = cafe_toml(1, 3, "2m").replace("groups = 3", "groups = 3\nauto_advance = true")
    (tmp_path / "a.toml").write_text(agenda + '[[segments]]\ntitle = "Plenary"\nduration = "5m"\n')
    with rooms_view(tmp_path, "--rehearse", "40") as term:  # the breakout ends at 3 s
        term.keys("f")
        term.type("zai", enter=False)
        term.wait_for("Find (part of a name): zai")
        screen = term.wait_for("Round 1 has ended: its rooms are closed, and the find line with")
        assert "Plenary" in screen and "Find (part" not in screen
        term.keys("Enter")
        time.sleep(0.5)
        assert "No rooms here" not in term.screen()


# Two Sam Lees of two organisations, and two Jo Kims the list tells apart by email alone.
NAMESAKES = """name,email,organisation
Sam Lee,sam.lee@nhs.example,NHS Trust
Sam Lee,slee@council.example,City Council
Jo Kim,jo@one.example,Open Books
Jo Kim,jkim@two.example,Open Books
Ana Okafor,ana@x.example,Charity
Bo Li,bo@x.example,NHS Trust
Cy Young,cy@x.example,Charity
Di Dee,di@x.example,City Council
Ed Eng,ed@x.example,NHS Trust
"""


def room_by_email(rooms, email):
    return next(g["name"] for g in rooms["groups"] if email in [m["email"] for m in g["members"]])


def said_line(screen):
    (line,) = [line for line in screen.splitlines() if " people match " in line]
    return line


def test_f_tells_two_people_of_one_name_apart_and_says_each_one_s_room(tmp_path):
    # Two attendees named Sam Lee: f found "Sam Lee (Room 1); Sam Lee (Room 3)", and the
    # rooms showed Sam Lee twice, with nothing to say which one the host was to move.
    (tmp_path / "people.csv").write_text(NAMESAKES)
    (tmp_path / "a.toml").write_text(cafe_toml(1, 3, "30m"))
    term = Tmux(120, 30, cwd=str(tmp_path))
    try:
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--attendees", "people.csv"])
        term.wait_for("running")
        term.keys("g")
        screen = term.wait_for("Room 1 (")
        assert "Sam Lee (NHS Trust)" in screen and "Sam Lee (City Council)" in screen
        assert "Jo Kim <jo@one.example>" in screen and "Jo Kim <jkim@two.example>" in screen
        (rooms,) = latest_rooms(journal(tmp_path))
        nhs, council = (
            room_by_email(rooms, e) for e in ("sam.lee@nhs.example", "slee@council.example")
        )
        term.keys("f")
        term.type("sam lee", enter=True)
        said = said_line(term.wait_for("2 people match 'sam lee': "))
        assert f"Sam Lee (NHS Trust) ({nhs})" in said
        assert f"Sam Lee (City Council) ({council})" in said
        term.keys("f")
        term.type("sam council", enter=True)  # the organisation finds the one meant
        term.wait_for(f"Sam Lee (City Council) is in {council}.")
        term.keys("f")
        term.type("jo kim", enter=True)
        one, two = (room_by_email(rooms, e) for e in ("jo@one.example", "jkim@two.example"))
        said = said_line(term.wait_for("2 people match 'jo kim': "))
        assert f"Jo Kim <jo@one.example> ({one})" in said
        assert f"Jo Kim <jkim@two.example> ({two})" in said
    finally:
        term.close()


def test_the_audience_and_the_event_pack_tell_namesakes_apart_without_emails(tmp_path):
    # The shared view and the published pack listed "Sam Lee" in two rooms; they name the
    # organisation, and never an email (the Jo Kims, of one organisation, stay as named).
    (tmp_path / "people.csv").write_text(NAMESAKES)
    host = start_plain(
        tmp_path, cafe_toml(1, 3, "2m"), "--attendees", "people.csv", "--rehearse", "60"
    )
    try:
        wait_for_event(tmp_path / "s", "segment_start")
        with subprocess.Popen(
            [*LIFTKIT, "view", "latest", "--sessions", "s"], cwd=tmp_path, env=env(),
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        ) as view:  # fmt: skip
            assert view.stdout is not None
            shown = []  # following, the segment, the time left, then the rooms
            while len(shown) < 20 and not (shown and "Room 3:" in shown[-1]):
                shown.append(view.stdout.readline())
            view.kill()
        # the rooms meet (half a minute of the session, half a real second): ended sooner,
        # the pack says they did not
        (begun,) = [e for e in journal(tmp_path) if e["type"] == "segment_start"]
        met = datetime.fromisoformat(begun["wall"]).timestamp() + 0.7
        time.sleep(max(0.0, met - time.time()))
        host.communicate("n\ny\n", timeout=30)
    finally:
        host.kill()
    rooms = "".join(shown[-3:])
    assert "Sam Lee (NHS Trust)" in rooms and "Sam Lee (City Council)" in rooms
    assert rooms.count("Jo Kim") == 2 and "@" not in rooms
    (made,) = latest_rooms(journal(tmp_path))
    nhs = room_by_email(made, "sam.lee@nhs.example")
    pack = subprocess.run(
        [*LIFTKIT, "export", "latest", "--sessions", "s", "--groups", "-o", "-"],
        cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=30,
    ).stdout  # fmt: skip
    (listed,) = [line for line in pack.splitlines() if f"**{nhs}:**" in line]
    assert "Sam Lee (NHS Trust)" in listed
    assert "Sam Lee (City Council)" in pack and "@" not in pack


def test_namesakes_are_told_apart_by_what_differs_and_no_one_else_is_renamed():
    from liftkit.core.people.apart import names_apart
    from liftkit.core.people.reader import Person

    def sam(email, org):
        return Person("Sam Lee", email, {"Organization": org} if org else {})

    people = [sam("a@nhs.example", "NHS Trust"), sam("b@nhs.example", "NHS  trust"),
              sam("c@council.example", "City Council"), sam("d@x.example", ""),
              Person("Ana Okafor", "ana@x.example", {"Organization": "NHS Trust"})]  # fmt: skip
    assert list(names_apart(people).values()) == [
        "Sam Lee <a@nhs.example>", "Sam Lee <b@nhs.example>", "Sam Lee (City Council)",
        "Sam Lee <d@x.example>",
    ]  # fmt: skip
    assert list(names_apart(people, emails=False).values()) == ["Sam Lee (City Council)"]
