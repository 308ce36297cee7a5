"""`liftkit export`: the host is known under the longer name Zoom shows, and never quoted."""

from datetime import UTC, datetime

import pytest
from test_export_cli import make_session, section, write


@pytest.fixture
def late(tmp_path):
    """A session from 23:30 to 00:30 (UTC) whose agenda's host is Sam Host."""
    return make_session(tmp_path / "late", datetime(2026, 3, 9, 23, 30, tzinfo=UTC))


def chat_of(*posts: tuple[str, str]) -> str:
    """A Zoom two-line chat, a minute between posts, from 23:40."""
    return "".join(
        f"23:{40 + i}:00 From {author} to Everyone:\n\t{text}\n"
        for i, (author, text) in enumerate(posts)
    )


def export(cli, late, tmp_path, chat: str, *args: str):
    path = write(tmp_path / "chat.txt", chat)
    result = cli("export", str(late), "--chat", str(path), "--names", *args)
    assert result.exit_code == 0, result.output
    return result


def quoted(result) -> list[str]:
    talk = section(result.stdout, "1. Talk")
    return [line for line in talk.splitlines() if line.startswith("- “")]


LONG = "Nia Okoro (she/her) Rivers Lab / rivers.example.org / OpenRivers"


@pytest.mark.parametrize(
    ("host", "shown"),
    [
        ("Nia Okoro", LONG),  # pronouns, an organisation, trailing " / …"
        ("Dr Tom Reid", "Tom Reid"),  # a title given, none shown
        ("Tom Reid", "Tom Reid (he/him)"),
        ("Tomas Núñez", "tomás nuñez - City Council"),  # accents, case, " - org"
        ("Prof. Ana Ruiz", "Ana Ruiz | Acme"),
    ],
)
def test_the_host_under_a_longer_chat_name_is_not_quoted(cli, late, tmp_path, host, shown):
    chat = chat_of((shown, "Welcome everyone!"), ("Bo Lee", "hello"), (shown, "Rooms open"))
    result = export(cli, late, tmp_path, chat, "--host", host)
    assert quoted(result) == ["- “hello” — Bo Lee"]
    assert "The chat: 1 message, besides 2 from the host." in result.stdout


def test_the_agendas_host_is_matched_alike(cli, late, tmp_path):
    result = export(cli, late, tmp_path, chat_of(("Sam Host (he/him) | Acme", "hi all")))
    assert quoted(result) == []
    assert "**Host:** Sam Host" in result.stdout


def test_the_host_given_twice_under_two_names_is_shown_once(cli, late, tmp_path):
    chat = chat_of((LONG, "Welcome"), ("Bo Lee", "hello"))
    result = export(cli, late, tmp_path, chat, "--host", "Nia Okoro", "--host", LONG)
    assert "· **Host:** Nia Okoro\n" in result.stdout
    assert quoted(result) == ["- “hello” — Bo Lee"]


def test_a_first_name_is_the_host_only_when_one_chat_name_starts_so(cli, late, tmp_path):
    # and a longer name of other words is someone else
    chat = chat_of(("Ada Lovelace-Byron", "I am not the host"), ("Ada Lovelace", "I am"))
    result = export(cli, late, tmp_path, chat, "--host", "Ada Lovelace")
    assert quoted(result) == ["- “I am not the host” — Ada Lovelace-Byron"]
    one = export(cli, late, tmp_path, chat_of(("Ada Smith", "rooms open")), "--host", "Ada")
    assert quoted(one) == []
    two = chat_of(("Ada Smith", "rooms open"), ("Ada Jones", "thanks"))
    assert quoted(export(cli, late, tmp_path, two, "--host", "Ada")) == [
        "- “rooms open” — Ada Smith",
        "- “thanks” — Ada Jones",
    ]


def test_participants_of_one_first_name_and_other_organisations_are_people_of_their_own(
    cli, late, tmp_path
):
    # Host names compared without brackets and " - org" made one person of "Ann (NHS
    # Tayside)" and "Ann (Dundee Council)": 6 people became 3, quotes under another's name.
    posts = [("Ann (NHS Tayside)", "one"), ("Ann (Dundee Council)", "two"),
             ("Mo - NHS Fife", "three"), ("Mo - Age Scotland", "four"),
             ("Chris Lee (he/him)", "five"), ("Chris Lee (she/her)", "six")]  # fmt: skip
    result = export(cli, late, tmp_path, chat_of(*posts))
    assert quoted(result) == [f"- “{text}” — {author}" for author, text in posts]
    assert "6 people took part in the chat" in result.stdout
    # a host of one first name is not someone whose first name is written longer
    result = export(cli, late, tmp_path, chat_of(("Mary-Kate Olsen", "hi")), "--host", "Mary")
    assert quoted(result) == ["- “hi” — Mary-Kate Olsen"]
    # and one taken for the host by first name is said
    result = export(cli, late, tmp_path, chat_of(("Ada Smith", "rooms open")), "--host", "Ada")
    assert quoted(result) == []
    assert (
        'Warning: "Ada Smith" in the chat is taken for the host named by first name alone (the '
        "only name that starts so), so not quoted; give the host's full name if they are not"
    ) in result.stderr


def test_a_host_shown_two_ways_is_one_host(cli, late, tmp_path):
    chat = chat_of((LONG, "Welcome"), ("Nia Okoro", "Rooms open"), ("Bo Lee", "hello"))
    result = export(cli, late, tmp_path, chat, "--host", "Nia Okoro")
    assert quoted(result) == ["- “hello” — Bo Lee"]
    assert "The chat: 1 message, besides 2 from the host." in result.stdout


@pytest.mark.parametrize("me", ["Me", "moi"])
def test_the_host_who_saved_the_chat_as_me_is_not_quoted(cli, late, tmp_path, me):
    # A chat saved on the host's computer names their messages "From Me to Everyone":
    # quoted as "— Me", and Me counted among the people who took part.
    chat = chat_of(("Bo Lee", "hello"), (me, "Breakout rooms open in 2 minutes"))
    result = export(cli, late, tmp_path, chat, "--host", "Maria Milosh")
    assert quoted(result) == ["- “hello” — Bo Lee"]
    assert "The chat: 1 message, besides 1 from the host." in result.stdout


def test_names_are_compared_without_what_zoom_adds():
    from liftkit.core.people.names import name_key

    assert name_key("Dr. Leah Wasser (she/her) Earth Lab / pyOpenSci") == "leah wasser"
    assert name_key("(Host) Jo Bloggs") == "jo bloggs"
    assert name_key("Jean-Luc Picard") == "jean luc picard"
    assert name_key("🦄") == "🦄"  # no words: as written, not one key for every emoji name
    assert name_key("Dr") == "dr"


def test_a_name_written_surname_first_is_compared_given_name_first():
    from liftkit.core.people.names import name_key

    assert name_key("Okafor, Sam (NHS Tayside)") == name_key("Sam Okafor") == "sam okafor"
    assert name_key("HOPPER, Grace") == "grace hopper"
    assert name_key("Fairlie, Dr Gordon (Engineering)") == "gordon fairlie"
    assert name_key("van der Berg, Anna") == "anna van der berg"
    # suffixes, letters after a name and pronouns after a comma are no given name
    assert name_key("Smith, Jr.") == "smith jr"
    assert name_key("Dr. Smith, MBE") == "smith mbe"
    assert name_key("Sam Okafor, she/her") == "sam okafor she her"
