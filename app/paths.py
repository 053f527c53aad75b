"""Where things live: the bundled resources and the clerk's data folder.

The data folder is the per-user folder from platformdirs, or a ``data``
folder beside the program when the bundle is run portably (a ``portable.txt``
file beside the executable), or whatever ``--data-dir`` names.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "CCHC Xa"  # ASCII: the folder name must survive any Windows code page
RECEIVING_DIR_NAME = "CCHC Xa Tong hop"  # the province's own folder (Tổng hợp mode): a province is not a commune
RECEIVING_PORTABLE = "data-tong-hop"
# Written into every receiving folder (the Tổng hợp window, the consolidate command): the commune window
# knows such a folder from this file alone, before its first paint, without reading the database.
RECEIVING_MARKER = "che-do-tong-hop.txt"
DATABASE_NAME = "cchc-xa.sqlite3"


def resources_dir() -> Path:
    """The ``resources/`` folder, from the source tree or from a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. ``resource("demo", "commune.json")``."""
    return resources_dir().joinpath(*parts)


def portable_data_dir() -> Path | None:
    """``data/`` beside a frozen executable that has ``portable.txt`` beside it (USB-stick install)."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / "portable.txt").exists():
        return exe_dir / "data"
    return None


def default_data_dir() -> Path:
    """The data folder used when ``--data-dir`` is not given."""
    import platformdirs  # only when no folder was given

    return portable_data_dir() or platformdirs.user_data_path(APP_DIR_NAME, appauthor=False)


def default_receiving_dir() -> Path:
    """The receiving (Tổng hợp) mode's data folder when ``--data-dir`` is not given: beside the commune's,
    never the same (portable: ``data-tong-hop/`` beside the program)."""
    import platformdirs

    portable = portable_data_dir()
    if portable is not None:
        return portable.parent / RECEIVING_PORTABLE
    return platformdirs.user_data_path(RECEIVING_DIR_NAME, appauthor=False)


@dataclass(frozen=True)
class DataFolder:
    """The layout of one commune's data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def window_settings(self) -> Path:
        return self.root / "window.ini"

    def create(self) -> None:
        for folder in (self.root, self.backups, self.evidence, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
