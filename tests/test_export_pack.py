"""The pack a host publishes (issue 9), through `liftkit export`: the narrative, registration
answers, who joined, quotes under their themes, hosts never quoted, the bundled agenda's
polls, "host this yourself", and the order of the sections."""

import json
import re
import shutil
import tomllib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_export_cli import HOSTED, make_session, reflection, section, write

DATA = Path(__file__).parent / "data"
COMMUNITY = DATA / "sessions" / "2026-03-10-122958-community-conversation"
CHAT = DATA / "chat" / "zoom-community.txt"
NARRATIVE = DATA / "narratives" / "community-conversation.md"
QUESTION = "If this event could answer one question, what would it be?"
FULL = [
    "--chat", str(CHAT), "--narrative", str(NARRATIVE), "--by", "Sector", "--roles", "Role",
    "--organisations", "Organisation", "--question", QUESTION,
]  # fmt: skip


def headings(markdown: str, level: int = 2) -> list[str]:
    return re.findall(rf"^{'#' * level} (.+)$", markdown, re.MULTILINE)


def quotes(text: str) -> list[str]:
    return re.findall(r"^- “(.*)”", text, re.MULTILINE)


def chat_with(tmp_path: Path, *messages: str) -> Path:
    """The kept community chat with `messages` ("12:40:00 From Ada to Everyone:\n\ttext\n")
    after it."""
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT.read_text(encoding="utf-8") + "".join(messages), encoding="utf-8")
    return chat


def public_posters(chat: str) -> list[str]:
    """The author of each message to everyone in a two-line Zoom chat, reactions aside."""
    return re.findall(r"^\d\d:\d\d:\d\d From (.+) to Everyone:\n\t(?!Reacted to)", chat, re.M)


@pytest.fixture
def community(cli):
    result = cli("export", str(COMMUNITY), *FULL)
    assert result.exit_code == 0, result.output
    return result


# --------------------------------------------------------------------------- the narrative


def test_sections_follow_the_reference_order(community):
    assert headings(community.stdout) == [
        "Who joined",
        QUESTION,
        "Before the session",
        "1. Introductions",
        "2. Opening perspective",
        "3. Breakout discussions",
        "4. Whole-group discussion",
        "5. Closing reflections",
        "Speakers",  # matched no part: warned about, and kept after the last segment
        "Host this conversation yourself",
        "Thank you and feedback",
        "After the session",
        "The agenda as run",
    ]


def test_the_narrative_goes_where_its_headings_say(community):
    out = community.stdout
    assert out.startswith("# Has kindness become too fashionable?\n")
    opening = out.split("## Who joined")[0]
    assert "[watch a recording of the opening perspective](https://example.org/recording)" in (
        opening
    )
    breakout = section(out, "3. Breakout discussions")
    # The host's key themes, as written, after the questions and before the quotes.
    assert breakout.index("3. What can we do") < breakout.index("### Relationships")
    assert breakout.index("### Relationships") < breakout.index("### Culture")
    assert "We closed with thirty seconds of silence" in section(out, "5. Closing reflections")
    assert "Thank you for your energy" in section(out, "Thank you and feedback")
    assert "The community events series is open" in section(out, "Who joined")
    assert "We asked everyone this" in section(out, QUESTION)


def test_a_heading_that_matches_nothing_is_warned_about_by_name(community):
    warnings = [line for line in community.stderr.splitlines() if line.startswith("Warning")]
    assert len(warnings) == 1
    assert f'{NARRATIVE}:56: the heading "Speakers" matches no part of the pack' in warnings[0]
    assert "the parts: Opening, Who joined," in warnings[0]
    assert "Sam Okafor leads the compassionate" in section(community.stdout, "Speakers")


def test_a_starter_narrative_lists_every_part_and_merges_to_nothing(cli, tmp_path):
    starter = tmp_path / "words.md"
    result = cli("export", str(COMMUNITY), "--question", QUESTION, "--new-narrative", str(starter))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    text = starter.read_text(encoding="utf-8")
    assert headings(text) == [
        "Opening", "Who joined", QUESTION, "1. Introductions", "2. Opening perspective",
        "3. Breakout discussions", "4. Whole-group discussion", "5. Closing reflections",
        "Host this conversation yourself", "Thanks",
    ]  # fmt: skip
    assert text.count("<!--") == 11  # a hint under each heading, and one at the top
    # Untouched, it changes nothing but nothing is lost either: no warnings, the same pack.
    plain = cli("export", str(COMMUNITY), "--question", QUESTION)
    merged = cli("export", str(COMMUNITY), "--question", QUESTION, "--narrative", str(starter))
    assert merged.stderr == "" and merged.stdout == plain.stdout
    again = cli("export", str(COMMUNITY), "--new-narrative", str(starter))
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert starter.read_text(encoding="utf-8") == text  # not overwritten


def test_the_starter_narrative_names_the_export_that_merges_it_with_the_same_inputs(cli, tmp_path):
    # the next step it printed dropped --chat and --question: copied as printed, the pack
    # lost every chat quote and the question's part
    starter = tmp_path / "my words.md"
    given = ("--chat", str(CHAT), "--question", QUESTION, "--anonymous")
    result = cli("export", str(COMMUNITY), *given, "--new-narrative", str(starter))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"Wrote {starter}: write under its headings, then liftkit export {COMMUNITY} "
        f"--chat {CHAT} --anonymous --question '{QUESTION}' --narrative '{starter}'"
    )


def test_the_starter_narrative_says_nothing_of_the_pack_it_does_not_write(cli, tmp_path):
    # --new-narrative printed the pack's warnings ("the pack quotes 1 email address…", a
    # duplicate in the attendee list) though it wrote no pack.
    chat = chat_with(
        tmp_path, "12:40:00 From Grace Hopper to Everyone:\n\tDo email me at grace.h@nhs.example\n"
    )
    people = write(
        tmp_path / "people.csv",
        "Name,Email\nAda Lovelace,ada@x.example\nAda Lovelace,ADA@x.example\nAlan Turing,\n",
    )
    given = ("--chat", str(chat), "--attendees", str(people))
    pack = cli("export", str(COMMUNITY), *given)
    said = [line for line in pack.stderr.splitlines() if line.startswith(("Warning:", "Note:"))]
    assert any("the pack quotes 1 email address" in line for line in said)
    assert any("duplicates line 2" in line for line in said), said  # the pack's own warnings
    starter = tmp_path / "words.md"
    result = cli("export", str(COMMUNITY), *given, "--new-narrative", str(starter))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Wrote {starter}: write under its headings, then liftkit export {COMMUNITY} "
        f"--chat {chat} --attendees {people} --narrative {starter}"
    ]


def test_a_narrative_edited_once_is_merged_on_every_export(cli, tmp_path):
    words = write(
        tmp_path / "words.md",
        "Text before any heading opens the pack.\n\n## Section 2: Opening perspective\n\n"
        "Our host *told a story*.\n\n```\n## not a heading inside code\n```\n\n"
        "## closing\n\nSilence, then the chat.\n\n## thank you\n\nSee you soon.\n",
    )
    out = cli("export", str(COMMUNITY), "--narrative", str(words)).stdout
    assert (
        out.split("## Who joined")[0].rstrip().endswith("Text before any heading opens the pack.")
    )
    talk = section(out, "2. Opening perspective")
    assert "Our host *told a story*." in talk
    assert "*.\n\n```\n## not a heading inside code\n```" in out
    assert "Silence, then the chat." in section(out, "5. Closing reflections")
    assert "See you soon." in section(out, "Thank you and feedback")


def test_the_hosts_own_themes_and_the_quotes_themes_are_told_apart(cli, tmp_path):
    # The starter asks for a segment's key themes as ### headings; the quotes' themes were
    # ### headings too, so "### Authenticity" came twice, the host's then the chat's.
    words = write(
        tmp_path / "words.md",
        "## Opening perspective\n\nWhat we heard:\n\n### Authenticity\n\n- Acting or being.\n\n"
        "## Breakout discussions\n\n```\n### a heading only inside code\n```\n",
    )
    out = cli("export", str(COMMUNITY), "--chat", str(CHAT), "--narrative", str(words)).stdout
    talk = section(out, "2. Opening perspective")
    assert headings(talk, 3) == ["Authenticity", "Reflections from participants"]
    assert headings(talk, 4) == ["Authenticity", "Power", "Other reflections"]
    host, quoted = talk.split("### Reflections from participants")
    assert "- Acting or being." in host and quotes(host) == []
    assert "Power is not a possession but a relationship" in quotes(quoted)
    breakout = section(out, "3. Breakout discussions")  # fenced code holds no heading
    assert "Reflections from participants" not in breakout and headings(breakout, 3)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"## Opening\n\ncaf\xe9\n", "words.md:3: byte 0xe9 is not UTF-8 text"),
        (None, "words.md"),
    ],
)
def test_a_bad_narrative_is_a_one_line_error_and_nothing_is_written(
    cli, tmp_path, content, message
):
    words = tmp_path / "words.md"
    if content is not None:
        words.write_bytes(content)
    out = tmp_path / "pack.md"
    result = cli("export", str(COMMUNITY), "--narrative", str(words), "-o", str(out))
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert not out.exists()


# --------------------------------------------------------------------------- who joined


def test_registration_answers_drop_blanks_and_n_a_and_repeats(community):
    answers = quotes(section(community.stdout, QUESTION))
    rows = (COMMUNITY / "attendees.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) - 1 == 14  # every row has the column; only these five say something
    assert answers == [
        "What are the features of kind and compassionate leadership, and do I have any?",
        "How can we make compassionate leadership work as usual?",  # given twice
        "What advice would you give someone leading a demotivated team?",
        "What does self-compassion look like on a busy ward?",
        "&lt;/p>&lt;script>alert(2)&lt;/script>",  # shown as typed, in every Markdown
    ]


def test_several_breakdowns_and_a_sentence_of_examples(cli):
    result = cli(
        "export", str(COMMUNITY), "--by", "sector", "--by", "Organisation", "--roles", "role",
        "--orgs", "organisation",
    )  # fmt: skip
    who = section(result.stdout, "Who joined")
    assert headings(who, 3) == ["By Sector", "By Organisation"]
    for table in who.split("### ")[1:]:
        rows = re.findall(r"^\| (?!Total).+ \| (\d+) \| (\d+)% \|$", table, re.M)
        percents = [int(p) for _, p in rows]
        tied = max(Counter(n for n, _ in rows).values())
        assert 100 - tied < sum(percents) <= 100  # 100 unless equal counts forbid it
        assert len({p for n, p in rows if n == "1"}) <= 1
    sentence = next(line for line in who.splitlines() if line.startswith("They came"))
    assert "Occupational Therapist" in sentence and "Nurse Lead" in sentence
    # The hosts' own rows (Host, Co-host at Project Lift) are no examples of who joined.
    assert "host" not in sentence.casefold() and "Project Lift" not in sentence
    assert "Organisations included NHS Fife, NHS Tayside" in sentence


# --------------------------------------------------------------------------- quotes


def test_quotes_are_unattributed_tagless_and_under_their_themes(community):
    talk = section(community.stdout, "2. Opening perspective")
    assert headings(talk, 3) == ["Authenticity", "Power", "Other reflections"]
    said = quotes(talk)
    assert "Power is not a possession but a relationship" in said
    assert not [q for q in said if re.search(r"#\w", q)]  # the tags are left out
    assert "— " not in talk and "Rosalind" not in community.stdout


def test_names_are_shown_when_asked(cli):
    out = cli("export", str(COMMUNITY), "--chat", str(CHAT), "--names").stdout
    assert "- “Power is not a possession but a relationship” — Rosalind Franklin" in out


def test_hosts_are_never_quoted(cli):
    # Sam Okafor's attendee row says Host; Priya Shah's says Co-host; neither is named by
    # the agenda or --host here.
    out = cli("export", str(COMMUNITY), "--chat", str(CHAT), "--names").stdout
    assert "Welcome! Tell us who you are" not in out  # Sam's chat
    assert "Welcome everyone, the chat is open" not in out  # Sam's recorded reflection
    assert "Breakout rooms are open now" not in out  # Priya's chat
    assert "Sam Okafor" not in out and "Priya Shah" not in out


def test_hosts_of_the_sessions_list_are_never_quoted_with_another_list_given(cli, tmp_path):
    # Given the call's participant report, which marks nobody as host, the session's own
    # list was not read at all: Sam's recorded "Welcome everyone" and his chat were quoted.
    report = tmp_path / "participants.csv"
    lines = (COMMUNITY / "attendees.csv").read_text().splitlines()
    rows = [
        line.replace(",Host,", ",Attendee,").replace(",Co-host,", ",Attendee,") for line in lines
    ]
    report.write_text("\n".join(rows) + "\n")
    assert ",Host," not in report.read_text()
    out = cli("export", str(COMMUNITY), "--chat", str(CHAT), "--attendees", str(report),
              "--names").stdout  # fmt: skip
    assert "Welcome everyone, the chat is open" not in out  # Sam's recorded reflection
    assert "Welcome! Tell us who you are" not in out  # Sam's chat
    assert "— Sam Okafor" not in out and "— Priya Shah" not in out
    assert "- “Power is not a possession but a relationship” — Rosalind Franklin" in out


def test_host_option_is_repeatable_and_never_quoted(cli, tmp_path):
    folder = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 10, tzinfo=UTC),
        events=[reflection(100, 0, "Rooms are open", "Jo Co"),
                reflection(200, 0, "A real thought", "Ada")],
    )  # fmt: skip
    out = cli("export", str(folder), "--host", "Sam Host", "--host", "Jo Co", "--names").stdout
    assert "**Hosts:** Sam Host and Jo Co" in out
    assert "Rooms are open" not in out and "- “A real thought” — Ada" in out


def test_the_chat_counts_only_people_who_posted_publicly(community):
    chat = CHAT.read_text(encoding="utf-8")
    public = public_posters(chat)
    assert len(set(public)) == 10  # Hedy only reacted, Dorothy only sent a direct message
    # The hosts (Sam's row says Host, Priya's Co-host) are counted apart, as under Who joined.
    hosts = [a for a in public if a in ("Sam Okafor", "Priya Shah")]
    guests = [a for a in public if a not in hosts]
    assert "12 people joined, besides 2 hosts." in community.stdout
    assert (
        f"The chat: {len(guests)} messages from {len(set(guests))} people, "
        f"besides {len(hosts)} from the hosts;"
    ) in community.stdout


def test_a_note_taking_bots_chat_is_neither_quoted_nor_counted(cli, tmp_path):
    # Otter.ai's "I'm an AI assistant helping … take notes" and its link were quoted, and
    # the bot counted among the people who posted ("36 messages from 26 people").
    said = "Hi, I'm an AI assistant helping Grace Hopper take notes for this meeting."
    chat = chat_with(
        tmp_path,
        f"12:40:00 From Otter.ai to Everyone:\n\t{said} https://otter.ai/u/abc123\n",
        "12:41:00 From Grace Hopper's Otter.ai Notetaker to Everyone:\n\tI am recording\n",
        "12:42:00 From Grace Otter to Everyone:\n\tMy own words, a person named Otter\n",
    )
    result = cli("export", str(COMMUNITY), "--chat", str(chat), "--names")
    assert result.exit_code == 0, result.output
    public = public_posters(chat.read_text())
    people = [a for a in public if a not in ("Sam Okafor", "Priya Shah") and "Otter.ai" not in a]
    assert f"The chat: {len(people)} messages from {len(set(people))} people," in result.stdout
    assert said not in result.stdout and "I am recording" not in result.stdout
    assert "- “My own words, a person named Otter” — Grace Otter" in result.stdout
    assert (
        f"Warning: {chat}: left out 2 messages from note-taking bots (Grace Hopper's Otter.ai "
        "Notetaker, Otter.ai): no participant's words"
    ) in result.stderr


def test_quotes_holding_an_email_address_or_a_phone_number_are_named_before_publishing(
    cli, tmp_path
):
    # "email me at …" and a mobile number were published in the pack without a word.
    chat = chat_with(
        tmp_path,
        "12:40:00 From Grace Hopper to Everyone:\n\tDo email me at grace.h@nhs.example\n",
        "12:41:00 From Alan Turing to Everyone:\n\tRing 07700 900123 or +44 131 496 0000\n",
        "12:42:00 From Ada Lovelace to Everyone:\n\tSee https://medium.com/@ada/notes ",
        "from 2019, 2020 and 2021\n",
    )
    result = cli("export", str(COMMUNITY), "--chat", str(chat))
    assert result.exit_code == 0, result.output
    assert "Do email me at grace.h@nhs.example" in result.stdout  # words are never altered
    warned = [line for line in result.stderr.splitlines() if "phone number" in line]
    assert warned == [
        "Warning: the pack quotes 3 email addresses or phone numbers: 'grace.h@nhs.example' "
        "(Breakout discussions), '07700 900123' (Breakout discussions), '+44 131 496 0000' "
        "(Breakout discussions); a published pack shows them to everyone: ask their authors, "
        "or take them out"
    ]


def test_registration_answers_holding_contact_details_are_named_too(cli, tmp_path):
    # An answer "my mobile is 07700 900456 or ada.home@gmail.example" was quoted in the pack
    # while the warning named only the chat's address; two numbers in a row ("07700 900111
    # 07700 900222") read as one of 16 digits, so as none.
    answer = "How do I reach you? my mobile is 07700 900456 or ada.home@gmail.example"
    registration = tmp_path / "qa.csv"
    registration.write_text(
        f"Name,Email,Question\nAda Lovelace,ada@x.example,{answer}\n"
        "Grace Hopper,grace@x.example,What next?\n"
    )
    chat = chat_with(
        tmp_path, "12:40:00 From Alan Turing to Everyone:\n\tRing 07700 900111 07700 900222\n"
    )
    result = cli(
        "export", str(COMMUNITY), "--attendees", str(registration), "--question", "Question",
        "--chat", str(chat),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"- “{answer}”" in result.stdout  # answers are quoted as given
    warned = [line for line in result.stderr.splitlines() if "phone number" in line]
    assert warned == [
        "Warning: the pack quotes 4 email addresses or phone numbers: 'ada.home@gmail.example' "
        "(Question), '07700 900456' (Question), '07700 900111' (Breakout discussions) and 1 "
        "more; a published pack shows them to everyone: ask their authors, or take them out"
    ]


def test_a_message_sent_twice_in_a_row_is_quoted_once(cli, tmp_path):
    # "Power is not a possession but a relationship" sent twice a second apart (a double
    # Enter) was quoted twice, side by side. Short words twice ("So true") are meant, and
    # so are the same words half a minute later.
    said = "Listening is the first act of compassion"
    chat = chat_with(
        tmp_path,
        f"12:40:00 From Grace Hopper to Everyone:\n\t{said}\n",
        f"12:40:01 From Grace Hopper to Everyone:\n\t{said}\n",
        f"12:45:00 From Grace Hopper to Everyone:\n\t{said}\n",
        "12:46:00 From Alan Turing to Everyone:\n\tAgreed, that is it\n",
        "12:46:30 From Alan Turing to Everyone:\n\tAgreed, that is it\n",
        "12:47:00 From Ada Lovelace to Everyone:\n\tSo true\n",
        "12:47:02 From Ada Lovelace to Everyone:\n\tSo true\n",
    )
    result = cli("export", str(COMMUNITY), "--chat", str(chat), "--names")
    assert result.exit_code == 0, result.output
    assert result.stdout.count(f"- “{said}” — Grace Hopper") == 2
    assert result.stdout.count("- “Agreed, that is it” — Alan Turing") == 2
    assert result.stdout.count("- “So true” — Ada Lovelace") == 2
    public = public_posters(chat.read_text())
    people = [a for a in public if a not in ("Sam Okafor", "Priya Shah")]
    assert f"The chat: {len(people) - 1} messages from {len(set(people))} people," in result.stdout
    assert (
        f"Warning: {chat}: 1 message sent twice in a row by the same person within 10 "
        "seconds, quoted and counted once"
    ) in result.stderr


def test_a_sign_alone_is_counted_but_not_quoted(cli, tmp_path):
    # "+1", "+q" (a place in the queue to speak), "RH" and "2" were published as quotes.
    signs = ["+1", "+q", "RH", "2", "bump", "-q"]
    chat = chat_with(
        tmp_path,
        "".join(f"12:4{i}:00 From Alan Turing to Everyone:\n\t{s}\n" for i, s in enumerate(signs)),
        "12:47:00 From Alan Turing to Everyone:\n\t+1 to what Ada said about rotas\n",
    )
    result = cli("export", str(COMMUNITY), "--chat", str(chat))
    assert result.exit_code == 0, result.output
    assert not [q for q in quotes(result.stdout) if q in signs]
    assert "+1 to what Ada said about rotas" in quotes(result.stdout)
    public = public_posters(chat.read_text())
    people = [a for a in public if a not in ("Sam Okafor", "Priya Shah")]
    assert f"The chat: {len(people)} messages from {len(set(people))} people," in result.stdout


def test_the_hosts_chat_messages_are_counted_apart_in_json(cli):
    data = json.loads(cli("export", str(COMMUNITY), "--chat", str(CHAT), "--format", "json").stdout)
    [entry] = data["chat"]["files"]
    assert (entry["messages"], entry["host_messages"]) == (16, 2)
    assert (data["chat"]["participants"], data["chat"]["hosts"]) == (8, 2)
    assert (data["attendance"]["count"], data["attendance"]["hosts"]) == (12, 2)


# --------------------------------------------------------------------------- the bundled agenda


def test_the_bundled_agenda_s_pack_shows_the_score_and_the_recommend_share(community):
    thanks = section(community.stdout, "Thank you and feedback")
    assert "Average score: **5/5** (12 answers)" in thanks
    assert "**100%** would recommend" in thanks
    intro = section(community.stdout, "1. Introductions")
    assert "**Poll:** Have you attended one of our events before? (16 answers)" in intro


def test_host_it_yourself_lists_each_segment_from_the_agenda(community):
    steps = re.findall(
        r"^- \*\*(\d+) min – (.+?)\*\*: (.+)$",
        section(community.stdout, "Host this conversation yourself"),
        re.M,
    )
    agenda = tomllib.loads((COMMUNITY / "agenda.toml").read_text(encoding="utf-8"))
    assert [(int(m), t) for m, t, _ in steps] == [
        (int(s["duration"].rstrip("m")), s["title"]) for s in agenda["segments"]
    ]
    assert steps[0][2] == agenda["segments"][0]["summary"]


TEMPLATES = sorted(p.stem for p in (Path(__file__).parent.parent / "agendas").glob("*.toml"))


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_s_recipe_tells_a_reader_what_happens_not_the_participants_prompt(
    cli, tmp_path, name
):
    """Run alone, a participant's prompt ("Your questions for our host: raise a hand…", "jot
    down your ideas on the question" without the question) tells a reader little: every
    bundled template says what happens in each segment in a `summary` of its own."""
    from liftkit.core.agenda.templates import template_path

    template = template_path(name)
    agenda = tomllib.loads(template.read_text(encoding="utf-8"))
    timeline, at = [], 0
    for i, _ in enumerate(agenda["segments"]):
        timeline += [(at, "segment_start", {"segment": i})]
        at += 60
        timeline += [(at, "segment_end", {"segment": i, "reason": "next"})]
    timeline += [(at, "session_end", {})]
    session = make_session(
        tmp_path / "s", datetime(2026, 3, 9, 17, 0, tzinfo=UTC),
        agenda=template.read_text(encoding="utf-8"), timeline=timeline,
    )  # fmt: skip
    result = cli("export", str(session))
    assert result.exit_code == 0, result.output
    steps = re.findall(
        r"^- \*\*\d+ min – (.+?)\*\*: (.+)$",
        section(result.stdout, "Host this conversation yourself"),
        re.M,
    )
    assert [t for t, _ in steps] == [s["title"] for s in agenda["segments"]]
    for (_, said), segment in zip(steps, agenda["segments"], strict=True):
        assert said == segment.get("summary") != segment["prompt"]


def test_a_missing_column_names_the_columns_there_are(cli, tmp_path):
    out = tmp_path / "pack.md"
    result = cli("export", str(COMMUNITY), "--question", "Why did you come?", "-o", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr == (
        "Error: --question Why did you come?: attendees.csv has no such column; its columns: "
        f"Role, Organisation, Sector, {QUESTION}; give one of those columns\n"
    )


def test_an_existing_output_needs_force(cli, tmp_path):
    out = write(tmp_path / "pack.html", "mine")
    result = cli("export", str(COMMUNITY), "--format", "html", "-o", str(out))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "already exists" in result.stderr and out.read_text() == "mine"
    assert (
        cli("export", str(COMMUNITY), "--format", "html", "-o", str(out), "--force").exit_code == 0
    )
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_hosted_session_still_exports(cli, tmp_path):
    # A copy elsewhere: the session's folder name is all it needs.
    copy = tmp_path / "copy"
    shutil.copytree(HOSTED, copy)
    assert cli("export", str(copy), "--by", "sector", "--by", "organisation").exit_code == 0


def test_roles_that_hold_a_comma_are_listed_with_semicolons(cli, tmp_path):
    # "including Head of Service, Adults, Director of nursing": one role or two?
    session = make_session(tmp_path / "s", datetime(2026, 3, 9, 17, 0, tzinfo=UTC))
    people = write(
        tmp_path / "people.csv",
        'Name,Job\nAda,"Head of Service, Adults"\nBo,Director of nursing\nCy,Nurse Lead\n',
    )
    out = cli("export", str(session), "--attendees", str(people), "--roles", "Job").stdout
    sentence = next(line for line in out.splitlines() if line.startswith("They came"))
    listed = sentence.removeprefix("They came in a range of roles, including ").rstrip(".")
    assert sorted(re.split(r"; | and ", listed)) == [
        "Director of nursing", "Head of Service, Adults", "Nurse Lead",
    ]  # fmt: skip


def test_a_column_named_after_a_registration_question(cli, tmp_path):
    # Eventbrite names the column after the question: "--by sector" found no column and gave
    # no hint, and the pack's heading read "By Which sector do you work in?".
    session = make_session(tmp_path / "s", datetime(2026, 3, 9, 17, 0, tzinfo=UTC))
    question = "Which sector do you work in?"
    rows = ["Ada,Health", "Bo,Health", "Cy,Charity"]
    people = write(tmp_path / "people.csv", f"Name,{question}\n" + "\n".join(rows) + "\n")
    missed = cli("export", str(session), "--attendees", str(people), "--by", "sector")
    assert missed.exit_code == 2
    assert f"did you mean '{question}'? give its whole name, in quotes" in missed.stderr
    out = cli("export", str(session), "--attendees", str(people), "--by", question).stdout
    who = section(out, "Who joined")
    assert headings(who, 3) == [question]
    assert "Health 67% and Charity 33%." in who and "By which" not in who


def test_a_number_after_a_hash_is_no_theme_in_a_recorded_reflection(cli, tmp_path):
    # "we are #1 at this", "issue #42": a chat message's #1 is no tag, but the host's record
    # of the same words gave the pack a theme headed "1" (the live capture took any word).
    # An older journal holds such tags: the pack leaves them out too.
    start = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
    folder = make_session(
        tmp_path / "s",
        start,
        events=[
            reflection(60, 0, "issue #42 is fixed #culture", "Ada", tags=["42", "culture"]),
            reflection(90, 0, "we are #1 at this", "Bo", tags=["1"]),
        ],
    )
    assert cli("note", str(folder), "--segment", "1", "Cy: we came #2 of 3").exit_code == 0
    out = cli("export", str(folder)).stdout
    talk = section(out, "1. Talk")
    assert headings(talk, 3) == ["Culture", "Other reflections"]
    themed, rest = talk.split("### Other reflections")
    assert quotes(themed) == ["issue #42 is fixed"]
    assert quotes(rest) == ["we are #1 at this", "we came #2 of 3"]
    data = json.loads(cli("export", str(folder), "-f", "json").stdout)
    assert [theme["tag"] for theme in data["themes"]] == ["culture"]
