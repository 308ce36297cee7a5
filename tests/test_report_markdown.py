"""Markdown rendering: participants' text shows verbatim and never changes the structure."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from liftkit.core.agenda.model import parse_agenda
from liftkit.core.live.journal import read_records
from liftkit.core.people.apart import for_pack
from liftkit.core.report import ReportOptions, SessionData, build_report, clean_text
from liftkit.core.report.markdown import render_markdown
from liftkit.core.report.model import says_nothing, without_tags
from liftkit.core.report.pack import is_host
from liftkit.core.text import escape_inline, escape_line

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
START = datetime(2026, 3, 9, 14, 0, tzinfo=UTC)
AGENDA = parse_agenda(
    """
title = "Tiny"
[[segments]]
title = "Talk"
duration = "10m"
prompt = "Say something."
"""
)


def typed(records):
    """Journal lines written by hand, read as the journal reader reads them."""
    return read_records((f"line {n}", r) for n, r in enumerate(records, start=1)).events


def session_with(text: str, author: str | None = None) -> SessionData:
    def wall(seconds: int) -> str:
        return (START + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")

    events = [
        {"seq": 1, "type": "session_start", "wall": wall(0), "agenda": "agenda.toml"},
        {"seq": 2, "type": "segment_start", "wall": wall(0), "segment": 0},
        {"seq": 3, "type": "reflection", "wall": wall(60), "segment": 0, "text": text,
         "author": author, "tags": [], "source": "live"},
        {"seq": 4, "type": "segment_end", "wall": wall(600), "segment": 0, "reason": "end"},
        {"seq": 5, "type": "session_end", "wall": wall(600)},
    ]  # fmt: skip
    return SessionData(Path("2026-03-09-140000-tiny"), AGENDA, typed(events))


def render(text: str, author: str | None = None) -> str:
    options = ReportOptions(named=True)
    return render_markdown(build_report(session_with(text, author), [], options))


def blocks(markdown: str) -> list[str]:
    return [t.type for t in MD.parse(markdown) if t.type != "inline"]


def quote_inline(markdown: str):
    """The inline token of the first list item: the quote (the sources list comes last)."""
    tokens = MD.parse(markdown)
    first = next(i for i, t in enumerate(tokens) if t.type == "list_item_open")
    return next(t for t in tokens[first:] if t.type == "inline")


def code_or_html(markdown: str) -> list[str]:
    found = []
    for token in MD.parse(markdown):
        for t in [token, *(token.children or [])]:
            if t.type in ("html_block", "html_inline", "code_block", "code_inline", "fence"):
                found.append(t.type)
    return found


def shown_text(inline) -> str:
    out = []
    for child in inline.children:
        assert child.type in ("text", "softbreak", "hardbreak"), child.type
        out.append(child.content if child.type == "text" else "\n")
    return "".join(out)


STRUCTURE = blocks(render("plain words"))

tricky = st.text(
    st.sampled_from(list("#>|`*_-+=:.)1234567890[]()<>!&;~$\\ \t\n\"'“”aAé😀\u00a0\u2028"))
    | st.characters(),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(tricky)
def test_any_reflection_comes_out_verbatim_and_adds_no_structure(text):
    assume(clean_text(text) and not says_nothing(clean_text(text)))  # no words: no quote
    markdown = render(text)
    assert blocks(markdown) == STRUCTURE
    shown = shown_text(quote_inline(markdown))
    assert shown == f"“{without_tags(clean_text(text), ())}”"  # tags at the end are left out
    assert code_or_html(markdown) == []


@settings(max_examples=200, deadline=None)
@given(tricky, tricky)
def test_any_author_name_adds_no_structure(text, author):
    assume(clean_text(text) and not says_nothing(clean_text(text)) and clean_text(author))
    assume(not is_host(clean_text(author), set()))  # "Me", "(Host)": the host, never quoted
    markdown = render(text, author)
    assert blocks(markdown) == STRUCTURE
    shown = shown_text(quote_inline(markdown))
    said = without_tags(clean_text(text), ())
    credited = for_pack(" ".join(clean_text(author).split()))  # no address nor number
    assert shown == f"“{said}” — {credited}"


def test_the_issue_s_examples_show_literally():
    text = "# heading?\n> quote?\n| a | b |\n|---|---|\n`code` <script>alert(1)</script>\n1. list?"
    markdown = render(text, "Ada")
    assert blocks(markdown) == STRUCTURE
    assert shown_text(quote_inline(markdown)) == f"“{text}” — Ada"
    assert code_or_html(markdown) == []


def test_reflection_text_keeps_its_line_breaks_as_hard_breaks():
    markdown = render("first line\nsecond line")
    kinds = [c.type for c in quote_inline(markdown).children]
    assert "hardbreak" in kinds and "softbreak" not in kinds
    assert "- “first line\\\n  second line”" in markdown


def test_plain_words_stay_readable_as_plain_text():
    assert escape_inline("snake_case, don't panic (really): 50% of e.g. staff") == (
        "snake_case, don't panic (really): 50% of e.g. staff"
    )
    assert escape_inline("costs $5") == "costs $5"
    assert escape_inline("$5 or $6") == "\\$5 or \\$6"
    assert escape_line("- not a list") == "\\- not a list"
    assert escape_line("12. not a list") == "12\\. not a list"
    assert escape_line("2026 was a year") == "2026 was a year"


def test_host_text_in_titles_prompts_questions_polls_and_tables_stays_literal():
    agenda = parse_agenda(
        """
title = "# Title | with <b>bold</b>"
host = "<script>x</script> | Host"
[[segments]]
title = "Talk | Q&amp;A ##"
duration = "10m"
prompt = "# not a heading\\n- not a list\\n===\\n| a | b |\\n|---|---|"
questions = ["1. numbered?", "> quoted?", "```fence```"]
[[segments.polls]]
question = "Which | one?"
options = ["```", "a|b", "<i>"]
"""
    )
    events = [
        {"type": "session_start", "wall": START.isoformat()},
        {"type": "segment_start", "wall": START.isoformat(), "segment": 0},
        {"type": "poll", "wall": START.isoformat(), "segment": 0, "poll": 0,
         "question": "Which | one?", "counts": {"```": 2, "a|b": 1, "<i>": 1}},
        {"type": "session_end", "wall": (START + timedelta(minutes=10)).isoformat()},
    ]  # fmt: skip
    markdown = render_markdown(
        build_report(SessionData(Path("s"), agenda, typed(events)), [], ReportOptions())
    )
    tokens = MD.parse(markdown)
    headings = [shown_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "# Title | with <b>bold</b>",  # no attendees nor chat: no Who joined
        "1. Talk | Q&amp;A ##",
        "Host this conversation yourself",
        "The agenda as run",
    ]
    assert code_or_html(markdown) == ["fence"]  # the poll's bar chart, and nothing else
    (fence,) = [t for t in tokens if t.type == "fence"]
    assert fence.markup == "````" and fence.content.startswith("```  ")
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 2  # the agenda as run and the poll
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = [t for t in tokens if t.type in ("th_open", "td_open")]
    assert len(rows) == 2 + 5 and len(cells) == 2 * 7 + 5 * 3
    prompt = next(t for t in tokens if t.type == "inline" and "not a heading" in t.content)
    assert shown_text(prompt) == "# not a heading\n- not a list\n===\n| a | b |\n|---|---|"
    items = [t for t in tokens if t.type == "list_item_open"]
    # The questions, the segment in "host this yourself", and the session in the sources.
    assert len(items) == 3 + 1 + 1
