import os

import pytest

# Fixed terminal size and no colour for every rendering under test.
os.environ["COLUMNS"] = "100"
os.environ["LINES"] = "40"
os.environ["NO_COLOR"] = "1"
os.environ.pop("FORCE_COLOR", None)
os.environ["TERM"] = os.environ.get("TERM") or "xterm-256color"


@pytest.fixture
def runner():
    from typer.testing import CliRunner

    return CliRunner()


@pytest.fixture
def cli(runner):
    """Invoke the liftkit app as the command line would."""
    from liftkit.cli.app import app

    def invoke(*args, input=None):
        return runner.invoke(app, list(args), input=input)

    return invoke
