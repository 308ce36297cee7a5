"""Zoom chats saved by a client set to another language, read as the English ones.

Zoom writes the words of its headers in the language of the app: `From`, `to` and `Everyone`
become `De … a Todos` (Spanish), `De … à Tout le monde` (French), `Von … an Alle` (German),
`От … кому Все` (Russian), `開始 … に 全員` or `開始 … 終了 皆様` (Japanese),
`발신자 … 수신자 모두에게` (Korean) and `… 对 所有人` or `… 對 所有人` (Chinese, with no word for
"from"); the layouts are the English ones, and so is the chat copied from a newer panel
(`Ada  à  Tout le monde 16:37`, Italian `Ada  a  Tutti 14:39`) and the header with the time
after the name (`De Ada à tout le monde:  04:28 PM`). Each form below was read
from a chat published in a public repository (none is kept: their licences are not known).
A line in one of these forms is rewritten as the English header it stands for, and the usual
readers take it from there; a recipient other than the word for everyone is a direct
message, as in English, marked or not (Japanese `（ダイレクトメッセージ）`, Spanish
`(En privado)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from liftkit.core.chat.zoom import split_names

# The newest saved chat puts the date first (`2026-03-16 17:01:00 De Ana à Tout le monde:`):
# kept, as zoom.py reads it in the English header.
_TIME = r"(?P<date>(?:\d{4}-\d\d-\d\d[ \t]+)?)(?P<time>\d{1,2}:[0-5]\d:[0-5]\d)(?P<sep>[ \t]+)"
# The header's colon: the first one followed by a space or the end of the line, then in the
# single-line layout the message.
_COLON = r"(?P<colon>[ \t]*:(?:[ \t].*)?)$"


@dataclass(frozen=True)
class Form:
    language: str
    header: re.Pattern[str]
    to: re.Pattern[str]  # the word for "to", between the sender and the recipient
    wide: re.Pattern[str]  # the same with two spaces around it, as the single-line layout writes
    everyone: frozenset[str]  # the words for everyone, in lower case
    # The oldest single-line layout names no recipient after a tab (`17:46:06<TAB> De  Ana :
    # Hola`), as English does (`<TAB> From  Ada : Hello`): there, a header without the word
    # for "to" is to everyone. Only where a word for "from" starts the header.
    oldest: bool = False
    prefix: str = "From  "  # before the sender in the English header ("": a copied chat's)


def _form(
    language: str, start: str, to: tuple[str, ...], everyone: tuple[str, ...], oldest: bool = True
) -> Form:
    words = "|".join(map(re.escape, to))
    return Form(
        language,
        re.compile(start + r"(?P<names>\S.*?)" + _COLON),
        re.compile(r"[ \t]{1,2}(?:" + words + r")[ \t]{1,2}"),
        re.compile(r"[ \t]{2}(?:" + words + r")[ \t]{2}"),
        frozenset(everyone),
        oldest,
    )


def _time_after(language: str, start: str, to: tuple[str, ...], everyone: tuple[str, ...]) -> Form:
    """The header with the time after the name: `Von Ada an alle:  09:00 PM`, the message on
    the lines below (English: `From Ada to Everyone:  09:00 PM`)."""
    return _form(
        language,
        r"(?P<time>)(?P<sep>[ \t]*)" + start + r"[ \t]+(?=.*:[ \t]+\(?\d{1,2}:\d\d)",
        to,
        everyone,
        oldest=False,
    )


def _copied(language: str, to: str, everyone: str) -> Form:
    """The chat copied from a newer client's panel: `Ada  à  Tout le monde 16:37`, the message
    on the lines below (English: `Ada  to  Everyone 16:37`)."""
    word = re.escape(to)
    wide = re.compile(r"[ \t]{2}" + word + r"[ \t]{2}")
    return Form(
        language,
        re.compile(
            r"(?P<time>)(?P<sep>[ \t]*)(?P<names>[^ \t(].*?[ \t]{2}" + word + r"[ \t]{2}.+?)"
            r"(?P<colon>[ \t]+\d{1,2}:[0-5]\d(?:[ \t]*[AaPp][Mm])?[ \t]*)$"
        ),
        wide,
        wide,
        frozenset((everyone,)),
        prefix="",
    )


FORMS = (
    _form("Spanish", _TIME + r"De[ \t]{1,2}", ("a",), ("todos",)),
    _form("French", _TIME + r"De[ \t]{1,2}", ("à",), ("tout le monde",)),
    _copied("French", "à", "tout le monde"),
    _copied("Italian", "a", "tutti"),
    _form("German", _TIME + r"Von[ \t]{1,2}", ("an",), ("alle",)),
    # With the time after the name (older desktop clients), as in English `From Ada to
    # Everyone:  09:00 PM`: German `Von Ada an alle:  09:00 PM`, French `De Ada à tout le
    # monde:  04:28 PM`, Spanish `de Ada a todos:    8:58 AM` or `De Ada para todos:  11:53 AM`,
    # Italian `da Ada a tutti:    8:42 PM`.
    _time_after("German", "Von", ("an",), ("alle",)),
    _time_after("French", "De", ("à",), ("tout le monde",)),
    _time_after("Spanish", "[Dd]e", ("a", "para"), ("todos",)),
    _time_after("Italian", "[Dd]a", ("a",), ("tutti",)),
    _form("Russian", _TIME + r"От[ \t]{1,2}", ("кому",), ("все",)),
    _form("Japanese", _TIME + r"開始[ \t]{1,2}", ("に", "終了"), ("全員", "皆様")),
    _form("Chinese", _TIME, ("对", "對"), ("所有人",), oldest=False),
    _form("Korean", _TIME + r"발신자[ \t]{1,2}", ("수신자",), ("모두에게",)),
)
# The marks of a direct message after the recipient, as (Direct Message) or (Privately) in
# English: Japanese, and the oldest Spanish layout.
_DIRECT = ("（ダイレクトメッセージ）", "(En privado)")


def english_header(line: str, form: Form) -> str | None:
    """The English header a line in `form` stands for, or None when it is none."""
    match = form.header.match(line)
    if match is None:
        return None
    names = match.group("names")
    time, sep, colon = match.group("time", "sep", "colon")
    split = split_names(names, form.wide, form.to)
    if split is not None:
        who, to = split
    elif form.oldest and "\t" in sep:
        who, to = names.strip(), "Everyone"
    else:
        return None
    if not who or not to:
        return None
    mark = next((mark for mark in _DIRECT if to.endswith(mark)), "")
    if mark:
        to = to[: -len(mark)].strip()
    if to.lower() in form.everyone:
        to = "Everyone"
    direct = "(Direct Message)" if mark else ""
    date = match.groupdict().get("date") or ""
    return f"{date}{time}{sep}{form.prefix}{who}  to  {to}{direct}{colon}"


def find_form(sample: Iterable[str]) -> Form | None:
    """The form most of the sample's headers are in, if any is."""
    counts = dict.fromkeys(FORMS, 0)
    for line in sample:
        for form in FORMS:
            if english_header(line, form) is not None:
                counts[form] += 1
                break
    best = max(FORMS, key=counts.__getitem__)
    return best if counts[best] else None


def in_english(lines: Iterable[str], form: Form) -> Iterator[str]:
    """The lines, with each header in `form` written as the English one."""
    for line in lines:
        yield english_header(line, form) or line
