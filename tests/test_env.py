"""Commands ask the Environment they are handed, not `sys`: a fake one is enough to test them."""

import io
from pathlib import Path

from liftkit.cli.env import Environment

DATA = Path(__file__).parent / "data"


def fake_env(stdin: bytes = b"", tty: bool = False) -> Environment:
    return Environment(
        stdin=io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=tty,
        stdout_isatty=tty,
        term="xterm-256color",
        no_color=True,
    )


def people_in(path: Path) -> list[str]:
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            names.append(line.split("<")[0].strip().strip('"'))
    return names


def test_groups_draws_tables_on_the_terminal_it_is_handed(runner):
    from liftkit.cli.app import app

    attendees = DATA / "people" / "plain.txt"
    env = fake_env(tty=True)
    result = runner.invoke(app, ["groups", str(attendees), "--size", "2", "--seed", "3"], obj=env)
    assert result.exit_code == 0, result.output
    tables = env.stdout.getvalue()
    assert "Breakout groups" in tables and "## Room" not in tables
    assert all(name in tables for name in people_in(attendees))
    assert "Breakout groups" not in result.stdout  # nothing went to the process's stdout


def test_groups_writes_markdown_when_the_environment_is_not_a_terminal(runner):
    from liftkit.cli.app import app

    attendees = DATA / "people" / "plain.txt"
    env = fake_env(tty=False)
    result = runner.invoke(app, ["groups", str(attendees), "--size", "2", "--seed", "3"], obj=env)
    assert result.exit_code == 0, result.output
    assert env.stdout.getvalue() == ""
    assert result.stdout.startswith("# Breakout groups\n")
    assert all(name in result.stdout for name in people_in(attendees))


def test_agenda_show_reads_standard_input_from_the_environment(runner):
    from liftkit.cli.app import app

    agenda = b'title = "From the fake stdin"\n\n[[segments]]\ntitle = "Hello"\nduration = "5m"\n'
    env = fake_env(stdin=agenda)
    result = runner.invoke(app, ["agenda", "show", "-"], input="not this", obj=env)
    assert result.exit_code == 0, result.output
    shown = env.stdout.getvalue()
    assert "From the fake stdin" in shown and "Hello" in shown
