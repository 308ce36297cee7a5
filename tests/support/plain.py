"""liftkit as a subprocess, and `liftkit run --plain` followed as it goes: its output read as
it comes, so that a test waits for the line it then asserts rather than a fixed sleep."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

LIFTKIT = [sys.executable, "-m", "liftkit"]
PATIENCE = 30.0  # seconds: a loaded machine is slow, never this slow


def liftkit(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LIFTKIT, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=60
    )


def quit_session(tmp_path: Path) -> Path:
    """The folder of a community conversation run in plain mode in `tmp_path`/sessions, a
    reflection from Ada saved, then quit (q, y)."""
    sessions = tmp_path / "sessions"
    run = liftkit(
        "run", "community-conversation", "--plain", "--sessions", str(sessions), cwd=tmp_path,
        stdin="r Ada: hello\nq\ny\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (folder,) = sessions.iterdir()
    return folder


def wait_until(check: Callable[[], object], what: str, timeout: float = PATIENCE) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def journalled(folder: Path, text: str) -> bool:
    """Whether the journal in `folder` holds `text` (False while it is not there)."""
    try:
        return text in (folder / "journal.jsonl").read_text()
    except OSError:
        return False


class Live:
    """A liftkit command with its input a pipe, its output and errors read as they come."""

    def __init__(
        self, args: list[str], cwd: Path, env: dict[str, str] | None = None,
        program: list[str] = LIFTKIT,
    ) -> None:  # fmt: skip
        self.process = subprocess.Popen(
            [*program, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, cwd=cwd, env=env,
        )  # fmt: skip
        self._out: list[str] = []
        self._err: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        self._readers = [
            threading.Thread(target=self._read, args=(stream, into), daemon=True)
            for stream, into in ((self.process.stdout, self._out), (self.process.stderr, self._err))
        ]
        for reader in self._readers:
            reader.start()

    @staticmethod
    def _read(stream: IO[str], into: list[str]) -> None:
        for line in stream:
            into.append(line)

    @property
    def out(self) -> str:
        return "".join(self._out)

    @property
    def err(self) -> str:
        return "".join(self._err)

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text)
        self.process.stdin.flush()

    def wait_for(self, text: str, count: int = 1, timeout: float = PATIENCE) -> str:
        """The output once `text` is in it (`count` times); fails if liftkit stops first."""
        deadline = time.monotonic() + timeout
        while self.out.count(text) < count:
            if self.process.poll() is not None:
                for reader in self._readers:
                    reader.join(5)
                if self.out.count(text) >= count:
                    break
                raise AssertionError(f"liftkit stopped before {text!r}:\n{self.out}{self.err}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not come in {timeout} s:\n{self.out}")
            time.sleep(0.05)
        return self.out

    def turns(self, count: int = 2) -> None:
        """`help`, `count` times, each answered: the session has gone round its loop (and
        tried again what it could not write) as often, and printed what it said on the way."""
        for _ in range(count):
            asked = self.out.count("q then y (quit)")
            self.send("help\n")
            self.wait_for("q then y (quit)", count=asked + 1)

    def ask_until(self, text: str, timeout: float = PATIENCE) -> str:
        """`status` each 0.2 s until liftkit has said `text`; the output. What the session
        says once it has gone round its loop is printed as it waits for the next command:
        a command ends that wait, where a test would wait for it to time out."""
        deadline = time.monotonic() + timeout
        while text not in self.out:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not come:\n{self.out}{self.err}")
            self.send("status\n")
            time.sleep(0.2)
        return self.out

    def close_input(self) -> None:
        """End of input, as a pipe closed by the program that wrote to it."""
        assert self.process.stdin is not None
        self.process.stdin.close()

    def finish(self, text: str = "", timeout: float = PATIENCE) -> tuple[str, str]:
        """Send `text`, close the input, wait for liftkit to stop: its output and errors."""
        try:
            if text:
                self.send(text)
            assert self.process.stdin is not None
            if not self.process.stdin.closed:
                self.process.stdin.close()
            self.process.wait(timeout)
        finally:
            self.kill()
        return self.out, self.err

    def kill(self) -> None:
        """Stop liftkit if it still runs, and close its pipes (what it printed stays read)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for reader in self._readers:
            reader.join(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None and not stream.closed:
                with contextlib.suppress(OSError):  # liftkit stopped before reading it all
                    stream.close()
