"""The narrative file in the core: how headings find their part of the pack."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_export_pack import COMMUNITY, QUESTION

from liftkit.core.report import ReportOptions, build_report, load_session
from liftkit.core.report.model import themed, without_tags
from liftkit.core.report.narrative import merge_narrative, parse_narrative, starter_narrative


@pytest.fixture
def report():
    return build_report(load_session(COMMUNITY), [], ReportOptions(questions=(QUESTION,)))


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Opening", "opening"),
        ("We set out to:", "opening"),
        ("**Who joined us?**", "who"),
        ("if this event could answer ONE question, what would it be", "question:1"),
        ("Breakout discussions", "segment:3"),
        ("3. Breakout discussions", "segment:3"),
        ("Section 3: Breakout discussions", "segment:3"),
        ("Segment 3", "segment:3"),
        ("Closing", "segment:5"),  # the closing reflections segment
        ("Host this yourself", "diy"),
        ("Thank you", "thanks"),
    ],
)
def test_a_heading_finds_its_part(report, heading, key):
    merge_narrative(report, parse_narrative(f"## {heading}\n\nWords.\n", "n.md"))
    assert report.narrative == {key: "Words."} and report.warnings == []


def test_unmatched_headings_warn_and_keep_their_text(report):
    merge_narrative(report, parse_narrative("## Opening\n\nHi.\n\n## Segment 9\n\nLost?\n"))
    assert report.narrative_extra == [("Segment 9", "Lost?")]
    assert report.warnings[0].startswith('<narrative>:5: the heading "Segment 9" matches no part')


def test_a_part_given_twice_is_warned_about_and_both_texts_kept(report):
    # "## Opening" twice (a part pasted twice, or another part meant) merged without a word
    text = (
        "Before.\n\n## Opening\n\nHi.\n\n## Breakout discussions\n\nB.\n\n"
        "## We set out to\n\nAgain.\n"
    )
    merge_narrative(report, parse_narrative(text, "n.md"))
    assert report.narrative == {"opening": "Before.\n\nHi.\n\nAgain.", "segment:3": "B."}
    assert report.warnings == [
        'n.md:11: a second heading for "We set out to" (the first at line 3): its text follows '
        "the first's in the pack"
    ]


def test_comments_vanish_and_line_numbers_stay_true(report):
    text = "# Title\n<!-- a\nlong\nhint -->\n## Opening\n<!-- hint -->\n\n## Nowhere\n"
    narrative = parse_narrative(text, "n.md")
    assert narrative.title == "Title"
    merge_narrative(report, narrative)
    assert report.narrative == {} and report.warnings[0].startswith("n.md:8:")


def test_the_starter_parses_back_to_every_part_with_no_words(report):
    starter = parse_narrative(starter_narrative(report))
    merge_narrative(report, starter)
    assert report.warnings == [] and report.narrative == {}
    assert len(starter.parts) == 2 + 1 + len(report.segments) + 2


def test_tags_leave_the_quoted_text_but_make_the_themes():
    assert without_tags("no meetings between 12 and 1 #culture #wellbeing") == (
        "no meetings between 12 and 1"
    )
    assert without_tags("a #culture question.") == "a culture question."
    assert without_tags("#only") == "#only"  # nothing would be left: kept as said
    assert without_tags("so true #care.") == "so true"  # with what the tag leaves dangling
    assert without_tags("agree (#care)") == "agree"
    assert without_tags("trust, time, #care") == "trust, time"
    assert without_tags("see https://example.org/#care") == "see https://example.org/#care"
    assert without_tags("issue #12 and C# stay") == "issue #12 and C# stay"
    assert without_tags("text #tag", ()) == "text #tag"  # the journal says it has no tags
    # a closing tag that is the sentence's last word stays a word
    for said in ("we believe in", "I came to", "focus on", "more time with"):
        assert without_tags(f"{said} #trust") == f"{said} trust"
    assert without_tags("looking forward to #connection.") == "looking forward to connection."
    assert without_tags("ask my team how they are #step") == "ask my team how they are"


def test_a_closing_tag_after_a_preposition_stays_a_word_in_every_chat_language():
    # Zoom's Spanish chat had "vengo a aprender sobre #listening", quoted as "… aprender
    # sobre": "sobre" was not among the words a sentence goes on after. The prepositions,
    # articles, conjunctions and possessives of each language liftkit reads chats in are.
    for said in (
        "vengo a aprender sobre", "un espacio sin", "trabajamos hacia",  # Spanish
        "on a parlé avec", "un temps pour", "une question sur",  # French
        "danke für", "ein Gespräch über", "wir sprachen zwischen",  # German
        "parliamo della", "un momento per", "una domanda sulla",  # Italian
        "мы говорили о", "вопрос про", "время для",  # Russian
        "we spoke like", "as well as", "despite",  # English
    ):  # fmt: skip
        assert without_tags(f"{said} #wellbeing") == f"{said} wellbeing", said
    # a word that ends a clause as often as it leads on is left out: the tag is a label
    assert without_tags("ich höre zu #listening") == "ich höre zu"
    assert without_tags("el ánimo está bajo #wellbeing") == "el ánimo está bajo"


def test_each_quote_shows_once_under_its_most_shared_theme():
    from liftkit.core.report.model import Quote

    a = Quote("a", None, ("power", "culture"))
    b = Quote("b", None, ("culture",))
    c = Quote("c", None, ())
    d = Quote("d", None, ("step",))  # a marker, not a theme
    themes, rest = themed([a, b, c, d])
    assert [(t.tag, [q.text for q in t.quotes]) for t in themes] == [("culture", ["a", "b"])]
    assert [q.text for q in rest] == ["c", "d"]


LINES = st.lists(
    st.tuples(
        st.sampled_from(["", "# ", "## ", "### ", "```", "<!-- ", " -->", "  "]),
        st.sampled_from(["", "ab", "Opening", "Thanks", "a1 b2", "x: y", "**c**"]),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_any_narrative_text_is_placed_or_warned_about(lines):
    text = "\n".join(start + words for start, words in lines)
    report = build_report(load_session(COMMUNITY), [], ReportOptions())
    merge_narrative(report, parse_narrative(text, "n.md"))
    placed = "".join(report.narrative.values()) + "".join(b for _, b in report.narrative_extra)
    body = re.sub(r"<!--.*?-->", "", text, flags=re.S).splitlines()
    kept = [w for line in body if not line.startswith("#") for w in re.findall(r"\w+", line)]
    assert all(w in placed for w in kept)  # no word of the text is lost
    # a `<!--` never closed is text, and a heading after it a heading
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    about = [w for w in report.warnings if "never closed" not in w]
    assert len(about) <= len(headings)  # else only a comment or code block never closed
