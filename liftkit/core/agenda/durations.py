"""Durations as hosts write them: "90s", "5m", "1h 15m", "1:30", or a bare number of minutes."""

from __future__ import annotations

import math
import re

from liftkit.core.errors import quoted

_UNIT_SECONDS = {"h": 3600, "m": 60, "s": 1}
_UNIT_WORDS = {
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "m": "m", "min": "m", "mins": "m", "minute": "m", "minutes": "m",
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
}  # fmt: skip
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SIXTY = re.compile(r"[0-5]?\d")  # after the last unit, with none of its own: "1h30"
_CLOCK = re.compile(r"(\d+):([0-5]\d)(?::([0-5]\d))?")

MAX_SECONDS = 24 * 3600  # nothing a host plans lasts longer; larger values are typos
MAX_TEXT = 40  # "1 hour 15 minutes 30 seconds" fits; a longer text is not a duration
DURATION_HINT = (
    'write it like "90s", "5m", "1h 15m", "1:30" (minutes:seconds) or a number of minutes'
)


class DurationError(ValueError):
    """A duration that cannot be read."""


def parse_duration(value: object) -> int:
    """Return the number of whole seconds in a duration.

    Bare numbers (in TOML or in a string) are minutes; "m:ss" is minutes and seconds and
    "h:mm:ss" hours, minutes and seconds. Negative and zero durations are rejected here,
    so that every caller gets the same message.
    """
    if isinstance(value, bool):
        raise DurationError(f"{show_value(value)} is not a duration")
    if isinstance(value, int | float):
        try:
            exact = float(value) * 60
        except OverflowError:  # an int too large for a float
            exact = math.inf
    elif isinstance(value, str):
        exact = _parse_text(value)
    else:
        raise DurationError(f"{show_value(value)} is not a duration")
    if not math.isfinite(exact):
        raise DurationError(f"{show_value(value)} is not a duration")
    if exact > MAX_SECONDS:
        raise DurationError(f"{show_value(value)} is longer than a day")
    if exact > 0 and round(exact) == 0:
        raise DurationError(f"{show_value(value)} is shorter than a second, the smallest step")
    seconds = round(exact)
    if seconds <= 0:
        raise DurationError(f"{show_value(value)} is not a positive duration")
    return seconds


def show_value(value: object) -> str:
    """A value as the host wrote it in TOML (true, "5m", 5) or what it is (a list)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, int) and value.bit_length() > 64:
        # A number hundreds of digits long would fill the terminal (and past 4300 digits
        # Python refuses to print it): its size is what matters.
        return f"a number of {_digits(value)} digits"
    if isinstance(value, float) and math.isinf(value):
        return f"{value!r} (an endless number: 1e400 or more reads as one)"
    if isinstance(value, float) and math.isnan(value):
        return "nan (not a number)"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"  # TOML dates and times


def _digits(value: int) -> int:
    try:
        return len(str(abs(value)))
    except ValueError:  # past 4300 digits: count them from the bits, near enough
        return int(value.bit_length() * math.log10(2)) + 1


def _parse_text(text: str) -> float:
    s = text.strip().lower()
    if not s or len(s) > MAX_TEXT:
        raise DurationError(f"{show_value(text)} is not a duration")
    if s.startswith("-"):
        raise DurationError(f"{quoted(text)} is not a positive duration")
    if _NUMBER.fullmatch(s):
        return float(s) * 60
    clock = _CLOCK.fullmatch(s)
    if clock:
        a, b, c = clock.groups()
        if c is None:
            return int(a) * 60 + int(b)
        return int(a) * 3600 + int(b) * 60 + int(c)
    pos = 0
    total = 0.0
    seen: list[str] = []
    compact = s.replace(",", " ")
    for match in _PART.finditer(compact):
        if compact[pos : match.start()].strip():
            break
        unit = _UNIT_WORDS.get(match.group(2))
        if unit is None or unit in seen:
            break
        seen.append(unit)
        total += float(match.group(1)) * _UNIT_SECONDS[unit]
        pos = match.end()
    else:
        rest = compact[pos:].strip()
        if seen and not rest:
            return total
        # "1h30" and "1m30", as hosts write an hour and a half and a minute and a half: the
        # number after the last unit counts in the next one down
        after = {"h": "m", "m": "s"}.get(seen[-1]) if seen else None
        if after and after not in seen and "." not in s and _SIXTY.fullmatch(rest):
            return total + int(rest) * _UNIT_SECONDS[after]
    raise DurationError(f"cannot read {quoted(text)} as a duration")


def seconds_after_no_minutes(value: object) -> int | None:
    """The seconds of a duration written "0:ss" ("0:05", "00:30"): minutes:seconds, as the
    format says, which a host may have meant as hours:minutes. None for any other value."""
    if not isinstance(value, str):
        return None
    clock = _CLOCK.fullmatch(value.strip().lower())
    if clock is None or clock.group(3) is not None or int(clock.group(1)) != 0:
        return None
    return int(clock.group(2)) or None


def as_hours_and_minutes(value: object) -> int | None:
    """The seconds of a duration written "h:mm" ("1:00") read as hours:minutes, which a host
    may have meant where the format reads minutes:seconds. None for any other value."""
    if not isinstance(value, str):
        return None
    clock = _CLOCK.fullmatch(value.strip().lower())
    if clock is None or clock.group(3) is not None:
        return None
    return int(clock.group(1)) * 3600 + int(clock.group(2)) * 60


def format_duration(seconds: int) -> str:
    """The shortest spelling that parse_duration reads back: "5m", "1h 15m", "1m 30s", "45s"."""
    if seconds <= 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if secs:
        parts.append(f"{secs}s")
    return " ".join(parts)


def format_clock(seconds: float) -> str:
    """A countdown reading: "04:59", "1:02:03". Negative values are shown without sign."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


# A length said in words, as descriptions give it: "Twelve minutes that…", "A one-hour
# conversation", "a ninety-minute event", "90 min", "half an hour", "an hour-long call".
_COUNT = (
    r"\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|ninety|(?:twenty|thirty|forty|fifty)-\w+"
)
_STATED = re.compile(
    rf"\b(?:(?:{_COUNT})(?:\s+and\s+a\s+half)?[\s-]*(?:minutes?|mins?|hours?|hrs?)|"
    r"half\s+an?\s+hour|hour-long)\b",
    re.IGNORECASE,
)


def states_a_length(text: str) -> bool:
    """Whether `text` (an agenda's description) says how long the call is: a template's line
    that no longer holds once the host gives durations of their own."""
    return _STATED.search(text) is not None
