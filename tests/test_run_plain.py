"""`liftkit run --plain`, `resume` and `note` through the real command line: pipes, signals
and exit codes. What plain mode prints for each command is tested in-process
(test_live_app.py)."""

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from support.plain import Live

LIFTKIT = [sys.executable, "-m", "liftkit"]

AUTO = """
title = "Auto"
[[segments]]
title = "Alone"
duration = "1m"
kind = "silence"
auto_advance = true
[[segments]]
title = "Pairs"
duration = "2m"
kind = "breakout"
prompt = "Talk in pairs"
questions = ["What stood out?"]
warn = ["1m"]
auto_advance = true
[[segments.polls]]
question = "Useful?"
options = ["Yes", "No"]
"""

OPEN_ENDED = """
title = "Open"
[[segments]]
title = "Talk"
duration = "5m"
"""


def env():
    e = dict(os.environ)
    e.pop("LIFTKIT_SESSIONS", None)
    return e


def journal(folder):
    (path,) = folder.glob("*/journal.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines()]


def wait_for_event(folder, type_, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        paths = list(folder.glob("*/journal.jsonl"))
        if paths and f'"type":"{type_}"' in paths[0].read_text():
            return
        time.sleep(0.05)
    raise AssertionError(f"no {type_} event in the journal")


def start_plain(tmp_path, agenda_text, *extra):
    """`liftkit run --plain` in the background, with pipes to talk to it."""
    (tmp_path / "a.toml").write_text(agenda_text)
    return subprocess.Popen(
        [*LIFTKIT, "run", "a.toml", "--sessions", "s", "--plain", *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env(),
    )


def run_plain(tmp_path, agenda_text, commands, *extra, timeout=20):
    (tmp_path / "a.toml").write_text(agenda_text)
    proc = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--sessions", "s", *extra],
        input=commands,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=timeout,
        env=env(),
    )
    return proc


def test_plain_is_chosen_when_stdout_is_not_a_terminal(tmp_path):
    proc = run_plain(tmp_path, AUTO, "r Ada: hello from the pipe\n", "--rehearse", "600")
    assert proc.returncode == 0
    assert "> 1/2 Alone" in proc.stdout and "\x1b[" not in proc.stdout
    assert "saved reflection (1): Ada: hello from the pipe" in proc.stdout
    assert "session complete: 1 reflection captured" in proc.stdout
    assert "Next: liftkit export s/" in proc.stderr


def test_end_of_input_does_not_end_the_session_and_sigterm_stops_it_cleanly(tmp_path):
    (tmp_path / "a.toml").write_text(OPEN_ENDED)
    command = ["run", "a.toml", "--sessions", "s", "--plain", "--rehearse", "60"]
    live = Live(command, tmp_path, env())
    try:
        live.send("pause\nresume\n+\n")
        live.close_input()
        wait_for_event(tmp_path / "s", "extend")
        live.wait_for("end of input: the session will not end by itself (its last segment has no")
        live.wait_for("1/1 Talk:")  # the line each (rehearsed) minute, after end of input
        assert live.process.poll() is None  # still running after end of input
        live.process.send_signal(signal.SIGTERM)
        out, err = live.finish(timeout=10)
    finally:
        live.kill()
    assert live.returncode == 130
    assert "paused Talk" in out and "resumed Talk" in out and "+1m for Talk" in out
    assert "1/1 Talk:" in out  # the line each (rehearsed) minute
    assert "Carry on with: liftkit resume" in err
    events = journal(tmp_path / "s")
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "sigterm"


def test_resume_note_and_errors_through_the_command_line(tmp_path, cli, monkeypatch):
    proc = start_plain(tmp_path, OPEN_ENDED)
    proc.stdin.write("r confirmed before the crash\n")
    proc.stdin.flush()
    wait_for_event(tmp_path / "s", "reflection")
    proc.kill()
    proc.communicate()

    monkeypatch.chdir(tmp_path)
    result = cli(
        "note", "latest", "Bo: an afterthought #later", "--sessions", "s", "--segment", "1"
    )
    assert result.exit_code == 0, result.output
    assert 'Added a reflection from Bo to segment 1 "Talk"' in result.output
    result = cli("note", "latest", "x", "--sessions", "s", "--segment", "3")
    assert result.exit_code == 2 and "has segments 1 to 1" in result.output
    result = cli("note", "nowhere", "x")
    assert result.exit_code == 2 and "no such session folder" in result.output
    result = cli("resume", "latest", "--sessions", "empty")
    assert result.exit_code == 2 and f"no sessions in empty (in {tmp_path})" in result.output
    # a file named as the session: not "no such session folder", when it is right there
    (tmp_path / "people.csv").write_text("name\nAda\n")
    result = cli("export", "people.csv")
    assert result.exit_code == 2
    assert "people.csv: a file, not a session folder" in result.output

    resumed = subprocess.run(
        [*LIFTKIT, "resume", "latest", "--sessions", "s", "--plain"],
        input="r after the resume\nq\ny\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=20,
        env=env(),
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "saved reflection (3): after the resume" in resumed.stdout
    texts = [e["text"] for e in journal(tmp_path / "s") if e["type"] == "reflection"]
    assert texts == ["confirmed before the crash", "an afterthought #later", "after the resume"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "nope"], 'unknown template "nope"'),
        (["run", "missing.toml"], "missing.toml: no such file"),
        (["run", "community-conversation", "--rehearse", "0"], "0 is not a speed factor"),
        # the value as typed, not as rounded for the message ("3600 is not…") or as read
        (
            ["run", "community-conversation", "--rehearse", "3600.0001"],
            "--rehearse: 3600.0001 is not a speed factor",
        ),
        (
            ["run", "community-conversation", "--rehearse", "1e-400"],
            "--rehearse: 1e-400 is not a speed factor",
        ),
        (["run", "community-conversation", "--start", "25:61"], '"25:61" is not a clock time'),
    ],
)
def test_run_rejects_bad_input_with_one_line_and_exit_2(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "liftkit-sessions").exists()  # nothing half-made


@pytest.mark.parametrize("how", ["quit", "complete"])
def test_plain_mode_on_a_terminal_says_what_next_once(tmp_path, how):
    # stdout's event lines and stderr's farewell both said it: the resume command twice on
    # a quit, "session complete" and the export command twice at the end.
    from support.tmux import Tmux

    (tmp_path / "a.toml").write_text(AUTO)
    term = Tmux(200, 30, cwd=str(tmp_path))
    try:
        # to its end in 0.3 s; or 3 s, for a q y
        rehearse = "60" if how == "quit" else "600"
        term.run([*LIFTKIT, "run", "a.toml", "--sessions", "s", "--plain", "--rehearse", rehearse])
        term.wait_for("> 1/2 Alone")
        if how == "quit":
            term.type("q")
            term.wait_for("Quit?")
            term.type("y")
        screen = term.wait_for("EXIT=0", timeout=20)
    finally:
        term.close()
    if how == "quit":
        assert " ".join(screen.split()).count("liftkit resume s/") == 1  # folded at spaces
    else:
        assert screen.lower().count("session complete") == 1
        assert screen.count("liftkit export s/") == 1


ONE_BREAKOUT = """
title = "Rooms"
[[segments]]
title = "Rooms"
duration = "1m"
kind = "breakout"
group_size = 3
auto_advance = true
"""


def test_the_live_rooms_mark_their_facilitators_and_one_segment_is_one(tmp_path, cli):
    # The rooms of `liftkit groups` say who leads each; the live rooms said only the names.
    people = tmp_path / "people.csv"
    people.write_text("Name,Role\n" + "".join(
        f"P{i},{'Facilitator' if i < 3 else ''}\n" for i in range(1, 10)))  # fmt: skip
    assert cli("groups", str(people), "--size", "3", "--seed", "1", "-o",
               str(tmp_path / "rooms.json")).exit_code == 0  # fmt: skip
    rooms = json.loads((tmp_path / "rooms.json").read_text())["rounds"][0]["groups"]
    leads = {m["name"] for g in rooms for m in g["members"] if m.get("facilitator")}
    assert leads == {"P1", "P2"}
    proc = run_plain(tmp_path, ONE_BREAKOUT, "", "--groups", "rooms.json", "--rehearse", "120")
    assert proc.returncode == 0, proc.stderr
    assert "Rooms: 1 segment. commands:" in proc.stdout
    for group in rooms:
        shown = "; ".join(m["name"] + (" (facilitator)" if m["name"] in leads else "")
                          for m in group["members"])  # fmt: skip
        assert f"{group['name']}: {shown}\n" in proc.stdout


def test_a_breakout_moved_past_at_once_still_prints_its_rooms(tmp_path):
    # Commands piped in a burst ("n", "n"): the breakout began and ended before the next
    # tick, and its rooms, printed at a tick, were never printed.
    three = (
        'title = "Three"\n[[segments]]\ntitle = "Before"\nduration = "1m"\n'
        + ONE_BREAKOUT.split("\n", 2)[2]
        + '\n[[segments]]\ntitle = "After"\nduration = "1m"\n'
    )
    (tmp_path / "people.txt").write_text("".join(f"P{i}\n" for i in range(1, 10)))
    proc = run_plain(tmp_path, three, "n\nn\nq\ny\n", "--attendees", "people.txt", "--seed", "1")
    assert proc.returncode == 0, proc.stderr
    rooms = re.findall(r"  Room \d+: (.*)", proc.stdout)
    placed = sorted(name.strip() for room in rooms for name in room.split(";"))
    assert placed == sorted(f"P{i}" for i in range(1, 10))  # recounted: everyone, once
    assert proc.stdout.index("> 2/3 Rooms") < proc.stdout.index("Room 1:")
    assert proc.stdout.index("Room 1:") < proc.stdout.index("> 3/3 After")


def test_a_prompt_of_several_lines_stays_under_its_segment(tmp_path):
    # its second line printed at the margin, where plain mode's events stand
    agenda = 'title = "ML"\n[[segments]]\ntitle = "Talk"\nduration = "5m"\n'
    agenda += 'prompt = """First line.\nSecond line."""\n'
    proc = run_plain(tmp_path, agenda, "q\ny\n")
    lines = [line[10:] for line in proc.stdout.splitlines()]  # after "HH:MM:SS  "
    at = lines.index("> 1/1 Talk (other, 5m)")
    assert lines[at + 1 : at + 3] == ["  First line.", "  Second line."]


def test_text_typed_on_a_latin_1_terminal_is_kept_as_typed(tmp_path):
    # A Latin-1 terminal sends "é" as one byte; read as UTF-8 it was saved as "\ufffd".
    (tmp_path / "a.toml").write_text(AUTO)
    proc = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--sessions", "s", "--rehearse", "600"],
        input="r Zoë: café culture\n".encode("latin-1"),
        capture_output=True, cwd=tmp_path, timeout=20,
        env=env() | {"PYTHONIOENCODING": "latin-1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (saved,) = [e for e in journal(tmp_path / "s") if e["type"] == "reflection"]
    assert (saved["author"], saved["text"]) == ("Zoë", "café culture")


def test_plain_mode_gives_the_host_the_segment_notes(tmp_path):
    # A screen-reader user running the session in plain mode never heard the host notes,
    # which the full screen shows.
    noted = AUTO.replace('title = "Alone"\n', 'title = "Alone"\nnotes = "Greet people by name"\n')
    proc = run_plain(tmp_path, noted, "", "--rehearse", "600")
    assert proc.returncode == 0, proc.stderr
    lines = [line[10:] for line in proc.stdout.splitlines()]
    start = lines.index("> 1/2 Alone (silence, 1m)")
    assert "  host notes: Greet people by name" in lines[start : start + 4]


@pytest.mark.parametrize(
    "closing, said",
    [
        ('[[segments]]\ntitle = "Close"\nduration = "5m"\n',
         ", and says 1 segment did not run (2. Close)"),
        # in its last segment: nothing is "not run", and no warning was given, though that
        # segment's time was cut at the export and its reflections were yet to come
        ("", ""),
    ],
    ids=["a segment to come", "the last segment"],
)  # fmt: skip
def test_a_pack_made_while_the_session_runs_says_it_is_still_running(tmp_path, cli, closing, said):
    # Exported while `liftkit run` was live: the warning said the session "stopped before
    # its end and was not resumed" and told the host to `liftkit resume` it, which refuses
    # a running session. It says the session is still running, and to export after it.
    proc = start_plain(tmp_path, OPEN_ENDED + closing)
    try:
        wait_for_event(tmp_path / "s", "segment_start")
        folder = next((tmp_path / "s").glob("*/"))
        result = cli("export", str(folder), "-o", str(tmp_path / "pack.md"))
        assert result.exit_code == 0, result.output
        assert result.stderr.splitlines()[0] == (
            f"Warning: {folder.name}: the session is still running: the pack is of it so "
            f"far{said}. Export again when it has ended"
        )
    finally:
        proc.kill()
        proc.communicate()
    if closing:
        assert "| 2 | Close |" in (tmp_path / "pack.md").read_text()
        stopped = cli("export", str(folder)).stderr  # killed, never resumed: resume carries on
        assert "was not resumed" in stopped and f"liftkit resume {folder}" in stopped


def test_commands_from_a_file_saved_with_a_byte_order_mark_and_crlf(tmp_path):
    # Notepad's UTF-8 starts the file with a byte order mark: its first command was
    # "unknown command '\ufeffr …'", and the reflection was lost.
    commands = "\ufeffr Ada: first from the file\r\n+\r\nr second\r\n"
    proc = run_plain(tmp_path, AUTO, commands, "--rehearse", "60")
    assert proc.returncode == 0, proc.stderr
    assert "unknown command" not in proc.stdout
    saved = [(e["author"], e["text"]) for e in journal(tmp_path / "s") if e["type"] == "reflection"]
    assert saved == [("Ada", "first from the file"), (None, "second")]
    # The "+" is read as the command it is; which segment it lengthens depends on how soon
    # the process reads it (Alone lasts 1 s at 60 times), and a loaded machine is slow.
    assert re.search(r"\+1m for (Alone|Pairs)", proc.stdout), proc.stdout


THREE = """
title = "Three"
[[segments]]
title = "Arrive"
duration = "2m"
[[segments]]
title = "Pairs"
duration = "2m"
auto_advance = true
[[segments]]
title = "Close"
duration = "2m"
"""


def segments_left(events):
    """(segment ended, segment running then) for each segment end of the journal."""
    running, pairs = None, []
    for e in events:
        if e["type"] == "segment_end":
            pairs.append((e["segment"], running))
        if e["type"] == "segment_start":
            running = e["segment"]
    return pairs


@pytest.mark.parametrize(("key", "lands"), [("n", "Close"), ("b", "Arrive")])
def test_n_or_b_as_the_segment_moves_on_by_itself_leaves_it_once(tmp_path, key, lands):
    # `- 2m` ends an auto_advance segment's time, and `n` read before the clock's next turn
    # printed "> 3/3 Close" twice and journalled a second end of Pairs; `b` journalled Pairs
    # ending twice and Close started and never ended.
    proc = run_plain(tmp_path, THREE, f"n\n- 2m\n{key}\nq\ny\n")
    assert proc.returncode == 0, proc.stderr
    starts = [line[10:] for line in proc.stdout.splitlines() if line[10:].startswith("> ")]
    assert starts[-1].startswith(f"> {'3/3' if key == 'n' else '1/3'} {lands}")
    assert len(starts) == len(set(starts)) + (key == "b")  # Arrive twice, after a b
    events = journal(tmp_path / "s")
    assert all(ended == running for ended, running in segments_left(events))
    assert [e["segment"] for e in events if e["type"] == "segment_end"].count(1) == 1


def test_a_poll_option_typed_without_its_count_is_named_in_plain_mode(tmp_path):
    # `p Yes, No 4` said "no option 'Yes No'": the commas were taken out before the counts
    # were read, so the two names ran together.
    agenda = tmp_path / "poll.toml"
    agenda.write_text(
        'title = "P"\n[[segments]]\ntitle = "Welcome"\nduration = "5m"\n'
        '[[segments.polls]]\nquestion = "Been before?"\noptions = ["Yes", "No"]\n'
    )
    result = subprocess.run(
        [*LIFTKIT, "run", str(agenda), "--plain", "--sessions", str(tmp_path / "s")],
        input="p Yes, No 4\np Yes 3, No\np Yes 3, No 4\nq\ny\n", capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    said = [line.split("  ", 1)[1] for line in result.stdout.splitlines() if "poll" in line]
    hint = "give a count after each option, e.g. p Yes: 10, No: 11"  # a command to type
    assert f'poll 1: "Yes" has no count; {hint}' in said
    assert f'poll 1: "No" has no count; {hint}' in said
    assert "saved poll: Been before? Yes 3, No 4" in said


def test_a_reader_that_stops_reading_ends_the_session_quietly_and_resumable(tmp_path):
    # `liftkit run --plain AGENDA | head -1` exited 130, as if the host had pressed Ctrl-C, and
    # the journal said its terminal had closed. A pipe whose reader left is no interrupt.
    proc = start_plain(tmp_path, OPEN_ENDED, "--rehearse", "60")
    try:
        proc.stdin.write("r Ada: said before the reader left\n")
        proc.stdin.flush()
        wait_for_event(tmp_path / "s", "reflection")
        proc.stdout.readline()
        proc.stdout.close()  # the reader goes away, as `head -1` does
        proc.stdin.write("status\n")  # something more to print
        proc.stdin.flush()
        err = proc.stderr.read()
        proc.wait(timeout=20)
    finally:
        proc.kill()
        proc.stdin.close()
        proc.stderr.close()
    (folder,) = (tmp_path / "s").iterdir()
    assert proc.returncode == 1  # as any liftkit command printing into `| head` (test_cli)
    resume = f"liftkit resume s/{folder.name}"
    assert err.splitlines() == [f"Nothing captured is lost. Carry on with: {resume}"]
    events = journal(tmp_path / "s")
    texts = [e["text"] for e in events if e["type"] == "reflection"]
    assert texts == ["said before the reader left"]
    assert events[-1]["type"] == "stop" and events[-1]["reason"] == "error"


def test_run_of_latest_or_of_a_session_folder_says_resume_carries_it_on(tmp_path):
    """`liftkit run latest` answered only 'unknown template "latest"; the bundled templates
    are …', and `run` of a session folder 'is a folder, not an agenda file': both now say the
    command that carries the session on, as it would be typed."""

    def liftkit(*args, stdin=""):
        return subprocess.run(
            [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=tmp_path,
            timeout=60,
        )  # fmt: skip

    quit_ = liftkit("run", "1-2-4-all", "--plain", "--sessions", "s", "--rehearse", "60",
                    stdin="q\ny\n")  # fmt: skip
    assert quit_.returncode == 0, quit_.stderr
    (folder,) = (tmp_path / "s").iterdir()
    journal = (folder / "journal.jsonl").read_bytes()
    latest = liftkit("run", "latest", "--plain", "--sessions", "s")
    assert latest.returncode == 2
    (line,) = latest.stderr.splitlines()
    assert line.startswith('Error: unknown template "latest"; the bundled templates are ')
    assert line.endswith("; to carry on the latest session: liftkit resume latest --sessions s")
    named = liftkit("run", f"s/{folder.name}", "--plain")
    assert named.returncode == 2
    assert named.stderr.splitlines() == [
        f"Error: s/{folder.name}: is a session folder, not an agenda file; to run its agenda "
        f"again: liftkit run s/{folder.name}/agenda.toml; to carry the session on: liftkit "
        f"resume s/{folder.name}"
    ]
    assert [p.name for p in (tmp_path / "s").iterdir()] == [folder.name]  # no session begun
    assert (folder / "journal.jsonl").read_bytes() == journal
    resumed = liftkit("resume", "latest", "--sessions", "s", "--plain", stdin="q\ny\n")
    assert resumed.returncode == 0, resumed.stderr  # what it says works
