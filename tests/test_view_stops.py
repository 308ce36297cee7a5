"""`liftkit view` (plain) as the host's liftkit stops and comes back: what the audience is
told of the clock. In-process, with a fake clock, as test_view.py."""

import pytest
from test_view import plain_view, session, time  # noqa: F401

from liftkit.core.live.session import Clock, resume_session


@pytest.mark.parametrize("reason", ["sigterm", "sighup"])
def test_the_plain_view_says_the_clock_stays_paused_when_the_host_stops_while_paused(
    session,  # noqa: F811
    time,  # noqa: F811
    reason,
):
    """A closed terminal (SIGHUP) or a SIGTERM while paused: the view said 'the host's
    liftkit stopped; the clock runs on, as the call does', though resume says 'Resumed,
    still paused' and the clock did stay paused."""
    session.start()
    plain, out = plain_view(session, time)
    session.pause()
    session.stop(reason)
    time.advance(30)
    assert plain.step() is None
    lines = [line.split("  ", 1)[1] for line in out.getvalue().splitlines()]
    assert lines[-1] == "the host's liftkit stopped; the clock stays paused until they resume"
    resumed = resume_session(
        session.folder,
        lambda rate, offset: Clock(rate, offset, mono=lambda: time.mono, wall=lambda: time.wall),
        wall_now=lambda: time.wall,
    )
    assert resumed.notice.startswith("Resumed, still paused")
    resumed.session.close()
