"""The agenda model: what valid files mean."""

from datetime import datetime

import pytest

from liftkit.core.agenda.model import (
    AgendaError,
    Poll,
    dumps_agenda,
    parse_agenda,
    timeline,
    with_durations,
)
from liftkit.core.agenda.templates import resolve_agenda

MINIMAL = """
title = "Team call"

[[segments]]
title = "Welcome"
duration = "{duration}"
"""


def one_segment(**keys: str) -> str:
    lines = ['title = "Team call"', "", "[[segments]]", 'title = "Only"']
    lines += [f"{key} = {value}" for key, value in keys.items()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ('"90s"', 90),
        ('"5m"', 300),
        ('"1h 15m"', 4500),
        ('"1:30"', 90),
        ("5", 300),
        ("1.5", 90),
        ('"10"', 600),
        ('"2 minutes"', 120),
        ('"1h"', 3600),
        ('"1h30"', 5400),  # an hour and a half, as hosts write it (1:30 is minutes:seconds)
        ('"2h05"', 7500),
        ('"30m15"', 1815),  # and seconds after minutes: "1m30" is a minute and a half
    ],
)
def test_every_duration_spelling_of_the_format(written, seconds):
    agenda = parse_agenda(one_segment(duration=written))
    assert agenda.segments[0].duration == seconds


@pytest.mark.parametrize(
    "written", ['"1h60"', '"1h130"', '"1.5h30"', '"h30"', '"1m60"', '"1.5m30"', '"1m 30s 5"']
)
def test_a_unit_followed_by_what_cannot_be_the_next_unit_down_is_refused(written):
    with pytest.raises(AgendaError, match=r"cannot read .* as a duration"):
        parse_agenda(one_segment(duration=written))


def test_defaults_of_a_minimal_segment():
    segment = parse_agenda(one_segment(duration='"5m"')).segments[0]
    assert segment.kind == "other"
    assert segment.prompt == segment.notes == ""
    assert segment.questions == ()
    assert segment.auto_advance is False
    assert segment.silence == 0
    assert segment.polls == ()
    assert (segment.group_size, segment.groups, segment.rounds) == (None, None, 1)


@pytest.mark.parametrize(
    ("duration", "warn"), [('"5m"', (60,)), ('"2m 1s"', (60,)), ('"2m"', ()), ('"30s"', ())]
)
def test_default_warning_is_one_minute_before_the_end_of_segments_over_two_minutes(duration, warn):
    assert parse_agenda(one_segment(duration=duration)).segments[0].warn == warn


def test_warnings_are_kept_largest_first_and_an_empty_list_means_none():
    assert parse_agenda(one_segment(duration='"10m"', warn='["1m", "5m"]')).segments[0].warn == (
        300,
        60,
    )
    assert parse_agenda(one_segment(duration='"10m"', warn="[]")).segments[0].warn == ()
    assert parse_agenda(one_segment(duration='"10m"', warn='"2m"')).segments[0].warn == (120,)


def test_a_single_question_may_be_written_as_text():
    agenda = parse_agenda(one_segment(duration="5", questions='"Why?"'))
    assert agenda.segments[0].questions == ("Why?",)


def test_poll_options_may_be_numbers_and_kinds_are_kept():
    agenda = parse_agenda(
        one_segment(duration="5")
        + '\n[[segments.polls]]\nquestion = "Score?"\noptions = [1, 2, 3, 4, 5]\nkind = "score"\n'
        + '\n[[segments.polls]]\nquestion = "Recommend?"\noptions = ["Yes", "No"]\n'
        + 'kind = "recommend"\n'
    )
    assert agenda.segments[0].polls == (
        Poll("Score?", ("1", "2", "3", "4", "5"), "score"),
        Poll("Recommend?", ("Yes", "No"), "recommend"),
    )


def test_breakout_keys():
    agenda = parse_agenda(
        one_segment(duration='"30m"', kind='"breakout"', group_size="5", rounds="2")
    )
    segment = agenda.segments[0]
    assert (segment.kind, segment.group_size, segment.groups, segment.rounds) == (
        "breakout",
        5,
        None,
        2,
    )


def test_silence_at_the_start_of_a_segment():
    agenda = parse_agenda(one_segment(duration='"5m"', silence='"30s"', kind='"reflection"'))
    assert agenda.segments[0].silence == 30


def test_a_utf8_byte_order_mark_is_accepted():
    data = "\ufeff".encode() + MINIMAL.format(duration="5m").encode()
    assert parse_agenda(data).title == "Team call"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_utf16_agenda_with_its_byte_order_mark_is_read(codec):
    # Notepad's "Unicode" is UTF-16 with a byte-order mark: nothing to guess, so it is read
    text = MINIMAL.format(duration="5m").replace("Team call", "Équipe café")
    data = ("\ufeff" + text).encode(codec) if codec.endswith("be") else text.encode(codec)
    assert parse_agenda(data).title == "Équipe café"


def test_declared_total_agreeing_with_the_segments_is_kept():
    agenda = parse_agenda('total = "1h 5m"\n' + MINIMAL.format(duration="65m"))
    assert agenda.declared_total == agenda.total == 3900


def test_problems_name_the_source_given():
    with pytest.raises(AgendaError) as caught:
        parse_agenda(MINIMAL.format(duration="0"), "my/agenda.toml")
    assert str(caught.value).startswith("my/agenda.toml:6: ")


def test_timeline_of_the_community_conversation():
    agenda = resolve_agenda("community-conversation").agenda
    start = datetime(2024, 5, 1, 14, 0)
    rows = timeline(agenda, start)
    assert [r.start_clock.strftime("%H:%M") for r in rows] == [
        "14:00",
        "14:05",
        "14:10",
        "14:40",
        "14:55",
    ]
    assert rows[-1].end_clock == datetime(2024, 5, 1, 15, 0)
    assert [(r.start, r.end) for r in timeline(agenda)][2] == (600, 2400)


def test_new_durations_drop_warnings_and_silence_that_no_longer_fit():
    agenda = resolve_agenda("community-conversation").agenda
    shorter = with_durations(agenda, [300, 300, 240, 900, 20])
    assert shorter.segments[2].warn == (60,)  # the 5m warning does not fit in 4m
    assert shorter.segments[4].silence == 0  # 30 s of silence does not fit in 20 s
    assert shorter.declared_total == 300 + 300 + 240 + 900 + 20  # the new sum, still checked
    assert parse_agenda(dumps_agenda(shorter)) == shorter


def test_new_durations_give_the_default_warnings_where_the_file_gave_no_warn():
    """As the file with the new duration would: a 1m segment made 5m warns a minute before
    its end, a 3m one made 2m no longer does; a `warn = []` written in the file stays."""
    text = one_segment(duration='"1m"') + '[[segments]]\ntitle = "Quiet"\nduration = "1m"\n'
    agenda = parse_agenda(text + 'warn = []\n[[segments]]\ntitle = "Set-up"\nduration = "3m"\n')
    assert [s.warn for s in agenda.segments] == [(), (), (60,)]
    longer = with_durations(agenda, [300, 300, 120])
    assert [s.warn for s in longer.segments] == [(60,), (), ()]
    assert parse_agenda(dumps_agenda(longer)) == longer


def test_windows_line_ends_keep_line_numbers_right():
    text = 'title = "Call"\r\n\r\n[[segments]]\r\ntitle = "A"\r\nduration = "0"\r\n'
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text.encode(), "win.toml")
    assert str(caught.value).startswith('win.toml:5: segment 1 "A": "duration": "0" is not')


def test_a_value_with_line_breaks_stays_on_one_message_line():
    text = 'title = "Call"\n[[segments]]\ntitle = "A"\nduration = """\nfive\nminutes"""\n'
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text, "a.toml")
    assert str(caught.value) == (
        'a.toml:4: segment 1 "A": "duration": cannot read "five\\nminutes" as a duration; '
        'write it like "90s", "5m", "1h 15m", "1:30" (minutes:seconds) or a number of minutes'
    )


# Numbers that TOML reads but no host means (issue 12): each is one problem line naming the
# key, never an internal error.
ENDLESS = ["inf", "-inf", "nan", "1e400", "-1e400"]


@pytest.mark.parametrize("number", ENDLESS)
@pytest.mark.parametrize(
    "where",
    [
        "duration = {n}",
        'duration = "10m"\nwarn = [{n}]',
        'duration = "10m"\nsilence = {n}',
        'duration = "10m"\n\n[[segments.polls]]\nquestion = "Q?"\noptions = [{n}, 2]',
    ],
    ids=["duration", "warn", "silence", "poll options"],
)
def test_endless_numbers_are_one_problem_naming_the_key(number, where):
    text = one_segment(**dict([where.format(n=number).split(" = ", 1)]))
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text, "a.toml")
    (line,) = str(caught.value).splitlines()
    key = where.split("\n")[-1].split(" = ")[0]
    assert line.startswith("a.toml:") and f'"{key}"' in line
    assert "is not a duration" in line or "is not an answer" in line


@pytest.mark.parametrize("number", ENDLESS)
def test_the_declared_total_refuses_endless_numbers(number):
    with pytest.raises(AgendaError, match=r'^a\.toml:1: "total": .* is not a duration'):
        parse_agenda(f"total = {number}\n" + MINIMAL.format(duration="5m"), "a.toml")


@pytest.mark.parametrize("option", ['"nan"', '"inf"', '"1e400"', '"1e300"', '"-Infinity"'])
def test_score_polls_need_finite_numbers(option):
    poll = f'\n[[segments.polls]]\nquestion = "Score?"\nkind = "score"\noptions = ["1", {option}]\n'
    with pytest.raises(AgendaError, match=f'a "score" poll needs numbers.*; {option} is not one'):
        parse_agenda(one_segment(duration="5") + poll)


@pytest.mark.parametrize(
    "options", ['["Yes", "Yes"]', '["Yes", "yes"]', '["Not sure", "not  sure "]']
)
def test_poll_options_that_would_be_typed_alike_are_refused(options):
    # ["Yes", "yes"] passed: counts typed "Yes 3, yes 4" went to one of them, the 3 lost
    poll = f'\n[[segments.polls]]\nquestion = "Q?"\noptions = {options}\n'
    with pytest.raises(AgendaError, match='"options" has the same answer twice'):
        parse_agenda(one_segment(duration="5") + poll)


@pytest.mark.parametrize(
    ("key", "value", "limit"),
    [("rounds", "1000000", "at most 50"), ("groups", "99999", "at most 1000")],
)
def test_breakout_numbers_past_any_plan_are_refused(key, value, limit):
    text = one_segment(duration='"30m"', kind='"breakout"', **{key: value})
    with pytest.raises(AgendaError, match=f'"{key}" must be {limit}, not {value}$'):
        parse_agenda(text)


def test_a_number_of_thousands_of_digits_is_a_problem_not_a_crash():
    text = one_segment(duration="9" * 5000)
    with pytest.raises(AgendaError, match=r"^<agenda>:5: a number is thousands of digits long"):
        parse_agenda(text)
    shown = one_segment(duration="9" * 40)  # TOML reads it; the message gives its size
    with pytest.raises(AgendaError, match="a number of 40 digits is longer than a day"):
        parse_agenda(shown)


def test_a_clock_duration_of_thousands_of_digits_is_unreadable_not_a_crash():
    with pytest.raises(AgendaError, match=r'"duration": ".*…" is not a duration'):
        parse_agenda(one_segment(duration=f'"{"9" * 5000}:00"'))


def _two_breakouts(second: str, first: str = "group_size = 3") -> str:
    return (
        'title = "Troika"\n\n[[segments]]\ntitle = "Round 1"\nduration = "4m"\n'
        f'kind = "breakout"\n{first}\n\n[[segments]]\ntitle = "Round 2"\nduration = "4m"\n'
        f"{second}\n"
    )


def test_same_groups_is_kept_and_written_back():
    from liftkit.core.agenda.writing import dumps_agenda

    agenda = parse_agenda(_two_breakouts('kind = "breakout"\nsame_groups = true'))
    assert [s.same_groups for s in agenda.segments] == [False, True]
    assert parse_agenda(dumps_agenda(agenda)) == agenda
    joined = parse_agenda(_two_breakouts('kind = "breakout"\njoin_groups = 2', "group_size = 2"))
    assert [s.join_groups for s in joined.segments] == [0, 2]
    assert parse_agenda(dumps_agenda(joined)) == joined


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_two_breakouts('kind = "talk"\nsame_groups = true'),
         'x.toml:13: segment 2 "Round 2": "same_groups" only applies to breakout segments'),
        (_two_breakouts('kind = "breakout"\nsame_groups = true\ngroup_size = 4'),
         '"group_size" with same_groups = true: the rooms come from the breakout before; '
         'leave out "group_size"'),
        (_two_breakouts('kind = "breakout"', first="same_groups = true"),
         'segment 1 "Round 1": same_groups needs a breakout segment before it'),
        (_two_breakouts('kind = "breakout"\nsame_groups = true\njoin_groups = 2'),
         'give "same_groups" or "join_groups", not both'),
        (_two_breakouts('kind = "breakout"\njoin_groups = 1'),
         '"join_groups" must be at least 2, not 1'),
        (_two_breakouts('kind = "discussion"\njoin_groups = 2'),
         '"join_groups" only applies to breakout segments'),
        (_two_breakouts('kind = "talk"\nmin_group_size = 3'),
         '"min_group_size" only applies to breakout segments'),
        (_two_breakouts('kind = "breakout"\nmin_group_size = 3'),
         '"min_group_size" goes with "group_size"; add group_size = N'),
        (_two_breakouts('kind = "breakout"\ngroup_size = 3\nmin_group_size = 4'),
         '"min_group_size" 4 is more than "group_size" 3; make it at most 3'),
        (_two_breakouts('kind = "breakout"\nsame_groups = true\nmin_group_size = 3'),
         '"min_group_size" with same_groups = true: the rooms come from the breakout before'),
        (_two_breakouts('kind = "breakout"\nsame_groups = "yes"'),
         '"same_groups" must be true or false, not text'),
    ],
)  # fmt: skip
def test_breakout_room_keys_problems_say_what_to_do(text, message):
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text, "x.toml")
    assert message in str(caught.value)


def test_same_groups_false_asks_for_nothing_and_is_no_problem():
    agenda = parse_agenda(_two_breakouts('kind = "breakout"\nsame_groups = false\njoin_groups = 2'))
    assert (agenda.segments[1].same_groups, agenda.segments[1].join_groups) == (False, 2)
    talk = parse_agenda(_two_breakouts('kind = "talk"\nsame_groups = false'))
    assert talk.segments[1].kind == "talk"


def test_min_group_size_is_kept_and_written_back():
    from liftkit.core.agenda.writing import dumps_agenda

    agenda = parse_agenda(_two_breakouts('kind = "breakout"\ngroup_size = 4', "group_size = 3\n"
                                         "min_group_size = 3"))  # fmt: skip
    assert [s.min_group_size for s in agenda.segments] == [3, None]
    assert parse_agenda(dumps_agenda(agenda)) == agenda
