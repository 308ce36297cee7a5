"""The library as a script meets it beyond its results: its types check in the caller's
editor and mypy, help(liftkit) documents it, and its errors travel between processes."""

import copy
import multiprocessing
import pickle
import pydoc
import subprocess
import textwrap
from concurrent.futures import ProcessPoolExecutor

import pytest
from test_hygiene import tool

import liftkit

CALLER = textwrap.dedent(
    """\
    import liftkit

    split: liftkit.Split = liftkit.split_groups(["Ada", "Bo", "Cy"], size=2, seed=7)
    emails: list[str | None] = [m.email for g in split.rounds[0].groups for m in g.members]
    text: str = liftkit.render_groups(split, "zoom", round=1)
    wrong: int = liftkit.split_groups(["Ada", "Bo"], size="4")
    assert split.seed is not None  # docs/api.md: int | None, as a file read back may hold none
    seed: int = split.seed
    room = liftkit.Group("Room 1", ("Ada", "Bo"))  # docs/api.md: members by name
    built = liftkit.Split((liftkit.Round(1, (room,)),), split.score)
    names: list[str] = [member.name for member in room.members]
    shown: str = liftkit.render_groups(built, "md")
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


def test_an_agenda_error_reaches_the_script_from_a_process_pool(tmp_path):
    # A pool of workers sends each error back pickled: an AgendaError that could not be
    # rebuilt broke the whole pool (BrokenProcessPool) instead of naming the bad agenda.
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\n\n[[segments]]\ntitle = "A"\nduration = "soon"\n')
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        future = pool.submit(liftkit.load_agenda, str(bad))
        with pytest.raises(liftkit.AgendaError) as caught:
            future.result(timeout=60)
    error = caught.value
    assert str(error).startswith(f"{bad}:5:")
    assert error.source == str(bad)
    assert [(p.line, p.message) for p in error.problems] == [(5, error.problems[0].message)]
    assert "soon" in error.problems[0].message
    with pytest.raises(liftkit.LiftkitError) as plain:
        liftkit.split_groups(["Ada", "Bo"], size=1)
    again = pickle.loads(pickle.dumps(plain.value))
    assert (str(again), again.hint, again.fields) == (
        "`size` 1: a group needs at least 2 people",
        "use `size` 2 or more",
        ("size",),
    )
    assert copy.copy(error).problems == error.problems


def test_help_liftkit_shows_every_public_function_and_class():
    # The names load on first use; help() and dir() listed only __getattr__ and __all__.
    text = pydoc.render_doc(liftkit, renderer=pydoc.plaintext)
    public = [name for name in liftkit.__all__ if name not in ("__version__", "GROUP_FORMATS")]
    for name in public:
        value = getattr(liftkit, name)
        if isinstance(value, type):
            assert f"class {name}(" in text, name
        else:
            assert f"\n    {name}(" in text, name
            assert value.__doc__.splitlines()[0] in text, name
    assert "liftkit.split_groups(" in text.split("CLASSES")[0]  # the example comes first
    assert set(public) <= set(dir(liftkit))


def test_every_public_class_says_what_it_is():
    # A dataclass without a docstring shows only its generated signature in help().
    for name in liftkit.__all__:
        value = getattr(liftkit, name)
        if isinstance(value, type):
            doc = value.__doc__ or ""
            assert doc and not doc.startswith(f"{name}("), name


def test_a_group_built_with_names_holds_people_of_those_names():
    # Group("Room 1", ("Ada", "Bo")), as docs/api.md shows it, failed mypy --strict
    # (test_a_script_is_type_checked_against_liftkit) and held the names as given
    room = liftkit.Group("Room 1", ("Ada", " Bo "), facilitators=["Ada"])
    assert room.members == (liftkit.Person("Ada"), liftkit.Person("Bo"))
    assert room.facilitators == (liftkit.Person("Ada"),)
    assert all(member.email is None for member in room.members)
