"""The Markdown pack's breakout rooms: who was in which room, round by round, and the
rounds planned that did not meet."""

from __future__ import annotations

from liftkit.core.report.model import GroupSet
from liftkit.core.text import phrase, plural


def groups_lines(sets: list[GroupSet], named: bool) -> list[str]:
    """The rooms: asked for with --groups, so their members are listed unless anonymous."""
    out = []
    for group_set in sets:
        for group_round in group_set.rounds:
            if len(group_set.rounds) > 1:
                out += [f"Round {group_round.round}:", ""]
            for group in group_round.groups:
                if not named:
                    size = plural(len(group.members), "person", "people")
                    out.append(f"- {phrase(group.name)}: {size}")
                else:
                    leads = group.facilitators  # marked as `liftkit groups` marks them
                    listed = [phrase(m) + " (facilitator)" * (m in leads) for m in group.members]
                    out.append(f"- **{phrase(group.name)}:** {'; '.join(listed) or 'nobody'}")
            out.append("")
        if group_set.not_met:
            out += [_not_met(group_set), ""]
    return out


def _not_met(group_set: GroupSet) -> str:
    """What the rooms left out were: rounds planned that the breakout did not get to (it
    was moved on from before, or passed through with n), or that the session stopped
    before (a quit not resumed) or has not reached yet."""
    held = group_set.stopped_in
    if not group_set.rounds:
        if group_set.running:
            return "Its rooms have not met yet: the session is still running."
        if held:
            return "Its rooms did not meet: the session stopped as they opened."
        return "Its rooms did not meet: the segment was moved on from as it began."
    first = len(group_set.rounds) + 1
    last = first + group_set.not_met - 1
    which = f"Round {first}" if first == last else f"Rounds {first} to {last}"
    if group_set.running:
        have = "has" if first == last else "have"  # or not for a minute: counted as not met
        return f"{which} {have} not met yet: the session is still running."
    was = "was" if first == last else "were"
    if held:
        when = f"as round {held} began" if held == first else f"in round {held}"
        return (
            f"{which} {was} planned but did not take place: the session stopped {when} "
            "and was not resumed."
        )
    return f"{which} {was} planned but did not take place: the segment moved on before its time."
