"""The pure core stays pure, fast commands stay fast, and the code is lint- and type-clean."""

import ast
import importlib.util
import json
import pkgutil
import re
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


def test_export_reads_a_groups_file_without_the_splitting_engine():
    # Reading the session's groups only checks them and counts their repeats: the search,
    # the annealing and the stored designs cost a host's export a tenth of a second.
    session = REPO / "tests" / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
    loaded = loaded_by_command("export", str(session), "--groups")
    assert "liftkit.core.groups.reading" in loaded  # the groups were read
    engine = ("split", "search", "anneal", "designs", "mols", "geometry", "bounds")
    assert sorted(m for m in loaded if m.rsplit(".", 1)[-1] in engine) == []


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


# --------------------------------------------------------------------------- architecture

PACKAGE = REPO / "liftkit"
MAX_LINES = 400
# Modules still over MAX_LINES, and what would split them: take a module off this list once it
# is short enough (a test fails while a listed module is no longer over, so that the list
# stays true). Nothing new goes on it.
TOO_LONG_STILL = {
    "liftkit/core/groups/search.py",  # the tabu search and its cost bookkeeping
}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(tree: ast.AST, name: str, is_package: bool) -> set[str]:
    """Every module `tree` imports when it runs, at the top or inside functions (those run
    too, later); not what it imports only for the type checker (`if TYPE_CHECKING:`)."""
    found: set[str] = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                pending.extend(child.orelse)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:  # relative: from the package of this module
                    base = name.split(".")[: None if is_package else -1]
                    base = base[: len(base) - child.level + 1]
                    target = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    target = child.module or ""
                found.add(target)  # `from a.b import c` imports a.b, and a.b.c if a module
                found.update(f"{target}.{alias.name}" for alias in child.names)
            pending.append(child)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the modules of the same package tree that importing it runs.

    Importing a.b.c runs a/__init__ and a/b/__init__ first, so it counts as importing them
    too, except the packages the importing module is itself inside: those are already
    running when it is imported.
    """
    paths = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}

    def with_packages(module: str) -> list[str]:
        parts = module.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]

    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside = set(with_packages(name))
        edges: set[str] = set()
        for target in imported_names(tree, name, path.name == "__init__.py"):
            edges.update(m for m in with_packages(target) if m in paths and m not in inside)
        graph[name] = edges
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(cycles)


def test_the_cycle_finder_finds_a_cycle_through_a_package_init(tmp_path):
    """The circle issue 8 found: a.text -> report/__init__ -> report.build -> a.text."""
    pkg = tmp_path / "pkg"
    (pkg / "report").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "report" / "__init__.py").write_text("from pkg.report.build import build\n")
    (pkg / "report" / "build.py").write_text("from pkg.report.model import M\n")
    (pkg / "report" / "model.py").write_text("M = 1\n")
    (pkg / "groups_io.py").write_text("from .report import model\n")
    assert import_cycles(import_graph(pkg)) == []
    (pkg / "report" / "build.py").write_text(
        "from pkg.report.model import M\n\ndef build():\n    from pkg import groups_io\n"
    )
    assert import_cycles(import_graph(pkg)) == [["pkg.groups_io", "pkg.report", "pkg.report.build"]]


def test_no_import_cycles_among_liftkit_modules():
    graph = import_graph(PACKAGE)
    assert "liftkit.core.errors" in graph["liftkit.core.groups.split"]
    assert import_cycles(graph) == []


def test_modules_stay_small_enough_to_read_in_one_sitting():
    lengths = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    too_long = {path: n for path, n in lengths.items() if n > MAX_LINES}
    assert sorted(set(too_long) - set(TOO_LONG_STILL)) == [], f"over {MAX_LINES} lines"
    stale = sorted(path for path in TOO_LONG_STILL if lengths.get(path, 0) <= MAX_LINES)
    assert stale == [], "now short enough (or gone): take these off TOO_LONG_STILL"


FLAG = re.compile(r"(?<![\w-])--[a-z]")
# Not flags named in a message: a command to type, in backticks (`liftkit export --format
# json`), and a style sheet's custom properties ({ --ink: #123; } and var(--ink)).
NOT_A_FLAG = re.compile(r"`liftkit [^`]*`|\{[^}]*\}|var\(--[\w-]+\)")


def _docstrings(tree: ast.AST) -> set[int]:
    nodes = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, nodes)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _command_words(tree: ast.AST) -> set[int]:
    """The words given to command_line(): a command to paste into a shell (a rescue file's
    `liftkit note FOLDER --poll 1 …`), whose options are the shell's, not a message's."""
    return {
        id(arg)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "command_line"
        for arg in node.args
    }


def core_strings() -> list[tuple[str, str]]:
    """Every string in the core's code but its docstrings and the words of commands it
    builds to paste, with where it is (path:line)."""
    found = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _docstrings(tree) | _command_words(tree)
        found += [
            (f"{path.relative_to(REPO)}:{node.lineno}", node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skipped
        ]
    return found


def test_core_messages_name_fields_not_command_line_flags():
    """The core writes `size`; the command that declares it shows --size (cli/errors.py)."""
    named = [
        f"{where}: {text!r}"
        for where, text in core_strings()
        if FLAG.search(NOT_A_FLAG.sub("", text))
    ]
    # Write the field as the library's argument, in backticks (`size`), and declare its flag
    # on the command (cli/errors.py: flag_names).
    assert named == []


def test_every_field_the_core_names_is_a_flag_of_some_command():
    """A field in backticks that no command declares would reach the user with its backticks."""
    from importlib import import_module

    from liftkit.cli.app import COMMANDS
    from liftkit.core.errors import FIELD

    named = {field: where for where, text in core_strings() for field in re.findall(FIELD, text)}
    declared: set[str] = set()
    for module, attribute, _ in COMMANDS.values():
        declared |= set(getattr(getattr(import_module(module), attribute), "flags", {}))
    assert "size" in named and "facilitators" in declared
    assert {field: where for field, where in named.items() if field not in declared} == {}
