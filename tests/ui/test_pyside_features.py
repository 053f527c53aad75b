"""PySide6's per-import question (does this module use PySide6?) answered without ``inspect.getsource`` (issue 24)."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui.pyside_features import use_cheap_feature_check, uses_pyside

REPO = Path(__file__).resolve().parents[2]

# ``python -m app --exit-after-show``, counting PySide6's source reads through ``inspect.getsource`` meanwhile.
_DRIVER = """
import inspect, json, sys
import PySide6.QtCore

calls = []
getsource = inspect.getsource

def counting(module):
    calls.append(getattr(module, "__name__", "?"))
    return getsource(module)

inspect.getsource = counting
from app.__main__ import main
code = main(["--data-dir", sys.argv[1], "--exit-after-show"])
print(json.dumps(dict(code=code, calls=calls)))
"""


def _pyside_answer(module) -> bool:
    """PySide6's own test, as its ``shibokensupport/feature.py`` words it."""
    try:
        return "PySide6" in inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False


@pytest.mark.parametrize("name", [
    "ui.main_window", "ui.widgets.bar_chart", "app.paths", "app.queries.start", "json", "collections.abc",
    "sqlite3", "_sqlite3", "sys", "PySide6.QtWidgets", "db", "ui.pyside_features",
])
def test_the_cheap_answer_is_pysides_answer(name):
    """For project, standard-library, extension and built-in modules the answer is the one PySide6 gives itself."""
    module = importlib.import_module(name)
    assert uses_pyside(module) is _pyside_answer(module)


def test_a_module_without_a_spec_is_not_counted_as_using_pyside():
    """A module made in memory (no loader, no source) is answered False, as PySide6 does, without raising."""
    module = type(sys)("made_here")
    module.__spec__ = None
    assert uses_pyside(module) is False


def test_the_window_starts_without_reading_sources_through_inspect(demo_template, tmp_path):
    """A whole start to the first page's data, in a fresh interpreter, reads no module of the window or the data
    through ``inspect.getsource`` (only the few imported before the window is asked for)."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copyfile(demo_template.database, root / demo_template.database.name)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", _DRIVER, str(root)], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    installer = ("ui", "ui.pyside_features")  # imported with the hook still PySide6's own
    window_and_data = [name for name in seen["calls"] if name not in installer and
                       (name.split(".")[0] in ("ui", "db") or name.startswith(("app.startup", "app.queries")))]
    assert seen["code"] == 0 and window_and_data == []


def test_installing_is_said(monkeypatch):
    """Where PySide6 asks its question the cheap answer is put in its place; True says it was."""
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # undone after the test
    assert use_cheap_feature_check() is True
    assert feature._mod_uses_pyside is uses_pyside
