"""An empty value where a file, folder or session goes ("" from an unset shell variable:
`liftkit groups "$PEOPLE"`) is refused before the command runs. Typer read it as "." (the
folder here: "is a folder, not an attendee list") or as no option at all (`--previous ""`
split without the earlier rooms, `-o ""` printed to the screen)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from liftkit.core.errors import LiftkitError

# A parameter's metavar -> what it names, for the message.
NAMES = {
    "FILE": "file",
    "PATH": "file",
    "ATTENDEES": "file",
    "DIR": "folder",
    "AGENDA": "agenda",
    "AGENDA...": "agenda",
    "TEMPLATE": "template",
    "SESSION": "session",
    "FORMAT": "format",
    "md|json|html": "format",
    "COLUMN": "column",
}
GIVE = {
    "file": "give a file name",
    "folder": "give a folder name",
    "agenda": "give an agenda file or a template name",
    "template": "give one of the templates of `liftkit agenda list`",
    "session": "give a session folder, or latest",
    "format": "give one of the formats --help lists, or leave the option out",
    "column": "give a column of the attendee file, or leave the option out",
}


def refuse_empty_paths(params: Sequence[Any], args: Sequence[str]) -> None:
    """Raise a LiftkitError naming the first parameter in `args` that names a file, a folder
    or a session and is given as ""."""
    for _, _, label, param, value in _values(params, args):
        what = NAMES.get(getattr(param, "metavar", None) or "")
        if value == "" and what is not None:
            raise LiftkitError(
                f'{label} "": empty, so it names no {what}',
                f"{GIVE[what]} (check the variable or the quotes meant to hold it)",
            )


# What may be a path, so that a leading ~ is the home folder.
PATHS = ("file", "folder", "agenda", "session", "template")


def expand_home(params: Sequence[Any], args: list[str]) -> None:
    """Write a leading `~` or `~user` of every path in `args` as the home folder, in place:
    where the shell leaves it (quoted: `--sessions "~/liftkit"`, or after `=`:
    `--output=~/pack.md`), liftkit made a folder named ~ in the current one."""
    for index, prefix, _, param, value in _values(params, args):
        if (
            value
            and value.startswith("~")
            and NAMES.get(getattr(param, "metavar", None) or "") in PATHS
        ):
            args[index] = prefix + os.path.expanduser(value)


def _values(
    params: Sequence[Any], args: Sequence[str]
) -> Iterator[tuple[int, str, str, Any, str | None]]:
    """(index in `args`, what comes before the value there, label, parameter, value) for
    each argument and option value in `args`, until one that Click does not know."""
    options = {
        name: param
        for param in params
        if getattr(param, "param_type_name", "") == "option" and not getattr(param, "is_flag", 0)
        for name in (*param.opts, *param.secondary_opts)
    }
    positionals = [p for p in params if getattr(p, "param_type_name", "") == "argument"]
    before = args[: args.index("--")] if "--" in args else args
    if "-h" in before or "--help" in before:
        return  # help, whatever else is given
    position, i, only_positionals = 0, 0, False
    while i < len(args):
        arg, at, prefix = args[i], i, ""
        if only_positionals or not arg.startswith("-") or arg == "-":
            param = positionals[min(position, len(positionals) - 1)] if positionals else None
            label, value = (getattr(param, "metavar", None) or "").rstrip("."), arg
            position += 1 if getattr(param, "nargs", 1) == 1 else 0
            yield at, prefix, label, param, value
        elif arg == "--":
            only_positionals = True
        elif arg.startswith("--") and "=" in arg:
            label, value = arg.split("=", 1)
            yield at, f"{label}=", label, options.get(label), value
        elif arg in options:
            at = i + 1
            value = args[at] if at < len(args) else None
            yield at, prefix, arg, options[arg], value
            i += 1
        elif arg[1] != "-" and arg[:2] in options:
            yield at, arg[:2], arg[:2], options[arg[:2]], arg[2:]  # "-fmd": -f md
        elif not _a_flag(params, arg):
            return  # an option Click does not know: its error comes first
        i += 1


def _a_flag(params: Sequence[Any], arg: str) -> bool:
    return any(arg in (*p.opts, *getattr(p, "secondary_opts", ())) for p in params)
