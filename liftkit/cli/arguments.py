"""An empty value where a file, folder or session goes ("" from an unset shell variable:
`liftkit groups "$PEOPLE"`) is refused before the command runs. Typer read it as "." (the
folder here: "is a folder, not an attendee list") or as no option at all (`--previous ""`
split without the earlier rooms, `-o ""` printed to the screen)."""

from __future__ import annotations

from collections.abc import Sequence
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
        arg, param, value, label = args[i], None, None, ""
        if only_positionals or not arg.startswith("-") or arg == "-":
            param = positionals[min(position, len(positionals) - 1)] if positionals else None
            label, value = (getattr(param, "metavar", None) or "").rstrip("."), arg
            position += 1 if getattr(param, "nargs", 1) == 1 else 0
        elif arg == "--":
            only_positionals = True
        elif arg.startswith("--") and "=" in arg:
            label, value = arg.split("=", 1)
            param = options.get(label)
        elif arg in options:
            label, param = arg, options[arg]
            value = args[i + 1] if i + 1 < len(args) else None
            i += 1
        elif arg[1] != "-" and arg[:2] in options:
            label, param, value = arg[:2], options[arg[:2]], arg[2:]  # "-fmd": -f md
        elif not _a_flag(params, arg):
            return  # an option Click does not know: its error comes first
        what = NAMES.get(getattr(param, "metavar", None) or "")
        if value == "" and what is not None:
            raise LiftkitError(
                f'{label} "": empty, so it names no {what}',
                f"{GIVE[what]} (check the variable or the quotes meant to hold it)",
            )
        i += 1


def _a_flag(params: Sequence[Any], arg: str) -> bool:
    return any(arg in (*p.opts, *getattr(p, "secondary_opts", ())) for p in params)
