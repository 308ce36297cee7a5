"""A Microsoft Teams meeting chat copied out of Teams as text: classic Teams' `[time] Name`
headers and new Teams' blocks, read as messages by their authors; what Teams adds (meeting
cards, people joining, reactions, link previews, quotes in replies) is never quoted.

The files in tests/data/chat/teams-chat-*.* keep the shape of real chats published on GitHub
(no licence, so names and words are made up; tests/data/chat/README.md names the samples)."""

import re
import shutil
from pathlib import Path

import pytest

from liftkit.core.chat import TEAMS_CHAT_CLASSIC, TEAMS_CHAT_NEW, parse_chat, read_chat
from liftkit.core.errors import LiftkitError

CHAT = Path(__file__).parent / "data" / "chat"
SESSION = Path(__file__).parent / "data" / "sessions" / "2026-03-09-135958-hosted-community-event"
WARD_ASK = "how do we keep space to reflect when the rota is full?"
ROTA = (
    "to start: pick one question ; write it on the board >> ask it at handover >> note what "
    "people say..."
)

# Each file's messages as a reader sees them: (author, text), in order.
MESSAGES = {
    "teams-chat-classic.txt": [
        ("Morag Duthie", "Are the slides from the opening talk posted anywhere"),
        ("Lena Okafor", "https://notes.example.org/compassion-call-2026"),
        ("Yusuf Mabena", "https://example.org/reflections/presentations"),
        ("Morag Duthie", "please mute if you are not speaking"),
        ("Tayside - Rory Dawes", "thanks, Morag."),
        ("Fenwick, Hanna (NHS Fife - Ward 4)", "RH"),
        ("Fenwick, Hanna (NHS Fife - Ward 4)", "+q"),
        ("Ian", "per ward, not per team."),
        ("Fairlie, Dr Gordon (Engineering)", "+q"),
        ("Ian", "Reflection only sticks when the ward manager protects the time for it."),
        ("Joost Vermeer", WARD_ASK),
        ("Jorrit Smit | Zorg bij jou", "We block twenty minutes at handover, every shift.\n"
         "It only works because the ward manager protects it."),
        ("Joris  Smit | Zorg bij jou", "ik moet helaas weg"),
        ("Brussaard, Frank", "I have to leave too; see you next time!"),
        ("Jorrit Smit | Zorg bij jou", "bump"),
    ],
    "teams-chat-classic-12h.txt": [
        ("Karan Eede", '<ul class="ward-notes">\n  <li>protected time</li>\n</ul>'),
        # classic Teams' link preview (title, description) cannot be told from words: kept
        ("Rahul Kapoor", "https://example.org/reflective-practice?sort=recent\n"
         "Reflective Practice Hub\n"
         "Jump start your team's reflection with ideas from the community"),
        ("Rahul Kapoor", "try to observe one handover this week"),
        ("Rahul Kapoor", ROTA),
        ("Rahul Kapoor", "old way"),
        ("Bhuvana", "const rota = ['early', 'late'];\nexport const Handover = styled.p`\n"
         "    color: teal;\n`;"),
    ],
    "teams-chat-classic-escaped.md": [
        ("Guest, Jamie", "[https:\n//example.org/blog/making-space-to-reflect/](https:\n"
         "//example.org/blog/making-space-to-reflect/)\n"
         "Should I block time for reflection or wait for a quiet shift?\n"
         "Every now and then a team needs time that nobody else can claim. But what is the "
         "best way to protect it? In some case..."),
        ("Greer, Colin", "Guest, Jamie [https:\n//example.org/guides/protected-time](https:\n"
         "//example.org/guides/protected-time)\nProtected time - A guide for ward teams\n"
         "Ideas for keeping reflection on the rota."),
        ("Greer, Colin", "It has all the ideas in the handover section, minus the rota "
         "templates from the article you posted. The templates are not needed on our ward ... "
         "thank goodness."),
    ],
    "teams-chat-new-meeting.txt": [
        ("Kirsty Cunliffe", "https://example.org/ward-leaders/call-notes"),
        ("Dougie Corr", "joining from the ward office, hi all"),
        ("Dougie Corr", "what helps most is a check-in at handover\ntwo questions, five minutes"),
        ("Shona Kelso", "hello! I'm back 🙂"),
        ("Jade Neilson", "2"),
        ("Ravi Bhatt", "both"),
        ("Dougie Corr", "(Our manager is answering my question!)"),
        ("Dougie Corr", "I'll watch the recording over lunch"),
        ("Rhona Arshad", "Kirsty Cunliffe just so you know I will have to leave at 3:30 today"),
        ("Kirsty Cunliffe", "Thank you all, see you next month"),
    ],
    "teams-chat-new-web.txt": [
        ("Ward Programs", "What does a good handover sound like?\nWrite one line each."),
        ("Errol", "It sounds calm\n    nobody talks over the nurse in charge"),
        ("Errol", "//the one line: it sounds calm"),
        ("Errol", "https://example.org/guides/calm-handovers/"),
        ("Ward Programs", "https://example.org/questions/reflection-prompts"),
        ("Ward Programs", "What is one thing you will try this week?\n  Keep it small."),
        ("Hollis", "Ask the quietest person first\nand wait for the answer"),
        ("Bansi Kumar", "one breath"),
        ("Bansi Kumar", "Before the round, one breath together, then the question."),
        ("Bansi Kumar", "Then the answers go round the room,\none each"),
    ],
    "teams-chat-mixed.txt": [
        ("Carr, Chloe", 'Hi Whyte, Callum! A while ago we talked about "protected reflection '
         "time\" on the wards, I don't believe anyone looked into how much it costs, but want "
         "to check with you.  Vass, Petra is asking me for it.  Thanks."),
        ("Whyte, Callum", "Hey Vass, Petra this came up before and the practice team looked "
         "into it. We counted twenty minutes a shift for each nurse."),
        ("Vass, Petra", "Per nurse? So with ten nurses it is two hundred minutes, correct?"),
        ("Whyte, Callum", "No, that is for the whole team together"),
        ("Vass, Petra", 'or spread across "typical number of nurses" per shift'),
        ("Vass, Petra", "Added a couple more people who were interested, into this chat"),
        ("Carr, Chloe", "So the time is twenty minutes a shift + x\n"
         "With x being the cover we need?"),
        ("Vass, Petra", "Carr, Chloe: Correct, I'm trying to see the whole picture for the year"),
        ("Mullen, Erin", "https://example.org/guides/protected-time/"),
        ("Carr, Chloe", "I did not know that! That's great."),
    ],
    "teams-chat-new-group.txt": [
        ("Yana Chenko", "Hi Jess Sorley Will let you know more details soon"),
        ("Jeff Wardlaw", "Hi Jess,\nRoom is booked: Ward 4 seminar room"),
        ("Chen Dougal", "Hi Team, we already have a rota slot for this. Tell me the day and I "
         "will put it in"),
        ("Jess Sorley", "Morning Everyone, hope you're doing good."),
        ("Sasha McCartney", "Sure. Thanks!"),
        ("Sasha McCartney", "You did great! Thanks for your help"),
        ("Dan MacLeod", "Thanks for the kind words"),
    ],
}  # fmt: skip
LAYOUTS = {
    "teams-chat-classic.txt": TEAMS_CHAT_CLASSIC,
    "teams-chat-classic-12h.txt": TEAMS_CHAT_CLASSIC,
    "teams-chat-classic-escaped.md": TEAMS_CHAT_CLASSIC,
}
# Lines before the first message that are no one's: a page's title, a window's labels.
UNMATCHED = {
    "teams-chat-classic.txt": ["## Chat from Teams during the call"],
    "teams-chat-classic-12h.txt": ["</beans>"],
    "teams-chat-classic-escaped.md": [
        'Email \\<input id="email" type="email"> \\<p id="email_error">Please enter a valid '
        "email address"
    ],
    "teams-chat-new-meeting.txt": ["Ward Leaders - Compassion Call - 9 March 2026"],
    "teams-chat-new-web.txt": ["Hollis"],
    "teams-chat-mixed.txt": ["# Time to reflect (Chat / Notes)"],
    "teams-chat-new-group.txt": [
        "Unread messageLast messageGroup chatMeeting chatChatPersonal at mentionEveryone at "
        "mentionImportantUrgentDraftHas context menu",
        "WARD 4 reflection group",
        "12",
    ],
}
# What Teams writes that is no one's words: no message may hold a line of any of these.
NOT_WORDS = re.compile(
    r"Meeting (started|ended)|no longer has access|was invited to|temporarily joined|left the "
    r"chat|added .* to the chat|Recording|Recorded by|Url Preview|reactions?\.$|^ ?like \d|"
    r"Profile picture of| by [A-Z]|^Edited$|context menu|Last read|Message List|Meeting chat|"
    r"^Plain Text$|^Attendance$|attendance report|^(Today|Yesterday)$|^March 10$|"
    r"^\\?\[\d|^[\U0001F000-\U0001FFFF\u2600-\u27BF\uFE0F]+$|"
    r"^\d{1,2}(/\d+)*(/\d+)? \d+:\d\d|^\d+:\d\d|\d:\d\d [AP]M$",
    re.MULTILINE,
)


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_each_message_of_a_copied_teams_chat_is_read_with_its_author(name):
    log = read_chat(CHAT / name)
    assert (log.layout, log.clock) == (LAYOUTS.get(name, TEAMS_CHAT_NEW), True)
    assert [(m.author, m.text) for m in log.messages] == MESSAGES[name]
    assert [text for _, text in log.unmatched] == UNMATCHED.get(name, [])
    assert all(m.to == "Everyone" and not m.private and m.date == "" for m in log.messages)
    for message in log.messages:
        assert NOT_WORDS.search(message.text) is None, message.text


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_reactions_are_counted_never_quoted(name):
    text = (CHAT / name).read_text(encoding="utf-8")
    counts = re.findall(r"^(\d+) [\w -]+ reactions?\.$|^ ?like (\d+)$", text, re.MULTILINE)
    log = read_chat(CHAT / name)
    assert len(log.reactions) == sum(int(n or like) for n, like in counts)
    assert {r.emoji for r in log.reactions} <= {"👍", "❤️", "👀"}
    assert not any(re.search(r"reactions?\.|^ ?like \d", m.text, re.M) for m in log.messages)


def test_times_are_times_of_day_read_from_either_clock():
    for name, first, last in (
        ("teams-chat-classic-12h.txt", (14, 14), (14, 41)),  # [2:14 PM] … [2:41 PM]
        ("teams-chat-new-meeting.txt", (14, 2), (15, 25)),  # Monday 14:02 … Monday 15:25
        ("teams-chat-new-web.txt", (9, 28), (10, 26)),  # Yesterday 9:28 AM … 10:26
        ("teams-chat-mixed.txt", (14, 1), (10, 39)),  # [3/9 2:01 PM] … Chloe3/10 10:39 AM
        ("teams-chat-new-group.txt", (14, 2), (14, 56)),  # 3/9/2026 2:02 PM … 2:56 pm
    ):
        hm = [(int(m.at) // 3600, int(m.at) % 3600 // 60) for m in read_chat(CHAT / name).messages]
        assert (hm[0], hm[-1]) == (first, last), name


def test_a_reply_keeps_the_words_it_quotes_apart_from_its_own():
    replies = {
        "teams-chat-classic.txt": [(WARD_ASK, "We block twenty"), (WARD_ASK, "bump")],
        "teams-chat-classic-12h.txt": [(ROTA, "old way")],
        "teams-chat-new-meeting.txt": [("(Our manager is answering my question!)", "I'll watch")],
        "teams-chat-mixed.txt": [("Hey Carr, Chloe, the cover plan in the ward handbook "
                                  "already counts the time. The method is the one I used to "
                                  "get to twenty minutes. Only difference is I took it…",
                                  "I did not know")],
        "teams-chat-new-group.txt": [("Hi Jeff Wardlaw, please set up a room for the "
                                      "reflection round.", "Hi Jess,")],
    }  # fmt: skip
    for name, expected in replies.items():
        log = read_chat(CHAT / name)
        found = [(m.reply_to, m.text) for m in log.messages if m.reply_to]
        assert len(found) == len(expected), name
        for (quote, text), (quoted, start) in zip(found, expected, strict=True):
            assert (quote, text[: len(start)]) == (quoted, start)
        assert all(quote not in text for quote, text in found)
        # the quoted person is no author of the reply's words
        assert not any(m.text.startswith(("Joost Vermeer", "Dougie Corr\n", "Jess Sorley"))
                       for m in log.messages)  # fmt: skip


def test_guest_external_and_unverified_marks_leave_the_name_but_a_surname_guest_stays():
    authors = {m.author for n in MESSAGES for m in read_chat(CHAT / n).messages}
    assert not any(re.search(r"\((Guest|External|Unverified)\)", a) for a in authors)
    assert {"Guest, Jamie", "Ian", "Bhuvana", "Dougie Corr", "Joost Vermeer"} <= authors


@pytest.mark.parametrize(
    "notes",
    [
        "Agenda for Tuesday\n[10:00] Agenda\nBring the slides\n",
        "Weekly call\n\nSee the notes by Ada Lovelace\n10:30\nBring the slides\n",
    ],
)
def test_notes_with_one_teams_like_line_are_still_refused(notes):
    with pytest.raises(LiftkitError, match="not a chat log: no line looks like"):
        parse_chat(notes, "notes.txt")


def test_a_teams_chat_copied_without_its_headers_is_refused():
    # New Teams' copy of the messages alone (no author, no time; real class notes hold it)
    bodies = "Ok thank you!\n \nThank you Mark, resources will be great.\n \n" \
        "Jess Thomson  (Unverified) was invited to the meeting.\n"  # fmt: skip
    with pytest.raises(LiftkitError, match="not a chat log"):
        parse_chat(bodies, "bodies.txt")


@pytest.mark.parametrize(
    ("name", "host"),
    [("teams-chat-classic.txt", "Morag Duthie"), ("teams-chat-new-meeting.txt", "Kirsty Cunliffe")],
)
def test_a_copied_teams_chat_goes_into_the_pack_without_the_hosts_messages(
    cli, tmp_path, name, host
):
    session = tmp_path / SESSION.name
    shutil.copytree(SESSION, session)
    pack = tmp_path / "pack.md"
    result = cli("export", str(session), "--chat", str(CHAT / name), "--host", host,
                 "--names", "-o", str(pack))  # fmt: skip
    assert result.exit_code == 0, result.output
    markdown = pack.read_text(encoding="utf-8")
    said = MESSAGES[name]
    theirs = [(a, t) for a, t in said if a != host]
    people = len({a for a, _ in theirs})
    hosts = len(said) - len(theirs)
    assert f"The chat: {len(theirs)} messages from {people} people, besides {hosts} from the " \
        "host" in markdown  # fmt: skip
    quotes = re.findall(r"^- “(.*?)” — (.+)$", markdown, flags=re.MULTILINE)
    quoted = {(text, who.replace("\\|", "|")) for text, who in quotes}
    texts = {text for text, _ in quoted}
    from_chat = [(t, " ".join(a.split())) for a, t in theirs if t in texts]
    # all but a bare link and a sign ("+q" to join the queue to speak, "RH", "2"): counted,
    # not quoted
    signs = ("+q", "RH", "bump", "2")
    linked = re.compile(r"https?://\S+")
    words = [(t, " ".join(a.split())) for a, t in theirs  # (one line: a break shows "\")
             if not linked.fullmatch(t) and t not in signs and "\n" not in t]  # fmt: skip
    assert words and set(words) <= set(from_chat) <= quoted
    assert not any(t.splitlines()[0] in markdown for a, t in said if a == host)
    for gone in (
        "no longer has access",
        "Meeting ended",
        "Url Preview",
        "reaction.",
        "like 1",
        "Attendance",
        "Profile picture",
        "Vermeer (Unverified)",
    ):
        assert gone not in markdown


def test_a_long_line_in_a_teams_chat_is_read_at_once():
    # The pattern of Teams' "X added Y to the chat." backtracked over a long line holding
    # " added " many times: a message of 200,000 characters took 21 seconds to read.
    import signal

    def too_long(*_):
        raise TimeoutError("reading the chat hung")

    said = "we added more to it " * 10_000
    before = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(10)
    try:
        log = parse_chat(f"[10:00] Ada Lovelace\nhello\n[10:01] Bo Li\n{said}\n", "chat.txt")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert [(m.author, m.text) for m in log.messages] == [
        ("Ada Lovelace", "hello"), ("Bo Li", said.strip())
    ]  # fmt: skip
