import os
import sys

import pytest

# Bytecode caches, where the environment turns them off (PYTHONDONTWRITEBYTECODE, as some
# sandboxes and CI images set it): each worker rewrote the asserts of every test module
# from source at collection (8 of its 10 s), and each of the suite's hundreds of liftkit
# subprocesses compiled the modules it imports. The caches are written under __pycache__
# (ignored by git) and checked against their source as usual; the code run is the same.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Fixed terminal size and no colour for every rendering under test.
os.environ["COLUMNS"] = "100"
os.environ["LINES"] = "40"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ["TERM"] = os.environ.get("TERM") or "xterm-256color"


def pytest_xdist_auto_num_workers(config):
    """`-n auto` (pyproject's addopts) as one worker more than the machine has cores: a third
    of the suite's time is tests waiting on a real clock, tmux or a subprocess, so on 2
    cores 3 workers ran it in 220 s where 2 took 271-307 s (the same run, all passing)."""
    return (os.cpu_count() or 1) + 1


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


_commands: dict[int, tuple[object, object]] = {}


def _command_of(app):
    """typer.main.get_command, built once per app: CliRunner.invoke builds the whole
    command line again at each call (37 ms for liftkit's, some thousands of calls a run),
    where `liftkit` builds it once per process. The same click command serves every call."""
    from typer.main import get_command

    if id(app) not in _commands:
        _commands[id(app)] = (app, get_command(app))  # the app kept: its id stays its own
    return _commands[id(app)][1]


@pytest.fixture
def cli(runner, monkeypatch):
    """Invoke the liftkit app as the command line would."""
    import typer.testing

    from liftkit.cli.app import app

    monkeypatch.setattr(typer.testing, "_get_command", _command_of)

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input)

    return invoke
