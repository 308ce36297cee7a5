"""A live session on disk: journal first, replay, resume after a crash or a quit."""

import json

import pytest
from support.live import T0, FakeTime

from liftkit.core.agenda.model import load_agenda
from liftkit.core.errors import LiftkitError
from liftkit.core.live.engine import ENDED
from liftkit.core.live.events import Reflection, SessionResume, Source, Stop
from liftkit.core.live.journal import read_journal
from liftkit.core.live.replay import replay_journal
from liftkit.core.live.session import Clock, new_session, resume_session

AGENDA = """
title = "Tiny"
[[segments]]
title = "Welcome"
duration = "2m"
kind = "welcome"
warn = ["1m"]
[[segments.polls]]
question = "Been before?"
options = ["Yes", "No"]
[[segments]]
title = "Talk"
duration = "5m"
kind = "talk"
[[segments]]
title = "Close"
duration = "1m"
kind = "reflection"
auto_advance = true
"""


@pytest.fixture
def agenda_file(tmp_path):
    path = tmp_path / "tiny.toml"
    path.write_text(AGENDA)
    return path


OPEN = []


@pytest.fixture(autouse=True)
def close_sessions():
    yield
    while OPEN:
        OPEN.pop().close()


def make(tmp_path, agenda_file, time, rate=1.0):
    clock = Clock(rate=rate, mono=lambda: time.mono, wall=lambda: time.wall)
    session = new_session(
        load_agenda(agenda_file), agenda_file, "tiny", tmp_path / "sessions", clock
    )
    OPEN.append(session)
    return session


def resume(folder, time):
    resumed = resume_session(
        folder,
        lambda rate, offset: Clock(rate, offset, mono=lambda: time.mono, wall=lambda: time.wall),
        wall_now=lambda: time.wall,
    )
    OPEN.append(resumed.session)
    return resumed


def journal_of(session):
    return read_journal(session.folder / "journal.jsonl").events


def test_every_capture_is_on_disk_before_it_is_acknowledged(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    seen_on_disk = []
    s.listeners.append(lambda e: seen_on_disk.append(e in journal_of(s)))
    s.start()
    s.reflect("Ada Lovelace: listening with fascination #listening", "live")
    s.record_poll(0, 0, {"Yes": 30, "No": 12})
    assert seen_on_disk and all(seen_on_disk)
    events = journal_of(s)
    reflection = next(e for e in events if isinstance(e, Reflection))
    assert reflection.author == "Ada Lovelace"
    assert reflection.tags == ("listening",)
    assert reflection.segment == 0
    assert reflection.wall == T0
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    line = (s.folder / "journal.jsonl").read_text().splitlines()[2]
    assert json.loads(line)["wall"] == "2026-03-09T14:00:00.000+00:00"  # the format on disk


def test_the_folder_holds_the_agenda_copy_and_a_journal(tmp_path, agenda_file):
    s = make(tmp_path, agenda_file, FakeTime())
    assert (s.folder / "agenda.toml").read_text() == AGENDA
    assert s.folder.name.endswith("-tiny")
    assert s.folder.parent == tmp_path / "sessions"


def test_resume_after_a_crash_counts_the_time_away(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    time.advance(30)
    s.tick()
    s.reflect("kept", "live")
    s.close()  # kill -9: no stop event; the process's lock goes with it
    time.advance(45)
    resumed = resume(s.folder, time)
    r = resumed.session
    assert resumed.counted and resumed.gap == pytest.approx(45)
    view = r.engine.view(r.now())
    assert view.elapsed == pytest.approx(75)  # the call went on while liftkit was down
    assert [x.text for x in r.engine.reflections] == ["kept"]
    assert resumed.notice == (
        "Resumed: the clock ran on, as the call did (45s since the host's liftkit last wrote to "
        "the journal)."
    )


def test_a_note_added_while_liftkit_was_down_does_not_take_time_from_the_clock(
    tmp_path, agenda_file
):
    # A co-host's `liftkit note` after a crash took its wall time as the session's last
    # event: resumed, the countdown (and the audience's view) went back by the time from the
    # crash to the note (00:45 of 05:00 became 00:21).
    from liftkit.core.live.journal import append_event

    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    time.advance(30)
    s.reflect("said live", "live")
    s.close()  # kill -9
    time.advance(20)
    last = replay_journal(load_agenda(agenda_file), journal_of(s)).engine.last_mono
    note = Reflection(
        mono=last, wall=time.wall, segment=0, text="noted by a co-host", source=Source.NOTE
    )
    append_event(s.folder / "journal.jsonl", note)  # as `liftkit note` writes it
    time.advance(25)
    resumed = resume(s.folder, time)
    r = resumed.session
    assert resumed.gap == pytest.approx(45)
    assert r.engine.view(r.now()).elapsed == pytest.approx(75)
    assert [x.text for x in r.engine.reflections] == ["said live", "noted by a co-host"]


def test_a_rehearsal_resumed_says_what_its_clock_moved_on_by(tmp_path, agenda_file):
    # At x5, 11 real seconds away moved the clock on 55 s; the notice said only "11s".
    time = FakeTime()
    s = make(tmp_path, agenda_file, time, rate=5.0)
    s.start()
    s.close()  # kill -9, just after the start: its last recorded event
    time.advance(11)
    resumed = resume(s.folder, time)
    r = resumed.session
    assert r.engine.view(r.now()).elapsed == pytest.approx(55)
    assert resumed.notice == (
        "Resumed: the clock ran on, as the call did (11s since the host's liftkit last wrote to "
        "the journal, "
        "55s on the rehearsal clock)."
    )


MOVING_ON = """
title = "1-2-4"
[[segments]]
title = "Alone"
duration = "1m"
auto_advance = true
[[segments]]
title = "In pairs"
duration = "2m"
auto_advance = true
warn = ["30s"]
[[segments]]
title = "In fours"
duration = "4m"
[[segments]]
title = "All"
duration = "5m"
"""


def test_resume_after_a_crash_moves_on_as_the_agenda_did_meanwhile(tmp_path):
    """A kill in a segment that moves on by itself, resumed 3m 30s later: the call (and the
    audience view) went on to 'In fours' 30s ago; the host's screen went back to 'In pairs'
    with its whole two minutes, and the pack said 'Alone' took 3m 40s."""
    agenda_file = tmp_path / "124.toml"
    agenda_file.write_text(MOVING_ON)
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    time.advance(10)
    s.reflect("Ada: alone, a thought", "live")
    s.close()  # kill -9
    time.advance(210)
    resumed = resume(s.folder, time)
    r = resumed.session
    assert r.engine.index == 2
    assert r.engine.view(r.now()).elapsed == pytest.approx(40)
    assert resumed.notice == (
        "Resumed: the clock ran on, as the call did (3m 30s since the host's liftkit last wrote "
        "to the journal); "
        "now at 3/4 In fours."
    )
    starts = {e.segment: e.mono for e in journal_of(r) if e.type == "segment_start"}
    assert starts[1] - starts[0] == pytest.approx(60) and starts[2] - starts[1] == pytest.approx(
        120
    )
    assert journal_of(r)[-1].type == "session_resume"
    assert [x.text for x in r.engine.reflections] == ["alone, a thought"]


def test_resume_after_a_quit_carries_on_where_it_stopped(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    time.advance(30)
    s.stop("quit")
    time.advance(3600)
    resumed = resume(s.folder, time)
    r = resumed.session
    assert not resumed.counted
    assert r.engine.view(r.now()).elapsed == pytest.approx(30)
    assert (
        resumed.notice
        == "Resumed where you stopped (1h since the host's liftkit last wrote to the journal)."
    )
    r.reflect("after resume", "live")
    events = journal_of(r)
    assert [e.type for e in events][-2:] == ["session_resume", "reflection"]
    assert any(isinstance(e, Stop) and e.reason == "quit" for e in events)
    assert any(isinstance(e, SessionResume) for e in events)


def test_a_reflection_half_typed_when_liftkit_stopped_is_given_back_on_resume(
    tmp_path, agenda_file
):
    # A closed window lost what the host was typing: the screen that said so was gone.
    from liftkit.core.live.controller import LIVE, Controller

    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    c = Controller(s, mode=LIVE)
    for key in "rAda: half a thou":
        c.press(key)
    time.advance(5)
    c.terminate("sighup")
    (stop,) = [e for e in journal_of(s) if isinstance(e, Stop)]
    assert (stop.reason, stop.draft, stop.draft_kind) == ("sighup", "Ada: half a thou", "reflect")
    assert not [e for e in journal_of(s) if isinstance(e, Reflection)]  # never confirmed
    time.advance(10)
    resumed = resume(s.folder, time)
    assert resumed.notice == (
        "Resumed: the clock ran on, as the call did (10s since the host's liftkit last wrote to "
        "the journal). "
        "Not saved when liftkit stopped: reflection 'Ada: half a thou'; r gives it back."
    )
    again = Controller(resumed.session, mode=LIVE)
    again.press("r")
    assert again.ui.typing is not None and again.ui.typing.text == "Ada: half a thou"
    for key in ["g", "h", "t", "ENTER"]:
        again.press(key)
    saved = [e for e in journal_of(resumed.session) if isinstance(e, Reflection)]
    assert [(e.author, e.text) for e in saved] == [("Ada", "half a thought")]
    again.press("r")  # given back once, not twice
    assert again.ui.typing is not None and again.ui.typing.text == ""
    again.press("ESC")
    resumed.session.close()  # then liftkit is killed (no stop line): the draft was saved
    time.advance(10)
    later = resume(s.folder, time)
    assert "Not saved" not in later.notice and later.session.draft is None


def test_a_torn_last_line_is_dropped_with_a_warning_and_the_rest_kept(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    s.reflect("confirmed", "live")
    s.close()
    with open(s.folder / "journal.jsonl", "ab") as handle:
        handle.write(b'{"seq":9,"type":"reflection","text":"never confir')
    resumed = resume(s.folder, time)
    assert any("cut off" in n for n in resumed.session.notices)
    assert [x.text for x in resumed.session.engine.reflections] == ["confirmed"]
    resumed.session.reflect("after", "live")
    lines = (s.folder / "journal.jsonl").read_bytes().splitlines()
    assert all(json.loads(line) for line in lines)  # the torn bytes are gone
    assert b"never confir" not in b"".join(lines)


def test_replaying_the_journal_gives_the_state_the_session_had(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time, rate=60)
    s.start()
    time.advance(1)  # 60 session seconds
    s.toggle_pause()
    time.advance(0.5)
    s.toggle_pause()
    s.extend(60)
    s.next_()
    time.advance(2)
    s.back()
    s.jump(2)
    time.advance(2)  # the last segment auto-advances: the session ends
    s.tick()
    assert s.engine.status == ENDED
    rebuilt = replay_journal(s.agenda, journal_of(s)).engine
    assert rebuilt == s.engine


def test_a_finished_session_cannot_be_resumed(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    s.jump(2)
    time.advance(61)
    s.tick()
    with pytest.raises(LiftkitError, match="has ended"):
        resume(s.folder, time)


@pytest.mark.parametrize("journal", ["", '{"seq":1,"type":"stop","reason":"quit"}\n'])
def test_a_session_that_never_started_starts_when_resumed(tmp_path, agenda_file, journal):
    # Killed while waiting for --start (an empty journal), it said "Resumed."; quit before
    # the start, it was refused: "the journal has no session_start event ... fix that line".
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.close()
    (s.folder / "journal.jsonl").write_text(journal)
    resumed = resume(s.folder, time)
    assert resumed.notice == "The session had not started: it starts now."
    resumed.session.start()
    assert resumed.session.engine.current.title == "Welcome"


def test_a_journal_whose_lines_were_lost_before_its_start_is_refused(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.close()
    (s.folder / "journal.jsonl").write_text("garbage\n{not json\n")
    with pytest.raises(LiftkitError, match="the journal has no session_start event"):
        resume(s.folder, time)


def test_a_running_session_cannot_be_resumed_a_second_time(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    with pytest.raises(LiftkitError, match="running in another terminal"):
        resume(s.folder, time)
    s.reflect("still mine", "live")  # the running session is unharmed
    assert journal_of(s)[-1].text == "still mine"


def test_a_note_is_added_while_the_session_runs(tmp_path, agenda_file):
    from liftkit.core.live.journal import append_event

    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    note = Reflection(mono=0.0, wall=T0, segment=0, text="from a note", source=Source.NOTE)
    append_event(s.folder / "journal.jsonl", note)
    s.tick()
    assert [r.text for r in s.engine.reflections] == ["from a note"]  # the screen counts it
    s.reflect("from the session", "live")
    events = journal_of(s)
    texts = [e.text for e in events if isinstance(e, Reflection)]
    assert texts == ["from a note", "from the session"]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))  # no seq twice


def test_a_malformed_event_is_skipped_on_resume_with_a_notice(tmp_path, agenda_file):
    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.start()
    s.reflect("kept", "live")
    s.close()
    with open(s.folder / "journal.jsonl", "a") as handle:
        handle.write('{"seq":9,"type":"extend","segment":0}\n')  # no seconds
        handle.write('{"seq":10,"type":"segment_start","segment":"x"}\n')
        handle.write('{"seq":11,"type":"pause","mono":1e400}\n')
    resumed = resume(s.folder, time)
    skipped = [n for n in resumed.session.notices if "skipped" in n]
    assert [n.split(": ", 1)[1] for n in skipped] == [
        "extend event skipped: seconds: missing",
        "segment_start event skipped: segment: 'x' is not a whole number from 0",
        "pause event skipped: mono: inf is out of range (0 to 1e+12)",
    ]
    assert [r.text for r in resumed.session.engine.reflections] == ["kept"]
    assert resumed.session.engine.status == "running"


def test_a_new_run_names_the_session_before_only_when_it_stopped_short_lately(
    tmp_path, agenda_file
):
    from datetime import timedelta

    from liftkit.core.live.unfinished import unfinished_session

    time = FakeTime()
    parent = tmp_path / "sessions"
    assert unfinished_session(parent, time.wall) is None  # no session yet
    s = make(tmp_path, agenda_file, time)
    assert unfinished_session(parent, time.wall) is None  # running: its lock is held
    s.close()
    assert unfinished_session(parent, time.wall) is None  # never started: nothing to carry on
    s = make(tmp_path, agenda_file, time)
    s.start()
    time.advance(90)
    s.stop("quit")
    s.close()
    said = unfinished_session(parent, time.wall + timedelta(minutes=5))
    assert said == (
        "the session before, stopped at 14:01 (quit), did not end; this is a new one: "
        f"`liftkit resume {s.folder}` carries that one on"
    )
    assert unfinished_session(parent, time.wall + timedelta(hours=13)) is None  # long ago
    s = make(tmp_path, agenda_file, time)
    s.start()
    s.jump(2)
    time.advance(61)
    s.tick()  # the last segment runs out: the session has ended
    s.close()
    assert unfinished_session(parent, time.wall) is None


@pytest.mark.parametrize("reason", ["quit", "sighup"])
def test_a_stop_before_the_start_is_forgotten_once_the_session_starts(
    tmp_path, agenda_file, reason
):
    # Quit (or a closed window) while waiting for --start, resumed and started: a crash later
    # said "Resumed where you stopped" and put the clock back to where the crash left it, and
    # the audience's view showed the host's clock stopped for the whole session.
    from liftkit.core.live.follow import Follower

    time = FakeTime()
    s = make(tmp_path, agenda_file, time)
    s.stop(reason)
    s.close()
    time.advance(60)
    waiting = resume(s.folder, time).session
    waiting.start()
    time.advance(50)
    waiting.reflect("kept", "live")
    follower = Follower.open(s.folder)
    assert follower.host_state(in_use=True) == "running"
    assert not follower.stopped_deliberately
    waiting.close()  # kill -9
    time.advance(87)
    resumed = resume(s.folder, time)
    r = resumed.session
    assert resumed.counted
    assert resumed.notice == (
        "Resumed: the clock ran on, as the call did (1m 27s since the host's liftkit last wrote "
        "to the journal)."
    )
    assert r.engine.view(r.now()).elapsed == pytest.approx(50 + 87)
