"""The pure core stays pure, fast commands stay fast, and the code is lint- and type-clean."""

import importlib.util
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import liftkit.core

REPO = Path(__file__).resolve().parent.parent
SHELL_LIBRARIES = ("typer", "rich", "questionary", "click", "prompt_toolkit")


def modules_loaded_after(code: str) -> set[str]:
    """Run `code` in a fresh interpreter and return the names in its sys.modules."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(liftkit.core.__path__, prefix="liftkit.core.")
    )


def test_there_is_a_core_to_check():
    assert {
        "liftkit.core.agenda.model",
        "liftkit.core.agenda.durations",
        "liftkit.core.agenda.templates",
    } <= set(core_modules())


def test_core_modules_import_no_terminal_library():
    imports = "\n".join(f"import {name}" for name in core_modules())
    loaded = modules_loaded_after(imports)
    assert set(core_modules()) <= loaded
    leaked = sorted(m for m in loaded if m.split(".")[0] in SHELL_LIBRARIES)
    assert leaked == []


def loaded_by_command(*args: str) -> set[str]:
    code = (
        "import sys\n"
        "from liftkit.cli.main import main\n"
        f"sys.argv = ['liftkit', *{list(args)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
    )
    return modules_loaded_after(code)


def slow_modules(loaded: set[str]) -> list[str]:
    return sorted(
        m
        for m in loaded
        if m.split(".")[0] in ("questionary", "prompt_toolkit")
        or m.startswith(("liftkit.cli.live.fullscreen", "liftkit.cli.prompts"))
    )


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("agenda", "list")], ids=" ".join)
def test_fast_commands_import_neither_questionary_nor_the_live_view(args):
    loaded = loaded_by_command(*args)
    assert slow_modules(loaded) == []


@pytest.mark.parametrize("args", [("--version",), ("agenda", "list")], ids=" ".join)
def test_version_and_agenda_list_do_not_even_import_rich(args):
    loaded = loaded_by_command(*args)
    assert sorted(m for m in loaded if m.split(".")[0] == "rich") == []


def test_version_does_not_import_typer():
    assert "typer" not in loaded_by_command("--version")


def tool(module: str) -> list[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]' brings it)")
    return [sys.executable, "-m", module]


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=" ".join,
)
def test_lint_format_and_types(command):
    result = subprocess.run(
        [*tool(command[0]), *command[1:]], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_agenda_list_loads_no_other_command_module():
    loaded = loaded_by_command("agenda", "list")
    commands = sorted(m for m in loaded if m.startswith("liftkit.cli.commands."))
    assert commands == ["liftkit.cli.commands.agenda"]


@pytest.mark.parametrize(
    "args",
    [
        ["agenda", "list"],
        ["agenda", "show", "1-2-4-all", "--start", "9:00"],
        ["agenda", "--help"],
        ["new", "--help"],
        ["agenda", "show", "nope.toml"],
        ["agenda", "bogus"],
        ["bogus"],
        ["--help"],
    ],
    ids=" ".join,
)
def test_the_command_line_behaves_like_the_full_app(cli, args, tmp_path, monkeypatch):
    """main() builds only the app a command needs; what the user sees is the same."""
    monkeypatch.chdir(tmp_path)
    full = cli(*args)
    real = subprocess.run(
        [sys.executable, "-m", "liftkit", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert (real.returncode, real.stdout, real.stderr) == (full.exit_code, full.stdout, full.stderr)


def test_writing_to_a_device_or_pipe_writes_into_it_and_never_replaces_it(tmp_path):
    import os
    import stat

    from liftkit.core.files import write_atomic

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe\n", force=False)
        assert os.read(reader, 100) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not a renamed file
    write_atomic("/dev/null", "gone", force=False)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_to_stdout_is_written_through_and_a_link_to_a_file_is_kept(tmp_path):
    import os

    from liftkit.core.files import write_atomic

    redirected = tmp_path / "out.txt"
    redirected.write_text("old")
    with open(redirected, "w") as handle:
        link = f"/proc/self/fd/{handle.fileno()}"  # what /dev/stdout leads to when redirected
        write_atomic(link, "through the link\n", force=False)
    assert redirected.read_text() == "through the link\n"

    real = tmp_path / "real.md"
    real.write_text("old")
    alias = tmp_path / "alias.md"
    alias.symlink_to(real)
    write_atomic(alias, "new")
    assert alias.is_symlink() and real.read_text() == "new"
    assert os.readlink(alias) == str(real)


def test_a_path_under_a_file_is_a_clear_error(tmp_path):
    import pytest

    from liftkit.core.errors import LiftkitError
    from liftkit.core.files import write_atomic

    (tmp_path / "people.csv").write_text("x")
    with pytest.raises(LiftkitError, match=r"people\.csv: is a file, not a folder") as caught:
        write_atomic(tmp_path / "people.csv" / "x.md", "y")
    assert caught.value.exit_code == 2
