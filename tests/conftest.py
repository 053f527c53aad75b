"""Shared fixtures: a migrated template database copied per test, and an offscreen Qt."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.paths import DataFolder  # noqa: E402
from app.startup import open_store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The day the session's demo is built as of (the demo follows the day it is loaded): fixed, so tests
# read the same years and states whatever the real date.
DEMO_DAY = date(2026, 12, 6)

# What the Windows run under Wine selects (`-m windows`, build/windows_run.py): the tests of what
# touches files, paths, processes, locks and encodings. tests/windows/ holds the Windows-specific ones.
WINDOWS_SENSITIVE = (
    "tests/windows/", "tests/db/", "tests/app/cli/", "tests/app/exporters/", "tests/app/importers/",
    "tests/app/test_backups_with_evidence.py", "tests/app/test_startup.py", "tests/app/services/test_evidence",
    "tests/test_architecture.py", "tests/test_untrusted_files.py",
    # the folder lock, start diagnoses, restore checks, logs, write failures, the demo's staging (all found
    # Linux-only assumptions the first time they ran under Windows Python)
    "tests/app/test_folder_lock.py", "tests/app/test_startup_diagnosis.py", "tests/app/test_restore_checks.py",
    "tests/app/test_logs.py", "tests/app/test_store_write_failures.py", "tests/app/test_demo_whole.py",
    "tests/app/test_backup_clock.py", "tests/app/receiving/test_ingest.py", "tests/ui/test_backup_actions.py", "tests/ui/test_crash_reports.py",
    "tests/ui/test_recovery.py",
    # the package's data file read back from the folder, and the province's result zip verified and imported
    "tests/app/queries/test_package_data.py", "tests/app/services/test_appraisal_import.py",
    # the receiving mode's folder kinds (a read-only sqlite URI) and its start in a real process
    "tests/app/receiving/test_folder_kind.py", "tests/ui/receiving/test_receiving_start.py",
    # the built bundle's size report and the installer's UTF-8 messages file (both run on Windows builds)
    "tests/build/test_bundle_report.py", "tests/build/test_installer_messages.py",
)
# In those, what the Windows run does itself or what holds nothing of Windows (about 90 s under Wine).
NOT_WINDOWS_SENSITIVE = (
    "tests/app/cli/test_command_line.py::test_self_test_passes_from_source",  # the Windows run's first step
    "tests/app/cli/test_command_line.py::test_window_starts_with_demo",  # its second step starts the window
    "tests/app/importers/test_docx_bounds.py::test_two_hundred_thousand",  # parsing time; 20,000 run there
    "tests/app/cli/test_export_package_defaults.py",  # which contents are due by the date: no file of its own
)


def pytest_collection_modifyitems(items) -> None:
    """Mark the Windows-sensitive modules ``windows`` in one place rather than in each file."""
    for item in items:
        where = item.path.relative_to(REPO).as_posix()
        if where.startswith(WINDOWS_SENSITIVE) and not f"{where}::{item.name}".startswith(NOT_WINDOWS_SENSITIVE):
            item.add_marker(pytest.mark.windows)


@pytest.fixture(scope="session")
def template_database(tmp_path_factory) -> Path:
    """One migrated, empty database made per session; tests copy it instead of migrating again."""
    folder = DataFolder(tmp_path_factory.mktemp("template"))
    store, _report = open_store(folder)
    store.close()
    return folder.database


@pytest.fixture
def folder(tmp_path) -> DataFolder:
    """An empty data folder of this test's own."""
    return DataFolder(tmp_path / "data")


@pytest.fixture
def migrated_folder(folder, template_database) -> DataFolder:
    """A data folder holding a migrated, empty database (no backups yet)."""
    folder.create()
    shutil.copyfile(template_database, folder.database)
    return folder


@pytest.fixture
def store(migrated_folder):
    """An open store on a fresh copy of the template database."""
    from app.store import Store

    opened = Store(migrated_folder)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> DataFolder:
    """The demo commune built once per session (it takes seconds) as of ``DEMO_DAY``; tests copy it."""
    folder = DataFolder(tmp_path_factory.mktemp("demo-template"))
    store, _report = open_store(folder, demo=True, demo_today=DEMO_DAY)
    store.close()
    return folder


@pytest.fixture
def demo_day() -> date:
    """The day the session's demo template was built as of."""
    return DEMO_DAY


@pytest.fixture
def demo_store(folder, demo_template):
    """An open store filled with the demo commune (a fresh copy of the session's demo database)."""
    folder.create()
    shutil.copyfile(demo_template.database, folder.database)
    shutil.copytree(demo_template.evidence, folder.evidence, dirs_exist_ok=True)
    opened, _report = open_store(folder)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def decade_template(tmp_path_factory) -> DataFolder:
    """The ten-year data folder of the benchmarks (``benchmarks/make_decade.py``), built once per session (≈ 30 s)."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("decade-template") / "data"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_decade.py"), str(root)], cwd=REPO, check=True,
                   capture_output=True, timeout=600)
    return DataFolder(root)


@pytest.fixture
def decade_store(folder, decade_template):
    """An open store on a fresh copy of the ten-year database."""
    folder.create()
    shutil.copyfile(decade_template.database, folder.database)
    opened, _report = open_store(folder)
    yield opened
    opened.close()


@pytest.fixture
def hold_folder():
    """Start a real second process that takes a data folder's lock (as a window or a command) and keeps it.

    ``hold_folder(folder, kind)`` returns the process; it lets go when the test ends (or ``release(process)``).
    """
    import subprocess
    import sys

    started = []

    def hold(folder: DataFolder, kind: str = "window"):
        code = (
            "import sys, pathlib\n"
            "from app import folder_lock\n"
            "from app.paths import DataFolder\n"
            f"folder_lock.acquire(DataFolder(pathlib.Path({str(folder.root)!r})), {kind!r})\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n"
        )
        holder = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        started.append(holder)
        assert holder.stdout.readline().strip() == "held"
        return holder

    yield hold
    for holder in started:
        release(holder)


def release(holder) -> None:
    """Let a ``hold_folder`` process go and wait for it to end."""
    if holder.poll() is None:
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.fixture
def tmpfs(tmp_path):
    """A real tmpfs of 32 MB (root on Linux only): read-only and full disks without faking an errno."""
    import subprocess
    import sys

    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root on Linux to mount a tmpfs")
    point = tmp_path / "mnt"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(point)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)

