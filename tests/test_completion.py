"""Shell completion (issue 12): `--install-completion` / `--show-completion` for bash, zsh
and fish, and completion of AGENDA and SESSION through each shell's own protocol: the
environment a shell's completion script sets, in a real `liftkit` process."""

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from liftkit.core.agenda.templates import template_names

SHELLS = ("bash", "zsh", "fish")
SESSION = "2026-01-01-100000-team-call"


def run(args, cwd, **env):
    full = {**os.environ, **env}
    full.pop("LIFTKIT_SESSIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "liftkit", *args],
        capture_output=True, text=True, cwd=cwd, env=full, timeout=60,
    )  # fmt: skip


def complete(shell: str, line: str, cwd) -> list[str]:
    """The values `liftkit` offers when `line` has been typed and Tab pressed in `shell`."""
    words = line.split()
    if shell == "bash":
        cword = len(words) if line.endswith(" ") else len(words) - 1
        result = run([], cwd, _LIFTKIT_COMPLETE="complete_bash", COMP_WORDS=line,
                     COMP_CWORD=str(cword))  # fmt: skip
        values = result.stdout.splitlines()
    elif shell == "zsh":
        result = run([], cwd, _LIFTKIT_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS=line)
        # _arguments '*: :(("value":"help" "value":"help"))'
        values = result.stdout.split('"')[1::4]
    else:
        result = run([], cwd, _LIFTKIT_COMPLETE="complete_fish", _TYPER_COMPLETE_ARGS=line,
                     _TYPER_COMPLETE_FISH_ACTION="get-args")  # fmt: skip
        values = [row.split("\t")[0] for row in result.stdout.splitlines()]
    assert result.returncode == 0, result.stderr
    return values


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "team-call.toml").write_text("")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "retro.toml").write_text("")
    session = tmp_path / "liftkit-sessions" / SESSION
    session.mkdir(parents=True)
    (session / "journal.jsonl").write_text("")
    (tmp_path / "liftkit-sessions" / "not-a-session").mkdir()
    return tmp_path


@pytest.mark.parametrize("shell", SHELLS)
def test_agenda_completes_to_templates_then_agenda_files(shell, workdir):
    offered = complete(shell, "liftkit agenda show ", workdir)
    assert offered == [*template_names(), "liftkit-sessions/", "plans/", "team-call.toml"]
    assert complete(shell, "liftkit agenda check plans/", workdir) == ["plans/retro.toml"]
    if shell == "bash":  # the same function completes run's AGENDA and new's --from
        assert complete(shell, "liftkit run comm", workdir) == ["community-conversation"]
        assert complete(shell, "liftkit new x.toml --from 1-", workdir) == ["1-2-4-all"]


@pytest.mark.parametrize("shell", SHELLS)
def test_session_completes_to_latest_and_session_folders(shell, workdir):
    folder = f"liftkit-sessions/{SESSION}"
    # Every command that takes SESSION shares the argument; one shell checks them all.
    for command in ("export", "resume", "note") if shell == "bash" else ("resume",):
        assert complete(shell, f"liftkit {command} ", workdir) == ["latest", folder]
    assert complete(shell, "liftkit export liftkit-s", workdir) == [folder]
    other = workdir / "elsewhere"
    (other / "2026-02-02-090000-x").mkdir(parents=True)
    (other / "2026-02-02-090000-x" / "journal.jsonl").write_text("")
    assert complete(shell, "liftkit export --sessions elsewhere ", workdir) == [
        "latest",
        "elsewhere/2026-02-02-090000-x",
    ]


# Typer detects the shell from the parent process; its own switch turns that off, so that
# the shell can be named, as a host with another shell than their login one would.
CHOOSE = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
INSTALLED = {
    "bash": (".bash_completions/liftkit.sh", ".bashrc"),
    "zsh": (".zfunc/_liftkit", ".zshrc"),
    "fish": (".config/fish/completions/liftkit.fish", None),
}


@pytest.mark.parametrize("shell", SHELLS)
def test_show_completion_prints_a_script_for_each_shell(shell, tmp_path):
    result = run(["--show-completion", shell], tmp_path, **CHOOSE)
    assert result.returncode == 0, result.stderr
    assert f"_LIFTKIT_COMPLETE=complete_{shell}" in result.stdout.replace("'", "")


@pytest.mark.parametrize("shell", SHELLS)
def test_install_completion_writes_the_script_where_the_shell_reads_it(shell, tmp_path):
    result = run(["--install-completion", shell], tmp_path, HOME=str(tmp_path), **CHOOSE)
    assert result.returncode == 0, result.stderr
    script, rc = INSTALLED[shell]
    assert f"complete_{shell}" in (tmp_path / script).read_text()
    if rc is not None:
        assert (tmp_path / rc).is_file()


@pytest.mark.parametrize(("shell", "offered"), [
    ("bash", "My\\ Call\\ \\(draft\\).toml"),  # bash inserts it as given: escaped
    ("zsh", "My Call (draft).toml"),  # zsh and fish quote it themselves
    ("fish", "My Call (draft).toml"),
])  # fmt: skip
def test_a_name_with_spaces_completes_to_one_word(shell, offered, tmp_path):
    (tmp_path / "My Call (draft).toml").write_text("")
    assert complete(shell, "liftkit agenda show My", tmp_path) == [offered]


def test_bash_tab_completes_a_name_with_spaces_to_an_agenda_that_runs(tmp_path):
    """In a real bash, `liftkit agenda show My<Tab>` gave `My Call.toml` bare: 'unexpected
    extra argument'."""
    from support.tmux import Tmux

    agenda = Path(__file__).parent.parent / "agendas" / "1-2-4-all.toml"
    (tmp_path / "My Call.toml").write_text(agenda.read_text(encoding="utf-8"))
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    liftkit = bin_folder / "liftkit"
    path = os.pathsep.join(sys.path)
    liftkit.write_text(
        f'#!/bin/sh\nPYTHONPATH={shlex.quote(path)} exec {sys.executable} -m liftkit "$@"\n'
    )
    liftkit.chmod(0o755)
    term = Tmux(100, 30, cwd=str(tmp_path))
    try:
        term.type(f"export PATH={shlex.quote(str(bin_folder))}:$PATH")
        term.type("source <(liftkit --show-completion bash); echo SOURCED")
        term.wait_for("\nSOURCED")
        term.type("liftkit agenda show My", enter=False)
        term.keys("Tab")
        term.wait_for("My\\ Call.toml")
        term.type("; echo EXIT=$?")
        screen = term.wait_for("\nEXIT=")
    finally:
        term.close()
    assert "EXIT=0" in screen, screen
    assert "1-2-4-All" in screen
