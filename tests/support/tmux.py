"""A real terminal for end-to-end tests: tmux on a private socket, read with capture-pane."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


class Tmux:
    def __init__(self, width: int = 80, height: int = 24, cwd: str | None = None) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed")
        self.socket = f"liftkit-test-{uuid.uuid4().hex[:8]}"
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
        env["TERM"] = "xterm-256color"
        env["PS1"] = "$ "
        self._run(
            "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t",
            "bash --norc --noprofile", env=env, cwd=cwd,
        )  # fmt: skip
        self._run("set-option", "-t", "t", "status", "off")
        self.type("PS1='$ '; clear; echo READY")
        self.wait_for("READY")

    def _run(self, *args: str, env=None, cwd=None) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True, text=True, env=env, cwd=cwd, check=True,
        )  # fmt: skip
        return result.stdout

    def type(self, text: str, enter: bool = True) -> None:
        self._run("send-keys", "-t", "t", "-l", text)
        if enter:
            self._run("send-keys", "-t", "t", "Enter")

    def paste(self, text: str, bracketed: bool = True) -> None:
        """Paste `text` as a terminal does: in one piece, with bracketed-paste markers when
        the program asked for them (`bracketed`), newlines sent as carriage returns."""
        self._run("set-buffer", "-b", "p", text)
        self._run("paste-buffer", "-b", "p", "-t", "t", *(["-p"] if bracketed else []))

    def keys(self, *keys: str) -> None:
        self._run("send-keys", "-t", "t", *keys)

    def run(self, argv: list[str]) -> None:
        self.type(shlex.join(argv) + "; echo EXIT=$?")

    def state(self, fmt: str) -> str:
        """What tmux knows of the pane, e.g. '#{alternate_on} #{cursor_flag}'."""
        return self._run("display-message", "-p", "-t", "t", fmt).strip()

    def screen(self, styles: bool = False) -> str:
        """What the pane shows; with `styles`, its escapes too (reverse video is ESC[7m)."""
        return self._run("capture-pane", "-p", *(["-e"] if styles else []), "-t", "t")

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{screen}")

    def wait_without(self, text: str, timeout: float = 10.0) -> str:
        """The screen once `text` has gone from it (a view closed, a message replaced)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not go; the screen shows:\n{screen}")

    def command_pid(self, timeout: float = 10.0) -> int:
        """The pid of the command running in the pane's shell (never another test's process)."""
        shell = int(self._run("list-panes", "-t", "t", "-F", "#{pane_pid}").split()[0])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            children = subprocess.run(
                ["pgrep", "-P", str(shell)], capture_output=True, text=True
            ).stdout.split()
            if children:
                return int(children[0])
            time.sleep(0.05)
        raise AssertionError("no command is running in the terminal")

    def signal(self, signum: int) -> None:
        os.kill(self.command_pid(), signum)

    def resize(self, width: int, height: int) -> None:
        self._run("resize-window", "-t", "t", "-x", str(width), "-y", str(height))

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def agenda_terminal(tmp_path: Path, agenda: str, width: int = 80, height: int = 24):
    """A tmux pane in `tmp_path` holding `agenda` as a.toml, closed after (for a fixture:
    `yield from agenda_terminal(tmp_path, AGENDA)`)."""
    (tmp_path / "a.toml").write_text(agenda)
    term = Tmux(width, height, cwd=str(tmp_path))
    try:
        yield term
    finally:
        term.close()


def session_events(tmp_path: Path) -> list[dict]:
    """The journal of the one session under tmp_path/s (`--sessions s`), one dict an event."""
    (path,) = (tmp_path / "s").glob("*/journal.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines()]


# A short agenda for a host's terminal beside the audience's (`liftkit view`).
SHARED_SCREEN = """
title = "Shared screen"

[[segments]]
title = "Welcome"
duration = "3m"
kind = "welcome"
prompt = "Say hello in the chat"

[[segments]]
title = "Close"
duration = "5m"
kind = "reflection"
"""


@contextlib.contextmanager
def host_and_audience(folder: Path) -> Iterator[tuple[Tmux, Tmux]]:
    """Two 80x24 terminals in `folder`, the host's and the audience's, with SHARED_SCREEN
    written there as a.toml."""
    (folder / "a.toml").write_text(SHARED_SCREEN)
    host = Tmux(80, 24, cwd=str(folder))
    audience = Tmux(80, 24, cwd=str(folder))
    try:
        yield host, audience
    finally:
        host.close()
        audience.close()
