"""Broken agenda files and the exact messages a host sees for them.

Each tests/data/agendas/broken/NAME.toml has NAME.expected: the exact stderr of
`liftkit agenda check NAME.toml`. Lines that a problem must point at carry a `# <-`
comment, so the line numbers in the expected files are checked against the files
themselves, not only against what the code printed when they were written.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

BROKEN = Path(__file__).parent / "data" / "agendas" / "broken"
CASES = sorted(p.stem for p in BROKEN.glob("*.toml"))
MARK = "# <-"
# Files whose problem sits where no comment can go (inside an unclosed string, a bad byte).
UNMARKABLE = {"syntax-", "not-utf8"}


def test_the_folder_covers_the_cases_of_issue_2():
    wanted = {
        "syntax-unclosed-string", "unknown-key-typo", "duration-zero", "duration-negative",
        "duration-unreadable", "unknown-kind", "no-segments", "empty", "wrong-types",
        "total-disagrees", "warn-does-not-fit", "silence-does-not-fit",
        "group-keys-not-breakout", "bad-polls", "several-problems", "not-utf8",
    }  # fmt: skip
    assert wanted <= set(CASES)
    for name in CASES:
        assert (BROKEN / f"{name}.expected").is_file(), f"{name}.toml has no .expected file"


@pytest.mark.parametrize("name", CASES)
def test_check_reports_exactly_the_expected_problems(cli, monkeypatch, name):
    monkeypatch.chdir(BROKEN)
    result = cli("agenda", "check", f"{name}.toml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (BROKEN / f"{name}.expected").read_text(encoding="utf-8")


def test_python_m_liftkit_prints_the_expected_lines_for_every_file():
    """The real command line, in one process for all the files: what a host types."""
    result = subprocess.run(
        [sys.executable, "-m", "liftkit", "agenda", "check", *(f"{n}.toml" for n in CASES)],
        cwd=BROKEN,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 2
    expected = "".join((BROKEN / f"{n}.expected").read_text(encoding="utf-8") for n in CASES)
    assert result.stderr == expected + f"{len(CASES)} of {len(CASES)} agendas have problems\n"


@pytest.mark.parametrize("name", CASES)
def test_show_refuses_a_broken_agenda_with_the_same_lines(cli, monkeypatch, name):
    monkeypatch.chdir(BROKEN)
    result = cli("agenda", "show", f"{name}.toml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (BROKEN / f"{name}.expected").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [n for n in CASES if not n.startswith(tuple(UNMARKABLE))])
def test_line_numbers_point_at_the_marked_lines(name):
    source = (BROKEN / f"{name}.toml").read_text(encoding="utf-8").split("\n")
    marked = {number for number, line in enumerate(source, start=1) if MARK in line}
    expected = (BROKEN / f"{name}.expected").read_text(encoding="utf-8").splitlines()
    pointed = set()
    for line in expected:
        match = re.match(rf"Error: {re.escape(name)}\.toml:(\d+):", line)
        if match:
            pointed.add(int(match.group(1)))
    assert pointed == marked


def test_every_problem_is_one_line_naming_the_file():
    for name in CASES:
        for line in (BROKEN / f"{name}.expected").read_text(encoding="utf-8").splitlines():
            assert line.startswith(f"Error: {name}.toml"), line
            assert "Traceback" not in line


@pytest.mark.parametrize(
    ("name", "line", "column"),
    [
        # The column tomllib reports: where it found the problem on that line.
        ("syntax-unclosed-string", 4, 17),  # the end of `title = "Welcome`
        ("syntax-bare-word", 5, 13),  # the "m" of `duration = 5m`
        ("syntax-duplicate-key", 6, 17),  # the second duration line
        ("syntax-missing-equals", 1, 7),  # the quote after `title`
        ("syntax-curly-quotes", 4, 9),  # the “ of `title = “Welcome”`
        ("syntax-curly-closing-quote", 1, 20),  # the line's end, after `"Team call”`
        ("syntax-curly-quotes-duration", 5, 12),  # the “ of `duration = “5m”`
        ("syntax-quote-inside", 6, 24),  # the " that ends `"In the chat: "` early
        ("syntax-non-breaking-space", 5, 9),  # the U+00A0 after `duration`
        ("syntax-backslash", 6, 26),  # the first backslash of `S:\Team\2024`
        ("syntax-missing-comma", 6, 32),  # the second item, where a comma belongs before
        ("syntax-capital-true", 6, 16),  # the TRUE of `auto_advance = TRUE`
        ("syntax-unclosed-list-before-a-segment", 6, 13),  # the [ of `questions = [`
        ("syntax-unclosed-list-before-a-segment-comma", 6, 13),
        ("syntax-unclosed-list-on-one-line", 6, 13),
        ("syntax-vertical-tab", 6, 32),  # the soft line break after "coffee."
        ("syntax-control-in-comment", 1, 40),  # the first escape character in the comment
        ("syntax-unclosed-multiline", 6, 10),  # the """ that opens the prompt
        ("not-utf8", 4, 13),  # the latin-1 "é" of Café
    ],
)
def test_syntax_and_encoding_errors_give_line_and_column(name, line, column):
    expected = (BROKEN / f"{name}.expected").read_text(encoding="utf-8")
    assert expected.startswith(f"Error: {name}.toml:{line}:{column}: ")


def test_check_of_several_files_reports_each_and_sums_up(cli, monkeypatch):
    monkeypatch.chdir(BROKEN)
    result = cli("agenda", "check", "unknown-key-typo.toml", "community-conversation", "empty.toml")
    assert result.exit_code == 2
    assert result.stdout == "ok: community-conversation: Community conversation (5 segments, 1h)\n"
    assert result.stderr == (
        (BROKEN / "unknown-key-typo.expected").read_text()
        + (BROKEN / "empty.expected").read_text()
        + "2 of 3 agendas have problems\n"
    )
