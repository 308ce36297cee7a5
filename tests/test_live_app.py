"""Both live front-ends in-process: scripted keys or lines, a fake clock, a string console."""

import io
import json
import re

import pytest
from rich.console import Console
from support.live import FakeTime, ScriptedKeys, ScriptedLines, open_session, plain_output

from liftkit.cli.live.frame import Frame
from liftkit.cli.live.fullscreen import LiveApp
from liftkit.cli.live.keys import decode_keys
from liftkit.cli.live.plain import PlainApp
from liftkit.core.live.controller import LIVE, PLAIN, Controller
from liftkit.core.live.events import SegmentStart
from liftkit.core.live.plain_lines import host_lines
from liftkit.core.live.session import resume_session

AGENDA = """
title = "Rehearsal"

[[segments]]
title = "Welcome"
duration = "2m"
kind = "welcome"
prompt = "Say hello in the chat"
notes = "SECRET HOST NOTE"
warn = ["1m"]

[[segments.polls]]
question = "Been before?"
options = ["Yes", "No"]

[[segments]]
title = "Breakouts"
duration = "10m"
kind = "breakout"
questions = ["What resonated?"]

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
"""


def frame_text(screen, width=80, height=24):
    """The frame as the terminal would show it, without styles."""
    console = Console(width=width, height=height, file=io.StringIO(), color_system=None)
    options = console.options.update(width=width, height=height)
    lines = console.render_lines(Frame().render(screen, width, height), options, pad=False)
    return "\n".join("".join(s.text for s in line).rstrip() for line in lines)


class Recorder:
    """Wraps a live app's `show` to keep every screen it drew; `frames` are their texts."""

    def __init__(self, app, width=80, height=24):
        self.screens = []
        self.size = width, height
        self._frames = []
        real = app.show

        def show():
            real()
            self.screens.append(app.last_screen)

        app.show = show

    @property
    def frames(self):
        done = len(self._frames)
        self._frames.extend(frame_text(sc, *self.size) for sc in self.screens[done:])
        return self._frames


def live_app(session, time, script, width=80, height=24, limit=4 * 3600, **kwargs):
    controller = Controller(session, mode=LIVE, **kwargs)
    out = io.StringIO()
    console = Console(file=out, width=width, height=height, force_terminal=True, color_system=None)
    app = LiveApp(controller, console, ScriptedKeys(time, script, limit))
    return app, Recorder(app, width, height), out


def journal(session):
    path = session.folder / "journal.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def time():
    return FakeTime()


def test_keys_drive_the_full_screen_and_captures_reach_the_journal(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    script = [
        (1, ["h"]),
        (2, [" "]),
        (3, [" "]),
        (4, ["p"]), (5, [*list("30 12"), "ENTER"]),
        (6, ["n"]),
        (7, ["+"]),
        (8, ["r", *"Ada Lovelace: kept #crash", "ENTER"]),
        (9, ["q"]), (10, ["y"]),
    ]  # fmt: skip
    app, seen, _ = live_app(s, time, script)
    outcome = app.run()
    assert (outcome.exit_code, outcome.reason) == (0, "quit")
    first = seen.frames[0]
    assert "Rehearsal" in first and "1/3  Welcome" in first and "█" in first
    assert "SECRET HOST NOTE" in first
    texts = {screen.message for screen in seen.screens}
    assert {"Host notes hidden.", "Paused: space resumes.", "Saved 1 poll result."} <= texts
    assert "+1 min: 10:59 left in this segment." in texts
    assert "Saved reflection from Ada Lovelace (1 so far)." in texts
    assert not any("SECRET HOST NOTE" in frame for frame in seen.frames[2:])
    assert any("■ PAUSED" in frame for frame in seen.frames)
    assert any("Quit?" in frame for frame in seen.frames)
    events = journal(s)
    (reflection,) = [e for e in events if e["type"] == "reflection"]
    assert (reflection["author"], reflection["segment"], reflection["source"]) == (
        "Ada Lovelace", 1, "live",
    )  # fmt: skip
    assert [e["counts"] for e in events if e["type"] == "poll"] == [{"Yes": 30, "No": 12}]
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "quit"


def test_warning_and_overrun_are_words_the_bell_rings_and_ctrl_c_asks(tmp_path, time):
    s = open_session(tmp_path, 'title = "S"\n[[segments]]\ntitle = "Only"\nduration = "90s"\n'
                     'warn = ["1m"]\n', time, rate=20)  # fmt: skip
    app, seen, out = live_app(s, time, [(6, ["SIGINT"]), (6.5, ["SIGINT"])])
    outcome = app.run()
    assert (outcome.exit_code, outcome.reason) == (130, "interrupt")
    statuses = [screen.status for screen in seen.screens]
    assert "▲ 1 MIN LEFT" in statuses and "▲ OVER TIME" in statuses
    over = next(screen for screen in seen.screens if screen.status == "▲ OVER TIME")
    assert over.countdown.startswith("+")
    # The session start and the warning ring; the end of time (no auto-advance) as well.
    assert out.getvalue().count("\x07") == 3
    assert any("press Ctrl-C again" in frame for frame in seen.frames)
    warnings = [e["before"] for e in journal(s) if e["type"] == "warning"]
    assert warnings == [60, 0]


def test_keys_typed_with_r_go_into_the_input_line_not_into_commands(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    app, _, _ = live_app(s, time, [(1, [*list("rBen: nice one n"), "ENTER"]), (2, ["q", "y"])])
    app.run()
    events = journal(s)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["nice one n"]
    assert not [e for e in events if e["type"] in ("pause", "segment_end")]


def test_the_input_line_shows_while_the_countdown_runs(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    script = [(1, ["r", *"Ada: slow"]), (4, [*" typing"]), (6, ["ENTER"]), (7, ["q", "y"])]
    app, seen, _ = live_app(s, time, script)
    app.run()
    typing = [
        (sc.countdown, f)
        for sc, f in zip(seen.screens, seen.frames, strict=False)
        if sc.input_label
    ]
    assert len({countdown for countdown, _ in typing}) >= 3  # the clock moved while typing
    assert any("Ada: slow typing" in frame for _, frame in typing)
    assert all("Enter" in frame and "Esc" in frame for _, frame in typing)


def test_hidden_notes_stay_hidden_after_a_resume(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    app, _, _ = live_app(s, time, [(1, ["h"])], limit=2)
    with pytest.raises(AssertionError, match="still running"):  # as if killed
        app.run()
    s.journal.close()
    resumed = resume_session(s.folder, time.clock).session
    app, seen, _ = live_app(resumed, time, [(1, ["q", "y"])])
    app.run()
    assert not any("SECRET HOST NOTE" in frame for frame in seen.frames)
    assert seen.screens[0].notes == ""


def test_the_resume_notice_goes_when_the_segment_it_names_moves_on(tmp_path, time):
    # "Resumed: … now at 2/3 Pairs." stayed on the screen after Pairs moved on by itself
    # two seconds later, over the next segment's new rooms.
    agenda = (
        'title = "S"\n[[segments]]\ntitle = "Intro"\nduration = "1m"\nauto_advance = true\n'
        '[[segments]]\ntitle = "Pairs"\nduration = "20s"\nauto_advance = true\n'
        '[[segments]]\ntitle = "Fours"\nduration = "5m"\n'
    )
    s = open_session(tmp_path, agenda, time)
    app, _, _ = live_app(s, time, [], limit=30)
    with pytest.raises(AssertionError, match="still running"):  # as if killed
        app.run()
    s.journal.close()
    time.advance(45)  # Intro ran out meanwhile; Pairs has 5 s left
    resumed = resume_session(s.folder, time.clock, wall_now=lambda: time.wall)
    notice = resumed.notice
    assert notice.endswith("now at 2/3 Pairs.")
    app, seen, _ = live_app(resumed.session, time, [(8, ["q", "y"])], notice=notice)
    app.run()
    pairs = [sc for sc in seen.screens if sc.segment_title == "Pairs"]
    fours = [sc for sc in seen.screens if sc.segment_title == "Fours"]
    assert pairs and pairs[0].message == notice
    assert fours and not any("now at 2/3" in sc.message for sc in fours)


def test_a_small_window_keeps_the_countdown_and_the_confirmation(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    app, seen, _ = live_app(s, time, [(1, ["q"]), (2, ["y"])], width=40, height=12)
    app.run()
    assert "02:00  running" in seen.frames[0] or "01:59  running" in seen.frames[0]
    asking = next(frame for frame in seen.frames if "Quit?" in frame)
    assert "running" in asking
    assert all(len(line) <= 40 for frame in seen.frames for line in frame.splitlines())


def test_plain_mode_prints_events_and_takes_commands(tmp_path, time):
    auto = AGENDA.replace('kind = "reflection"', 'kind = "reflection"\nauto_advance = true')
    s = open_session(tmp_path, auto, time, rate=60)
    out = io.StringIO()
    script = [(0.5, ["r Ada: hello from the pipe #pipe", "bogus", "p 5 2"]), (3, ["n", "n"])]
    controller = Controller(s, mode=PLAIN)
    outcome = PlainApp(controller, out, ScriptedLines(time, script)).run()
    assert outcome.reason == "ended"
    lines = plain_output(out)
    assert "> 1/3 Welcome (welcome, 2m)" in lines
    assert "saved reflection (1): Ada: hello from the pipe #pipe" in lines
    assert any(line.startswith("unknown command 'bogus'") for line in lines)
    assert "saved poll: Been before? Yes 5, No 2" in lines
    assert "! 1m left in Welcome" in lines
    assert "> 2/3 Breakouts (breakout, 10m)" in lines and "  1. What resonated?" in lines
    assert lines[-1] == "session complete: 1 reflection captured"  # what next: farewell
    assert controller.farewell(outcome) == [f"Next: liftkit export {s.folder}"]
    assert all(line[:8].count(":") == 2 for line in out.getvalue().splitlines())


def test_plain_mode_prints_in_the_order_of_the_commands_read_at_once(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    script = [(0.5, ["bogus", "r Ada: one", "q", "y"])]  # a pipe: four lines in one read
    controller = Controller(s, mode=PLAIN)
    outcome = PlainApp(controller, out, ScriptedLines(time, script)).run()
    assert outcome.reason == "quit"
    lines = plain_output(out)
    said = [
        next(i for i, line in enumerate(lines) if line.startswith(start))
        for start in ("unknown command 'bogus'", "saved reflection (1)", "Quit? y", "stopped")
    ]
    assert said == sorted(said)
    assert lines[-1] == "stopped (quit)"  # how to carry on: said once, in the farewell
    assert not [line for line in lines if "liftkit resume" in line]
    assert controller.farewell(outcome) == [
        f"Nothing captured is lost. Carry on with: liftkit resume {s.folder}"
    ]


def test_plain_mode_waits_for_the_start_and_ctrl_c_asks_first(tmp_path, time):
    from datetime import timedelta

    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    later = time.wall + timedelta(minutes=30)
    script = [(60, ["status"]), (90, ["n"]), (100, ["SIGINT"]), (101, ["SIGINT"])]
    controller = Controller(s, mode=PLAIN, start_at=later)
    outcome = PlainApp(controller, out, ScriptedLines(time, script)).run()
    assert outcome.exit_code == 130
    lines = plain_output(out)
    # what comes first, as the full screen's wait shows it
    first = "with 1/3 Welcome (2m); type n to start now"
    assert f"waiting to start at {later:%H:%M} {first}" in lines
    # status before the start: when, and how long still, not only "not started"
    assert f"waiting to start at {later:%H:%M}, in 29:00, {first}" in lines
    assert "starting at" not in " ".join(lines)
    assert "> 1/3 Welcome (welcome, 2m)" in lines
    assert any("press Ctrl-C again" in line for line in lines)
    assert "interrupted: stopping" in lines
    assert journal(s)[-1]["reason"] == "interrupt"


def test_plain_mode_sigterm_stops_cleanly(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    outcome = PlainApp(
        Controller(s, mode=PLAIN), out, ScriptedLines(time, [(3, ["SIGTERM"])])
    ).run()
    assert (outcome.exit_code, outcome.reason) == (130, "sigterm")
    assert "stopping (asked to stop: SIGTERM)" in plain_output(out)
    assert journal(s)[-1]["reason"] == "sigterm"


def test_a_closed_terminal_is_said_in_words_the_journal_keeps_its_reason(tmp_path, time):
    # "stopping (sighup)" meant nothing to a host; the journal keeps the signal's name.
    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    outcome = PlainApp(Controller(s, mode=PLAIN), out, ScriptedLines(time, [(3, ["SIGHUP"])])).run()
    assert outcome.reason == "sighup"
    lines = plain_output(out)
    assert "stopping (its terminal closed)" in lines and "stopped (its terminal closed)" in lines
    assert journal(s)[-1]["reason"] == "sighup"


@pytest.mark.parametrize(
    "data, keys",
    [
        ("\x1b[C\x1bOD", ["RIGHT", "LEFT"]),
        ("\x1b[1;5C", []),  # another CSI sequence is skipped whole
        ("\x1b", ["ESC"]),
        ("r\r", ["r", "ENTER"]),
        ("é\x7f", ["é", "BACKSPACE"]),
        ("\x03", ["CTRL_C"]),
        ("\x1bn\x1bb", ["ALT+n", "ALT+b"]),  # Alt (Option) with a key: never Esc then the key
        ("\x1b\x7f", ["ALT_BACKSPACE"]),
        ("\x1bOP", []),  # F1
        ("\x1b\x1b", ["ESC", "ESC"]),
    ],
)
def test_key_decoding(data, keys):
    assert decode_keys(data) == keys


def groups_plan(session, people=10, seed=4):
    """Groups for every breakout, made and journalled as `liftkit run --attendees` does."""
    from liftkit.cli.commands.run_groups import GroupsPlan
    from liftkit.core.live.rooms import plan_from_people
    from liftkit.core.people.reader import Person

    everyone = [Person(f"Ann{i} Lee{i}", f"a{i}@example.org") for i in range(people)]
    plan = GroupsPlan(people=everyone, plans=plan_from_people(session.agenda, everyone, seed))
    plan.record(session)
    return plan


def printed_rooms(lines):
    """Plain mode's room listings: the title line and each room's members, recounted."""
    listings = []
    for line in lines:
        if line.startswith("  Groups: "):
            listings.append((line.strip(), []))
        elif line.startswith("  Room ") and listings:
            listings[-1][1].append(line.split(": ", 1)[1].split("; "))
    return listings


def test_plain_mode_prints_full_rooms_of_the_right_round(tmp_path, time):
    two_rounds = AGENDA.replace('kind = "breakout"', 'kind = "breakout"\nrounds = 2')
    s = open_session(tmp_path, two_rounds, time, rate=10)
    plan = groups_plan(s)
    out = io.StringIO()
    # At ten times the speed: into the breakout at 10 s (session time); reshuffle a minute
    # in (round 1); round 2 begins 5 minutes in.
    script = [(1, ["n"]), (7, ["g"]), (7.1, ["y"]), (40, ["q"]), (40.1, ["y"])]
    controller = Controller(s, mode=PLAIN, reshuffle=plan.reshuffle, groups_view=plan.summary)
    PlainApp(controller, out, ScriptedLines(time, script)).run()
    listings = printed_rooms(plain_output(out))
    titles = [title for title, _ in listings]
    assert [t.split(" · ")[0] for t in titles] == [
        "Groups: round 1 of 2", "Groups: round 1 of 2", "Groups: round 2 of 2",
    ]  # fmt: skip
    assert titles[0].endswith(" · seed 4") and not titles[1].endswith(" · seed 4")  # reshuffled
    for _, rooms in listings:  # every attendee, each once, with full names
        names = [name for room in rooms for name in room]
        assert sorted(names) == sorted(f"Ann{i} Lee{i}" for i in range(10))


def test_the_next_round_of_a_breakout_rings_and_says_so(tmp_path, time):
    # a breakout of two rounds of 5 minutes: at 5 minutes the host is told to send people
    # to their new rooms (nothing in the countdown shows it otherwise)
    two_rounds = AGENDA.replace('kind = "breakout"', 'kind = "breakout"\nrounds = 2')
    s = open_session(tmp_path, two_rounds, time)
    plan = groups_plan(s)
    script = [(1, ["n"]), (200, []), (320, []), (330, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, groups_view=plan.summary)
    rings = []
    real = app.controller.take_bells
    app.controller.take_bells = lambda: rings.append(real()) or rings[-1]
    app.run()
    said = [sc.message for sc in seen.screens if sc.message.startswith("Round ")]
    assert said and said[0] == "Round 2 of 2 begins: new rooms (g shows them)."
    assert sum(rings) >= 2  # the move into the breakout, then its second round


def test_s_then_y_in_the_rooms_view_reshuffles(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    plan = groups_plan(s)
    script = [(1, ["n"]), (2, ["g"]), (3, ["s"]), (4, ["y"]), (5, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, reshuffle=plan.reshuffle, groups_view=plan.summary)
    app.run()
    assert any("Groups: 3 rooms of 3-4 · 10 people · seed 4" in f for f in seen.frames)
    assert any(sc.message.startswith("Groups reshuffled") for sc in seen.screens)
    groups = [e for e in journal(s) if e["type"] == "groups"]
    assert [g["segment"] for g in groups] == [1, 1] and groups[1]["seed"] != 4


def test_the_screen_says_it_is_reshuffling_while_the_rooms_are_made(tmp_path, time):
    # Making rooms again can take a second or two: while it runs, the screen drawn last
    # says so, and no longer asks the question the host just answered
    s = open_session(tmp_path, AGENDA, time)
    plan = groups_plan(s)
    drawn_then = []

    def reshuffle(session):
        drawn_then.append(seen.screens[-1])
        return plan.reshuffle(session)

    script = [(1, ["n"]), (2, ["g"]), (3, ["s"]), (4, ["y"]), (5, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, reshuffle=reshuffle, groups_view=plan.summary)
    app.run()
    assert [screen.message for screen in drawn_then] == ["Reshuffling the groups…"]
    assert any(sc.message.startswith("Groups reshuffled") for sc in seen.screens)


def test_without_attendees_g_names_both_options_that_bring_people(tmp_path, time):
    # nothing to show or shuffle: the host is told which options of run bring people
    from liftkit.cli.commands.run_groups import GroupsPlan

    s = open_session(tmp_path, AGENDA, time)
    plan = GroupsPlan()
    script = [(1, ["n"]), (2, ["g"]), (5, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, reshuffle=plan.reshuffle, groups_view=plan.summary)
    app.run()
    said = [sc.message for sc in seen.screens if sc.message.startswith("No ")]
    assert said[0] == "No rooms here: breakouts get them from `attendees` FILE or `groups` FILE."
    # plain mode: g says so at once, without asking to reshuffle no one
    (tmp_path / "plain").mkdir()
    s = open_session(tmp_path / "plain", AGENDA, time)
    out = io.StringIO()
    script = [(0.5, ["n", "g"]), (1, ["q", "y"])]
    controller = Controller(s, mode=PLAIN, reshuffle=plan.reshuffle, groups_view=plan.summary)
    PlainApp(controller, out, ScriptedLines(time, script)).run()
    lines = plain_output(out)
    assert "No groups here: breakouts get them from `attendees` FILE or `groups` FILE." in lines
    assert not [line for line in lines if line.startswith("Reshuffle")]
    assert not [e for e in journal(s) if e["type"] == "groups"]


# 256 colours first: rich keeps a style's codes from the first console that drew it
@pytest.mark.parametrize(
    ("system", "warned"), [("256", "\x1b[1;38;5;131m"), ("standard", "\x1b[1m▲ 1 MIN LEFT")]
)
def test_the_warning_is_not_bold_yellow_in_sixteen_colours(tmp_path, time, system, warned):
    # TERM=xterm (or screen) has 16 colours: the warning's mid tone became bold ANSI yellow,
    # which a terminal showing bold as bright draws #ffff00, near gone on a white screen;
    # not bold, ANSI yellow was still 1.7-3.1:1 on white. Now the terminal's foreground, bold.
    s = open_session(tmp_path, AGENDA, time)
    app, seen, _ = live_app(s, time, [(70, ["q", "y"])])
    app.run()
    warning = next(sc for sc in seen.screens if sc.status == "▲ 1 MIN LEFT")
    out = io.StringIO()
    console = Console(
        file=out, width=80, height=24, force_terminal=True, color_system=system, no_color=False
    )
    console.print(Frame().render(warning, 80, 24))
    drawn = out.getvalue()
    assert warned in drawn and "▲ 1 MIN LEFT" in drawn
    assert "\x1b[1;33m" not in drawn and "\x1b[1;93m" not in drawn and "\x1b[33m" not in drawn


@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_drops_colours_but_keeps_the_words(tmp_path, time, no_color):
    import re

    from liftkit.cli.env import Environment

    environ = {"TERM": "xterm-256color"} | ({"NO_COLOR": "1"} if no_color else {})
    env = Environment.from_process(environ)
    assert env.no_color is no_color
    out = io.StringIO()
    env.stdout = out
    console = env.console(force_terminal=True, color_system="256", width=80, height=24)
    s = open_session(tmp_path, AGENDA, time)
    app = LiveApp(Controller(s), console, ScriptedKeys(time, []))
    app.controller.advance()
    time.advance(61)
    app.controller.advance()
    console.print(app.frame.render(app.screen(), 80, 24))
    shown = out.getvalue()
    assert "1 MIN LEFT" in shown
    colour = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;5)[;m]")
    assert bool(colour.search(shown)) is not no_color


@pytest.mark.parametrize(
    "environ, ttys, interactive",
    [
        ({"TERM": "xterm-256color"}, True, True),
        ({"TERM": "dumb"}, True, False),  # no cursor movement: plain mode
        ({}, True, False),
        ({"TERM": "xterm"}, False, False),  # a pipe: plain mode
    ],
)
def test_the_environment_says_when_a_full_screen_can_be_drawn(environ, ttys, interactive):
    from liftkit.cli.env import Environment

    env = Environment.from_process(environ)
    env.stdin_isatty = env.stdout_isatty = ttys
    assert env.interactive is interactive


def test_after_a_poll_the_screen_shows_its_counts_and_bars(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    script = [(1, ["p", *"30 12", "ENTER"]), (3, ["n"]), (4, ["q", "y"])]
    app, seen, _ = live_app(s, time, script)
    app.run()
    before = seen.frames[0]
    assert "Poll: Been before? [Yes / No]  (p records the results)" in before
    shown = next(f for sc, f in zip(seen.screens, seen.frames, strict=True) if sc.poll_counts)
    assert "(p records the results)" not in shown
    lines = shown.splitlines()
    total = next(line for line in lines if line.startswith("Poll: Been before?"))
    yes = next(line for line in lines if line.startswith("  Yes "))
    no = next(line for line in lines if line.startswith("  No "))
    assert total.endswith(f"{30 + 12} answers")
    assert yes.endswith("30 (71%)") and no.endswith("12 (29%)")
    assert round(yes.count("█") / no.count("█"), 1) == round(30 / 12, 1)
    after = [f for sc, f in zip(seen.screens, seen.frames, strict=True) if sc.position == "2/3"]
    assert after and not any("Been before?" in f for f in after)  # the next segment replaces it


def digit_rows(frame):
    """Rows of the big digits (not the progress bars, which start with their name)."""
    bars = ("segment", "session")
    return len([ln for ln in frame.splitlines() if "█" in ln and not ln.startswith(bars)])


def test_warnings_are_recomputed_after_back_and_plus_or_minus(tmp_path, time):
    warned = AGENDA.replace('questions = ["What resonated?"]', 'warn = ["5m", "1m"]')
    s = open_session(tmp_path, warned, time)
    # Into the breakout at 1 s; 6:20 later (3:40 left) on to Close, then straight back.
    script = [(1, ["n"]), (381, ["n"]), (382, ["b"]), (390, ["+"]), (395, ["-", "-"]),
              (396, ["q", "y"])]  # fmt: skip
    app, seen, _ = live_app(s, time, script)
    app.run()
    at = {round(time_at, 1): sc for time_at, sc in zip(app.keys.times, seen.screens, strict=False)}
    back = [sc for t, sc in at.items() if 382 <= t < 390]
    assert back and all(sc.status == "▲ UNDER 4 MINS LEFT" for sc in back)
    assert not any("5 MINS" in sc.status for sc in back)
    plus = [sc for t, sc in at.items() if 390 <= t < 395]
    assert plus and all(sc.status == "▲ 5 MINS LEFT" or "UNDER 5" in sc.status for sc in plus)
    minus = [sc for t, sc in at.items() if t >= 395 and sc.position == "2/3"]
    assert minus and all(sc.status == "▲ UNDER 3 MINS LEFT" for sc in minus)


def test_plain_mode_warns_again_after_time_given_back(tmp_path, time):
    # The 1-minute warning, then + 2m: when a minute was left again, plain mode said nothing.
    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    script = [(70, ["+ 2m"]), (200, ["q", "y"])]
    PlainApp(Controller(s, mode=PLAIN), out, ScriptedLines(time, script)).run()
    warned = [e for e in journal(s) if e["type"] == "warning" and e["before"] == 60]
    assert [round(e["mono"]) for e in warned] == [60, 180]  # 1 min left, then again at 3:00
    assert plain_output(out).count("! 1m left in Welcome") == 2


def test_the_overrun_counter_is_as_large_as_the_countdown(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    app, seen, _ = live_app(s, time, [(200, ["q", "y"])])
    app.run()
    running = frame_text(next(sc for sc in seen.screens if sc.tone == "warn"))
    over = frame_text(next(sc for sc in seen.screens if sc.tone == "over"))
    assert digit_rows(over) == digit_rows(running) >= 10  # at 80x24


def test_the_legend_says_what_space_does_now(tmp_path, time):
    # Paused, the foot of the screen still read "space  pause" under "■ PAUSED (space resumes)".
    s = open_session(tmp_path, AGENDA, time)
    app, seen, _ = live_app(s, time, [(1, [" "]), (2, [" "]), (3, ["q", "y"])])
    app.run()
    feet = [" ".join(frame_text(sc).splitlines()[-1].split()) for sc in seen.screens]
    paused = [foot for sc, foot in zip(seen.screens, feet, strict=True) if sc.tone == "paused"]
    running = [foot for sc, foot in zip(seen.screens, feet, strict=True) if sc.tone == "normal"]
    assert paused and all("space resume" in f and "pause" not in f for f in paused)
    assert running and all("space pause" in f for f in running)


def test_paused_on_a_segment_with_no_time_left_the_legend_says_space_moves_on(tmp_path, time):
    # Back on a segment that moved on by itself, the message said "space moves on" above a
    # legend that read "space resume".
    agenda = ('title = "S"\n[[segments]]\ntitle = "One"\nduration = "1m"\nauto_advance = true\n'
              '[[segments]]\ntitle = "Two"\nduration = "5m"\n')  # fmt: skip
    s = open_session(tmp_path, agenda, time)
    app, seen, _ = live_app(s, time, [(70, ["b"]), (72, ["q", "y"])])
    app.run()
    spent = [sc for sc in seen.screens if sc.position == "1/2" and sc.tone == "paused"]
    assert spent and all(("space", "next") in sc.legend for sc in spent)
    assert "space next" in " ".join(frame_text(spent[-1]).splitlines()[-1].split())


@pytest.mark.parametrize("segment, keys", [(0, "rphq?"), (1, "gbq?")])
def test_the_legend_at_80_columns_shows_every_key_that_works_here(tmp_path, time, segment, keys):
    s = open_session(tmp_path, AGENDA, time)
    plan = groups_plan(s)
    script = [(1, ["n"] * segment), (2, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, reshuffle=plan.reshuffle, groups_view=plan.summary)
    app.run()
    screen = next(sc for sc in seen.screens if sc.position == f"{segment + 1}/3")
    legend = frame_text(screen).splitlines()[-1]
    shown = {key for key, _ in screen.legend if f"{key} " in legend}
    assert shown == {key for key, _ in screen.legend}  # none left out at 80 columns
    assert set(keys) <= {key for key, _ in screen.legend} | {"space"}
    assert ("p" in shown) is (segment == 0) and ("g" in shown) is (segment == 1)
    assert ("h" in shown) is (segment == 0)  # only the welcome has host notes


def test_the_legend_offers_h_only_where_there_are_host_notes(tmp_path, time):
    # At 100 columns the legend offered "h notes" on the breakouts, which have no host notes.
    # h still hides them ahead of a later segment (? says so): back on the welcome they stay
    # hidden, and the legend offers h there to bring them back.
    s = open_session(tmp_path, AGENDA, time)
    script = [(1, ["n"]), (2, ["h"]), (3, ["b"]), (4, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, width=100, height=30)
    app.run()
    frames = [frame_text(sc, 100, 30) for sc in seen.screens]
    feet = {
        (sc.position, " ".join(f.splitlines()[-1].split()))
        for sc, f in zip(seen.screens, frames, strict=True)
    }
    welcome = [foot for position, foot in feet if position == "1/3"]
    breakouts = [foot for position, foot in feet if position == "2/3"]
    assert welcome and all("h notes" in foot for foot in welcome)
    assert breakouts and all(" h " not in f" {foot} " and "notes" not in foot for foot in breakouts)
    assert all("quit" in foot for foot in breakouts)  # the legend fits: nothing else was cut
    back = [f for sc, f in zip(seen.screens, frames, strict=True) if sc.position == "1/3"][-1]
    assert "SECRET HOST NOTE" not in back and "h notes" in " ".join(back.splitlines()[-1].split())


@pytest.mark.parametrize("width", [40, 44, 60])
def test_a_narrow_legend_keeps_space_n_and_r_with_help_and_quit(tmp_path, time, width):
    # At 40 columns the legend showed space, n, ? and q: r, to record a reflection, the key
    # a host needs most after the clock's, was dropped for the word "help".
    s = open_session(tmp_path, AGENDA, time)
    plan = groups_plan(s)
    script = [(1, ["n"]), (2, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, reshuffle=plan.reshuffle, groups_view=plan.summary)
    app.run()
    screen = next(sc for sc in seen.screens if sc.position == "2/3")
    legend = frame_text(screen, width=width, height=12).splitlines()[-1]
    assert len(legend) <= width
    for key in ("space", "n", "r", "?", "q"):
        assert re.search(rf"(^|\s){re.escape(key)} ", legend + " "), (key, legend)
    assert "quit" in legend


def test_an_idle_screen_redraws_only_what_changed(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    app, _, _ = live_app(s, time, [(30, [" "]), (60, [" "]), (70, ["q", "y"])], height=30)
    app.run()
    first, *rest = app.written
    assert first == 30  # the whole screen once
    ticking = rest[: len([t for t in app.keys.times if 1 < t < 29])]
    assert ticking and max(ticking) <= 14  # then the countdown and the bars: under half
    assert all(0.9 <= wait <= 1.0 for wait in app.keys.waits[2:25])  # once a second
    # Paused, the countdown stands still: only the session's progress bar moves, now and then.
    paused = [n for t, n in zip(app.keys.times, [first, *rest], strict=False) if 34 < t < 59]
    assert len(paused) >= 20 and paused.count(0) >= 20 and max(paused) == 1


def test_a_bracketed_paste_is_one_key_even_when_it_comes_in_pieces():
    from liftkit.cli.live.keys import KeyDecoder
    from liftkit.core.live.controls import pasted

    keys = KeyDecoder()
    assert keys.feed("r\x1b[200~Line one\rn ") == ["r"]
    assert keys.feed("q\r\x1b[20") == []
    [paste, *rest] = keys.feed("1~n")
    assert pasted(paste) == "Line one n q " and rest == ["n"]
    assert keys.feed("\x1b[200~cut off") == [] and keys.flush() == []  # more may come
    keys.PASTE_WAIT = 0  # its end never came
    assert pasted(keys.flush()[0]) == "cut off"


def test_lines_after_enter_in_the_same_read_are_text_of_the_line(tmp_path, time):
    # A paste from a terminal without bracketed paste: one read, Enter inside.
    s = open_session(tmp_path, AGENDA, time)
    burst = ["r", *"Line one", "ENTER", *"n h q", "ENTER", "ENTER", *"three"]
    app, _, out = live_app(s, time, [(1, burst), (2, ["ENTER"]), (3, ["q", "y"])])
    app.run()
    events = journal(s)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["Line one n h q three"]
    assert not [e for e in events if e["type"] in ("pause", "segment_end", "notes")]
    written = out.getvalue()  # bracketed paste on while the screen is up, off after
    assert written.count("\x1b[?2004h") == 1
    assert written.rindex("\x1b[?2004l") > written.rindex("\x1b[?2004h")


def test_ctrl_z_left_ignored_by_a_parent_without_job_control_stays_ignored():
    # Stopping a process nobody can continue (no job control) would hang the session.
    import signal

    from liftkit.cli.live.terminal import Signals

    before = signal.signal(signal.SIGTSTP, signal.SIG_IGN)
    try:
        with Signals(catch_stop=True):
            assert signal.getsignal(signal.SIGTSTP) is signal.SIG_IGN
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        with Signals(catch_stop=True):  # in a shell with job control it is caught
            assert signal.getsignal(signal.SIGTSTP) not in (signal.SIG_IGN, signal.SIG_DFL)
    finally:
        signal.signal(signal.SIGTSTP, before)


def test_poll_bars_on_screen_give_the_shares_the_pack_gives():
    # 1, 4 and 10 of 15 showed 7%, 27% and 67% live (101 in all) and 6%, 27%, 67% in the pack
    from liftkit.core.live.screen import PollBars
    from liftkit.core.report.model import breakdown

    counts = (("1", 1), ("2", 4), ("3", 10), ("4", 0))
    bars = PollBars("Score?", counts)
    pack = {row.label: row.percent for row in breakdown("Score?", counts).rows}
    assert {option: bars.percent(n) for option, n in counts} == pack
    assert sum(bars.percent(n) for _, n in counts) <= 100


def test_the_input_line_says_the_clock_keeps_running_only_while_it_does(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    script = [(1, ["r"]), (2, ["ESC", " "]), (3, ["r"]), (4, ["ESC", "q", "y"])]
    app, seen, _ = live_app(s, time, script, width=100)
    app.run()
    typing = [f for f, sc in zip(seen.frames, seen.screens, strict=True) if sc.input_label]
    running = [f for f in typing if "PAUSED" not in f]
    paused = [f for f in typing if "PAUSED" in f]
    assert running and all("the clock keeps running" in f for f in running)
    assert paused and not any("the clock keeps running" in f for f in paused)


@pytest.mark.parametrize("after", [["n"], [" "], ["RIGHT"], ["h", "n"]], ids=repr)
def test_a_key_after_enter_in_the_same_read_is_a_key(tmp_path, time, after):
    # Enter then n, typed fast (or over a slow link), came in one read: the n went into the
    # line as text, and the reflection was not saved.
    s = open_session(tmp_path, AGENDA, time)
    script = [(1, ["r", *"quick one"]), (2, ["ENTER", *after]), (3, ["q", "y"])]
    app, _, _ = live_app(s, time, script)
    app.run()
    events = journal(s)
    assert [e["text"] for e in events if e["type"] == "reflection"] == ["quick one"]
    moved = "n" in after or "RIGHT" in after
    assert s.engine.index == (1 if moved else 0)
    assert bool([e for e in events if e["type"] == "pause"]) == (after == [" "])


@pytest.mark.parametrize("last", ["no", "+1", " ok", "b"])
def test_a_paste_whose_last_line_is_short_stays_text(tmp_path, time, last):
    # Pasted without bracketed paste, "Good session" then a short line came in one read with
    # the text before the Enter: the short line was taken as keys (next, +1 min, pause).
    s = open_session(tmp_path, AGENDA, time)
    burst = ["r", *"Good session", "ENTER", *last]
    app, _, _ = live_app(s, time, [(1, burst), (2, ["ENTER"]), (3, ["q", "y"])])
    app.run()
    events = journal(s)
    assert [e["text"] for e in events if e["type"] == "reflection"] == [
        f"Good session {last}"  # the line break a space: nothing of the paste lost
    ]
    assert s.engine.index == 0
    assert not [e for e in events if e["type"] in ("pause", "extend", "segment_end")]


def test_a_message_too_long_for_a_line_is_read_to_its_end(tmp_path, time):
    """What a full disk means and what to do is longer than 80 columns: it takes the line of
    what comes next too, where it was cut at 'free some d…'."""
    import dataclasses

    s = open_session(tmp_path, AGENDA, time)
    app, seen, _ = live_app(s, time, [(1, ["q"]), (2, ["y"])])
    app.run()
    said = (
        "NOT SAVED: cannot write to the journal: the disk is full. Free some space: liftkit "
        "tries again each second."
    )
    text = frame_text(dataclasses.replace(seen.screens[0], message=said))
    bottom = text.splitlines()[-3:]
    assert " ".join(bottom[:2]) == said
    assert "Next: Breakouts" not in text  # back once the message has gone
    assert bottom[2].split()[:2] == ["space", "pause"]
    assert "Next: Breakouts" in frame_text(seen.screens[0])


def test_plain_mode_says_a_silent_segment_s_prompt_and_polls_as_the_silence_ends(tmp_path, time):
    # The prompt ("share one practical step in the chat") and the polls were printed with
    # "30s of strict silence first", while the host's screen and the view held them back.
    silent = AGENDA.replace(
        'kind = "reflection"',
        'kind = "reflection"\nsilence = "30s"\nprompt = "One practical step I will take"\n'
        '[[segments.polls]]\nquestion = "How was it?"\noptions = ["Good", "Poor"]',
    )
    s = open_session(tmp_path, silent, time)
    out = io.StringIO()
    PlainApp(Controller(s, mode=PLAIN), out, ScriptedLines(time, [(1, ["jump 3"]),
             (200, ["q", "y"])])).run()  # fmt: skip
    stamped = out.getvalue().splitlines()
    at = {line[10:]: line[:8] for line in stamped}
    lines = [line[10:] for line in stamped]
    begins = lines.index("> 3/3 Close (reflection, 5m)")
    assert lines[begins + 1] == "  30s of strict silence first"
    over = lines.index("silence is over in Close: 04:30 left")
    assert lines[over + 1 : over + 3] == ["  One practical step I will take",
                                          "  poll: How was it? [Good / Poor]"]  # fmt: skip
    assert lines.count("  One practical step I will take") == 1  # not before the silence
    assert at["  One practical step I will take"] == "14:00:31"  # as the silence ends


def test_plain_mode_caught_up_after_a_silent_segment_s_silence_says_its_prompt_at_once(
    tmp_path, time
):
    # A start printed late (a freeze, a fast --rehearse) after the silence had ended would
    # wait for an end already gone: the prompt is printed with the segment's block.
    silent = AGENDA.replace(
        'kind = "reflection"', 'kind = "reflection"\nsilence = "30s"\nprompt = "One step"'
    )
    s = open_session(tmp_path, silent, time)
    s.start()
    (start,) = [e for e in s.jump(2) if isinstance(e, SegmentStart)]
    assert "  One step" in host_lines(start, s.engine, s.now() + 40, notes=False)
    assert "  One step" not in host_lines(start, s.engine, s.now(), notes=False)


def test_plain_mode_says_the_time_left_as_the_countdown_and_the_minute_line_do(tmp_path, time):
    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    script = [(30.4, ["pause"]), (40, ["status", "+"]), (45, ["resume", "q", "y"])]
    PlainApp(Controller(s, mode=PLAIN), out, ScriptedLines(time, script)).run()
    lines = plain_output(out)
    # paused with 1:29.6 left: the countdown and the status line read 01:30, so + gives 02:30
    assert "1/3 Welcome: 01:30 left (paused) · session on time" in lines
    assert "+1m for Welcome: 02:30 left" in lines
    assert "resumed Welcome: 02:30 left" in lines


def test_plain_mode_names_the_polls_and_says_once_when_the_silence_is_over(tmp_path, time):
    silent = AGENDA.replace('kind = "reflection"', 'kind = "reflection"\nsilence = "30s"')
    s = open_session(tmp_path, silent, time)
    out = io.StringIO()
    script = [(1, ["jump 3"]), (200, ["q", "y"])]
    PlainApp(Controller(s, mode=PLAIN), out, ScriptedLines(time, script)).run()
    stamped = out.getvalue().splitlines()
    lines = plain_output(out)
    assert "  poll: Been before? [Yes / No]" in lines  # what p records, in its order
    assert "  30s of strict silence first" in lines
    over = [line for line in stamped if "silence is over" in line]
    assert [line[10:] for line in over] == ["silence is over in Close: 04:30 left"]
    assert over[0][:8] == "14:00:31"  # when it is over, not at the next minute line


def test_plain_mode_says_the_time_left_on_going_back_to_a_segment(tmp_path, time):
    # '> 1/3 Welcome (welcome, 2m)' was all a host heard on b: not that 1:30 was left.
    s = open_session(tmp_path, AGENDA, time)
    out = io.StringIO()
    script = [(30, ["n"]), (40, ["b"]), (50, ["q", "y"])]
    PlainApp(Controller(s, mode=PLAIN), out, ScriptedLines(time, script)).run()
    lines = plain_output(out)
    second = lines.index("> 2/3 Breakouts (breakout, 10m)")
    back = lines.index("> 1/3 Welcome (welcome, 2m)", second)
    assert lines[back + 1] == "  01:30 left: it keeps the time it had"
    first = lines.index("> 1/3 Welcome (welcome, 2m)")
    assert lines[first + 1] == "  Say hello in the chat"  # a first start says nothing of it


def test_names_found_are_marked_until_the_next_round_brings_new_rooms(tmp_path, time):
    # f in the rooms view marks whom it found; in round 2 they are in other rooms, so the
    # marks go with round 1's rooms
    two_rounds = AGENDA.replace('kind = "breakout"', 'kind = "breakout"\nrounds = 2')
    s = open_session(tmp_path, two_rounds, time)
    plan = groups_plan(s)
    typed = [(3 + i / 4, [key]) for i, key in enumerate(["f", *"ann3", "ENTER"])]
    script = [(1, ["n"]), (2, ["g"]), *typed, (200, []), (320, []), (330, ["q", "y"])]
    app, seen, _ = live_app(s, time, script, groups_view=plan.summary)
    app.run()
    shown = [sc for sc in seen.screens if sc.rooms_view and sc.groups is not None]
    marked = [sc for sc in shown if sc.rooms_found]
    assert marked and {sc.groups.title.split(" · ")[0] for sc in marked} == {"Groups: round 1 of 2"}
    ((room, name),) = marked[-1].rooms_found
    assert name == "Ann3 Lee3" and name in dict(marked[-1].groups.rooms)[room]
    found = [(sc.rooms_found, sc.groups.title.split(" · ")[0]) for sc in shown]
    assert any(title == "Groups: round 2 of 2" and not f for f, title in found)
