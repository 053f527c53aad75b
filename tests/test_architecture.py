"""The layers import one way: ui -> app -> db; nothing below ui imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _imports(folder: str) -> dict[Path, set[str]]:
    found = {}
    for path in (REPO / folder).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[path.relative_to(REPO)] = names
    return found


def _offenders(folder: str, prefixes: tuple[str, ...], allowed: set[str] = frozenset()) -> list[str]:
    return sorted(
        f"{path.as_posix()}: {name}"
        for path, names in _imports(folder).items()
        if path.as_posix() not in allowed
        for name in names
        if name.split(".")[0] in prefixes
    )


def test_app_and_db_never_import_qt():
    """app/ and db/ stay testable without Qt."""
    assert _offenders("app", ("PySide6",)) == []
    assert _offenders("db", ("PySide6",)) == []


def test_db_knows_nothing_of_app_or_ui():
    """db/ is the bottom layer."""
    assert _offenders("db", ("app", "ui")) == []


def test_app_imports_ui_only_from_the_composition_root():
    """Only app/__main__.py may import ui/, and only to open the window."""
    assert _offenders("app", ("ui",), allowed={"app/__main__.py"}) == []


def test_ui_never_touches_the_database_directly():
    """ui/ goes through services in app/: no sqlalchemy, sqlite3 or db/."""
    assert _offenders("ui", ("sqlalchemy", "sqlite3", "db")) == []


def test_domain_needs_only_the_standard_library():
    """app/domain is pure rules on plain values."""
    assert _offenders("app/domain", ("sqlalchemy", "alembic", "PySide6", "openpyxl", "reportlab", "docx", "db")) == []
