"""The one error type users see."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class LiftkitError(Exception):
    """A problem to report to the user: a message, an optional hint, an exit code.

    Bad input and usage are exit code 2; failures at run time are 1.
    """

    def __init__(self, message: str, hint: str = "", exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message

    def lines(self) -> list[str]:
        """The message as the lines printed on stderr."""
        text = self.message
        if self.hint:
            text = f"{text}; {self.hint}"
        return text.splitlines()
