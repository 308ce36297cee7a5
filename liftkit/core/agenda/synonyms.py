"""Words hosts write for the agenda's keys and kinds ("minutes" for duration, "presentation"
for talk): what "did you mean" suggests where no spelling is close, in place of a look-alike
that means something else ("minutes" is not "notes")."""

from __future__ import annotations


def _words(table: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """{word: meant} from {meant: "word, word, ..."}; a word meant twice keeps both, in order."""
    out: dict[str, tuple[str, ...]] = {}
    for meant, words in table.items():
        for word in words.split(","):
            word = word.strip()
            out[word] = (*out.get(word, ()), meant)
    return out


# Keys, lower case with "_" for "-" and spaces: where a word means another key at the top and
# in a segment ("duration" at the top is the total), the first that the table has is meant.
_KEYS = _words(
    {
        "duration": (
            "minutes, mins, min, time, length, len, dur, timing, timebox, time_box, runtime, "
            "run_time, how_long, duration_minutes, duration_mins, duration_min, "
            "duration_in_minutes, minutes_duration, length_minutes, time_minutes, seconds, secs, "
            "duration_seconds, duration_secs, hours, duration_hours"
        ),
        "total": (
            "duration, minutes, mins, time, length, runtime, total_time, total_duration, "
            "total_minutes, total_length, duration_minutes, hours"
        ),
        "title": "name, heading, segment, segment_name",
        "question": "title, name, text, prompt, q",
        "host": "facilitator, facilitators, host_name, organiser, organizer, moderator",
        "contact": "email, contact_email, e_mail",
        "purpose": "goal, goals, aim, aims, objective, objectives, intent",
        "description": "about, subtitle, desc, summary",
        "kind": "type, segment_type, format, activity, poll_type",
        "prompt": "instructions, instruction, text, say, script, prompts",
        "notes": "host_notes, facilitator_notes, private_notes, note",
        "warn": "warning, warnings, warn_at, reminder, reminders, alert, alerts",
        "auto_advance": "auto, autoadvance, auto_next, advance, autoplay",
        "group_size": (
            "size, groupsize, room_size, people_per_room, people_per_group, per_room, per_group"
        ),
        "groups": ("rooms, room_count, number_of_groups, num_groups, group_count, number_of_rooms"),
        "silence": "quiet, silent, silence_seconds",
        "summary": "description, desc",
        "options": "choices, answers, responses, values, option",
    }
)

# Kinds, lower case with spaces for "-" and "_".
_KINDS = _words(
    {
        "welcome": (
            "intro, intros, introduction, introductions, arrival, arrivals, check in, checkin, "
            "icebreaker, ice breaker, greeting, greetings"
        ),
        "talk": (
            "presentation, presentations, present, presenter, speaker, speakers, guest speaker, "
            "speech, lecture, input, keynote, perspective, opening perspective, demo, "
            "demonstration, briefing, pitch, teaching, storytelling, panel"
        ),
        "breakout": (
            "breakouts, breakout room, breakout rooms, breakout discussion, breakout discussions, "
            "breakout session, room, rooms, small group, small groups, small group discussion, "
            "small group discussions, groups, group work, groupwork, pairs, trios, triads"
        ),
        "discussion": (
            "plenary, whole group, whole group discussion, full group, all together, "
            "open discussion, open floor, conversation, q and a, q&a, qa, questions, debrief, "
            "harvest, share back, report back, sharing, dialogue, dialog, fishbowl"
        ),
        "silence": (
            "quiet, quiet time, silent, silent reflection, solo, alone, individual, "
            "individual reflection, journaling, journalling, writing, thinking time, think time, "
            "meditation, mindfulness, stillness"
        ),
        "reflection": (
            "closing, close, closing reflection, closing reflections, closing circle, "
            "closing round, check out, checkout, wrap up, wrapup, takeaways, retro, retrospective, "
            "evaluation, feedback, next steps, commitments"
        ),
        "break": (
            "pause, coffee, coffee break, tea break, lunch, lunch break, comfort break, bio break, "
            "rest, recess, intermission, stretch, breather"
        ),
        "other": "misc, miscellaneous, admin, housekeeping, logistics",
    }
)


def meant_key(key: str) -> tuple[str, ...]:
    """The keys `key` may stand for, most likely first."""
    return _KEYS.get("_".join(key.lower().replace("-", " ").split()), ())


def meant_kind(kind: str) -> tuple[str, ...]:
    """The kinds `kind` may stand for."""
    return _KINDS.get(" ".join(kind.lower().replace("-", " ").replace("_", " ").split()), ())
