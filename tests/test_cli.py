"""The commands of issue 2 through the real Typer app, with every error path."""

import itertools
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from liftkit import __version__
from liftkit.core.agenda.model import load_agenda, parse_agenda
from liftkit.core.agenda.templates import template_names

REPO = Path(__file__).resolve().parent.parent
DESIGN_COMMANDS = ("agenda", "new", "run", "resume", "groups", "note", "view", "export")
ALL_COMMANDS = [
    ("agenda", "list"),
    ("agenda", "show"),
    ("agenda", "check"),
    ("new",),
    ("run",),
    ("resume",),
    ("groups",),
    ("note",),
    ("view",),
    ("export",),
]


def only_error_lines(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert lines, "expected a message on stderr"
    assert all(line.startswith("Error: ") for line in lines), stderr
    assert "Traceback" not in stderr
    return lines


# --------------------------------------------------------------------------- version, help


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"liftkit {__version__}\n"


def test_version_fast_path_says_the_same(capsys):
    from liftkit.cli.main import main

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"liftkit {__version__}\n"


def test_help_lists_every_command_of_the_design_with_one_line_help(cli):
    result = cli("--help")
    assert result.exit_code == 0
    listed = {}
    for line in result.stdout.splitlines():
        match = re.match(r"[│|]\s+([a-z]+)\s{2,}(\S.*?)\s*[│|]?$", line)
        if match:
            listed.setdefault(match.group(1), match.group(2))
    assert list(listed) == list(DESIGN_COMMANDS)  # in DESIGN.md's order
    assert all(len(text) > 10 for text in listed.values())


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_each_command_help_has_an_example(cli, command):
    result = cli(*command, "--help")
    assert result.exit_code == 0
    assert f"Example: liftkit {' '.join(command)}" in result.stdout


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_each_help_example_fits_on_one_line_of_80_columns(cli, monkeypatch, command):
    # CLI QA: export's two examples broke across two lines at 80 columns (the width of a
    # pipe too), so the first line copied alone failed.
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*command, "--help")
    lines = result.stdout.splitlines()
    for i, line in enumerate(lines):
        if "Example: liftkit" in line:
            assert lines[i + 1].strip() == "", f"{line!r} goes on: {lines[i + 1]!r}"


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_each_help_example_stays_whole_on_its_line_in_a_narrow_terminal(cli, monkeypatch, command):
    # At 60 columns `note --help` folded its example inside its quotes ("Ada: listening
    # matters / #listening"), so that neither line could be copied back into a shell.
    monkeypatch.setenv("COLUMNS", "200")
    wide = cli(*command, "--help").stdout.splitlines()
    examples = [line.strip() for line in wide if line.strip().startswith("Example: liftkit")]
    assert examples
    monkeypatch.setenv("COLUMNS", "60")
    narrow = [line.strip() for line in cli(*command, "--help").stdout.splitlines()]
    for example in examples:
        assert example in narrow, f"{example!r} is folded at 60 columns"
        words = shlex.split(example.removeprefix("Example: "))
        assert words[: 1 + len(command)] == ["liftkit", *command]


@pytest.mark.parametrize("command", [(), ("agenda",), *ALL_COMMANDS], ids=" ".join)
def test_help_reads_cleanly_at_80_columns(cli, monkeypatch, command):
    """No line past 80 columns, no sentence broken by a docstring's own line breaks, no
    "<str>" or "{AGENDA}" metavars, and an example (issue 12)."""
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*command, "--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert re.search(r"<(str|int|float|text|path)|\{[A-Z]", result.stdout) is None
    assert "Example: liftkit" in result.stdout
    # The description (above the first panel): rich fills each line to the width, so a
    # short line followed by more text is a line break left inside a sentence.
    description = lines[: next(i for i, line in enumerate(lines) if line.startswith("╭"))]
    for line, after in itertools.pairwise(description):
        if line.strip() and after.strip() and not line.lstrip().startswith("Usage:"):
            assert len(line.rstrip()) + len(after.split()[0]) + 1 > 78, (line, after)


def test_python_m_liftkit_help_in_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "liftkit", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stderr == ""
    for command in DESIGN_COMMANDS:
        assert re.search(rf"^\W*{command}\s{{2,}}\w", result.stdout, re.MULTILINE), command


def test_unknown_command_is_a_usage_error(cli):
    result = cli("agendas")
    assert result.exit_code == 2
    assert "No such command 'agendas'" in result.stderr


# --------------------------------------------------------------------------- agenda list


def test_agenda_list_has_a_row_per_template(cli):
    result = cli("agenda", "list")
    assert result.exit_code == 0
    header, rule, *rows = result.stdout.splitlines()
    assert header.split() == ["name", "title", "segments", "total"]
    assert set(rule) == {"-", " "}
    table = {re.split(r"\s{2,}", row)[0]: re.split(r"\s{2,}", row)[1:] for row in rows}
    assert sorted(table) == template_names()
    assert len(table) >= 5
    assert table["community-conversation"] == ["Community conversation", "5", "1h"]
    assert table["hosted-event"] == ["Hosted community event", "6", "1h 30m"]
    assert table["1-2-4-all"] == ["1-2-4-All", "4", "12m"]


# --------------------------------------------------------------------------- agenda show


def timeline_rows(stdout: str) -> list[list[str]]:
    """The numbered rows of the timeline table: [#, from, to, length, kind, warn, segment]."""
    rows = []
    for line in stdout.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if cells and cells[0].isdigit():
            rows.append(cells)
    return rows


def test_show_without_start_gives_offsets_from_zero(cli):
    result = cli("agenda", "show", "community-conversation")
    assert result.exit_code == 0
    rows = timeline_rows(result.stdout)
    assert [(r[1], r[2]) for r in rows] == [
        ("0:00", "0:05"),
        ("0:05", "0:10"),
        ("0:10", "0:40"),
        ("0:40", "0:55"),
        ("0:55", "1:00"),
    ]
    assert [r[3] for r in rows] == ["5m", "5m", "30m", "15m", "5m"]
    assert [r[4] for r in rows] == ["welcome", "talk", "breakout", "discussion", "reflection"]
    assert re.search(r"0:00\s+1:00\s+1h\s+total", result.stdout)


def test_show_with_start_gives_clock_times(cli):
    result = cli("agenda", "show", "community-conversation", "--start", "14:00")
    assert result.exit_code == 0
    rows = timeline_rows(result.stdout)
    assert [r[1] for r in rows] == ["14:00", "14:05", "14:10", "14:40", "14:55"]
    assert rows[-1][2] == "15:00"
    assert re.search(r"14:00\s+15:00\s+1h\s+total", result.stdout)


@pytest.mark.parametrize(
    ("start", "first", "last_end"),
    [("9:05", "09:05", "10:05"), ("09.30", "09:30", "10:30"), ("23:30", "23:30", "00:30 +1 day")],
)
def test_show_start_spellings_and_midnight(cli, start, first, last_end):
    result = cli("agenda", "show", "community-conversation", "--start", start)
    assert result.exit_code == 0
    rows = timeline_rows(result.stdout)
    assert rows[0][1] == first
    assert rows[-1][2] == last_end


@pytest.mark.parametrize("start", ["25:00", "9", "noon", "14:60", "", "9:5"])
def test_show_with_a_bad_start_is_a_usage_error(cli, start):
    result = cli("agenda", "show", "community-conversation", "--start", start)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert only_error_lines(result.stderr) == [
        f'Error: --start: "{start}" is not a clock time; write it as HH:MM, e.g. 14:00'
    ]


def test_show_json(cli):
    result = cli("agenda", "show", "community-conversation", "--json", "--start", "14:00")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"] == "Community conversation"
    assert (data["start"], data["end"]) == ("14:00", "15:00")
    assert (data["total_seconds"], data["total"]) == (3600, "1h")
    assert [s["title"] for s in data["segments"]] == [
        "Introductions",
        "Opening perspective",
        "Breakout discussions",
        "Whole-group discussion",
        "Closing reflections",
    ]
    third = data["segments"][2]
    assert third == {
        "index": 3,
        "title": "Breakout discussions",
        "kind": "breakout",
        "start": "14:10",
        "end": "14:40",
        "start_offset_seconds": 600,
        "end_offset_seconds": 2400,
        "duration_seconds": 1800,
        "duration": "30m",
        "warn_seconds": [300, 60],
        "warn": ["5m", "1m"],
        "silence_seconds": 0,
        "silence": None,
        "auto_advance": False,
        "group_size": 5,
        "min_group_size": None,
        "groups": None,
        "rounds": 1,
        "same_groups": False,
        "join_groups": None,
        "round_questions": None,
        "polls": [],
    }


def test_show_json_without_start_gives_offsets(cli):
    data = json.loads(cli("agenda", "show", "1-2-4-all", "--json").stdout)
    assert [(s["start"], s["end"]) for s in data["segments"]] == [
        ("0:00", "0:01"),
        ("0:01", "0:03"),
        ("0:03", "0:07"),
        ("0:07", "0:12"),
    ]


def test_show_a_file_whose_name_has_spaces(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("My team call.toml").write_text(
        'title = "My team call"\n\n[[segments]]\ntitle = "Check-in"\nduration = "90s"\n'
    )
    result = cli("agenda", "show", "My team call.toml", "--start", "9:00")
    assert result.exit_code == 0
    assert timeline_rows(result.stdout) == [
        ["1", "09:00", "09:01:30", "1m 30s", "other", "-", "Check-in"]
    ]


def test_a_template_name_may_be_given_with_toml(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("agenda", "show", "community-conversation.toml")
    assert result.exit_code == 0
    assert "Breakout discussions" in result.stdout


def test_a_file_wins_over_a_template_of_the_same_name(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("1-2-4-all.toml").write_text('title = "Mine"\n[[segments]]\ntitle = "A"\nduration = 3\n')
    data = json.loads(cli("agenda", "show", "1-2-4-all.toml", "--json").stdout)
    assert data["title"] == "Mine"
    data = json.loads(cli("agenda", "show", "1-2-4-all", "--json").stdout)
    assert data["title"] == "1-2-4-All"


def test_show_missing_file(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("agenda", "show", "nope.toml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert only_error_lines(result.stderr) == [
        "Error: nope.toml: no such file; check the path, or run `liftkit agenda list` for templates"
    ]


def test_show_unknown_template_suggests_the_closest(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("agenda", "show", "comunity-conversation")
    assert result.exit_code == 2
    [line] = only_error_lines(result.stderr)
    assert line.startswith(
        'Error: unknown template "comunity-conversation"; did you mean "community-conversation"?'
    )
    assert all(name in line for name in template_names())


def test_a_plain_word_naming_a_file_without_toml_gets_a_hint(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("my agenda.toml").write_text("")
    [line] = only_error_lines(cli("agenda", "show", "my agenda").stderr)
    assert 'did you mean the file "my agenda.toml"?' in line


def test_show_a_folder(cli, tmp_path):
    result = cli("agenda", "show", str(tmp_path))
    assert result.exit_code == 2
    assert only_error_lines(result.stderr) == [
        f"Error: {tmp_path}: is a folder, not an agenda file; name a .toml file"
    ]


# --------------------------------------------------------------------------- agenda check


def test_check_every_template_by_name(cli):
    result = cli("agenda", "check", *template_names())
    assert result.exit_code == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == len(template_names())
    assert "ok: community-conversation: Community conversation (5 segments, 1h)" in result.stdout


def test_check_a_missing_file_and_a_good_one(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("agenda", "check", "missing.toml", "1-2-4-all")
    assert result.exit_code == 2
    assert result.stdout == "ok: 1-2-4-all: 1-2-4-All (4 segments, 12m)\n"
    assert result.stderr.splitlines() == [
        "Error: missing.toml: no such file; check the path, or run `liftkit agenda list` for "
        "templates",
        "1 of 2 agendas has problems",  # was "have"
    ]


def test_check_needs_an_agenda(cli):
    result = cli("agenda", "check")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["agenda", "check"], "Error: Missing argument 'AGENDA...'; see 'liftkit agenda check -h'"),
        (["groups", "x.csv", "--size", "0"],
         "Error: Invalid value for '--size': 0 is not in the range x>=2; see 'liftkit groups -h'"),
        (["grups"], "Error: No such command 'grups'. Did you mean 'groups'? See 'liftkit -h'"),
        (["--bogus"], "Error: No such option: --bogus; see 'liftkit -h'"),
        (["groups", "x.csv", "--size"],
         "Error: Option '--size' requires an argument; see 'liftkit groups -h'"),
        (["run", "community-conversation", "--rehearse", "fast"],
         "Error: Invalid value for '--rehearse': 'fast' is not a valid float; see "
         "'liftkit run -h'"),
    ],
)  # fmt: skip
def test_a_mistyped_command_line_is_one_error_line_with_where_help_is(cli, args, line):
    # as liftkit's own errors are: one line on stderr, exit code 2, no box, no usage block
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr == line + "\n"
    assert result.stdout == ""


# --------------------------------------------------------------------------- new


def test_new_writes_the_default_template_and_it_passes_check(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("new", "call.toml")
    assert result.exit_code == 0
    assert result.stdout == (
        "Wrote call.toml: Community conversation, 5 segments. Next: liftkit agenda show call.toml\n"
    )
    text = Path("call.toml").read_text()
    assert text.startswith("# A liftkit agenda, started from community-conversation.\n")
    assert load_agenda("call.toml") == load_agenda(REPO / "agendas/community-conversation.toml")
    assert cli("agenda", "check", "call.toml").exit_code == 0


@pytest.mark.parametrize("name", template_names())
def test_new_from_each_template(cli, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    assert cli("new", "a.toml", "--from", name).exit_code == 0
    assert load_agenda("a.toml") == load_agenda(REPO / "agendas" / f"{name}.toml")
    assert cli("agenda", "check", "a.toml").exit_code == 0


def test_new_keeps_the_comments_at_the_top_of_its_template(cli, tmp_path, monkeypatch):
    """Troika's opening comment says how the method runs; the agenda written from it kept
    only liftkit's own lines. From an agenda file, liftkit's lines are not written twice, and
    a right-to-left override in a comment is escaped like everything printed from a file."""
    monkeypatch.chdir(tmp_path)
    assert cli("new", "t.toml", "--from", "troika-consulting").exit_code == 0
    template = (REPO / "agendas/troika-consulting.toml").read_text().splitlines()
    comments = template[: template.index('title = "Troika Consulting"')]
    assert comments and all(line.startswith("#") for line in comments)
    lines = Path("t.toml").read_text().splitlines()
    assert lines[0] == "# A liftkit agenda, started from troika-consulting."
    assert lines[1 : 1 + len(comments)] == comments
    assert lines[1 + len(comments)] == "# Check it with: liftkit agenda check t.toml"

    mine = "# Our team's version\u202e\n" + Path("t.toml").read_text()  # TOML allows no ESC
    Path("mine.toml").write_text(mine)
    out = cli("new", "-", "--from", "mine.toml").stdout
    assert out.splitlines()[:2] == [
        "# A liftkit agenda, started from mine.toml.",
        "# Our team's version\\u202e",
    ]
    assert out.count("started from") == 1 and "Check it with" not in out
    assert out.count("in groups of three, each person in turn") == 1


def test_new_from_an_agenda_saved_as_unicode_in_notepad(cli, tmp_path, monkeypatch):
    """Notepad's "Unicode" is UTF-16 with Windows line ends: agenda check reads it, and new
    --from it stopped with an internal error (UnicodeDecodeError) while copying its comment."""
    monkeypatch.chdir(tmp_path)
    text = '# Our Monday call\ntitle = "Monday call"\n'
    text += '[[segments]]\ntitle = "Café"\nduration = "5m"\n'
    Path("monday.toml").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    assert cli("agenda", "check", "monday.toml").exit_code == 0
    result = cli("new", "call.toml", "--from", "monday.toml")
    assert result.exit_code == 0, result.output
    lines = Path("call.toml").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["# A liftkit agenda, started from monday.toml.", "# Our Monday call"]
    assert load_agenda("call.toml").segments[0].title == "Café"


def test_new_refuses_to_overwrite(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("call.toml").write_text("mine")
    result = cli("new", "call.toml", "--from", "1-2-4-all")
    assert result.exit_code == 2
    assert only_error_lines(result.stderr) == [
        "Error: call.toml: already exists; choose another path or add --force"
    ]
    assert Path("call.toml").read_text() == "mine"


def test_new_force_replaces(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("call.toml").write_text("mine")
    result = cli("new", "call.toml", "--from", "1-2-4-all", "--force")
    assert result.exit_code == 0
    assert load_agenda("call.toml").title == "1-2-4-All"
    assert [p.name for p in tmp_path.iterdir()] == ["call.toml"]  # no temporary file left


def test_new_from_an_unknown_template(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("new", "call.toml", "--from", "troika")
    assert result.exit_code == 2
    [line] = only_error_lines(result.stderr)
    assert line.startswith('Error: unknown template "troika"; did you mean "troika-consulting"?')
    assert not Path("call.toml").exists()


def test_new_from_a_broken_file_writes_nothing(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("old.toml").write_text('title = "Old"\n[[segments]]\ntitle = "A"\nduraton = "5m"\n')
    result = cli("new", "call.toml", "--from", "old.toml")
    assert result.exit_code == 2
    assert only_error_lines(result.stderr) == [
        'Error: old.toml:4: segment 1 "A": unknown key "duraton"; did you mean "duration"?'
    ]
    assert not Path("call.toml").exists()


def test_new_with_spaces_in_the_path_quotes_it_in_what_it_suggests(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("new", "team call.toml", "--from", "1-2-4-all")
    assert result.exit_code == 0
    assert "Next: liftkit agenda show 'team call.toml'" in result.stdout
    assert (
        "# Check it with: liftkit agenda check 'team call.toml'\n"
        in Path("team call.toml").read_text()
    )


def test_new_to_stdout(cli):
    result = cli("new", "-", "--from", "what-so-what-now-what")
    assert result.exit_code == 0
    assert parse_agenda(result.stdout).title == "What, So What, Now What?"


def test_new_into_a_folder_is_refused(cli, tmp_path):
    result = cli("new", str(tmp_path), "--force")
    assert result.exit_code == 2
    assert only_error_lines(result.stderr) == [
        f"Error: {tmp_path}: is a folder; give a file name such as agenda.toml"
    ]


def test_new_under_a_file_says_the_file_is_not_a_folder(cli, tmp_path):
    (tmp_path / "file").write_text("")
    result = cli("new", str(tmp_path / "file" / "call.toml"))
    assert result.exit_code == 2
    [line] = only_error_lines(result.stderr)
    assert line == f"Error: {tmp_path / 'file'}: is a file, not a folder; choose another path"


# --------------------------------------------------------------------------- errors


def test_an_internal_error_prints_one_line_and_saves_the_traceback(cli, monkeypatch):
    from liftkit.cli.commands import agenda as agenda_cmd

    def broken() -> list[str]:
        raise RuntimeError("the templates folder vanished")

    monkeypatch.setattr(agenda_cmd, "template_names", broken)
    result = cli("agenda", "list")
    assert result.exit_code == 1
    [line] = only_error_lines(result.stderr)
    match = re.fullmatch(
        r"Error: internal error: RuntimeError: the templates folder vanished "
        r"\(details saved in (\S+)\); please report it",
        line,
    )
    assert match, line
    saved = Path(match.group(1)).read_text()
    assert "Traceback" in saved
    assert "the templates folder vanished" in saved
    Path(match.group(1)).unlink()


def test_ctrl_c_exits_130_through_the_error_path(cli, monkeypatch):
    from liftkit.cli.commands import agenda as agenda_cmd

    def interrupted(_argument: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(agenda_cmd, "resolve_agenda", interrupted)
    result = cli("agenda", "show", "community-conversation")
    assert result.exit_code == 130
    assert result.stderr == "\nInterrupted.\n"


# --------------------------------------------------------------------------- standard input


def test_show_and_check_read_standard_input_for_dash(cli):
    written = cli("new", "-", "--from", "1-2-4-all").stdout
    shown = cli("agenda", "show", "-", "--json", input=written)
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["title"] == "1-2-4-All"
    checked = cli("agenda", "check", "-", input=written)
    assert (checked.exit_code, checked.stdout) == (0, "ok: stdin: 1-2-4-All (4 segments, 12m)\n")


def test_problems_in_standard_input_are_named_stdin(cli):
    result = cli("agenda", "check", "-", input='title = "x"\n[[segments]]\ntitle = "a"\n')
    assert result.exit_code == 2
    assert only_error_lines(result.stderr) == [
        'Error: stdin:2: segment 1 "a": needs a "duration"; write it like "90s", "5m", '
        '"1h 15m", "1:30" (minutes:seconds) or a number of minutes'
    ]


def test_standard_input_has_one_name_in_check_show_and_groups(cli):
    # `agenda check -` said "ok: -: …", its notes and `agenda show -`'s "<stdin>:9: …", and
    # `groups -` "stdin: line 6: …": one input, three names. stdin, as most messages say.
    agenda = 'title = "x"\n[[segments]]\ntitle = "a"\nduration = "0:05"\n'
    note = 'stdin:4: segment 1 "a": "duration": "0:05" is 5 seconds (minutes:seconds)'
    checked = cli("agenda", "check", "-", input=agenda)
    assert checked.stdout == "ok: stdin: x (1 segment, 5s)\n"
    assert checked.stderr.startswith(f"Note: {note}")
    shown = cli("agenda", "show", "-", input=agenda)
    assert shown.exit_code == 0 and shown.stderr.startswith(f"Note: {note}")
    grouped = cli("groups", "-", "--size", "2", input="Name\nAda\nBo\nBo\n")
    assert "Warning: stdin: line 4: Bo duplicates line 3" in grouped.stderr
    helped = cli("agenda", "check", "-h")
    assert "or - for standard input" in " ".join(helped.stdout.replace("│", " ").split())


def test_show_prints_titles_literally_not_as_rich_markup(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.toml").write_text(
        'title = "Call [draft]"\ndescription = "[bold]notes[/bold]"\n'
        '[[segments]]\ntitle = "[red]Opening[/red]"\nduration = 5\n'
    )
    result = cli("agenda", "show", "a.toml")
    assert result.exit_code == 0
    for text in ("Call [draft]", "[bold]notes[/bold]", "[red]Opening[/red]"):
        assert text in result.stdout


def test_show_on_a_narrow_terminal_keeps_times_whole(runner):
    from liftkit.cli.app import app

    result = runner.invoke(app, ["agenda", "show", "hosted-event"], env={"COLUMNS": "50"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 50
    rows = timeline_rows(result.stdout)
    assert [(r[1], r[2]) for r in rows][:2] == [("0:00", "0:10"), ("0:10", "0:30")]
    assert rows[-1][1:] == ["1:20", "1:30", "10m", "Thank you and evaluation"]
    # the kind and the warnings move under the title, which keeps a readable width
    assert "welcome, warns at 2m" in result.stdout
    assert "Welcome and introductions" in result.stdout
    assert "Questions for the host" in result.stdout


def test_a_closed_or_broken_standard_output_is_no_internal_error(tmp_path):
    # CLI QA: `liftkit --version | true` printed a traceback (BrokenPipeError), and
    # `liftkit agenda list >&-` an internal error with a crash file, exit 1 (a note so
    # run was saved, and a script retrying on 1 would save it twice).
    import os
    import subprocess
    import sys

    env = {**os.environ, "TMPDIR": str(tmp_path)}
    command = [sys.executable, "-m", "liftkit"]
    read, write = os.pipe()
    os.close(read)  # the reader went away before liftkit wrote
    try:
        broken = subprocess.run([*command, "--version"], stdout=write, stderr=subprocess.PIPE,
                                text=True, env=env, timeout=60, cwd=tmp_path)  # fmt: skip
    finally:
        os.close(write)
    assert broken.returncode == 1 and broken.stderr == ""
    for args in (["--version"], ["agenda", "list"]):
        closed = subprocess.run([*command, *args], stderr=subprocess.PIPE, text=True, env=env,
                                timeout=60, cwd=tmp_path,
                                preexec_fn=lambda: os.close(1))  # fmt: skip
        assert closed.returncode == 0 and closed.stderr == "", closed.stderr
    assert not list(tmp_path.glob("liftkit-crash-*"))


@pytest.mark.parametrize(
    "args",
    [["view", "latest"], ["run", "1-2-4-all", "--plain"], ["export", "latest"],
     ["note", "latest", "text"]],
)  # fmt: skip
def test_a_file_given_as_the_sessions_folder_is_refused_in_one_line(cli, tmp_path, args):
    # CLI QA: `view latest --sessions people.csv` waited for ever ("waiting for a session in
    # people.csv"), and `run` said "cannot create a session folder: File exists", exit 1.
    people = tmp_path / "people.csv"
    people.write_text("name\nAda\n")
    result = cli(*args, "--sessions", str(people))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {people}: is a file, not a folder of sessions; give --sessions a folder "
        "(liftkit run makes it when it is missing)\n"
    )


@pytest.mark.parametrize(
    ("args", "what"),
    [(["export", "SESSION", "--narrative", "-"], "a narrative file"),
     (["export", "SESSION", "--groups-file", "-"], "a groups file"),
     (["groups", "PEOPLE", "--previous", "-"], "a groups file")],
)  # fmt: skip
def test_a_dash_where_standard_input_is_not_read_says_so(cli, tmp_path, args, what):
    # CLI QA: "-: no such file; …", as though a file named "-" were missing.
    session = (
        Path(__file__).parent / "data" / "sessions" / "2026-03-10-122958-community-conversation"
    )
    people = tmp_path / "people.txt"
    people.write_text("Ada\nBo\nCy\nDi\n")
    named = [str(session) if a == "SESSION" else str(people) if a == "PEOPLE" else a for a in args]
    result = cli(*named, input="")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: -: {what} cannot come from standard input here; give its file name\n"
    )


@pytest.mark.parametrize("command", ["export", "note", "resume"])
def test_a_journal_that_may_not_be_read_says_how_to_read_it(cli, tmp_path, monkeypatch, command):
    # CLI QA (as root without the capability to pass permissions): an unreadable journal
    # gave exit 1 and "cannot read: Permission denied" with nothing to do, where every
    # other unreadable input gives 2 and "check its permissions". Injected: root reads all.
    import shutil

    sessions = Path(__file__).parent / "data" / "sessions"
    folder = tmp_path / "s"
    shutil.copytree(sessions / "2026-03-10-122958-community-conversation", folder)
    read_bytes = Path.read_bytes

    def refuse(self):
        if self.name == "journal.jsonl":
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    args = [command, str(folder)] + (["a reflection"] if command == "note" else [])
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(
        f"Error: {folder / 'journal.jsonl'}: cannot be read by this user (permission denied); "
    )
    assert result.stderr.endswith(f"make it readable: chmod -R a+rX {folder}\n")
