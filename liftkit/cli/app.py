"""The Typer app: registers one command per module; commands only wire.

Each command module (and what it imports) loads only when needed: `liftkit agenda list`
builds an app holding just the agenda commands, so start-up does not pay for the live
session, groups or export code. `liftkit --help` and unknown commands get the full app.
"""

from __future__ import annotations

import copy
import functools
import importlib
import re
import shlex
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand
from typer.main import get_command

from liftkit import __version__
from liftkit.cli.errors import LiftkitGroup

__all__ = ["COMMANDS", "app_for", "build_app", "get_command"]  # and `app`, built on demand

# name -> (module, attribute, is a group of subcommands), in the order of DESIGN.md.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "agenda": ("liftkit.cli.commands.agenda", "app", True),
    "new": ("liftkit.cli.commands.new", "new", False),
    "run": ("liftkit.cli.commands.run", "run", False),
    "resume": ("liftkit.cli.commands.run", "resume", False),
    "groups": ("liftkit.cli.commands.groups", "groups", False),
    "note": ("liftkit.cli.commands.note", "note", False),
    "view": ("liftkit.cli.commands.view", "view", False),
    "export": ("liftkit.cli.commands.export", "export", False),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"liftkit {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """liftkit: run the agenda, split the groups, publish the event pack."""


class LiftkitCommand(TyperCommand):
    """A command whose --help reads cleanly at any width, as httpie's and rich-click's do.

    Docstrings are wrapped at 100 columns in the source; rich would keep those line breaks
    and wrap again, breaking sentences mid-line, so each paragraph is joined into one line
    first ("Example:" paragraphs keep their lines). Usage shows AGENDA, not {AGENDA}, and
    an argument's help shows its name without a "<str>" type beside it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = one_line_paragraphs(self.help or "")
        for param in self.params:
            if isinstance(param, TyperArgument):
                quiet = copy.copy(param.type)
                quiet.__class__ = _without_metavar(type(param.type))
                param.type = quiet

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """The help with its examples last, each printed whole on one line: rich folds the
        description to the window's width (and crops what it does not fold), which broke an
        example across lines, inside its quotes at 60 columns, where it could not be copied
        back. A window narrower than an example folds it as it shows it, and copies it whole."""
        full = self.help or ""
        paragraphs = full.split("\n\n")
        examples = [p.strip() for p in paragraphs if p.lstrip().startswith("Example")]
        self.help = "\n\n".join(p for p in paragraphs if not p.lstrip().startswith("Example"))
        try:
            super().format_help(ctx, formatter)
        finally:
            self.help = full
        for example in examples:  # under the panels, a blank line before each, as above
            typer.echo(f"\n {example}")

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [_REQUIRED.sub(r"\1", piece) for piece in super().collect_usage_pieces(ctx)]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from liftkit.cli.arguments import expand_home, refuse_empty_paths

        refuse_empty_paths(self.params, args)
        expand_home(self.params, args)
        typed = list(args)  # Click takes the words from `args` as it reads them
        try:
            return super().parse_args(ctx, args)
        except Exception as error:  # Click's NoSuchOption, which Typer does not export
            if getattr(error, "ctx", ctx) is None:
                error.ctx = ctx  # type: ignore[attr-defined]  # so its message says where help is
            name = getattr(error, "option_name", None)
            meant = MEANT.get(name or "")
            command = ctx.command_path.partition(" ")[2]
            hint = COMMAND_MEANT.get(command, {}).get(name or "")
            if meant and any(meant[0] in param.opts for param in self.params):
                hint = meant[1]
            if name and hint:
                given = " ".join(_given(typed, name))
                attendees = (_given(typed, "--attendees")[1:] or ["ATTENDEES"])[0]
                agenda = next(
                    (a for i, a in enumerate(typed) if not a.startswith("-")
                     and (i == 0 or not typed[i - 1].startswith("-"))),
                    "NAME",
                )  # fmt: skip
                hint = hint.format(given=given, attendees=attendees, agenda=shlex.quote(agenda))
                error.message = f"No such option: {name}; {hint}"  # type: ignore[attr-defined]
                error.possibilities = None  # type: ignore[attr-defined]
            switch = _switch_given_a_file(self.params, typed, error)
            if switch:
                error.message = switch  # type: ignore[attr-defined]
            raise


# Options a host may guess from other tools' words, where Click's nearest spelling misleads
# (--rooms would be offered --rounds): the option meant, and the hint that replaces it.
MEANT: dict[str, tuple[str, str]] = {
    "--groups": ("--count", "the number of groups is --count N (or --rooms N)"),
    "--group-size": ("--size", "the people per group are --size N"),
    "--per-group": ("--size", "the people per group are --size N"),
    "--people": ("--size", "the people per group are --size N"),
}


_ROOMS = (
    "{given} is for liftkit groups: make the rooms with `liftkit groups {attendees} {given} "
    "-f json -o rooms.json`, then `liftkit run AGENDA --groups rooms.json` (--attendees FILE alone "
    "makes the rooms the agenda asks for)"
)
_FASTER = "to run the clock faster, use --rehearse FACTOR (60: a minute a second)"
# Options of another command, or of another tool, by the command given them: what to do.
COMMAND_MEANT: dict[str, dict[str, str]] = {
    "run": {
        **dict.fromkeys(
            ("--size", "--balance", "--count", "--rooms", "--apart", "--together",
             "--facilitator", "--rounds", "--group-size", "--per-group"),
            _ROOMS,
        ),
        **dict.fromkeys(("--speed", "--fast", "--rate", "--factor"), _FASTER),
        "--json": "run prints no JSON (its journal.jsonl is JSON, a line an event); --plain "
        "prints a line per event",
    },
    "export": {
        **dict.fromkeys(("--out", "--output-file", "--file"), "write the pack with -o FILE"),
        "--json": "use --format json (or -o FILE.json)",
        "--html": "use --format html (or -o FILE.html)",
        "--md": "use --format md (or -o FILE.md)",
    },
    "groups": {
        "--json": "use -f json (--format json)",
        **dict.fromkeys(("--out", "--output-file", "--file"), "write the groups with -o FILE"),
    },
    "agenda show": dict.fromkeys(
        ("--format", "-f"),
        "use --json for JSON; for its TOML, write a copy to edit: liftkit new FILE --from {agenda}",
    ),
    "view": dict.fromkeys(
        ("--plain", "--text", "--lines", "--log"),
        "liftkit view prints a line per change when its output is not a terminal: liftkit "
        "view {agenda} | cat (or > FILE; see the plain view in docs/live.md)",
    ),
    "resume": dict.fromkeys(
        ("--rehearse", "--speed", "--fast", "--rate", "--factor"),
        "the rehearsal factor carries over from the run: liftkit resume keeps the clock at "
        "the --rehearse FACTOR the session was started with",
    ),
}  # fmt: skip


def _given(args: list[str], name: str) -> list[str]:
    """The option `name` as typed in `args`, with its value when one follows."""
    for at, arg in enumerate(args):
        if arg.startswith(f"{name}="):
            return [name, shlex.quote(arg.partition("=")[2])]
        if arg == name:
            value = args[at + 1 : at + 2]
            return [name, *(shlex.quote(v) for v in value if not v.startswith("-"))]
    return [name]


def _switch_given_a_file(params: list[Any], args: list[str], error: Exception) -> str:
    """`export --groups rooms.json`: --groups is a switch there, so the file was an extra
    argument ("Got unexpected extra argument(s) (rooms.json)"); the file goes to
    --groups-file."""
    if "unexpected extra argument" not in str(getattr(error, "message", "")):
        return ""
    switches = [p for p in params if "--groups" in p.opts and getattr(p, "is_flag", False)]
    if not switches or not any("--groups-file" in p.opts for p in params) or "--groups" not in args:
        return ""
    after = args[args.index("--groups") + 1 : args.index("--groups") + 2]
    if not after or after[0].startswith("-"):
        return ""
    return (
        f"--groups {shlex.quote(after[0])}: --groups is a switch here (it puts the session's "
        f"groups in the pack); give the file with --groups-file {shlex.quote(after[0])}"
    )


_REQUIRED = re.compile(r"\{([A-Z][A-Z.]*)\}")  # Typer marks a required argument {AGENDA}


@functools.cache
def _without_metavar(kind: type) -> type:
    # The argument's metavar (AGENDA) already says what it is; "<str>" beside it says nothing.
    return type(f"Unlabelled{kind.__name__}", (kind,), {"get_metavar": lambda *_, **__: ""})


def one_line_paragraphs(text: str) -> str:
    """Help text with the line breaks inside each paragraph removed (not in examples)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(
        p if p.lstrip().startswith(("Example", "\b")) else " ".join(p.split()) for p in paragraphs
    )


def _use_liftkit_command(target: typer.Typer) -> None:
    for info in target.registered_commands:
        if info.cls in (None, TyperCommand):
            info.cls = LiftkitCommand


def build_app(only: str | None = None) -> typer.Typer:
    """The liftkit app with every command, or with just the command named `only`."""
    root = typer.Typer(
        cls=LiftkitGroup,
        name="liftkit",
        help=(
            "A terminal companion for hosts of timed online conversations: run the agenda "
            "live, split breakout groups, write the event pack.\n\n"
            "Example: liftkit run community-conversation"
        ),
        no_args_is_help=True,
        # --install-completion and --show-completion (bash, zsh, fish, PowerShell); Typer
        # loads its completion code anyway, so this costs no start-up time.
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    # The callback keeps the app a group (with --version) even when it holds one command.
    root.callback()(_root)
    for name, (module, attribute, is_group) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(module), attribute)
        if is_group:
            _use_liftkit_command(target)
            root.add_typer(target, name=name)
        else:
            root.command(name, cls=LiftkitCommand)(target)
    return root


def app_for(args: list[str]) -> typer.Typer:
    """The smallest app that runs these arguments exactly as the full app would."""
    first = args[0] if args else None
    return build_app(first if first in COMMANDS else None)


_full_app: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    # `from liftkit.cli.app import app` (tests, tools) gets the full app, built once.
    global _full_app
    if name == "app":
        if _full_app is None:
            _full_app = build_app()
        return _full_app
    raise AttributeError(name)
