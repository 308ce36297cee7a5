"""Bundled agenda templates, and turning an AGENDA argument into an agenda."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from liftkit.core.agenda import Agenda, load_agenda
from liftkit.core.errors import LiftkitError


def templates_dir() -> Path:
    """Where the bundled agendas are: inside the installed package, or the repo's agendas/."""
    packaged = Path(__file__).resolve().parent.parent / "agendas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "agendas"


def template_names() -> list[str]:
    return sorted(p.stem for p in templates_dir().glob("*.toml"))


def template_path(name: str) -> Path:
    path = templates_dir() / f"{name}.toml"
    if not path.is_file():
        names = template_names()
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        raise LiftkitError(
            f'unknown template "{name}"',
            f"{hint}run `liftkit agenda list` to see them: {', '.join(names)}",
        )
    return path


@dataclass(frozen=True)
class Resolved:
    agenda: Agenda
    path: Path
    name: str  # the template name, or the file's stem


def resolve_agenda(argument: str) -> Resolved:
    """AGENDA is a path to a TOML file or the name of a bundled template."""
    path = Path(argument)
    if path.is_file() or path.suffix.lower() == ".toml" or "/" in argument or "\\" in argument:
        return Resolved(load_agenda(path), path, path.stem)
    tpl = template_path(argument)
    return Resolved(load_agenda(tpl), tpl, argument)
