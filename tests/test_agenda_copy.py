"""The session folder's agenda copy changed after the session began: the journal counts
segments by their place, so a segment put before those that ran moved every reflection under
another one (a reflection made in "Opening perspective" came out under "Introductions", with
no word). Resume, export, view and note now refuse such a copy in one line, and read one
with a segment added after those that ran."""

import json
import re
import subprocess
import sys

import pytest

LIFTKIT = [sys.executable, "-m", "liftkit"]


def liftkit(*args, cwd, stdin=""):
    return subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=60
    )


@pytest.fixture
def session(tmp_path):
    """A session quit in its second segment, with a reflection made there."""
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", "s", cwd=tmp_path,
        stdin="n\nr Ada: said in the opening perspective\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    return folder


def without_total(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("total")) + "\n"


def refused_everywhere(session, tmp_path, expected):
    """resume, export, view and note each refuse the session with `expected` alone, exit 2,
    the journal as it was and no pack written."""
    journal = (session / "journal.jsonl").read_bytes()
    for args in (
        ["resume", str(session), "--plain"],
        ["export", str(session), "-o", "pack.md"],
        ["view", str(session)],
        ["note", str(session), "Grace: after the call"],
    ):
        result = liftkit(*args, cwd=tmp_path, stdin="q\ny\n")
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.splitlines() == [expected], args
    assert (session / "journal.jsonl").read_bytes() == journal
    assert not (tmp_path / "pack.md").exists()


def test_a_segment_put_before_those_that_ran_is_refused_everywhere(session, tmp_path):
    agenda = session / "agenda.toml"
    agenda.write_text(
        without_total(agenda.read_text()).replace(
            "[[segments]]", '[[segments]]\ntitle = "Coffee"\nduration = "2m"\n\n[[segments]]', 1
        )
    )
    expected = (
        f'Error: {agenda}: segment 1 ran as "Introductions", but this copy of the agenda has '
        '"Coffee" there: it was changed after the session began; put the segments that ran '
        "back in their places and words (a segment may be added after them); the journal "
        "keeps everything else"
    )
    refused_everywhere(session, tmp_path, expected)


def test_a_segment_added_after_those_that_ran_is_read(session, tmp_path):
    agenda = session / "agenda.toml"
    agenda.write_text(
        without_total(agenda.read_text()) + '\n[[segments]]\ntitle = "Drinks"\nduration = "10m"\n'
    )
    pack = liftkit("export", str(session), "-f", "json", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    assert "said in the opening perspective" in pack.stdout
    segments = json.loads(pack.stdout)["segments"]
    opening = next(s for s in segments if s["title"] == "Opening perspective")
    assert [r["text"] for r in opening["reflections"]] == ["said in the opening perspective"]
    assert segments[-1]["title"] == "Drinks"


def test_a_changed_duration_of_a_segment_that_ran_is_refused_everywhere(session, tmp_path):
    """Introductions ran planned for 5m; the copy edited to 10m made the pack's agenda as run
    say "planned 10m", with no overrun and another total, though the journal holds the 5m.
    A segment to come may still change its duration."""
    agenda = session / "agenda.toml"
    original = without_total(agenda.read_text())
    lines = [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]
    ran = next(e for e in lines if e["type"] == "segment_start" and e["segment"] == 0)
    assert ran["title"] == "Introductions"
    minutes = ran["planned"] // 60
    agenda.write_text(original.replace(f'duration = "{minutes}m"', 'duration = "10m"', 1))
    expected = (
        f'Error: {agenda}: segment 1, "Introductions", ran planned for {minutes}m, but this copy '
        "of the agenda gives it 10m: it was changed after the session began; put its duration "
        f"back to {minutes}m (only segments to come may change; + and - change the length of "
        "the one running); the journal keeps everything else"
    )
    refused_everywhere(session, tmp_path, expected)

    # the third segment has not run: its duration may change
    head, rest = original.split('title = "Breakout discussions"', 1)
    rest = re.sub(r'duration = "[^"]*"', 'duration = "44m"', rest, count=1)
    agenda.write_text(head + 'title = "Breakout discussions"' + rest)
    pack = liftkit("export", str(session), "-f", "json", cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    segments = json.loads(pack.stdout)["segments"]
    assert [s["planned_seconds"] for s in segments][:3] == [ran["planned"], 300, 44 * 60]


def test_a_copy_broken_in_two_places_is_one_line_naming_the_first(session, tmp_path):
    """Two durations that cannot be read printed two error lines for one export (one a
    problem); it is one: the first, and how many more `liftkit agenda check` lists."""
    agenda = session / "agenda.toml"
    text = without_total(agenda.read_text())
    bad = iter(['duration = "five"', 'duration = "thirty"'])
    lines = text.splitlines()
    spoilt = [i for i, line in enumerate(lines) if line.startswith("duration = ")][:2]
    for i in spoilt:
        lines[i] = next(bad)
    agenda.write_text("\n".join(lines) + "\n")
    first = spoilt[0] + 1
    check = liftkit("agenda", "check", str(agenda), cwd=tmp_path)
    listed = [line for line in check.stderr.splitlines() if "cannot read" in line]
    assert len(listed) == 2, check.stderr  # agenda check still lists every problem
    for args in (
        ["resume", str(session), "--plain"],
        ["export", str(session), "-o", "pack.md"],
        ["view", str(session)],
        ["note", str(session), "Grace: after the call"],
    ):
        result = liftkit(*args, cwd=tmp_path, stdin="q\ny\n")
        assert result.returncode == 2, (args, result.stderr)
        (line,) = result.stderr.splitlines()
        assert line.startswith(f'Error: {agenda}:{first}: segment 1 "Introductions": "duration": '
                               'cannot read "five" as a duration'), line  # fmt: skip
        assert line.endswith(
            f"; and 1 more problem: liftkit agenda check {agenda} lists them all"
        ), line
