"""Errors, warnings and notes from the core, worded with the flags of the running command.

The core names fields in backticks ("`size` 1: a group needs at least 2 people"); a command
declares the flags of the fields it passes on (`@flag_names("size", facilitators=
"--facilitator")`), and its errors, warnings, notes and live-session messages are shown with
those flags instead ("--size 1: a group needs at least 2 people"). A field the command does
not declare keeps its backticks: it is then not something the user typed as a flag (a key of
an agenda file, say). Only the commands that declare flags load this module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from liftkit.core.errors import FIELD, LiftkitError

Command = TypeVar("Command", bound=Callable[..., Any])

# field -> flag, for the command running now (set by `flag_names`; one command runs at a time).
_flags: Mapping[str, str] = {}


def flag_names(*fields: str, **renamed: str) -> Callable[[Command], Command]:
    """Declare the flags of the fields a command passes to the core.

    `flag_names("size", "chat_start", facilitators="--facilitator")`: `size` is --size,
    `chat_start` is --chat-start (underscores become hyphens), `facilitators` is --facilitator.
    """
    flags = {field: "--" + field.replace("_", "-") for field in fields} | renamed

    def declare(command: Command) -> Command:
        @functools.wraps(command)
        def worded(*args: Any, **kwargs: Any) -> Any:
            global _flags
            outer, _flags = _flags, flags
            try:
                return command(*args, **kwargs)
            except LiftkitError as error:
                raise error.reworded(as_flags) from error
            finally:
                _flags = outer

        worded.flags = flags  # type: ignore[attr-defined]  # read by the tests
        return worded  # type: ignore[return-value]

    return declare


def as_flags(text: str) -> str:
    """`text` from the core with the running command's fields written as its flags."""
    if not _flags:
        return text
    return re.sub(FIELD, lambda found: _flags.get(found.group(1), found.group(0)), text)
