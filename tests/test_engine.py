"""The session engine with a hand-advanced clock."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from liftkit.core.agenda.model import Agenda, Segment
from liftkit.core.live.engine import ENDED, PAUSED, RUNNING, Engine
from liftkit.core.live.events import Reflection, SegmentStart
from liftkit.core.live.replay import replay_journal


def agenda(*segments: Segment) -> Agenda:
    return Agenda(title="Test", segments=segments)


FIVE = agenda(
    Segment("Intro", 300, "welcome", warn=(60,)),
    Segment("Talk", 300, "talk", warn=(60,)),
    Segment("Breakout", 1800, "breakout", warn=(300, 60)),
    Segment("Whole group", 900, "discussion", warn=(60,)),
    Segment("Close", 300, "reflection", silence=30, warn=(60,)),
)


class Driver:
    """Applies what the engine asks for, keeping a journal-like list of events."""

    def __init__(self, a: Agenda) -> None:
        self.engine = Engine(a)
        self.log: list[dict] = []
        self.t = 0.0

    def do(self, events):
        for e in events:
            self.log.append(e)
            self.engine.apply(e)
        return events

    def at(self, t: float):
        self.t = t
        return self.do(self.engine.due(t))

    def __getattr__(self, name):
        method = getattr(self.engine, name)

        def call(*args):
            self.do(self.engine.due(self.t))
            return self.do(method(self.t, *args))

        return call


def test_countdown_counts_down_and_overruns():
    d = Driver(FIVE)
    d.start()
    d.at(100)
    view = d.engine.view(100)
    assert (view.index, view.remaining, view.overrun) == (0, 200, False)
    d.at(330)
    view = d.engine.view(330)
    assert view.remaining == -30 and view.overrun
    assert view.status == RUNNING and view.index == 0  # no auto-advance: stays, overrunning


def test_pause_stops_the_countdown_and_moves_the_projected_end():
    d = Driver(FIVE)
    d.start()
    d.at(60)
    d.toggle_pause()
    assert d.engine.status == PAUSED
    d.at(180)
    view = d.engine.view(180)
    assert view.remaining == 240
    assert view.behind == 120  # two paused minutes push the end back
    d.toggle_pause()
    d.at(240)
    assert d.engine.view(240).remaining == 180


def test_extend_and_shorten_change_the_deadline_not_the_elapsed_time():
    d = Driver(FIVE)
    d.start()
    d.at(100)
    d.extend(60)
    assert d.engine.view(100).remaining == 260
    d.extend(-120)
    assert d.engine.view(100).remaining == 140
    d.extend(-10_000)  # never below the time already run: up now, not a minute over
    assert d.engine.duration(0) == 100
    assert d.engine.view(100).remaining == 0 and not d.engine.view(100).overrun
    assert d.engine.extend(100, -60) == []  # nothing left to take
    d.at(130)
    assert d.engine.view(130).overrun and d.engine.view(130).remaining == -30
    assert d.engine.extend(130, -60) == []  # running over: still nothing to take


def test_next_back_and_jump_keep_each_segments_time():
    d = Driver(FIVE)
    d.start()
    d.at(100)
    d.next_()
    assert d.engine.index == 1
    d.at(130)
    d.back()
    assert d.engine.index == 0
    assert d.engine.view(130).elapsed == 100  # back where it was
    d.jump(4)
    assert d.engine.index == 4
    d.next_()
    assert d.engine.status == ENDED
    assert [e.type for e in d.log][-2:] == ["segment_end", "session_end"]


def test_warnings_fire_once_each_in_order():
    d = Driver(FIVE)
    d.start()
    d.jump(2)  # breakout, 30 min, warnings at 5 min and 1 min before the end
    fired = d.at(1600)  # 26:40 into the breakout: only the 5-minute warning is due
    assert [(e.before, e.mono) for e in fired] == [(300, 1500)]
    assert d.at(1610) == []  # once
    fired = d.at(1801)
    assert [(e.before, e.mono) for e in fired] == [(60, 1740), (0, 1800)]


def test_a_warning_rings_again_when_time_given_back_lifts_the_segment_above_it():
    # "1 min left", then + 2 min: the minute came round again in silence.
    d = Driver(FIVE)
    d.start()  # Intro, 5 min, warned at 1 min before the end
    assert [e.before for e in d.at(250)] == [60]
    d.t = 250
    d.extend(120)  # 2m 50s left: above the warning again
    assert d.at(300) == []
    assert [(e.before, e.mono) for e in d.at(370)] == [(60, 360)]  # once more, at 1 min left
    d.t = 380
    d.extend(30)  # 50 s left, then 80 s: above the warning again
    assert [(e.before, e.mono) for e in d.at(400)] == [(60, 390)]
    d.t = 400
    d.extend(-20)  # time taken away re-arms nothing: 30 s left
    assert d.at(420) == []
    assert [e.before for e in d.at(430)] == [0]
    replayed = replay_journal(FIVE, d.log)  # the journal gives the same warnings
    assert replayed.engine.fired == d.engine.fired


def test_auto_advance_moves_on_at_the_deadline_even_when_checked_late():
    a = agenda(
        Segment("Alone", 60, "silence", auto_advance=True),
        Segment("Pairs", 120, "breakout", auto_advance=True),
        Segment("All", 300, "discussion"),
    )
    d = Driver(a)
    d.start()
    d.at(200)  # checked late: both auto segments are over
    starts = [(e.segment, e.mono) for e in d.log if isinstance(e, SegmentStart)]
    assert starts == [(0, 0.0), (1, 60.0), (2, 180.0)]
    assert d.engine.view(200).remaining == 280  # no drift from the late check


def test_auto_advance_on_the_last_segment_ends_the_session():
    a = agenda(Segment("Only", 30, "silence", auto_advance=True))
    d = Driver(a)
    d.start()
    d.at(31)
    assert d.engine.status == ENDED


def test_projected_end_counts_overrun_and_later_segments():
    d = Driver(FIVE)
    d.start()
    d.at(400)  # 100 s over in the first segment
    view = d.engine.view(400)
    assert view.planned_total == 3600
    assert view.projected_total == 400 + 3300
    assert view.behind == 100


def test_silence_is_the_first_part_of_the_segment():
    d = Driver(FIVE)
    d.start()
    d.jump(4)
    start = d.t
    assert d.engine.view(start + 10).silence_left == 20
    assert d.engine.view(start + 31).silence_left == 0


def test_next_change_wakes_on_whole_seconds_and_on_warnings():
    d = Driver(FIVE)
    d.start()
    assert d.engine.next_change(0.25) == 1.0
    assert d.engine.next_change(239.5) == 240  # the 1-minute warning
    d.toggle_pause()
    assert d.engine.next_change(10) is None


# --------------------------------------------------------------------------- replay

ACTIONS = st.one_of(
    st.tuples(st.just("wait"), st.floats(min_value=0, max_value=400)),
    st.tuples(st.just("next_"), st.none()),
    st.tuples(st.just("back"), st.none()),
    st.tuples(st.just("toggle_pause"), st.none()),
    st.tuples(st.just("extend"), st.sampled_from([60, -60, 120, -300])),
    st.tuples(st.just("jump"), st.integers(min_value=0, max_value=6)),
    st.tuples(st.just("reflect"), st.text(max_size=20)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(ACTIONS, max_size=40), st.booleans())
# back to a segment, then shortened to its warning: the warning fell due a rounding error
# after now and was stamped so, after events written later (found by hypothesis in a run)
@example([("next_", None), ("wait", 1.00001), ("back", None), ("extend", -60), ("next_", None)],
         False)  # fmt: skip
def test_replaying_the_journal_gives_the_live_state(actions, auto):
    a = agenda(
        Segment("A", 120, "welcome", warn=(60,), auto_advance=auto),
        Segment("B", 300, "breakout", warn=(120, 30), auto_advance=auto),
        Segment("C", 30, "silence", auto_advance=True),
        Segment("D", 600, "reflection", silence=30, warn=(60,)),
    )
    d = Driver(a)
    d.start()
    for name, arg in actions:
        if name == "wait":
            d.at(d.t + arg)
        elif name == "reflect":
            d.do([Reflection(mono=d.t, segment=d.engine.index, text=arg)])
        elif arg is None:
            getattr(d, name)()
        else:
            getattr(d, name)(arg)
    d.at(d.t)
    rebuilt = replay_journal(a, d.log).engine
    assert rebuilt == d.engine
    assert rebuilt.view(d.t) == d.engine.view(d.t)
    monos = [e.mono for e in d.log]
    assert monos == sorted(monos)  # the journal never goes back in time


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0.0, max_value=10_000.0, allow_nan=False))
@example(s0=0.757380910900718)  # 0.757… + 60 + 120 is one rounding above 0.757… + 180
def test_back_into_a_used_up_auto_segment_pauses_whatever_the_clock_readings(s0):
    # The time done is a difference of clock readings: 119.99999999999999 of 120 seconds
    # once counted as time left, and the segment moved on again in the same instant.
    from liftkit.core.agenda.templates import resolve_agenda
    from liftkit.core.live.events import Pause

    e = Engine(agenda=resolve_agenda("1-2-4-all").agenda)
    e.apply_all(e.start(s0))
    e.apply_all(e.due(s0 + 60))  # Alone moves on by itself to In pairs
    e.apply_all(e.due(s0 + 180))  # and In pairs to In fours
    assert e.index == 2
    back = e.back(s0 + 185)
    assert isinstance(back[-1], Pause)
    e.apply_all(back)
    assert (e.index, e.status) == (1, PAUSED) and e.due(s0 + 186) == []
