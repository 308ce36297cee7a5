"""Slips a host makes typing or pasting an agenda, and the one line `agenda check` says for
each: what is wrong, where, and what to write instead (the QA pass's agenda repros). The
broken files beside the expected messages are in tests/data/agendas/broken/; these are the
variants of them."""

import pytest

TOP = 'title = "Team call"\n\n[[segments]]\ntitle = "Close"\nduration = "5m"\n'


def check(cli, tmp_path, monkeypatch, text: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    return cli("agenda", "check", "a.toml")


def refused(cli, tmp_path, monkeypatch, text: str) -> str:
    result = check(cli, tmp_path, monkeypatch, text)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    return line


# ----------------------------------------------------------------------- quotes inside quotes


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "prompt = 'Sam's call'",
            "Error: a.toml:6:14: TOML syntax error: a ' inside the quoted text ends it early; "
            'write it as ’, or put double quotes around the text, like prompt = "It\'s on"',
        ),
        (
            'prompt = "Share: " One step"',
            'Error: a.toml:6:18: TOML syntax error: a " inside the quoted text ends it early; '
            'write it as \\" or curly “ ”, or put single quotes around the text, like '
            "prompt = 'Say \"hello\"'",
        ),
    ],
)
def test_a_quote_inside_quoted_text_is_said_to_end_it(cli, tmp_path, monkeypatch, line, said):
    assert refused(cli, tmp_path, monkeypatch, TOP + line + "\n") == said


def test_the_quotes_the_advice_gives_are_read(cli, tmp_path, monkeypatch):
    for prompt in (
        'prompt = "In the chat: \\"One step\\""',
        'prompt = "In the chat: “One step”"',
        "prompt = 'In the chat: \"One step\"'",
    ):
        result = check(cli, tmp_path, monkeypatch, TOP + prompt + "\n")
        assert result.exit_code == 0, result.stderr


# ----------------------------------------------------------------------- pasted characters


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (  # as indent
            '\u00a0 \u00a0 kind = "talk"',
            "Error: a.toml:6:1: TOML syntax error: a non-breaking space (U+00A0) at column 1: "
            "replace it with an ordinary space",
        ),
        (  # before a comment
            'notes = "see doc"\u00a0# comment',
            "Error: a.toml:6:18: TOML syntax error: a non-breaking space (U+00A0) at column 18: "
            "replace it with an ordinary space",
        ),
        (  # inside a key
            'no\u200btes = "see doc"',
            "Error: a.toml:6:3: TOML syntax error: a zero-width space (U+200B) at column 3: "
            "delete it",
        ),
        (  # after the equals sign
            "notes =\u202f'see doc'",
            "Error: a.toml:6:8: TOML syntax error: a narrow non-breaking space (U+202F) at "
            "column 8: replace it with an ordinary space",
        ),
    ],
)
def test_a_pasted_invisible_character_is_named_with_its_column(
    cli, tmp_path, monkeypatch, line, said
):
    assert refused(cli, tmp_path, monkeypatch, TOP + line + "\n") == said


def test_an_invisible_character_in_a_value_is_shown_escaped(cli, tmp_path, monkeypatch):
    line = refused(cli, tmp_path, monkeypatch, TOP + 'kind = "\u00a0break"\n')
    assert line == (
        'Error: a.toml:6: segment 1 "Close": unknown kind "\\u00a0break": it holds a '
        'non-breaking space (U+00A0); write "break"'
    )
    line = refused(cli, tmp_path, monkeypatch, TOP + 'warn = "1m\u200b"\n')
    assert '"warn": cannot read "1m\\u200b" as a duration' in line
    # a space inside the text shows as one, and the joiners an emoji or a script needs stay
    line = refused(cli, tmp_path, monkeypatch, TOP + 'kind = "a\u00a0b 👩🏽\u200d⚕️"\n')
    assert 'unknown kind "a\u00a0b 👩🏽\u200d⚕️"; valid kinds' in line


# ----------------------------------------------------------------------- [segments] brackets


def test_a_segment_in_single_brackets_after_double_ones_is_said_so(cli, tmp_path, monkeypatch):
    text = TOP + '\n[segments]\ntitle = "Talk"\nduration = "10m"\n'
    assert refused(cli, tmp_path, monkeypatch, text) == (
        "Error: a.toml:7: TOML syntax error: [segments] is given a second time (first on line "
        "3); write each segment as [[segments]] (double brackets)"
    )


def test_another_table_given_twice_is_said_in_the_hosts_words(cli, tmp_path, monkeypatch):
    text = TOP + "\n[extra]\na = 1\n\n[extra]\nb = 2\n"
    assert refused(cli, tmp_path, monkeypatch, text) == (
        "Error: a.toml:10: TOML syntax error: [extra] is given a second time (first on line "
        "7); put its keys under the first one"
    )


# ----------------------------------------------------------------------- backslashes


def test_a_backslash_in_longer_text_gets_the_general_advice(cli, tmp_path, monkeypatch):
    text = TOP + "notes = \"The 'shared' drive: S:\\Team\\2024\"\n"
    assert refused(cli, tmp_path, monkeypatch, text) == (
        "Error: a.toml:6:32: TOML syntax error: a backslash (\\) in double quotes starts an "
        "escape such as \\n; write \\\\ for each backslash, or put the text in single quotes, "
        "like notes = 'S:\\Team'"
    )
    # \u that is no character's code is the same slip
    line = refused(cli, tmp_path, monkeypatch, TOP + 'notes = "C:\\users\\sam"\n')
    assert line.startswith("Error: a.toml:6:12: TOML syntax error: a backslash (\\) in double")


def test_the_backslashes_the_advice_gives_are_read(cli, tmp_path, monkeypatch):
    for notes in ('notes = "S:\\\\Team\\\\2024"', "notes = 'S:\\Team\\2024'"):
        result = check(cli, tmp_path, monkeypatch, TOP + notes + "\n")
        assert result.exit_code == 0, result.stderr


# ----------------------------------------------------------------------- lists


def test_a_missing_comma_in_a_list_over_several_lines_is_said_so(cli, tmp_path, monkeypatch):
    text = TOP + 'questions = [\n    "What resonated?"\n    "What will you try?",\n]\n'
    assert refused(cli, tmp_path, monkeypatch, text) == (
        "Error: a.toml:8:5: TOML syntax error: a comma is missing between two items of the "
        'list; write it like ["First?", "Second?"]'
    )


def test_a_list_left_open_before_the_next_key_is_still_said_never_closed(
    cli, tmp_path, monkeypatch
):
    text = TOP + 'questions = ["What resonated?"\nnotes = "x"\n'
    assert refused(cli, tmp_path, monkeypatch, text) == (
        "Error: a.toml:7:1: TOML syntax error: a list is never closed; end it with ]"
    )


# ----------------------------------------------------------------------- true and false


@pytest.mark.parametrize(
    ("line", "column", "word"),
    [
        ("auto_advance = True", 16, "True"),
        ("auto_advance = yes", 16, "yes"),
        ("same_groups = FALSE", 15, "FALSE"),
    ],
)
def test_true_in_capitals_or_yes_is_said_to_be_true_in_lower_case(
    cli, tmp_path, monkeypatch, line, column, word
):
    assert refused(cli, tmp_path, monkeypatch, TOP + line + "\n") == (
        f"Error: a.toml:6:{column}: TOML syntax error: {word} is not a value TOML reads; write "
        "true or false, in lower case, without quotes"
    )


def test_yes_for_text_is_still_said_to_need_quotes(cli, tmp_path, monkeypatch):
    assert refused(cli, tmp_path, monkeypatch, TOP + "prompt = yes\n") == (
        "Error: a.toml:6:10: TOML syntax error: a value is missing or not in quotes; write text "
        'in quotes, like title = "Welcome"'
    )


def test_true_in_quotes_is_said_to_go_without_them(cli, tmp_path, monkeypatch):
    assert refused(cli, tmp_path, monkeypatch, TOP + 'auto_advance = "TRUE"\n') == (
        'Error: a.toml:6: segment 1 "Close": "auto_advance" must be true or false, not text; '
        "write true or false, in lower case, without quotes"
    )


# ----------------------------------------------------------------------- did you mean


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("length = 20", 'unknown key "length"; did you mean duration = "20m"?'),
        ("hours = 1.5", 'unknown key "hours"; did you mean duration = "1h 30m"?'),
        ('duration_minutes = "5"', 'unknown key "duration_minutes"; did you mean duration = "5m"?'),
        ("mins = [5]", 'unknown key "mins"; did you mean "duration"?'),
        ("durtaion = 5", 'unknown key "durtaion"; did you mean "duration"?'),
    ],
)
def test_another_word_for_duration_suggests_duration(cli, tmp_path, monkeypatch, line, said):
    text = 'title = "Team call"\n\n[[segments]]\ntitle = "Close"\n' + line + "\n"
    assert (
        refused(cli, tmp_path, monkeypatch, text) == f'Error: a.toml:5: segment 1 "Close": {said}'
    )


@pytest.mark.parametrize(
    ("kind", "meant"),
    [
        ("talk", "talk"),
        ("speaker", "talk"),
        ("input", "talk"),
        ("breakout-rooms", "breakout"),
        ("small groups", "breakout"),
        ("Whole group", "discussion"),
        ("quiet time", "silence"),
        ("check_out", "reflection"),
        ("lunch break", "break"),
        ("intro", "welcome"),
        ("welcom", "welcome"),
    ],
)
def test_another_word_for_a_kind_suggests_that_kind(kind, meant):
    from liftkit.core.agenda.schema import KINDS
    from liftkit.core.agenda.synonyms import meant_kind
    from liftkit.core.agenda.tables import closest

    assert closest(kind, KINDS, meant_kind) == meant


@pytest.mark.parametrize("word", ["minutes", "time", "presentation", "workshop", "colour"])
def test_a_word_that_only_looks_like_a_key_or_kind_is_not_suggested(word):
    from liftkit.core.agenda.schema import KINDS, SEGMENT_KEYS
    from liftkit.core.agenda.tables import closest

    # spelling alone: "minutes" is not "notes", "time" not "title", "presentation" not
    # "reflection"
    assert closest(word, SEGMENT_KEYS) is None
    assert closest(word, KINDS) is None


# ----------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("written", "total"),
    [
        ("1m30", "1m 30s"),
        ("1 min 30", "1m 30s"),
        ("2 minutes 5", "2m 5s"),
        ("1h 2m 30", "1h 2m 30s"),
    ],
)
def test_seconds_after_minutes_without_their_unit_are_read(
    cli, tmp_path, monkeypatch, written, total
):
    text = f'title = "Pairs"\n\n[[segments]]\ntitle = "Pairs"\nduration = "{written}"\n'
    result = check(cli, tmp_path, monkeypatch, text)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"ok: a.toml: Pairs (1 segment, {total})\n"


# ----------------------------------------------------------------------- keys given twice


def test_a_key_given_twice_is_named_with_its_first_line(cli, tmp_path, monkeypatch):
    text = TOP + 'notes = "a"\n\n[[segments.polls]]\nquestion = "Q?"\noptions = ["a", "b"]\n'
    assert refused(cli, tmp_path, monkeypatch, text + 'question = "R?"\n') == (
        'Error: a.toml:11:16: TOML syntax error: "question" is given twice in this poll (first '
        "on line 9); keep one of them"
    )
    # at the end of the file, where tomllib gives no line
    assert refused(cli, tmp_path, monkeypatch, 'title = "A"\ntitle = "B"') == (
        'Error: a.toml:2: TOML syntax error: "title" is given twice at the top of the file '
        "(first on line 1); keep one of them"
    )
