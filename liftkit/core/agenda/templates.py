"""Bundled agenda templates, and turning an AGENDA argument into an agenda."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from liftkit.core.agenda.model import Agenda, load_agenda
from liftkit.core.errors import LiftkitError, quoted


def templates_dir() -> Path:
    """Where the bundled agendas are: inside the installed package, or the repo's agendas/."""
    package = Path(__file__).resolve().parents[2]  # liftkit/
    packaged = package / "agendas"
    if packaged.is_dir():
        return packaged
    return package.parent / "agendas"


def template_names() -> list[str]:
    return sorted(p.stem for p in templates_dir().glob("*.toml"))


def template_path(name: str) -> Path:
    """The file of a bundled template, by name ("1-2-4-all"; "1-2-4-all.toml" works too)."""
    names = template_names()
    bare = _bare_name(name)
    if bare in names:
        return templates_dir() / f"{bare}.toml"
    close = difflib.get_close_matches(bare, names, n=1, cutoff=0.5)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    if Path(f"{name}.toml").is_file():
        hint = f'did you mean the file "{name}.toml"? '
    raise LiftkitError(
        f"unknown template {quoted(name)}",
        f"{hint}the bundled templates are {', '.join(names)} (see `liftkit agenda list`)",
    )


def _bare_name(name: str) -> str:
    return name[: -len(".toml")] if name.lower().endswith(".toml") else name


@dataclass(frozen=True)
class Resolved:
    agenda: Agenda
    path: Path
    name: str  # the template name, or the file's stem


def resolve_agenda(argument: str) -> Resolved:
    """AGENDA is a path to a TOML file or the name of a bundled template.

    An existing file wins; then a template name (also when written with .toml, as in
    "1-2-4-all.toml" with no such file here); anything else that looks like a path is a
    missing file, and a plain word an unknown template.
    """
    path = Path(argument)
    if path.exists():
        return Resolved(load_agenda(path), path, path.stem)
    has_folder = "/" in argument or "\\" in argument
    name = _bare_name(argument)
    if has_folder or (name != argument and name not in template_names()):
        return Resolved(load_agenda(path), path, path.stem)  # reports the missing file
    tpl = template_path(name)  # or reports an unknown template, with the closest names
    return Resolved(load_agenda(tpl), tpl, name)
