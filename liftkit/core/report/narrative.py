"""The host's own words: a Markdown file with one `##` heading per part of the pack, merged
into the pack at the right places on every export.

The parts, in the pack's order: Opening, Who joined, each registration question, each
segment (by its title, or "Segment N"), Host this conversation yourself, Thanks ("Closing"
is the closing reflections segment). A `# Title` line at the top replaces the agenda's title;
text before the first `##` heading belongs to the opening. `<!-- comments -->` are left out,
so the hints of a starter file never reach the pack. A heading that matches no part gets a
warning naming it, and its text still goes into the pack, after the last segment. What in the
text could take over the rest of the pack or run in a browser is made safe (narrative_markup.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from liftkit.core.errors import LiftkitError
from liftkit.core.files import read_input
from liftkit.core.report.model import Report
from liftkit.core.report.narrative_markup import (
    fence_plan,
    is_part_heading,
    prose_marked,
    safe_markdown,
    without_comments,
)
from liftkit.core.text import same_words

OPENING, WHO, DIY, THANKS = "opening", "who", "diy", "thanks"
PART_NAMES = {
    OPENING: ("opening", "we set out to", "introduction to the pack"),
    WHO: ("who joined", "who joined us"),
    DIY: (
        "host this conversation yourself", "host this yourself", "host your own",
        "having this conversation in your own team", "diy",
    ),
    THANKS: (
        "thanks", "thank you", "thank you and evaluation", "thank you and feedback",
        "thank you for joining us", "feedback",
    ),
}  # fmt: skip
CLOSING_NAMES = ("closing",)
HINTS = {
    OPENING: "What you set out to do, who hosted and why, a link to the recording.",
    WHO: "Who the series is for; what the figures below do not say.",
    DIY: "Invite readers to host their own conversation; the agenda's steps follow.",
    THANKS: "Thank everyone for coming; the feedback figures and contact line follow.",
}
NUMBERED = re.compile(r"^(?:(?:section|segment|part)\s+)?(\d+)\s*[.:)\-–]?\s*", re.IGNORECASE)


@dataclass
class Part:
    heading: str
    line: int
    body: str


@dataclass
class Narrative:
    source: str
    title: str = ""
    parts: list[Part] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # a comment or code block never closed


def segment_key(index: int) -> str:
    """The key of a segment's words (JSON's `narrative` too), numbered from 1 as the pack and
    JSON's `segments[].number` number it: the 0-based index 2 is "segment:3"."""
    return f"segment:{index + 1}"


def question_key(index: int) -> str:
    """The key of the words for the registration question at 0-based `index`, from 1."""
    return f"question:{index + 1}"


def read_narrative(path: Path) -> Narrative:
    data = read_input(
        path, "a narrative file", "check the path given to `narrative`", "name a Markdown file"
    )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LiftkitError(
            f"{path}:{line}: byte 0x{data[exc.start]:02x} is not UTF-8 text",
            "save the narrative as UTF-8 (in your editor: Save with encoding, UTF-8)",
        ) from None
    _refuse_other_files(text, path)
    return parse_narrative(text, str(path))


# Where a file that is no narrative goes instead, by what it looks like.
_GOES = {
    "an attendee": "an attendee list goes with `attendees`",
    "a meeting's": "a chat log goes with `chat`",
    "a groups file": "a groups file goes with `groups_file`",
}


def _refuse_other_files(text: str, path: Path) -> None:
    """An attendee list, a chat log, a journal, a groups file or an agenda given as the
    narrative: refused, since the pack would publish it as the host's words (a QA export of
    `narrative` people.csv put every name and address in the pack's opening)."""
    from liftkit.core.mistaken import looks_like

    kind = looks_like(text, path.name)
    if kind:
        goes = next((f"; {goes}" for start, goes in _GOES.items() if kind.startswith(start)), "")
        raise LiftkitError(
            f"{path}: looks like {kind}, not a narrative{goes}",
            "`narrative` takes your own words in Markdown or plain text; `new_narrative` "
            "FILE writes one to start from",
        )


def parse_narrative(text: str, source: str = "<narrative>") -> Narrative:
    narrative = Narrative(source)
    lines = text.replace("\r\n", "\n").split("\n")
    prose, unclosed = fence_plan(lines)
    # Comments become blank lines of the same count, so that line numbers stay true.
    lines, open_comments = without_comments(lines, prose)
    narrative.warnings += [
        f"{source}:{line}: a comment `<!--` is never closed (no `-->` before the next "
        "`<!--` or the end of the file), so the pack shows it as text, with the words "
        "after it; end it with `-->`, or delete the `<!--`"
        for line in open_comments
    ]
    current = Part("", 0, "")  # before the first heading: the opening
    bodies: list[tuple[Part, list[str]]] = [(current, [])]
    for index, line in enumerate(lines):
        if index in unclosed:
            bodies[-1][1].append(_closed(narrative, unclosed[index], index, len(lines)))
        if prose[index] and is_part_heading(line):
            current = Part(line[2:].strip().rstrip("#").strip(), index + 1, "")
            bodies.append((current, []))
            continue
        if prose[index] and line.startswith("# ") and _title_may_come(narrative, bodies):
            narrative.title = line[2:].strip().rstrip("#").strip()
            continue
        bodies[-1][1].append(line)
    if len(lines) in unclosed:
        bodies[-1][1].append(_closed(narrative, unclosed[len(lines)], len(lines), len(lines)))
    for part, body in bodies:
        part.body = safe_markdown("\n".join(body).strip("\n").rstrip())
        if part.heading or part.body.strip():
            narrative.parts.append(part)
    return narrative


def _closed(narrative: Narrative, opened: tuple[int, str], end: int, last: int) -> str:
    """The fence that closes a code block never closed, at the end of its part; warned."""
    where = "the end of the file" if end == last else f"the heading at line {end + 1}"
    narrative.warnings.append(
        f"{narrative.source}:{opened[0] + 1}: a code block opened with {opened[1]} is never "
        f"closed, so the pack closes it at the end of its part (before {where}); close it "
        f"with a {opened[1]} line"
    )
    return opened[1]


ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")


def has_headings(body: str | None) -> bool:
    """Whether the host's words for a part hold headings of their own (`### Relationships`,
    as the starter asks of the breakouts' key themes), fenced code aside."""
    lines = prose_marked((body or "").split("\n"))
    return any(prose and ATX_HEADING.match(line) for line, prose in lines)


def _title_may_come(narrative: Narrative, bodies: list[tuple[Part, list[str]]]) -> bool:
    """A `# Title` line is the title only at the top: before any text or `##` heading."""
    return not narrative.title and len(bodies) == 1 and not "".join(bodies[0][1]).strip()


def part_headings(report: Report) -> list[tuple[str, str]]:
    """Every part of the pack as (key, heading), in the pack's order."""
    parts = [(OPENING, "Opening"), (WHO, "Who joined")]
    parts += [(question_key(i), q.question) for i, q in enumerate(report.questions)]
    parts += [(segment_key(s.index), f"{s.index + 1}. {s.title}") for s in report.segments]
    return [*parts, (DIY, "Host this conversation yourself"), (THANKS, "Thanks")]


def merge_narrative(report: Report, narrative: Narrative) -> None:
    """Put the narrative's parts into the report; warn about headings that match nothing."""
    report.headline = narrative.title
    report.warnings += narrative.warnings
    first_line: dict[str, int] = {}
    for part in narrative.parts:
        key = OPENING if not part.heading else _match(report, part.heading)
        if key is not None and part.heading and first_line.setdefault(key, part.line) != part.line:
            # two headings of one part: both texts go in, one after the other, but a host
            # who pasted a part twice (or meant another part) would not know
            report.warnings.append(
                f'{narrative.source}:{part.line}: a second heading for "{part.heading}" (the '
                f"first at line {first_line[key]}): its text follows the first's in the pack"
            )
        if key is None:
            known = ", ".join(h for _, h in part_headings(report))
            report.warnings.append(
                f'{narrative.source}:{part.line}: the heading "{part.heading}" matches no part '
                f"of the pack, so its text goes after the last segment; the parts: {known}"
            )
            if part.body.strip():
                report.narrative_extra.append((part.heading, part.body))
            continue
        if part.body.strip():
            had = report.narrative.get(key)
            report.narrative[key] = f"{had}\n\n{part.body}" if had else part.body


def _match(report: Report, heading: str) -> str | None:
    wanted = _key(heading)
    numbered = NUMBERED.match(heading.strip())
    for segment in report.segments:
        if _key(segment.title) == wanted or (
            numbered and numbered.end() == len(heading.strip())
            and int(numbered.group(1)) == segment.index + 1
        ):  # fmt: skip
            return segment_key(segment.index)
    for i, answers in enumerate(report.questions):
        if _key(answers.question) == wanted:
            return question_key(i)
    for key, names in PART_NAMES.items():
        if wanted in names:
            return key
    if wanted in CLOSING_NAMES and report.segments:
        closing = [s for s in report.segments if s.kind == "reflection"] or report.segments
        return segment_key(closing[-1].index)
    return None


def _key(heading: str) -> str:
    text = heading.strip().strip("*_ ")
    text = NUMBERED.sub("", text, count=1) if NUMBERED.match(text) else text
    return same_words(text).rstrip(" ?:!.…")


def starter_narrative(report: Report) -> str:
    """A narrative file to fill in: every part's heading, with a short hint in a comment."""
    out = [
        f"# {report.headline or report.title or 'Event pack'}",
        "",
        "<!-- Your words for the event pack of the session "
        f"{report.session}. Write under each heading in Markdown; on every export, "
        "`liftkit export SESSION --narrative THIS-FILE` puts each part in its place in the "
        "pack. Comments like this one are left out. Leave a part empty or delete it when "
        "you have nothing to add; the title above replaces the agenda's (a question works "
        "well). -->",
        "",
    ]
    for key, heading in part_headings(report):
        out += [f"## {heading}", "", f"<!-- {_hint(report, key)} -->", ""]
    return "\n".join(out)


def _hint(report: Report, key: str) -> str:
    if key in HINTS:
        return HINTS[key]
    if key.startswith("question:"):
        return "What the registration answers below tell you (they are quoted after this)."
    segment = report.segments[int(key.split(":")[1]) - 1]
    if segment.kind == "breakout":
        return (
            "What the groups discussed, in your words: the key themes as ### headings with "
            "bullet points. Participants' quotes follow, under their themes."
        )
    return "What happened, in your words. Participants' quotes follow, under their themes."
