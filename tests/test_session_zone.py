"""One session, one time zone: the host's. A resume on a computer set to another zone, a
`liftkit view` or an export read in another, all show the times of the zone the session
began in."""

import glob
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from support.tmux import Tmux

LIFTKIT = [sys.executable, "-m", "liftkit"]
LONDON = ZoneInfo("Europe/London")
AGENDA = """
title = "Zones"
[[segments]]
title = "Welcome"
duration = "10m"
[[segments]]
title = "Talk"
duration = "20m"
[[segments]]
title = "Close"
duration = "10m"
kind = "reflection"
"""


def liftkit_in(zone, *args, cwd, stdin=""):
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    env["TZ"] = zone
    result = subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def test_a_session_resumed_in_another_zone_is_stamped_and_packed_in_its_own(tmp_path):
    # Run in London, quit, resumed on a laptop set to India's time and ended: the journal's
    # times after the resume were India's (+05:30), and the pack of a 7-second session said
    # "13:47 to 19:17", the agenda as run Talk "19:17:50" after Welcome "13:47:45".
    (tmp_path / "a.toml").write_text(AGENDA)
    liftkit_in("Europe/London", "run", "a.toml", "--sessions", "s", "--plain",
               cwd=tmp_path, stdin="r Ada: in London\nq\ny\n")  # fmt: skip
    resumed = liftkit_in("Asia/Kolkata", "resume", "latest", "--sessions", "s", "--plain",
                         cwd=tmp_path, stdin="r Ada: in India\nn\nn\nn\ny\n").stdout  # fmt: skip
    (journal,) = (tmp_path / "s").glob("*/journal.jsonl")
    events = [json.loads(line) for line in journal.read_text().splitlines()]
    walls = [datetime.fromisoformat(e["wall"]) for e in events]
    assert {w.utcoffset() for w in walls} == {walls[0].astimezone(LONDON).utcoffset()}
    said = next(e for e in events if e.get("text") == "in India")
    stamp = re.search(r"^(\d\d:\d\d:\d\d)  saved reflection \(2\)", resumed, re.M)
    assert stamp is not None, resumed
    shown = datetime.fromisoformat(said["wall"]).astimezone(LONDON)
    assert stamp.group(1) in {f"{shown + timedelta(seconds=s):%H:%M:%S}" for s in (-1, 0)}

    pack = liftkit_in("Asia/Kolkata", "export", "latest", "--sessions", "s", cwd=tmp_path).stdout
    start, end = walls[0].astimezone(LONDON), walls[-1].astimezone(LONDON)
    span = f"{start:%H:%M}" + (f" to {end:%H:%M}" if f"{end:%H:%M}" != f"{start:%H:%M}" else "")
    assert re.search(rf"\*\*Time:\*\* {span}( ·|$)", pack, re.M), pack
    talk = next(e for e in events if e["type"] == "segment_start" and e["segment"] == 1)
    talk_at = datetime.fromisoformat(talk["wall"]).astimezone(LONDON)
    # the pack times segments on the session clock, the journal's walls are read beside it:
    # the two may fall either side of a second's boundary (CI on e3421dc, under load)
    planned = start + timedelta(minutes=10)
    row = re.search(r"^\| 2 \| Talk \| (\d\d:\d\d:\d\d) \| (\d\d:\d\d:\d\d) \|", pack, re.M)
    assert row is not None, pack
    assert row.group(1) in {f"{planned + timedelta(seconds=s):%H:%M:%S}" for s in (-1, 0, 1)}
    assert row.group(2) in {f"{talk_at + timedelta(seconds=s):%H:%M:%S}" for s in (-1, 0, 1)}
    as_json = ["export", "latest", "--sessions", "s", "--format", "json"]
    text = json.dumps(json.loads(liftkit_in("Asia/Kolkata", *as_json, cwd=tmp_path).stdout))
    offsets = set(re.findall(r'"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?([+-]\d\d:\d\d)"', text))
    assert offsets == {f"{start:%z}"[:3] + ":" + f"{start:%z}"[3:]}


def test_the_view_in_another_zone_shows_the_host_s_clock_throughout(tmp_path):
    # Run in London with --start, viewed on a computer set to New York's time: its clock read
    # 08:42 while the same screen said "STARTS AT 13:44" and "planned end 14:24".
    (tmp_path / "a.toml").write_text(AGENDA)
    host, audience = Tmux(80, 24, cwd=str(tmp_path)), Tmux(80, 24, cwd=str(tmp_path))
    try:
        start = (datetime.now(LONDON) + timedelta(minutes=3)).strftime("%H:%M")
        host.run(["env", "TZ=Europe/London", *LIFTKIT, "run", "a.toml", "--start", start,
                  "--sessions", "s"])  # fmt: skip
        host.wait_for(f"STARTS AT {start}")
        audience.run(["env", "TZ=America/New_York", *LIFTKIT, "view", "latest", "--sessions",
                      "s"])  # fmt: skip
        screen = audience.wait_for(f"STARTS AT {start}")
        now = datetime.now(LONDON)
        clocks = {f"{now + timedelta(minutes=m):%H:%M}" for m in (-1, 0)}
        title = screen.splitlines()[0]
        assert any(title.rstrip().endswith(clock) for clock in clocks), screen
        there = ZoneInfo("America/New_York")
        new_york = {f"{(now + timedelta(minutes=m)).astimezone(there):%H:%M}" for m in (-1, 0)}
        assert not any(title.rstrip().endswith(clock) for clock in new_york)
        host.keys("q")
        host.wait_for("Quit?")
        host.keys("y")
        host.wait_for("EXIT=0")
        audience.keys("q")
        audience.wait_for("EXIT=0")
    finally:
        host.close()
        audience.close()


@pytest.fixture(autouse=True)
def _zones_known():
    if not os.path.exists("/usr/share/zoneinfo/Asia/Kolkata"):
        pytest.skip("the system has no time zone data")


DST = """
title = "Night"
[[segments]]
title = "One"
duration = "20s"
auto_advance = true
[[segments]]
title = "Two"
duration = "20s"
auto_advance = true
[[segments]]
title = "Three"
duration = "20s"
kind = "reflection"
"""


@pytest.fixture
def in_london():
    """This process in London's time zone (its clocks go back at 02:00 BST on 25 October
    2026), and back to its own after."""
    import time

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_session_over_the_clocks_going_back_follows_them(in_london, tmp_path, cli):
    # From 01:59:35 BST, 20 s segments: the third began at 01:00:15 GMT, the clocks having
    # gone back at 02:00 BST. Plain mode printed "02:00:15 > 3/3 Three", the journal kept
    # +01:00 past the change, and the pack said "01:59 to 02:01" of a session the call's
    # clocks (and its chat) put at 01:59 to 01:01.
    from support.live import FakeTime, ScriptedLines, open_session

    from liftkit.cli.live.plain import PlainApp
    from liftkit.core.live.controller import PLAIN, Controller

    time = FakeTime()
    time.wall = datetime(2026, 10, 25, 0, 59, 35, tzinfo=ZoneInfo("UTC")).astimezone()
    assert f"{time.wall:%H:%M %Z}" == "01:59 BST"
    session = open_session(tmp_path, DST, time)
    out = __import__("io").StringIO()
    PlainApp(Controller(session, mode=PLAIN), out, ScriptedLines(time, [(70, ["q", "y"])])).run()
    three = next(line for line in out.getvalue().splitlines() if "> 3/3 Three" in line)
    began = time.wall.astimezone(LONDON) - timedelta(seconds=30)  # 40 s after the start
    assert three.startswith(f"{began:%H:%M:%S}") and began.hour == 1 and began.minute == 0
    journal = (session.folder / "journal.jsonl").read_text()
    events = [json.loads(line) for line in journal.splitlines()]
    assert [e["wall"][-6:] for e in events][:2] == ["+01:00", "+01:00"]
    assert events[-1]["wall"][-6:] == "+00:00"
    pack = cli("export", str(session.folder)).stdout
    ended = datetime.fromisoformat(events[-1]["wall"])
    assert f"**Time:** 01:59 BST to {ended:%H:%M} GMT" in pack


def _dst_session(tmp_path, seconds=70):
    """The agenda DST run from 01:59:35 BST on the night the clocks go back, for `seconds`:
    One from 01:59:35 BST, Two from 01:59:55 BST, Three from 01:00:15 GMT."""
    from support.live import FakeTime, ScriptedLines, open_session

    from liftkit.cli.live.plain import PlainApp
    from liftkit.core.live.controller import PLAIN, Controller

    time = FakeTime()
    time.wall = datetime(2026, 10, 25, 0, 59, 35, tzinfo=ZoneInfo("UTC")).astimezone()
    session = open_session(tmp_path, DST, time)
    out = __import__("io").StringIO()
    lines = ScriptedLines(time, [(seconds, ["q", "y"])])
    PlainApp(Controller(session, mode=PLAIN), out, lines).run()
    return session.folder


def test_a_chat_over_the_clocks_going_back_is_placed_by_them(in_london, tmp_path, cli):
    # Zoom saved the chat in London's clock times: 01:59:45 (BST), then 01:00:05 and 01:00:30
    # (GMT, the clocks gone back at 02:00). Export put the last two "Before the session",
    # read an hour early, and warned "dstchat.txt:3: the time goes back from 01:59:45 (line
    # 1) to 01:00:05: it looks like a second meeting in the same file".
    folder = _dst_session(tmp_path)
    said = {"01:59:45": "first in segment one", "01:00:05": "second in segment two",
            "01:00:30": "third in segment three"}  # fmt: skip
    chat = tmp_path / "dstchat.txt"
    chat.write_text(
        "".join(f"{at} From Bo Smith to Everyone:\n\t{text}\n" for at, text in said.items())
    )
    result = cli("export", str(folder), "--chat", str(chat), "--format", "json")
    assert result.exit_code == 0, result.output
    pack = json.loads(result.stdout)
    placed = {
        q["text"]: (where["number"], q["time"][11:19])
        for where in pack["segments"] for q in where["reflections"]
    }  # fmt: skip
    placed.update({q["text"]: (side, q["time"][11:19]) for side in ("before", "after")
                   for q in pack[side]})  # fmt: skip
    assert placed == {text: (n, at) for n, (at, text) in enumerate(said.items(), 1)}, placed
    assert "goes back" not in result.output and "second meeting" not in result.output
    markdown = cli("export", str(folder), "--chat", str(chat)).stdout
    assert "Before the session" not in markdown and all(t in markdown for t in said.values())


# Debian's libfaketime (.ci/run installs it), in this machine's architecture's folder
FAKETIME = next(iter(sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))), "")


@pytest.mark.skipif(not FAKETIME, reason="needs libfaketime")
@pytest.mark.parametrize(
    ("now", "wait"), [("2026-10-25 00:30:00", "3:30:00"), ("2026-10-24 23:30:00", "4:30:00")]
)
def test_a_start_time_given_before_the_clocks_go_back_is_after_them(tmp_path, now, wait):
    # At 00:30 BST on the night the clocks go back at 02:00, `--start 03:00` waited 2:30:00,
    # for 03:00 BST (02:00 GMT): an hour early. So did it at 23:30 the evening before, for
    # tomorrow's 03:00 (3:30:00 where 4:30:00 it was).
    (tmp_path / "a.toml").write_text(DST)
    (tmp_path / "ft.txt").write_text(f"@{now}\n")
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    env.update(TZ="Europe/London", LD_PRELOAD=FAKETIME, FAKETIME_NO_CACHE="1")
    env.update(DONT_FAKE_MONOTONIC="1", FAKETIME_TIMESTAMP_FILE=str(tmp_path / "ft.txt"))
    result = subprocess.run(
        [*LIFTKIT, "run", "a.toml", "--start", "03:00", "--plain", "--sessions", "s"],
        input="status\nq\ny\n", capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    day = " tomorrow" if str(now).startswith("2026-10-24") else ""  # 23:30 the evening before
    assert f"waiting to start{day} at 03:00, in {wait}," in result.stdout, result.stdout
    (start_at,) = (tmp_path / "s").glob("*/start-at.txt")
    assert start_at.read_text().strip() == "2026-10-25T03:00:00+00:00"
