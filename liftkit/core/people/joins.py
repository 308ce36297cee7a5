"""When each row of a report with one row per join was in the call: two rows of one name
whose times overlap are two people at once (two phones both named "iPhone"), not one person
who joined again."""

from __future__ import annotations

import re
from collections.abc import Sequence

from liftkit.core.people.headers import JOIN_TIME_KEYS, LEAVE_TIME_KEYS
from liftkit.core.people.model import Person, header_key

Moment = tuple[int, int, int, int]  # the date's three numbers as written, then seconds
# "03/12/2025 02:00:00 PM", "2020/12/8 8:35", "2025-12-03T14:00:00Z", "9/4/2020, 11:57:51
# AM", "04/02/2025 06:00:00 p. m.", "14:00" (no date)
_MOMENT = re.compile(
    r"^\s*(?:(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})[,T\s]+)?(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\.\d+)?(?:\s*([ap])\.?\s*m\b\.?)?",
    re.IGNORECASE,
)


def moment(text: str) -> Moment | None:
    """A time as written in one report, comparable with the others of the same report (a
    date's numbers are kept in the order written, year first), or None."""
    match = _MOMENT.match(text)
    if match is None:
        return None
    a, b, c, hour, minute, second, half = match.groups()
    date = (0, 0, 0) if a is None else (int(a), int(b), int(c))
    if a is not None and len(a) < 4:  # day and month (in either order) before the year
        date = (int(c), int(a), int(b))
    h = int(hour)
    if half is not None:
        h = h % 12 + (12 if half.casefold() == "p" else 0)
    seconds = h * 3600 + int(minute) * 60 + int(second or 0)
    return date[0], date[1], date[2], seconds


class Spans:
    """The times in the call of the rows kept as each person (by their index among those
    kept), from the join and leave columns of a report with one row per join."""

    def __init__(self, people: Sequence[Person], per_join: set[int]) -> None:
        self.per_join = per_join
        self.spans: dict[int, list[tuple[Moment, Moment]]] = {}
        columns = next((list(p.attributes) for p in people if p.line in per_join), [])
        keys = [header_key(column) for column in columns]
        self.join = next((c for c, k in zip(columns, keys, strict=True) if k in JOIN_TIME_KEYS),
                         None)  # fmt: skip
        self.leave = next(
            (c for c, k in zip(columns, keys, strict=True) if k in LEAVE_TIME_KEYS), None
        )

    def span(self, person: Person) -> tuple[Moment, Moment] | None:
        if self.join is None or self.leave is None or person.line not in self.per_join:
            return None
        start = moment(person.attributes.get(self.join, ""))
        end = moment(person.attributes.get(self.leave, ""))
        return (start, end) if start is not None and end is not None and start <= end else None

    def at_once(self, person: Person, index: int) -> bool:
        """Whether `person`'s row was in the call while a row kept as `index` was."""
        mine = self.span(person)
        return mine is not None and any(
            mine[0] < end and start < mine[1] for start, end in self.spans.get(index, ())
        )

    def add(self, person: Person, index: int) -> None:
        span = self.span(person)
        if span is not None:
            self.spans.setdefault(index, []).append(span)
