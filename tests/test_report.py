"""The report model: percentages, the timeline, polls, quotes."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from liftkit.core.agenda.model import parse_agenda
from liftkit.core.chat import parse_chat
from liftkit.core.live.journal import read_records
from liftkit.core.report import (
    AFTER,
    BEFORE,
    ReportOptions,
    SessionData,
    Timeline,
    build_report,
    clean_text,
    is_practical_step,
    largest_remainder,
    nearest_day,
    segment_times,
    tags_in,
)

T0 = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
AGENDA = parse_agenda(
    """
title = "Three"
[[segments]]
title = "A"
duration = "10m"
[[segments.polls]]
question = "Score?"
options = ["1", "2", "3", "4", "5"]
kind = "score"
[[segments.polls]]
question = "Recommend?"
options = ["Yes", "No"]
kind = "recommend"
[[segments]]
title = "B"
duration = "10m"
[[segments]]
title = "C"
duration = "10m"
"""
)


def event(seconds: float, kind: str, **fields):
    wall = (T0 + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")
    return {"type": kind, "wall": wall, **fields}


def typed(records):
    """Journal lines written by hand, read as the journal reader reads them."""
    return read_records((f"line {n}", r) for n, r in enumerate(records, start=1)).events


def session(*events) -> SessionData:
    return SessionData(Path("s"), AGENDA, typed([event(0, "session_start"), *events]))


# --------------------------------------------------------------------------- percentages


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=30))
def test_largest_remainder_keeps_ties_and_stays_within_one_point(counts):
    shares = largest_remainder(counts)
    total = sum(counts)
    if total == 0:
        assert shares == [0] * len(counts)
        return
    most_tied = max(counts.count(c) for c in set(counts))
    assert 100 - most_tied < sum(shares) <= 100  # exactly 100 unless a tie forbids it
    for count, share in zip(counts, shares, strict=True):
        assert abs(share - count * 100 / total) < 1
        if count == 0:
            assert share == 0
    for a, share_a in zip(counts, shares, strict=True):
        for b, share_b in zip(counts, shares, strict=True):
            assert (share_a == share_b) if a == b else (a < b) <= (share_a <= share_b)


def test_largest_remainder_examples():
    assert largest_remainder([1, 1, 1]) == [33, 33, 33]  # equal counts, equal shares
    assert largest_remainder([58, 11, 4]) == [79, 15, 6]  # the reference pack's split
    assert largest_remainder([7, 3, 1, 1]) == [59, 25, 8, 8]
    assert largest_remainder([3, 2, 1, 1, 1]) == [38, 25, 12, 12, 12]


def test_shares_add_up_to_100_when_equal_counts_can_share_the_last_points():
    # 26 people by sector: 15, 7, 2 and 2 are 57.7%, 26.9%, 7.7% and 7.7%. The pack said
    # 58, 27, 7, 7 (99%), where the two 2s taking the last two points makes 100.
    assert largest_remainder([15, 7, 2, 2]) == [57, 27, 8, 8]
    # By organisation, 12 of them: the pack's column added up to 94%.
    shares = largest_remainder([5, 3, *[2] * 8, 1, 1])
    assert sum(shares) == 100
    assert shares == [19, 11, *[8] * 8, 3, 3]


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=7))
def test_largest_remainder_reaches_100_whenever_a_choice_keeping_ties_does(counts):
    """Tried against every way of giving a point to whole counts at once."""
    total = sum(counts)
    if total == 0:
        return
    distinct = sorted(set(counts))
    floors = {c: c * 100 // total for c in distinct}
    reachable = set()
    for mask in range(1 << len(distinct)):
        share = {c: floors[c] + (mask >> i & 1) for i, c in enumerate(distinct)}
        if any(share[c] > floors[c] and c * 100 % total == 0 for c in distinct):
            continue  # an exact share stays exact
        if all(share[a] <= share[b] for a, b in pairwise(distinct)):
            reachable.add(sum(share[c] for c in counts))
    assert sum(largest_remainder(counts)) == max(s for s in reachable if s <= 100)


# --------------------------------------------------------------------------- timeline


def test_a_segment_entered_twice_adds_up_both_spans():
    events = [
        event(0, "segment_start", segment=0),
        event(300, "segment_start", segment=1),  # next
        event(400, "segment_start", segment=0),  # back
        event(500, "segment_start", segment=1),
        event(900, "session_end"),
    ]
    timeline = Timeline(typed(events))
    times = segment_times(AGENDA, typed(events))  # no `mono`: wall-clock seconds
    assert (times[0].started, times[0].took) == (T0, 400)
    assert (times[1].started, times[1].took) == (T0 + timedelta(seconds=300), 500)
    assert timeline.place_stamp((T0 - timedelta(seconds=1)).timestamp()) == BEFORE
    assert timeline.place_stamp((T0 + timedelta(seconds=450)).timestamp()) == 0
    assert timeline.place_stamp((T0 + timedelta(seconds=900)).timestamp()) == AFTER


def test_a_journal_cut_short_ends_at_its_last_event():
    events = [event(0, "segment_start", segment=0), event(120, "stop", reason="quit")]
    assert Timeline(typed(events)).end == T0 + timedelta(seconds=120)
    assert segment_times(AGENDA, typed(events))[0].took == 120


def test_segment_times_come_from_session_seconds_and_add_up():
    # A rehearsal at 600 times: walls 0.4 s apart, `mono` in session seconds.
    def at(mono: float, kind: str, **fields):
        return {**event(mono / 600, kind, **fields), "mono": mono}

    events = [
        at(0.4, "segment_start", segment=0),
        at(100.6, "pause", segment=0),
        at(160.4, "resume", segment=0),
        at(240.6, "segment_end", segment=0, elapsed=180.4),
        at(240.6, "segment_start", segment=1),
        at(601.4, "segment_end", segment=1, elapsed=360.8),
        at(601.4, "session_end"),
    ]
    times = segment_times(AGENDA, typed(events))
    assert (times[0].took, times[0].paused) == (241, 59)  # 0 to 241 once rounded; 101 to 160
    assert times[1].took == 360
    assert times[0].took + times[1].took == round(601.4) - round(0.4)


def test_nearest_day_handles_midnight_both_ways():
    start = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    end = start + timedelta(hours=1)
    assert nearest_day(start, 10 * 60, end) == datetime(2026, 3, 10, 0, 10, tzinfo=UTC)
    assert nearest_day(start, 23 * 3600, end) == datetime(2026, 3, 9, 23, 0, tzinfo=UTC)
    early = datetime(2026, 3, 10, 0, 5, tzinfo=UTC)
    assert nearest_day(early, 23 * 3600 + 59 * 60, early + timedelta(hours=1)) == datetime(
        2026, 3, 9, 23, 59, tzinfo=UTC
    )


# --------------------------------------------------------------------------- polls


def test_the_last_recorded_poll_result_stands_and_feedback_is_computed():
    report = build_report(
        session(
            event(1, "segment_start", segment=0),
            event(2, "poll", segment=0, poll=0, question="Score?", counts={"5": 1}),
            event(3, "poll", segment=0, poll=0, question="Score?", counts={"4": 2, "5": 1}),
            event(4, "poll", segment=0, poll=1, question="Recommend?", counts={"Yes": 2, "No": 1}),
            event(600, "session_end"),
        ),
        [],
        ReportOptions(),
    )
    score, recommend = report.feedback
    assert score.breakdown.total == 3 and score.average == (4 + 4 + 5) / 3 and score.scale == 5
    assert [r.percent for r in score.breakdown.rows] == [0, 0, 0, 67, 33]
    assert recommend.recommend_percent == 67


# --------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    ("posted", "recorded_in", "recorded_at", "shown"),
    [
        ("14:09:30", 1, 640, [[], ["Ada"]]),  # posted in A, recorded just after moving to B
        ("14:10:50", 0, 590, [["Ada"], []]),  # recorded in A; posted once B had begun
        ("13:59:00", 0, 60, [["Ada"], []]),  # posted before the start, recorded in A
        ("14:01:00", 1, 640, [["Ada"], [None]]),  # nearly ten minutes apart: two quotes
        ("14:01:00", 2, 1210, [["Ada"], [], [None]]),  # two segments apart: two quotes
    ],
)
def test_a_message_recorded_in_the_next_segment_shows_once(posted, recorded_in, recorded_at,
                                                           shown):  # fmt: skip
    # The host often copies a chat message into a reflection a minute later, by which time
    # they may have moved on: the same words in two segments of the pack, unless so close.
    chat = parse_chat(f"{posted} From Ada to Everyone:\n\tListening   with fascination\n", "c")
    report = build_report(
        session(
            event(1, "segment_start", segment=0),
            event(600, "segment_start", segment=1),
            event(1200, "segment_start", segment=2),
            event(recorded_at, "reflection", segment=recorded_in, text="listening with "
                  "fascination", author=None),
            event(1800, "session_end"),
        ),
        [chat],
        ReportOptions(),
    )  # fmt: skip
    authors = [[q.author for q in s.quotes] for s in report.segments]
    assert authors[: len(shown)] == shown
    assert not report.before


@pytest.mark.parametrize(
    ("typed", "shown"),
    [(None, "Ana Ruiz"), ("Ana", "Ana Ruiz"), ("ana", "Ana Ruiz"), ("Ana Ruiz", "Ana Ruiz"),
     ("An", "An"), ("Bo", "Bo"), ("Ana Ruiz-Lopez", "Ana Ruiz-Lopez")],
)  # fmt: skip
def test_a_chat_message_the_host_also_recorded_shows_once_with_the_fuller_name(typed, shown):
    # The host types "Ana: ..." (or no name) while the chat says who posted it in full; the
    # quote is the host's record, once, whatever the case and spacing of the chat's copy.
    chat = parse_chat("14:01:00 From Ana Ruiz to Everyone:\n\tListening   with fascination\n", "c")
    report = build_report(
        session(
            event(1, "segment_start", segment=0),
            event(90, "reflection", segment=0, text="listening with fascination", author=typed),
            event(600, "session_end"),
        ),
        [chat],
        ReportOptions(),
    )
    (quote,) = report.segments[0].quotes
    assert (quote.text, quote.author, quote.source) == ("listening with fascination", shown, "live")


@pytest.mark.parametrize(
    ("sender", "shown"),
    [("Zara Whitlock", [("stories land better than slides", "Zara Whitlock")]),
     ("Zará Whitlock", [("stories land better than slides", "Zará Whitlock")]),
     ("Bo Li", [("stories land better than slides", "Bo Li"),
                ("Zara Whitlock: stories land better than slides", None)])],
)  # fmt: skip
def test_a_walk_in_s_words_recorded_with_their_name_show_once_without_it(sender, shown):
    # E2E QA: the host typed "Zara Whitlock: …" for a walk-in (kept as text: not on the
    # attendee list) and Zara posted the same in the chat: the pack quoted both, the name
    # in one, though quotes name no one by default. Now once, the chat's sender its author
    # (shown only with --names); another person's same words stay theirs.
    chat = parse_chat(
        f"14:01:00 From {sender} to Everyone:\n\tstories land better than slides\n", "c"
    )
    report = build_report(
        session(
            event(1, "segment_start", segment=0),
            event(90, "reflection", segment=0, author=None,
                  text="Zara Whitlock: stories land better than slides"),
            event(600, "session_end"),
        ),
        [chat],
        ReportOptions(),
    )  # fmt: skip
    assert [(q.text, q.author) for q in report.segments[0].quotes] == shown


def test_a_journal_without_its_start_line_still_merges_the_same_words():
    # No session_start (a journal begun by hand, or its first line lost): the chat's clock
    # comes from the first event instead, and the same words still show once.
    chat = parse_chat("14:09:30 From Ada to Everyone:\n\tListening with fascination\n", "c")
    events = [
        event(1, "segment_start", segment=0),
        event(600, "segment_start", segment=1),
        event(640, "reflection", segment=1, text="listening with fascination", author=None),
    ]
    report = build_report(SessionData(Path("s"), AGENDA, typed(events)), [chat], ReportOptions())
    quotes = [q for s in report.segments for q in s.quotes]
    assert [(q.text, q.author) for q in quotes] == [("listening with fascination", "Ada")]


def test_reflections_without_a_segment_and_empty_ones():
    report = build_report(
        session(
            event(1, "segment_start", segment=0),
            event(2, "reflection", segment=None, text="later thought", author="Bo"),
            event(3, "reflection", segment=7, text="segment out of range", author=None),
            event(4, "reflection", segment=0, text="   \n  ", author="Cy"),
            event(600, "session_end"),
        ),
        [],
        ReportOptions(),
    )
    assert [q.text for q in report.unplaced] == ["later thought", "segment out of range"]
    assert report.segments[0].quotes == ()


def test_practical_steps_and_tags():
    assert is_practical_step("One practical step: rest", ())
    assert is_practical_step("“Practical step - rest”", ())
    assert is_practical_step("rest more", ("Step",))
    assert not is_practical_step("a step in the right direction", ())
    assert tags_in("#Listening and #self-compassion, not #1 or a#b or &#35;") == (
        "Listening",
        "self-compassion",
    )


def test_clean_text_trims_lines_and_drops_control_characters():
    assert clean_text("  a  \r\n\r\n\tb\x00c\x1b[31m \n") == "a\nbc[31m"
    assert clean_text("tabs\tinside stay") == "tabs\tinside stay"


def test_two_people_saying_the_same_thing_are_both_quoted():
    chat = parse_chat(
        "14:01:00 From Ada to Everyone:\n\tThank you!\n"
        "14:01:05 From Bo to Everyone:\n\tThank you!\n",
        "c.txt",
    )
    report = build_report(
        session(event(1, "segment_start", segment=0), event(600, "session_end")),
        [chat],
        ReportOptions(),
    )
    assert [(q.author, q.text) for q in report.segments[0].quotes] == [
        ("Ada", "Thank you!"),
        ("Bo", "Thank you!"),
    ]


def test_a_session_that_never_started_places_later_messages_after_it():
    timeline = Timeline(typed([event(0, "session_start")]))
    assert timeline.place_stamp((T0 - timedelta(minutes=1)).timestamp()) == BEFORE
    assert timeline.place_stamp((T0 + timedelta(minutes=1)).timestamp()) == AFTER


values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(), st.text(max_size=8),
    st.lists(st.integers(0, 3), max_size=3), st.dictionaries(st.text(max_size=3), st.integers()),
)  # fmt: skip
walls = st.one_of(
    st.datetimes(
        min_value=datetime(2026, 3, 9), max_value=datetime(2026, 3, 10), timezones=st.just(UTC)
    ).map(lambda d: d.isoformat()),
    values,
)
journal_events = st.lists(
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(
                [
                    "session_start",
                    "segment_start",
                    "segment_end",
                    "reflection",
                    "poll",
                    "groups",
                    "stop",
                    "session_end",
                    "pause",
                    "mystery",
                ]
            ),
            "wall": walls,
        },
        optional={
            "segment": values,
            "poll": values,
            "text": values,
            "author": values,
            "tags": values,
            "counts": values,
            "rounds": values,
            "planned_start": values,
            "rehearse": values,
            "source": values,
        },
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(journal_events, st.booleans())
def test_any_journal_gives_a_report_or_our_error(events, groups):
    from liftkit.core.errors import LiftkitError
    from liftkit.core.report.json_format import render_json
    from liftkit.core.report.markdown import render_markdown

    chat = parse_chat("14:01:00 From Ada to Everyone:\n\thello\n", "c.txt")
    try:
        options = ReportOptions(groups=groups, anonymous=groups)
        report = build_report(SessionData(Path("s"), AGENDA, typed(events)), [chat], options)
    except LiftkitError:
        return
    render_markdown(report)
    render_json(report)


def test_a_report_that_lets_its_chat_log_go_is_the_same_report(monkeypatch):
    """export lets each chat message go as it becomes a quote (issue 12 point 9: memory)."""
    from liftkit.core.report import chat_totals, load_session
    from liftkit.core.report.markdown import render_markdown

    data = Path(__file__).parent / "data"
    session = load_session(data / "sessions" / "2026-03-10-122958-community-conversation")
    raw = (data / "chat" / "zoom-community.txt").read_bytes()
    kept, consumed = parse_chat(raw, "chat.txt"), parse_chat(raw, "chat.txt")
    total = len(kept.messages)
    monkeypatch.setattr(chat_totals, "RELEASE_BATCH", 3)  # batches end in the middle of the log
    whole = render_markdown(build_report(session, [kept], ReportOptions()))
    let_go = render_markdown(build_report(session, [consumed], ReportOptions(), consume_chats=True))
    assert total > 10 and len(kept.messages) == total
    assert consumed.messages == []
    assert let_go == whole
    assert whole.count("“") >= total // 2  # the chat's messages are quoted, not lost


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(st.characters(codec="utf-8")),
    lambda inner: st.lists(inner, max_size=250)
    | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=6),
    max_leaves=600,
)  # fmt: skip


# Lists longer than the batch of a hundred, and keys to escape: drawn at random, long lists
# came too rarely for the 200 examples this test drew (5 runs passed with the comma between
# two batches left out). These fail on that, on a key not escaped, on an empty dict left
# out, and on a key that is not text written as such, whatever is drawn besides them
@example([0] * 101)
@example(list(range(250)))
@example({"quotes": ['é😀 "said"\n'] * 201, "none": [], "empty": {}})
@example([[], {}, [list(range(100))], {"k": list(range(200))}])
@example({'a "quoted" key\n': [1.5, None, True], "😀": {"": []}})
@example({1: "a key that is not text", "b": list(range(101))})
@settings(max_examples=50, deadline=None)
@given(json_values)
def test_json_written_in_pieces_is_the_json_of_the_whole(data):
    # A big pack's JSON is encoded a hundred quotes at a time: joined, it must read and
    # compare as the one-piece encoding did, byte for byte (lists longer than the batch,
    # emoji, empty containers, and keys that are not text included).
    import json

    from liftkit.core.report.json_format import _chunks

    assert "".join(_chunks(data)) == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
