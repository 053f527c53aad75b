"""The layers import one way: ui -> app -> db; nothing below ui imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
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


# --- papers, read models and exports -------------------------------------------------------------------

# db.fsync is file durability on the standard library alone (a flush, a rename, a folder sync) that db/backup.py
# shares; it loads no database code, so the renderers' atomic writes may use it.
FILE_DURABILITY = "db.fsync"
DATABASE = ("sqlalchemy", "sqlite3", "db", "app.store", "app.services")


def _importing(folder: str, forbidden: tuple[str, ...], allowed: frozenset[str] = frozenset()) -> list[str]:
    """Every ``path: module`` under ``folder`` importing one of the dotted ``forbidden`` prefixes (any depth)."""
    return sorted(
        f"{path.as_posix()}: {name}"
        for path, names in _imports(folder).items()
        for name in names
        if name not in allowed and any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden)
    )


def test_documents_import_no_services_store_sqlalchemy_or_db():
    """Papers build from plain read models: app/documents loads without the database layer."""
    assert _importing("app/documents", DATABASE, frozenset({FILE_DURABILITY})) == []


def test_read_models_need_only_the_domain_and_resources():
    """app/queries/models holds plain frozen dataclasses: no database, and of app/ only the domain and resources."""
    allowed = ("app.domain.", "app.resources", "app.queries.models.")
    found = _offenders("app/queries/models", ("app", "sqlalchemy", "sqlite3", "db"))
    assert [entry for entry in found if not entry.split(": ")[1].startswith(allowed)] == []


def test_exporters_import_no_sqlalchemy_db_or_services():
    """Exporters ask the query layer for read models, given a Store; they open no session themselves."""
    assert _importing("app/exporters", ("sqlalchemy", "sqlite3", "db", "app.services"), frozenset({FILE_DURABILITY})) == []


def test_papers_load_in_a_process_without_the_database():
    """Importing every paper, renderer and read model in a fresh process loads no sqlalchemy, db engine or service."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import app.documents, app.queries.models\n"
        "for package in (app.documents, app.queries.models):\n"
        "    for found in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(found.name)\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('sqlalchemy', 'sqlite3')\n"
        "             or name.startswith(('db.', 'app.store', 'app.services')) and name != 'db.fsync'))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level(node: ast.AST):
    """The imports a module runs when it is loaded: its body, inside if/try/with, but not inside def or class."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
        return
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
        return
    for child in ast.iter_child_nodes(node):
        yield from _module_level(child)


def _targets(node: ast.Import | ast.ImportFrom, importer: str, is_package: bool, modules: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    base = node.module or ""
    if node.level:
        package = importer.split(".") if is_package else importer.split(".")[:-1]
        base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
    return {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names}


def _app_import_graph() -> dict[str, set[str]]:
    """app/'s modules and the app/ modules each imports at module level (the import it names, not the implicit
    load of the packages above it: a package re-exporting its own modules is not a cycle)."""
    paths = {_module_name(path): path for path in (REPO / "app").rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = set()
        for node in _module_level(tree):
            found |= _targets(node, name, path.name == "__init__.py", set(paths))
        graph[name] = {target for target in found if target in paths and target != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_app_has_no_import_cycle():
    """No module of app/ imports, at load time, a module that imports it back (directly or around a loop)."""
    assert _cycles(_app_import_graph()) == []


def test_the_cycle_check_finds_a_loop():
    """The check itself sees a loop of three modules (so an empty answer above means something)."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
