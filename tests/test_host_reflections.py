"""The agenda's own host typed as "Name: text": theirs, never quoted in the pack, whether or
not they are on the attendee list (a guest host usually is not)."""

import json
import os
import subprocess
import sys

LIFTKIT = [sys.executable, "-m", "liftkit"]

AGENDA = 'title = "T"\nhost = "Sam Okafor"\n[[segments]]\ntitle = "Only"\nduration = "5m"\n'


def setup(tmp_path):
    (tmp_path / "a.toml").write_text(AGENDA)
    (tmp_path / "people.txt").write_text("Grace Hopper\nAda Lovelace\n")


def liftkit(tmp_path, *args, stdin=None):
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    return subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=tmp_path, env=env
    )


def reflections(tmp_path):
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    return [(e["author"], e["text"]) for e in lines if e["type"] == "reflection"]


def test_the_hosts_own_reflection_is_credited_to_them_and_not_quoted(tmp_path):
    setup(tmp_path)
    stdin = "r Sam Okafor: my own key point as host\nr Grace: a guest's point\nq\ny\n"
    run = liftkit(tmp_path, "run", "a.toml", "--attendees", "people.txt", "--sessions", "s",
                  "--plain", stdin=stdin)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "not on the attendee list" not in run.stdout + run.stderr
    note = liftkit(tmp_path, "note", "latest", "Sam: also mine", "--sessions", "s")
    assert note.returncode == 0, note.stderr
    assert "not on the session's attendee list" not in note.stderr
    assert note.stderr.strip() == (
        "Note: the reflection is credited to the host Sam Okafor, who is not quoted in the pack"
    )
    assert reflections(tmp_path) == [
        ("Sam Okafor", "my own key point as host"),
        ("Grace Hopper", "a guest's point"),
        ("Sam Okafor", "also mine"),
    ]
    for extra in ([], ["--host", "Sam Okafor"], ["--anonymous"]):
        pack = liftkit(tmp_path, "export", "latest", "--sessions", "s", "-o", "-", *extra)
        assert pack.returncode == 0, pack.stderr
        quotes = [line for line in pack.stdout.splitlines() if line.startswith("- “")]
        assert quotes == ["- “a guest's point”"], extra


def test_a_journal_with_the_hosts_name_as_text_leaves_it_out_of_the_pack(tmp_path):
    # journalled before liftkit knew the host: no author, "Sam Okafor: …" its text; and a
    # host given to export alone, "Jo Reed: …"
    setup(tmp_path)
    stdin = "r Sam Okafor: my own key point\nr Jo Reed: hers too\nr Ada: a guest's point\nq\ny\n"
    run = liftkit(tmp_path, "run", "a.toml", "--attendees", "people.txt", "--sessions", "s",
                  "--plain", stdin=stdin)  # fmt: skip
    assert run.returncode == 0, run.stderr
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    lines = path.read_text().splitlines()
    events = [json.loads(line) for line in lines]
    for event in events:
        if event["type"] == "reflection" and event["author"] == "Sam Okafor":
            event["author"], event["text"] = None, "Sam Okafor: my own key point"
    path.write_text("".join(json.dumps(e, separators=(",", ":")) + "\n" for e in events))
    for extra in ([], ["--anonymous"], ["--names"]):
        pack = liftkit(tmp_path, "export", "latest", "--sessions", "s", "-o", "-",
                       "--host", "Jo Reed", *extra)  # fmt: skip
        assert pack.returncode == 0, pack.stderr
        quotes = [line for line in pack.stdout.splitlines() if line.startswith("- “")]
        assert len(quotes) == 1 and "a guest's point" in quotes[0], (extra, quotes)
