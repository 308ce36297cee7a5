"""A script changes an agenda and saves it: render_agenda writes the TOML that loads back
as the agenda it was given, or says what would not load."""

import dataclasses

import pytest

import liftkit


def test_a_changed_duration_is_saved_and_loads_back(tmp_path):
    agenda = liftkit.load_agenda("community-conversation")
    segments = list(agenda.segments)
    segments[2] = dataclasses.replace(segments[2], duration=25 * 60)
    shorter = dataclasses.replace(agenda, segments=tuple(segments), declared_total=None)
    saved = tmp_path / "shorter.toml"
    saved.write_text(liftkit.render_agenda(shorter), encoding="utf-8")
    back = liftkit.load_agenda(saved)
    assert back == shorter
    assert [s.duration for s in back.segments] == [300, 300, 1500, 900, 300]
    assert back.total == 55 * 60
    assert 'duration = "25m"' in saved.read_text(encoding="utf-8")
    for name in liftkit.agenda_templates():  # every template as it is
        template = liftkit.load_agenda(name)
        assert liftkit.parse_agenda(liftkit.render_agenda(template)) == template


def test_an_agenda_that_would_not_load_is_refused_naming_the_segment():
    agenda = liftkit.load_agenda("community-conversation")
    segments = list(agenda.segments)
    segments[2] = dataclasses.replace(segments[2], duration=25 * 60)
    with pytest.raises(liftkit.AgendaError) as caught:  # its total still says 1h
        liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))
    assert str(caught.value) == (
        '`agenda`: "total" says 1h but the segments add up to 55m; '
        "correct the total or the segment durations"
    )
    segments[2] = dataclasses.replace(segments[2], kind="nap")
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))
    assert str(caught.value).startswith('`agenda`: segment 3 "Breakout discussions": unknown kind')
    segments[2] = dataclasses.replace(segments[2], duration="25m")
    with pytest.raises(liftkit.LiftkitError) as wrong:
        liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))
    assert wrong.value.fields[0] == "agenda"
    with pytest.raises(liftkit.LiftkitError, match=r"`agenda` 'agenda\.toml': not an agenda"):
        liftkit.render_agenda("agenda.toml")


def test_every_example_in_the_api_page_runs_and_prints_what_it_says(tmp_path, monkeypatch, capsys):
    import re
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    page = (root / "docs" / "api.md").read_text(encoding="utf-8")
    examples = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    assert len(examples) >= 2
    session = root / "tests" / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
    shutil.copy(session / "attendees.csv", tmp_path / "people.csv")  # has a "Sector" column
    ended = session.with_name("2026-03-10-122958-community-conversation")  # for the journal
    shutil.copytree(ended, tmp_path / "liftkit-sessions" / ended.name)
    monkeypatch.chdir(tmp_path)
    for number, code in enumerate(examples, 1):
        exec(compile(code, f"docs/api.md example {number}", "exec"), {"__name__": "example"})
        printed = capsys.readouterr().out
        for said in re.findall(r"print\(.*\)  # (.+)", code):  # what the comment says
            assert said in printed.splitlines(), (number, said, printed)
    assert liftkit.load_agenda(tmp_path / "shorter.toml").total == 55 * 60
    assert printed.splitlines()[:2] == [  # the journal's first reflections, as it holds them
        "0 Sam Okafor Welcome everyone, the chat is open",
        "2 - Room 2: protected mealtimes, no meetings between 12 and 1 #culture #wellbeing",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"duration": -300}, '"duration" -300: not a whole number of seconds above 0'),
        ({"duration": 1530.5}, '"duration" 1530.5: not a whole number of seconds above 0'),
        ({"warn": (60, -30)}, '"warn" -30: not a whole number of seconds above 0'),
    ],
)
def test_seconds_the_file_cannot_hold_are_refused_as_given(change, message):
    # -300 was written "0s" and refused as '"0s" is not a positive duration', a value the
    # script never gave; 1530.5 was written "25m 30s" and read back as 1530, not the same.
    agenda = liftkit.load_agenda("community-conversation")
    segments = list(agenda.segments)
    segments[2] = dataclasses.replace(segments[2], **change)
    changed = dataclasses.replace(agenda, segments=tuple(segments), declared_total=None)
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.render_agenda(changed)
    assert str(caught.value) == f'`agenda`: segment 3 "Breakout discussions": {message}'
    segments[2] = dataclasses.replace(agenda.segments[2], duration=25.5 * 60)  # whole seconds
    kept = dataclasses.replace(agenda, segments=tuple(segments), declared_total=None)
    assert liftkit.parse_agenda(liftkit.render_agenda(kept)) == kept


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"duration": "25m"}, "\"duration\" '25m' is not seconds"),
        ({"warn": 60}, '"warn" 60 is not a list of seconds'),
        ({"silence": "30s"}, "\"silence\" '30s' is not seconds"),
    ],
)
def test_durations_that_are_not_seconds_are_named_not_python_errors(change, said):
    # "'<=' not supported between instances of 'str' and 'int'", "'int' object is not
    # iterable": what Python said, not what the script gave
    agenda = liftkit.load_agenda("community-conversation")
    segments = list(agenda.segments)
    segments[2] = dataclasses.replace(segments[2], **change)
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))
    assert caught.value.message == f'`agenda`: segment 3 "Breakout discussions": {said}'
    assert "300 for 5 minutes" in caught.value.hint


def test_one_text_where_a_list_goes_is_a_list_of_one_as_in_the_file():
    # questions="Why?" was written as ["W", "h", "y", "?"], options="Yes" as a poll of three
    agenda = liftkit.load_agenda("community-conversation")
    segments = list(agenda.segments)
    segments[2] = dataclasses.replace(segments[2], questions="Why?")
    text = liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))
    assert liftkit.parse_agenda(text).segments[2].questions == ("Why?",)
    poll = dataclasses.replace(agenda.segments[0].polls[0], options="Yes")
    segments[0] = dataclasses.replace(agenda.segments[0], polls=(poll,))
    with pytest.raises(liftkit.AgendaError, match='needs "options": a list of at least two'):
        liftkit.render_agenda(dataclasses.replace(agenda, segments=tuple(segments)))


@pytest.mark.parametrize(
    ("segment", "said"),
    [
        # "no" is a text, and a text is true: written as same_groups = true, the opposite
        (
            liftkit.Segment("Again", 600, kind="breakout", same_groups="no"),
            "\"same_groups\" 'no': would read back as True; give True or False",
        ),
        (
            liftkit.Segment("Talk", 300, auto_advance="no"),
            "\"auto_advance\" 'no': would read back as True; give True or False",
        ),
        # left out of the file, so the file read back one round where the script gave two
        (
            liftkit.Segment("Talk", 300, rounds=2),
            '"rounds" only applies to breakout segments',
        ),
        (
            liftkit.Segment("Poll", 300, polls=(liftkit.Poll("Score?", (1, 2)),)),
            "would read back as (Poll(question='Score?', options=('1', '2')",
        ),
    ],
)
def test_what_the_file_would_read_back_otherwise_is_refused_naming_the_field(segment, said):
    agenda = liftkit.Agenda("T", (liftkit.Segment("Rooms", 600, kind="breakout"), segment))
    with pytest.raises(liftkit.AgendaError) as caught:
        liftkit.render_agenda(agenda)
    assert str(caught.value).startswith(f'`agenda`: segment 2 "{segment.title}": ')
    assert said in str(caught.value)


def test_a_segment_without_warnings_of_its_own_shortened_warns_as_its_file_would(tmp_path):
    # troika-consulting's 3m "Set-up" gives no warn, so it warns a minute before its end;
    # made 1m, render_agenda refused it for a warning the script never set
    agenda = liftkit.load_agenda("troika-consulting")
    segments = list(agenda.segments)
    assert segments[0].warn == (60,) and segments[0].warn_by_default
    segments[0] = dataclasses.replace(segments[0], duration=60)
    shorter = dataclasses.replace(agenda, segments=tuple(segments), declared_total=None)
    saved = tmp_path / "shorter.toml"
    saved.write_text(liftkit.render_agenda(shorter), encoding="utf-8")
    back = liftkit.load_agenda(saved)
    assert back.segments[0].duration == 60 and back.segments[0].warn == ()
    assert back.segments[1:] == shorter.segments[1:]
    ordered = liftkit.Segment("Talk", 600, warn=(30, 120))  # any order: read back sorted
    text = liftkit.render_agenda(liftkit.Agenda("T", (ordered,)))
    assert sorted(liftkit.parse_agenda(text).segments[0].warn) == [30, 120]


def test_a_segment_without_warnings_of_its_own_made_longer_warns_as_its_file_would(tmp_path):
    # 1-2-4-All's 1m "Alone" gives no warn, so it has none; made 5m by a script it was
    # written with `warn = []`, where the file made 5m (and `liftkit new`) warns by default
    from pathlib import Path

    source = Path(__file__).resolve().parent.parent / "agendas" / "1-2-4-all.toml"
    agenda = liftkit.load_agenda("1-2-4-all")
    assert agenda.segments[0].warn == () and agenda.segments[0].warn_by_default
    longer = list(agenda.segments)
    longer[0] = dataclasses.replace(longer[0], duration=5 * 60)
    changed = dataclasses.replace(agenda, segments=tuple(longer), declared_total=None)
    back = liftkit.parse_agenda(liftkit.render_agenda(changed))
    text = source.read_text(encoding="utf-8").replace('duration = "1m"', 'duration = "5m"', 1)
    as_the_file = liftkit.parse_agenda(text)
    assert as_the_file.segments[0].duration == 5 * 60 and as_the_file.segments[0].warn
    assert back.segments[0].warn == as_the_file.segments[0].warn
    assert back.segments[1:] == agenda.segments[1:]
    mine = dataclasses.replace(longer[0], warn=(90,))  # warnings the script gives: its own
    changed = dataclasses.replace(changed, segments=(mine, *longer[1:]))
    assert liftkit.parse_agenda(liftkit.render_agenda(changed)).segments[0].warn == (90,)


def test_the_journal_example_ends_on_a_session_that_stopped(tmp_path):
    # The example followed a session until `session_end`: one the host stopped with q (its
    # last event `stop`) kept it looping for ever
    import json
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    page = (root / "docs" / "api.md").read_text(encoding="utf-8")
    [code] = [c for c in re.findall(r"```python\n(.*?)```", page, re.DOTALL) if "journal" in c]
    (tmp_path / "follow.py").write_text(code, encoding="utf-8")
    ended = root / "tests" / "data" / "sessions" / "2026-03-10-122958-community-conversation"
    events = [json.loads(line) for line in (ended / "journal.jsonl").read_text().splitlines()]
    cut = next(
        i for i, e in enumerate(events) if e["type"] == "segment_start" and e["segment"] == 3
    )

    def event(kind: str, **keys: object) -> dict:
        return {"seq": 0, "type": kind, "wall": events[cut - 1]["wall"], **keys}

    noted = event("reflection", segment=2, text="added after the stop", author=None, tags=[])
    resumed = [event("session_resume", gap=60, paused=False, counted=False), *events[cut:]]
    stop = event("stop", reason="quit")
    for tail in ([stop], [stop, noted], [stop, *resumed]):  # stopped; noted after; resumed
        folder = tmp_path / "liftkit-sessions" / ended.name
        folder.mkdir(parents=True, exist_ok=True)
        written = [*events[:cut], *tail]
        (folder / "journal.jsonl").write_text("".join(json.dumps(e) + "\n" for e in written))
        shown = subprocess.run(
            [sys.executable, "follow.py"], cwd=tmp_path, capture_output=True, text=True, timeout=30
        )
        assert shown.returncode == 0, shown.stderr
        reflections = [e for e in written if e["type"] == "reflection"]
        assert shown.stdout.splitlines() == [
            f"{e['segment']} {e['author'] or '-'} {e['text']}" for e in reflections
        ]


def test_a_segment_made_in_code_without_warn_warns_as_a_files_segment_without_it():
    # Segment("A", 300) had warn=() and was written back `warn = []`: no warning, where the
    # same segment in a file (no `warn`) warns a minute before its end
    from liftkit.core.live.engine import Engine

    filed = liftkit.parse_agenda(
        'title = "T"\n'
        + "".join(
            f'[[segments]]\ntitle = "{title}"\nduration = "{length}"\n'
            for title, length in [("A", "5m"), ("B", "2m"), ("C", "5m")]
        )
        + "warn = []\n"
    )
    made = liftkit.Agenda(
        "T",
        (liftkit.Segment("A", 300), liftkit.Segment("B", 120), liftkit.Segment("C", 300, warn=())),
    )
    assert [s.warn for s in filed.segments] == [(60,), (), ()]
    assert made == filed
    written = liftkit.render_agenda(made)
    assert written == liftkit.render_agenda(filed)
    assert liftkit.parse_agenda(written) == filed
    assert written.count('warn = [\n    "1m",\n]') == 1 and written.count("warn = []") == 2
    # made shorter, it takes the default of its new length, as the file's segment does
    shorter = dataclasses.replace(made.segments[0], duration=90)
    again = liftkit.parse_agenda(
        liftkit.render_agenda(dataclasses.replace(made, segments=(shorter,)))
    )
    assert again.segments[0].warn == ()
    # the live session warns in the code's segment as in the file's
    for agenda in (made, filed):
        engine = Engine(agenda)
        events = engine.start(0.0)
        for event in events:
            engine.apply(event)
        due = engine.due(250.0)
        assert [(e.type, e.before) for e in due if e.type == "warning"] == [("warning", 60)]


@pytest.mark.parametrize(
    ("segment", "message", "hint"),
    [
        (liftkit.Segment("A", 300, kind=None),  # type: ignore[arg-type]
         '`agenda`: segment 1 "A": "kind" None: cannot be written as TOML',
         'give "kind" as text (str)'),
        (liftkit.Segment(None, 300),  # type: ignore[arg-type]
         '`agenda`: segment 1 None: "title" None: cannot be written as TOML',
         'give "title" as text (str)'),
        (liftkit.Segment("Pairs\nTalk", 300, kind=None),  # type: ignore[arg-type]
         '`agenda`: segment 1 "Pairs\\nTalk": "kind" None: cannot be written as TOML',
         'give "kind" as text (str)'),
        (liftkit.Segment("A", 300, questions=(None,)),  # type: ignore[arg-type]
         '`agenda`: segment 1 "A": "questions" (None,): cannot be written as TOML',
         'give "questions" as a tuple of texts'),
        (liftkit.Segment("Pairs\tTalk", 300),
         '`agenda`: segment 1 "Pairs\\tTalk": "title" \'Pairs\\tTalk\': would read back as '
         "'Pairs Talk'; give it as the file reads it: 'Pairs Talk'", ""),
        (liftkit.Segment("Pairs\nTalk", 300, kind="Breakout"),
         '`agenda`: segment 1 "Pairs\\nTalk": "kind" \'Breakout\': would read back as '
         "'breakout'; give it in lower case", ""),
    ],
)  # fmt: skip
def test_what_render_agenda_cannot_write_is_named_by_segment_and_field_on_one_line(
    segment, message, hint
):
    # a None was "`agenda`: cannot be written as TOML: Object of type 'NoneType' is not TOML
    # serializable", naming no segment or field; a title's line break or tab was put raw
    # into the one-line message; and "give texts as str" was said of a str
    with pytest.raises(liftkit.LiftkitError) as caught:
        liftkit.render_agenda(liftkit.Agenda("T", (segment,)))
    error = caught.value
    assert (error.message, error.hint, error.fields) == (message, hint, ("agenda",))
    assert len(str(error).splitlines()) == 1
