"""README.md names every option of every command: what `--help` offers, a host can read about
in the command's section of the README."""

import re
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from liftkit.cli.app import build_app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, Any]]:
    """(name, command) of every command, "agenda show" for the group's ones."""
    found = []
    for name, command in get_command(build_app()).commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):  # a group: agenda
            found += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            found.append((name, command))
    return found


def options(command: Any) -> list[Any]:
    """The options of a command (Click's, bundled in Typer), --help aside."""
    return [p for p in command.params if p.param_type_name == "option" and "--help" not in p.opts]


def section(command: str) -> str:
    """The README's section of `liftkit COMMAND`: its heading, text and examples."""
    match = re.search(rf"^### `liftkit {command}\b.*?(?=^##)", README, re.MULTILINE | re.DOTALL)
    assert match, f"README.md has no section on liftkit {command}"
    return match.group(0)


def named(option: Any, text: str) -> bool:
    """Whether `text` names the option by one of its names (`-o` or `--output`)."""
    names = option.opts + option.secondary_opts
    return any(re.search(rf"`[^`]*(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in names)


COMMANDS = dict(commands())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_option_of_a_command_is_in_its_readme_section(name):
    text = section(name)
    missing = [p.opts[0] for p in options(COMMANDS[name]) if not named(p, text)]
    assert missing == [], f"README.md's liftkit {name} does not name {missing}"


def test_the_options_of_liftkit_itself_are_in_the_readme():
    root = options(get_command(build_app()))
    assert {p.opts[0] for p in root} >= {"--version", "--install-completion"}
    head = README.split("### `liftkit", 1)[0]
    assert [p.opts[0] for p in root if not named(p, head)] == []
