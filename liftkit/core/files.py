"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from liftkit.core.errors import EXIT_FAILURE, LiftkitError


def write_atomic(path: Path | str, data: str | bytes, *, force: bool = True) -> None:
    """Write a file through a temporary file in the same folder and a rename.

    With force=False an existing file is kept and an error says how to replace it. A device
    or a pipe (/dev/null, /dev/stdout, a FIFO) is written into: renaming over it would
    replace it with a plain file.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.is_dir():
        raise LiftkitError(f"{target}: is a folder", "give a file name")
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as stream:
                stream.write(payload)
        except OSError as exc:
            raise LiftkitError(
                f"{target}: cannot write: {exc.strerror}", "check the path", EXIT_FAILURE
            ) from None
        return
    if not force and target.exists():
        raise LiftkitError(f"{target}: already exists", "choose another path or add --force")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LiftkitError(
            f"{target}: cannot write: {exc.strerror}",
            "check the folder exists and is writable",
            EXIT_FAILURE,
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def read_input(path: Path | str, what: str, hint: str, folder_hint: str = "") -> bytes:
    """The bytes of a file the user named, or one error line that says what to do.

    `what` names the kind of file with its article ("an attendee list", "a chat log");
    `hint` is the fix offered when it is missing, `folder_hint` when it is a folder.
    """
    target = Path(path)
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise LiftkitError(f"{target}: no such file", hint) from None
    except IsADirectoryError:
        raise LiftkitError(
            f"{target}: is a folder, not {what}", folder_hint or "give the file inside it"
        ) from None
    except OSError as exc:
        raise LiftkitError(
            f"{target}: cannot read: {exc.strerror}", "check its permissions"
        ) from None
