"""The clock a live session's time runs on: one that counts the time the computer sleeps.

A laptop closed in a break sleeps while the call goes on. `time.monotonic` stops meanwhile
(on Linux, and on macOS), so a session timed by it came back as far behind the call as the
lid was closed: the host's countdown behind the audience view's (which follows the wall
clock), a `--start` wait as late, and a resume after a crash adding the sleep back at once.
Linux's CLOCK_BOOTTIME and macOS's CLOCK_MONOTONIC run on through a sleep, and neither is
stepped when the wall clock is set; elsewhere `time.monotonic` is what there is.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable


def session_clock(platform: str = sys.platform) -> Callable[[], float]:
    """Seconds that run on while the computer sleeps, where `platform` has such a clock."""
    if platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return functools.partial(time.clock_gettime, time.CLOCK_BOOTTIME)
    if platform == "darwin":  # there time.monotonic stops in a sleep, CLOCK_MONOTONIC does not
        return functools.partial(time.clock_gettime, time.CLOCK_MONOTONIC)
    return time.monotonic
