"""Breakout groups during a live session: the rooms view, reshuffling the groups (once
confirmed), and the rooms plain mode prints as a round begins.

Part of the session controller (`Controller` takes these decisions through this base), kept
apart so that each reads in a sitting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from liftkit.core.live.controls import PLAIN, Ui
from liftkit.core.live.events import Made
from liftkit.core.live.find import find_in_rooms, people_found
from liftkit.core.live.rooms import _label, people_in
from liftkit.core.live.screen import GroupsSummary
from liftkit.core.live.session import LiveSession
from liftkit.core.people.reader import Person
from liftkit.core.text import some_named

Reshuffle = Callable[[LiveSession], str]
GroupsView = Callable[[LiveSession], GroupsSummary | None]
RESHUFFLING = "Reshuffling the groups…"  # on screen while they are made (a second or two)


class Shows(Protocol):
    def show(self) -> None:
        """Draw the screen now, or print what the controller has to say."""


class Breakouts:
    """What the rooms, groups and reshuffle actions do; the controller supplies the state."""

    session: LiveSession
    ui: Ui
    mode: str
    outbox: list[str]
    reshuffle: Reshuffle | None
    groups_view: GroupsView | None
    rooms_printed: GroupsSummary | None
    round_held: tuple[int, int]
    bells: int
    front: Shows | None  # the front-end of the running loop, to draw before a long step

    def say(self, text: str, seconds: float = 3.0, restates_event: bool = False) -> None:
        raise NotImplementedError

    def _ask(self, what: str) -> None:
        raise NotImplementedError

    def _print_rooms(self) -> None:
        """Plain mode prints a breakout's rooms in full when a round begins (the segment's
        first, or a later one as its time comes) and after a reshuffle."""
        shown = self.groups_view(self.session) if self.groups_view else None
        if shown is None or not shown.rooms or shown == self.rooms_printed:
            return
        self.rooms_printed = shown
        self.outbox.append(f"  {shown.title}")
        self.outbox.extend(f"  {room}: {'; '.join(members)}" for room, members in shown.rooms)

    def _next_round(self) -> None:
        """A breakout of several rounds: the bell and a word when the next round begins,
        for the host to send people to their new rooms (plain mode prints the rooms)."""
        shown = self.groups_view(self.session) if self.groups_view else None
        if shown is None or shown.rounds < 2:
            return
        held = (self.session.engine.index, shown.round)
        if held[0] == self.round_held[0] and held[1] > self.round_held[1]:
            self.bells = max(self.bells, 1)  # one bell, with the round's time-up
            self.say(f"Round {shown.round} of {shown.rounds} begins: new rooms (g shows them).", 10)
            self.ui.found = ()  # marked in the rooms that were
        self.round_held = held

    def _groups(self, name: str) -> None:
        s = self.session
        segment = s.engine.current
        # people to reshuffle: groups made, or attendees to make them from (the groups view
        # says which; without one, a reshuffle is taken to have people)
        people = self.groups_view is None or self.groups_view(s) is not None
        has_groups = (
            segment is not None
            and segment.kind == "breakout"
            and (s.engine.index in s.engine.groups or (self.reshuffle is not None and people))
        )
        if not has_groups or (self.reshuffle is None and name == "reshuffle"):
            self.say(_none_here("groups", segment is not None and segment.kind == "breakout"))
        elif name == "groups":
            # Troika's stages, a breakout of several rounds: a reshuffle now changes the
            # rooms still to come, and the structure with them.
            from liftkit.core.live.rooms import following  # the groups engine, when needed

            later = segment is not None and (
                segment.rounds > 1 or following(s.agenda, s.engine.index)
            )
            self._ask("reshuffle_later" if later else "reshuffle")
        elif self.reshuffle is not None:
            # Making the rooms again may take a second or two (100 people at 10 tables,
            # avoiding the rounds before and after): the screen says so meanwhile, rather
            # than the question a host might answer again
            self.say(RESHUFFLING, 30)
            if self.front is not None:
                self.front.show()
            count = s.engine.last_reshuffle.count
            with s.remaking(Made.RESHUFFLE, self._round_now()[1]):
                self.say(self.reshuffle(s), 4)
            if s.engine.last_reshuffle.count != count:  # (rooms kept: u's stay as they were)
                self.ui.found = ()
            if self.mode == PLAIN:
                self._print_rooms()

    def _put_back(self, confirmed: bool) -> None:
        """u in the rooms view (undo in plain mode): the rooms of every breakout the last
        reshuffle changed, as they were before it, once confirmed; journalled as rooms made,
        so that a resume keeps them. One step: a reshuffle put back is gone. Only in the
        segment it was made in: rooms a later segment has moved on from stay as they ran.
        What u puts back is the engine's, from the journal: a resume keeps it too."""
        last = self.session.engine.last_reshuffle
        if not last.before:
            self.say("Nothing to put back: u undoes the last reshuffle, once, in its segment.")
        elif self.session.engine.index != last.made_in[0]:
            self.say("Nothing to put back here: the last reshuffle was in another segment.")
        elif self._round_now() != last.made_in:
            # its round met in the reshuffled rooms, and the rounds after it were made to
            # follow them: the rooms before it would list rooms that never met
            self.say(
                f"Nothing to put back now: round {last.made_in[1]} met in the rooms "
                "the reshuffle made, and they stay as they ran."
            )
        elif not confirmed:
            self._ask("put_back")
        else:
            now = self.session.engine.groups.get(last.made_in[0])
            before = last.before.get(last.made_in[0])
            with self.session.remaking(Made.UNDO):
                for segment, split in sorted(last.before.items()):
                    self.session.record_groups(segment, split)
            self.ui.found = ()
            said = "Rooms put back as they were before the reshuffle."
            if now is not None and before is not None:
                key = "g" if self.mode == PLAIN else "s"  # plain mode's g reshuffles
                said += _no_room_now(people_in(now.split), people_in(before), key)
            self.say(said, 4)
            if self.mode == PLAIN:
                self._print_rooms()

    def _round_now(self) -> tuple[int, int]:
        """The segment and the round of its breakout being held."""
        shown = self.groups_view(self.session) if self.groups_view else None
        return self.session.engine.index, shown.round if shown is not None else 1

    def _open_rooms(self) -> None:
        shown = self.groups_view(self.session) if self.groups_view else None
        if shown is None or not shown.rooms:
            segment = self.session.engine.current
            self.say(_none_here("rooms", segment is not None and segment.kind == "breakout"))
            return
        self.ui.rooms, self.ui.rooms_page, self.ui.found = True, 0, ()

    def _find(self, query: str) -> None:
        """The room of each person whose name `query` matches, said for ten seconds; the
        rooms view turns to the first one's page and marks them all."""
        shown = self.groups_view(self.session) if self.groups_view else None
        if shown is None or not shown.rooms:
            segment = self.session.engine.current
            self.say(_none_here("rooms", segment is not None and segment.kind == "breakout"))
            return
        self.say(find_in_rooms(shown.rooms, query), 10)
        self.ui.found, self.ui.rooms_page = tuple(people_found(shown.rooms, query)), 0


def _none_here(what: str, breakout: bool) -> str:
    """Why `g` has no groups (or rooms) to show: not a breakout, or no one to put in them."""
    if breakout:
        return f"No {what} here: breakouts get them from `attendees` FILE or `groups` FILE."
    return f"No {what} here: {what} are for breakout segments."


def _no_room_now(now: list[Person], before: list[Person], key: str) -> str:
    """Who the rooms put back leave out (late joiners the reshuffle placed), for the host to
    place: " Tom Fry has no room now: s reshuffles again with them." (`key`: s, or plain
    mode's g); "" for nobody."""
    had = {_label(p).lower() for p in before}
    names = [p.name for p in now if _label(p).lower() not in had]
    if not names:
        return ""
    named = " and ".join(names) if len(names) <= 2 else some_named(names)
    has = "has" if len(names) == 1 else "have"
    return f" {named} {has} no room now: {key} reshuffles again with them."
