"""The window shows the first page's data before SQLAlchemy or Alembic is imported (issue 24), in a fresh interpreter."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# ``python -m app --data-dir DIR --exit-after-show``, noting what is imported the moment the page in view shows its data.
_DRIVER = """
import json, sys
from ui import application

seen = {}
after_first_page = application._after_first_page

def noting(window, *args):
    page = window.stack.currentWidget()
    board = getattr(page, "board", None)
    seen.update(page=type(page).__name__, has_plans=board.has_plans if board else None,
                summary=page.summary.text() if board else "", title=window.windowTitle(),
                heavy=sorted(name for name in sys.modules if name.split(".")[0] in ("sqlalchemy", "alembic")),
                deferred=sorted(name for name in sys.modules if name in DEFERRED or name.startswith("app.cli.")))
    after_first_page(window, *args)

DEFERRED = ("logging.handlers", "hashlib", "filecmp", "_strptime", "ui.widgets.autosave")
application._after_first_page = noting
from app.__main__ import main
code = main(["--data-dir", sys.argv[1], "--exit-after-show"])
print(json.dumps(dict(seen, code=code, after=sorted(n for n in sys.modules if n in ("sqlalchemy", "alembic")))))
"""


# The same start, noting the project's modules (and ``logging.handlers``) loaded when the window is shown and painted.
_PAINT_DRIVER = """
import json, sys
from ui import main_window

shown = []
show = main_window.MainWindow.show

def noting(window):
    shown.append(sorted(n for n in sys.modules if n.split(".")[0] in ("app", "ui", "db") or n == "logging.handlers"))
    return show(window)

main_window.MainWindow.show = noting
from app.__main__ import main
code = main(["--data-dir", sys.argv[1], "--exit-after-show"])
print(json.dumps(dict(code=code, shown=shown[0])))
"""

# Before the first paint only Qt and the window: the command line, the folder's lock and logs, the window's shell.
BEFORE_PAINT = [
    "app", "app.__main__", "app.cli", "app.cli.vietnamese", "app.errors", "app.folder_lock", "app.logs", "app.paths",
    # ui.pyside_workarounds: PySide6 6.12 on Python 3.11 loses references to None/True from the first call (≈ 5 ms)
    "ui", "ui.application", "ui.journal_undo", "ui.main_window", "ui.pyside_features", "ui.pyside_workarounds",
    "ui.qt_vietnamese",
    "ui.window_dialogs", "ui.window_menus", "ui.window_state",
]


def _start(root: Path, driver: str = _DRIVER) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", driver, str(root)], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _copy(template, tmp_path: Path) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    shutil.copyfile(template.database, root / template.database.name)
    return root


def test_the_demo_shows_its_dashboard_before_the_orm_is_imported(demo_template, tmp_path):
    """On the demo commune the dashboard holds its year's figures while neither sqlalchemy nor alembic is loaded."""
    seen = _start(_copy(demo_template, tmp_path))
    assert seen["code"] == 0 and seen["page"] == "DashboardPage" and seen["has_plans"] is True
    assert seen["summary"].startswith("Năm 2026 có ") and seen["title"] == "Xã Hòa Bình Xuân — CCHC Xã"
    assert seen["heavy"] == []
    # nor what only a sub-command, an error, a wrong clock, a restore or a form needs
    assert seen["deferred"] == ["app.cli.vietnamese"]


def test_the_ten_year_database_shows_its_dashboard_before_the_orm_is_imported(decade_template, tmp_path):
    """On ten years of data the dashboard is filled from sqlite3 alone."""
    seen = _start(_copy(decade_template, tmp_path))
    assert seen["code"] == 0 and seen["page"] == "DashboardPage" and seen["has_plans"] is True
    assert seen["heavy"] == []


def test_a_new_folder_shows_its_dashboard_before_the_orm_is_imported(tmp_path):
    """A new empty folder gets its schema and its (empty) dashboard without the ORM; the shipped data follows after."""
    root = tmp_path / "new"
    seen = _start(root)
    assert seen["code"] == 0 and seen["page"] == "DashboardPage" and seen["has_plans"] is False
    assert seen["heavy"] == []
    assert "sqlalchemy" in seen["after"]  # the criteria sets and award kinds were installed once the page showed
    from app.paths import DataFolder
    from app.queries.start import read_schema_state

    assert read_schema_state(DataFolder(root).database).pending == 0


def test_before_the_first_paint_only_the_window_is_imported(demo_template, tmp_path):
    """Up to the window's first paint the start loads the window's shell only: no sub-command, no data layer,
    no page, no autosave, no rotating log writer (each is loaded after, while the window already shows)."""
    seen = _start(_copy(demo_template, tmp_path), _PAINT_DRIVER)
    assert seen["code"] == 0
    assert seen["shown"] == BEFORE_PAINT
