"""In-process live sessions: a fake clock, and scripted keys or lines for the front-ends."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from liftkit.core.agenda.model import load_agenda
from liftkit.core.live.rooms import plan_from_people
from liftkit.core.live.session import Clock, LiveSession, new_session
from liftkit.core.people.reader import Person

T0 = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)


class FakeTime:
    """Real time for a session, moved on by hand (or by a scripted input's waits)."""

    def __init__(self) -> None:
        self.mono = 1000.0
        self.wall = T0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += timedelta(seconds=seconds)

    def clock(self, rate: float = 1.0, offset: float = 0.0) -> Clock:
        return Clock(rate, offset, mono=lambda: self.mono, wall=lambda: self.wall)


def open_session(
    tmp_path: Path, agenda_text: str, time: FakeTime, rate: float = 1.0
) -> LiveSession:
    path = tmp_path / "agenda.toml"
    path.write_text(agenda_text)
    agenda = load_agenda(path)
    return new_session(agenda, path, "agenda", tmp_path / "sessions", time.clock(rate))


def plain_cafe(
    tmp_path: Path, agenda_text: str, names: list[str], rehearse: int
) -> subprocess.Popen[str]:
    """`liftkit run mini.toml --plain` in `tmp_path`, started: `agenda_text` up to its Harvest
    (a café of rounds alone), `names` the attendees (seed 1), at `rehearse` times the real
    speed, its input, output and errors pipes of text."""
    (tmp_path / "mini.toml").write_text(agenda_text.split('[[segments]]\ntitle = "Harvest"')[0])
    (tmp_path / "people.txt").write_text("\n".join(names) + "\n")
    env = {k: v for k, v in os.environ.items() if k != "LIFTKIT_SESSIONS"}
    return subprocess.Popen(
        [sys.executable, "-m", "liftkit", "run", "mini.toml", "--sessions", "s",
         "--attendees", "people.txt", "--rehearse", str(rehearse), "--plain", "--seed", "1"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=tmp_path, env=env,
    )  # fmt: skip


def until_round_three(
    proc: subprocess.Popen[str], answer: Callable[[str], str | None] = lambda line: None
) -> tuple[str, str]:
    """What `plain_cafe`'s run printed until its round 3 began, each line given to `answer`
    (what it returns is typed in), then a quit (q, y): its output and its errors. A café that
    never reaches round 3 is killed after a minute."""
    lines = []
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        assert proc.stdout is not None and proc.stdin is not None
        for line in proc.stdout:
            lines.append(line)
            if (typed := answer(line)) is not None:
                proc.stdin.write(typed)
                proc.stdin.flush()
            if "round 3 of 4 begins" in line:
                break
        proc.stdin.write("q\ny\n")
        proc.stdin.flush()
        rest, err = proc.communicate(timeout=30)
    finally:
        watchdog.cancel()
        proc.kill()
    return "".join(lines) + rest, err


def with_rooms(session: LiveSession, names: list[str], seed: int = 1) -> LiveSession:
    """`session` with the rooms of its breakouts made for the people `names` (as `run
    --attendees` makes them)."""
    people = [Person(name=name) for name in names]
    for segment, split in plan_from_people(session.agenda, people, seed=seed).items():
        session.record_groups(segment, split)
    return session


class Scripted:
    """Input that arrives at given real seconds (after the first read): keys or lines, or
    "SIGINT" / "SIGTERM" / "SIGHUP" for a signal. Waiting moves the fake time on, so a test
    of an hour-long agenda takes milliseconds. After the script, time runs on until `limit`.
    """

    def __init__(
        self, time: FakeTime, script: list[tuple[float, list[str]]], limit: float = 4 * 3600
    ) -> None:
        self.time = time
        self.script = sorted(script, key=lambda entry: entry[0])
        self.start = time.mono
        self.limit = limit
        self.pending_interrupts = 0
        self.signal: str | None = None
        self.waits: list[float] = []  # every time-out asked for (tests of idle wake-ups)
        self.times: list[float] = []  # when each read began, in seconds from the start

    def __enter__(self) -> Scripted:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def deferred(self) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def elapsed(self) -> float:
        return self.time.mono - self.start

    def _next(self, timeout: float) -> list[str]:
        self.waits.append(timeout)
        self.times.append(self.elapsed())
        if self.elapsed() > self.limit:
            raise AssertionError(f"the session was still running after {self.limit} s")
        if self.script and self.script[0][0] <= self.elapsed() + timeout:
            at, items = self.script.pop(0)
            self.time.advance(max(at - self.elapsed(), 0.0))
        else:
            self.time.advance(timeout)
            return []
        taken = []
        for item in items:
            if item == "SIGINT":
                self.pending_interrupts += 1
            elif item in ("SIGTERM", "SIGHUP"):
                self.signal = item.lower()
            else:
                taken.append(item)
        return taken

    def take_resumed(self) -> bool:
        return False

    def take_stop(self) -> bool:
        return False

    def stop_here(self) -> bool:
        return True

    def interrupts(self) -> int:
        count, self.pending_interrupts = self.pending_interrupts, 0
        return count

    def terminated(self) -> str | None:
        return self.signal


class ScriptedKeys(Scripted):
    def read(self, timeout: float) -> list[str]:
        return self._next(timeout)


class ScriptedLines(Scripted):
    def read(self, timeout: float) -> tuple[list[str], str]:
        return self._next(timeout), ""


def plain_output(out: io.StringIO) -> list[str]:
    """The lines plain mode printed, without their time stamps."""
    return [line[10:] for line in out.getvalue().splitlines()]


FIRST = ("Ada", "Grace", "Katherine", "Mary", "Hedy", "Radia", "Margaret", "Frances",
         "Barbara", "Shafi", "Anita", "Sophie", "Evelyn", "Jean", "Lynn", "Adele", "Karen",
         "Joan")  # fmt: skip
LAST = ("Lovelace", "Hopper", "Johnson", "Jackson", "Lamarr", "Perlman", "Hamilton", "Allen",
        "Liskov", "Goldwasser", "Borg", "Wilson", "Berezin", "Bartik", "Conway", "Goldberg",
        "Spärck Jones", "Clarke", "Featherstonehaugh-Okonkwo")  # fmt: skip


def attendee_names(count: int, long: bool = True) -> list[str]:
    """`count` different full names (up to 300), some of them long unless `long` is False.

    18 first names and 19 (or 17) family names share no factor, so pairing the i-th of each
    in turn gives a new name every time."""
    last = LAST if long else LAST[:17]
    return [f"{FIRST[i % len(FIRST)]} {last[i % len(last)]}" for i in range(count)]


def attendees_csv(path: Path, count: int, long: bool = True) -> Path:
    rows = ["Name,Email"] + [
        f"{name},person{i}@example.org" for i, name in enumerate(attendee_names(count, long))
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
