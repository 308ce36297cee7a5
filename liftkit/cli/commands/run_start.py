"""`liftkit run --start HH:MM`: the time read as the host meant it (a few minutes past
starts now, late; hours past is tomorrow's), and what the host is told of it."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from liftkit.core.errors import LiftkitError
from liftkit.core.text import plural
from liftkit.core.timeparse import parse_start

# A --start this far past (or less) starts now, late; one further past is refused, unless
# it is more than ROLLS_OVER past: then it is tomorrow's (at 23:50, --start 00:10).
LATE_START = timedelta(minutes=15)
ROLLS_OVER = timedelta(hours=12)


def start_time(text: str) -> datetime:
    start_at = parse_start(text, "--start")
    now = datetime.now().astimezone()
    if start_at < now - ROLLS_OVER:  # tomorrow's, by its rules (the clocks may change tonight)
        start_at = parse_start(text, "--start", (now + timedelta(days=1)).astimezone())
    elif start_at < now - LATE_START:
        ago = now - start_at  # said rounded up: 15 min 30 s past is no "15 min ago"
        hours, minutes = divmod(math.ceil(ago.total_seconds() / 60), 60)
        said = " ".join([f"{hours} h"] * bool(hours) + [f"{minutes} min"] * bool(minutes))
        meant = start_at + ROLLS_OVER  # 2:00 at 13:50: 2 pm, not 2 am
        pm = f"{meant.hour - 12 or 12}" + (f":{meant:%M}" if meant.minute else "")
        instead = (
            f"for {pm} pm give {meant:%H:%M}, or "
            if meant > now and start_at.hour < 12
            else "give a time still to come, or "
        )
        raise LiftkitError(
            f"--start {text}: {start_at:%H:%M} was {said} ago",
            f"{instead}leave --start out to start now",
        )
    return start_at


def tomorrow_notice(start_at: datetime | None) -> str:
    """What the host is told of a --start more than 12 hours past (tomorrow's): a long wait."""
    now = datetime.now().astimezone()
    if start_at is None or start_at.date() == now.date():
        return ""
    wait = math.ceil((start_at - now).total_seconds() / 60)
    hours, minutes = divmod(wait, 60)
    said = " ".join([f"{hours} h"] * bool(hours) + [f"{minutes} min"] * bool(minutes))
    meant = start_at - ROLLS_OVER
    pm = f"{meant.hour - 12 or 12}" + (f":{meant:%M}" if meant.minute else "")
    late_ok = meant > now - LATE_START  # 2:55 pm at 15:04 starts now, 9 minutes late
    hint = f"; for {pm} pm give {meant:%H:%M}" if late_ok and meant.hour >= 12 else ""
    return f"Waiting to start tomorrow at {start_at:%H:%M} (in {said}){hint}."


def late_notice(start_at: datetime | None) -> str:
    """What the host is told of a --start a few minutes past (it starts now)."""
    if start_at is None:
        return ""
    late = int((datetime.now().astimezone() - start_at).total_seconds()) // 60
    if late < 1:
        return ""
    return (
        f"--start {start_at:%H:%M} was {plural(late, 'minute')} ago: the session starts now, "
        f"{plural(late, 'minute')} late (its schedule counts from {start_at:%H:%M})."
    )
