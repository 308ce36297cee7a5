"""The library as a script meets it beyond its results: its types check in the caller's
editor and mypy, help(liftkit) documents it, and its errors travel between processes."""

import subprocess
import textwrap

from test_hygiene import tool

CALLER = textwrap.dedent(
    """\
    import liftkit

    split: liftkit.Split = liftkit.split_groups(["Ada", "Bo", "Cy"], size=2, seed=7)
    emails: list[str | None] = [m.email for g in split.rounds[0].groups for m in g.members]
    text: str = liftkit.render_groups(split, "zoom", round=1)
    wrong: int = liftkit.split_groups(["Ada", "Bo"], size="4")
    """
)


def test_a_script_is_type_checked_against_liftkit(tmp_path):
    # Outside the repository, liftkit is the installed package: mypy reads its types only
    # when it says it has them (py.typed), else every call is unchecked.
    (tmp_path / "script.py").write_text(CALLER, encoding="utf-8")
    result = subprocess.run(
        [*tool("mypy"), "--strict", "--no-incremental", "script.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert all(line.startswith("script.py:6: ") for line in errors), result.stdout
    assert any('"size"' in line and '"str"' in line for line in errors), result.stdout
    assert any('"Split"' in line and '"int"' in line for line in errors), result.stdout
