"""Shell completion of AGENDA (bundled templates and .toml files) and SESSION (`latest` and
session folders), for `liftkit --install-completion` in bash, zsh and fish.

Each function gets what the host has typed so far and returns (value, help) pairs; Typer
turns them into each shell's format. They run in a fresh process on every Tab, so they read
only folder listings: no agenda or journal is parsed. Bash inserts a value as it is given
(Typer's script has no `-o filenames`), so for bash a value is escaped as it is typed:
`My\\ Call.toml`; zsh and fish quote values themselves.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import typer

Completions = list[tuple[str, str]]


# What bash takes as it is in a word: letters and digits (of any script) and these.
_PLAIN = re.compile(r"[\w./,:+@%=-]")


def _for_the_shell(found: Completions) -> Completions:
    """`found`, each value escaped with backslashes where bash asks for completions: `liftkit
    agenda show My<Tab>` gave `My Call.toml` bare, two words to the command."""
    if not any(k.endswith("_COMPLETE") and v == "complete_bash" for k, v in os.environ.items()):
        return found
    return [
        ("".join(c if _PLAIN.match(c) else "\\" + c for c in value), help) for value, help in found
    ]


def _files(incomplete: str, wanted: str) -> Completions:
    """Folders (to go into) and files ending in `wanted` that start with what is typed."""
    folder, _, start = incomplete.rpartition("/")
    where = Path(folder + "/" if folder or incomplete.startswith("/") else ".")
    try:
        entries = sorted(os.scandir(where), key=lambda entry: entry.name)
    except OSError:
        return []
    prefix = f"{folder}/" if folder or incomplete.startswith("/") else ""
    found: Completions = []
    for entry in entries:
        if not entry.name.startswith(start) or entry.name.startswith("."):
            continue
        if entry.is_dir():
            found.append((f"{prefix}{entry.name}/", "folder"))
        elif entry.name.endswith(wanted):
            found.append((prefix + entry.name, "agenda file"))
    return found


def complete_agenda(incomplete: str) -> Completions:
    """Bundled template names, then .toml files and folders."""
    from liftkit.core.agenda.templates import template_names

    templates: Completions = []
    if "/" not in incomplete:
        templates = [(n, "bundled template") for n in template_names() if n.startswith(incomplete)]
    return _for_the_shell(templates + _files(incomplete, ".toml"))


def complete_session(ctx: typer.Context, incomplete: str) -> Completions:
    """`latest`, then the session folders under --sessions (or its default), newest first."""
    from liftkit.core.live.folders import default_parent
    from liftkit.core.live.journal import JOURNAL_NAME

    given = ctx.params.get("sessions")
    parent = Path(given) if given else default_parent()
    found: Completions = []
    if "latest".startswith(incomplete):
        found.append(("latest", "the newest session"))
    try:
        folders = [p for p in parent.iterdir() if (p / JOURNAL_NAME).is_file()]
    except OSError:
        folders = []
    folders.sort(reverse=True)  # names start with the date and time: newest first
    found += [(str(f), "session folder") for f in folders if str(f).startswith(incomplete)]
    return _for_the_shell(found)
