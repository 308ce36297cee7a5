"""liftkit: a terminal companion for hosts of timed online community conversations.

The same as a library (docs/api.md has every function):

    import liftkit

    attendees = liftkit.read_attendees("people.csv")
    split = liftkit.split_groups(attendees, size=4, rounds=3, balance="sector", seed=7)
    print(liftkit.render_groups(split, "md"))

Agendas: load_agenda, parse_agenda, render_agenda, agenda_templates. Attendee files:
read_attendees. Breakout groups: split_groups, render_groups. Chat logs: read_chat,
parse_chat. Event packs: build_report, then render_markdown, render_json or render_html
(render_narrative: a starter narrative for the host's own words).
Bad input raises LiftkitError (AgendaError for an invalid agenda), naming the argument.
"""

# Every command imports this file, so it imports nothing: each name loads on first use
# (liftkit.api.PUBLIC lists them; __init__.pyi gives their types).

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    from liftkit.api import public_attribute

    value = globals()[name] = public_attribute(name)
    return value


def __dir__() -> list[str]:
    # help(liftkit) and tab completion list the public names, not yet loaded.
    from liftkit.api import PUBLIC

    return sorted({*globals(), *PUBLIC})
