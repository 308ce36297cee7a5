"""`liftkit note --poll N`: poll counts added after the session, through the real command
line, read back from the journal and the exported Markdown."""

import json
import os
import subprocess
import sys
from pathlib import Path

LIFTKIT = [sys.executable, "-m", "liftkit"]


def liftkit(*args, cwd):
    return subprocess.run([*LIFTKIT, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_poll_counts_added_with_note_reach_the_journal_and_the_pack(tmp_path):
    # QA: a host who ran a poll in Zoom, or ended the session before typing its counts, had
    # no way to add them: `liftkit note` added reflections only.
    run = subprocess.run(
        [*LIFTKIT, "run", "hosted-event", "--plain", "--sessions", "s"],
        input="jump 6\np 1 0 1 2 8 9\nq\ny\n", capture_output=True, text=True, cwd=tmp_path,
        timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    added = liftkit("note", str(folder), "--poll", "2", "Yes 12, No 4", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(
        'Added poll 2 "Would you recommend an event like this to a colleague?" (Yes 12, No 4) '
        'to segment 6 "Thank you and evaluation"'
    )
    first = liftkit("note", str(folder), "--poll", "1", "30 7", "--segment", "1", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    # refused in one line: a poll the segment does not have, counts that do not fit (as p
    # says them live)
    refusals = [
        (["--poll", "3", "Yes 1"], '--poll 3: segment 6 "Thank you and evaluation" has 2 polls: '
         "1. Overall, how would you score this event? (1 = poor, 5 = excellent) "
         "[1 / 2 / 3 / 4 / 5]; 2. Would you recommend an event like this to a colleague? "
         "[Yes / No]"),
        (["--poll", "1", "Yes 1", "--segment", "2"], '--poll 1: segment 2 "Opening perspective" '
         "has no polls"),
        (["--poll", "2", "Yes 12 No"], 'poll 2: "No" has no count'),
        (["--poll", "2", "Yes 75%, No 25%"], "poll 2: percentages are not counts"),
    ]  # fmt: skip
    for args, said in refusals:
        refused = liftkit("note", str(folder), *args, cwd=tmp_path)
        assert refused.returncode != 0 and "Traceback" not in refused.stderr
        assert refused.stderr.startswith(f"Error: {said}; "), refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    events = [json.loads(line) for line in (folder / "journal.jsonl").read_text().splitlines()]
    polls = [e for e in events if e["type"] == "poll"]
    assert [(p["segment"], p["poll"], p["counts"]) for p in polls] == [
        (5, 0, {"1": 0, "2": 1, "3": 2, "4": 8, "5": 9}),
        (5, 1, {"Yes": 12, "No": 4}),
        (0, 0, {"Yes": 30, "No": 7}),
    ]
    assert set(polls[1]) == set(polls[0])  # written as the live capture writes it
    pack = liftkit("export", str(folder), cwd=tmp_path)
    assert pack.returncode == 0, pack.stderr
    assert "skipped" not in pack.stderr
    md = pack.stdout
    for question, rows in [
        ("Have you attended one of our events before?", ["| Yes | 30 |", "| No | 7 |"]),
        ("Would you recommend an event like this to a colleague?", ["| Yes | 12 |", "| No | 4 |"]),
    ]:
        after = md[md.index(f"**Poll:** {question}") :]
        assert all(row in after.split("| Total")[0] for row in rows), after[:300]


def test_the_help_shows_how_to_add_poll_counts():
    shown = subprocess.run(
        [*LIFTKIT, "note", "--help"], capture_output=True, text=True, timeout=60,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert 'liftkit note latest --poll 1 "Yes 12, No 4" --segment 1' in shown.stdout
    assert "--poll" in shown.stdout


THREE_POLLS = """title = "Polls"
[[segments]]
title = "Welcome"
duration = "5m"
[[segments.polls]]
question = "Been before?"
options = ["Yes", "No"]
[[segments]]
title = "Talk"
duration = "5m"
[[segments]]
title = "Close"
duration = "5m"
""" + "".join(
    f'[[segments.polls]]\nquestion = "Q{n}?"\noptions = ["Yes", "No"]\n' for n in (1, 2, 3)
)


def test_a_poll_number_the_right_segment_lacks_names_its_polls_not_other_segments(tmp_path):
    # QA: `--poll 4 "1 2" --segment 4` of a segment with 3 polls said "give the segment the
    # poll was asked in (segments with polls: 1, 2, 4)", though the segment was right
    (tmp_path / "a.toml").write_text(THREE_POLLS)
    run = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"], input="q\ny\n",
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    for number, segment, hint in [
        ("4", "3", "segment 3 has polls 1 to 3; give one of those numbers"),
        ("0", "3", "segment 3 has polls 1 to 3; give one of those numbers"),
        ("-1", "3", "segment 3 has polls 1 to 3; give one of those numbers"),
        ("2", "1", "segment 1 has poll 1 alone; give 1"),
        ("1", "2", "give the segment the poll was asked in (segments with polls: 1, 3)"),
    ]:
        refused = liftkit("note", str(folder), f"--poll={number}", "1 2", "--segment", segment,
                          cwd=tmp_path)  # fmt: skip
        assert refused.returncode == 2, refused.stderr
        (line,) = refused.stderr.splitlines()
        assert line.startswith(f"Error: --poll {number}: segment {segment} "), line
        assert line.endswith(f"; {hint}"), line
    assert "poll" not in (folder / "journal.jsonl").read_text().replace("polls", "")


def test_a_count_for_no_option_lists_options_that_hold_commas_apart(tmp_path):
    # QA: "the options are Yes, definitely, No, not really": four options, or two?
    options = ["Yes, definitely", "No, not really"]
    (tmp_path / "a.toml").write_text(
        'title = "P"\n[[segments]]\ntitle = "Welcome"\nduration = "5m"\n'
        f'[[segments.polls]]\nquestion = "Useful?"\noptions = {json.dumps(options)}\n'
    )
    run = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"], input="p Maybe 3\nq\ny\n",
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = (tmp_path / "s").iterdir()
    refused = liftkit("note", str(folder), "--poll", "1", "Maybe 3", cwd=tmp_path)
    for said in (refused.stderr.strip(), run.stdout):
        listed = said.split("the options are ", 1)[1].splitlines()[0]
        assert listed.split(" / ") == options, said


def test_the_api_docs_say_note_adds_poll_counts_after_the_end_as_it_does(tmp_path):
    # docs/api.md's "Session journals" said `liftkit note` adds reflections after
    # session_end or stop, so a script reading the journal would not expect poll events there
    docs = (Path(__file__).parents[1] / "docs" / "api.md").read_text()
    section = docs.split("## Session journals", 1)[1].split("\n## ", 1)[0]
    (said,) = [p for p in section.split("\n\n") if "`liftkit note`" in p]
    (tmp_path / "a.toml").write_text(THREE_POLLS)
    run = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--plain", "--sessions", "s"], input="q\ny\n",
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    (folder,) = (tmp_path / "s").iterdir()
    added = liftkit("note", str(folder), "--poll", "1", "3 4", "--segment", "1", cwd=tmp_path)
    assert run.returncode == 0 and added.returncode == 0, added.stderr
    kinds = [
        json.loads(line)["type"] for line in (folder / "journal.jsonl").read_text().splitlines()
    ]
    assert kinds[-2:] == ["stop", "poll"]  # as the docs must say
    assert "poll counts (`liftkit note --poll`)" in said and "`stop`" in said
