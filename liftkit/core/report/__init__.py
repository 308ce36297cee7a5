"""The event pack as data, built from a session folder and the meeting's chat logs.

`load_session` reads the folder (journal, agenda copy, attendees, groups); `build_report` puts
it together with the chat logs: who joined, the agenda as run, each segment's prompt and quotes,
themes, closing reflections and practical steps, groups, polls and feedback. markdown.py and
json_format.py render the result.
"""

from liftkit.core.live.replay import SegmentTime
from liftkit.core.report.build import build_report
from liftkit.core.report.chat_time import nearest_day
from liftkit.core.report.model import (
    AFTER,
    BEFORE,
    FEEDBACK_TAG,
    Attendance,
    Breakdown,
    ChatSummary,
    Group,
    GroupRound,
    GroupSet,
    PollResult,
    Quote,
    Report,
    ReportOptions,
    SegmentRun,
    Share,
    Theme,
    breakdown,
    is_practical_step,
    tags_in,
)
from liftkit.core.report.shares import largest_remainder
from liftkit.core.report.sources import (
    SessionData,
    Timeline,
    group_rounds,
    load_session,
    segment_times,
)
from liftkit.core.text import clean_text, one_line

__all__ = [
    "AFTER",
    "BEFORE",
    "FEEDBACK_TAG",
    "Attendance",
    "Breakdown",
    "ChatSummary",
    "Group",
    "GroupRound",
    "GroupSet",
    "PollResult",
    "Quote",
    "Report",
    "ReportOptions",
    "SegmentRun",
    "SegmentTime",
    "SessionData",
    "Share",
    "Theme",
    "Timeline",
    "breakdown",
    "build_report",
    "clean_text",
    "group_rounds",
    "is_practical_step",
    "largest_remainder",
    "load_session",
    "nearest_day",
    "one_line",
    "segment_times",
    "tags_in",
]
