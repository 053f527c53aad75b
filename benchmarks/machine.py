"""What machine a benchmark ran on (for ``run.py``'s JSON file): host, CPUs, versions, the commit."""

from __future__ import annotations

import os
import platform
import socket
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def machine() -> dict:
    def version(name: str) -> str:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as found

        try:
            return found(name)
        except PackageNotFoundError:
            return ""

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=False)
    return {"host": socket.gethostname(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "pyside6": version("PySide6_Essentials") or version("PySide6"),
            "sqlalchemy": version("SQLAlchemy"), "commit": commit.stdout.strip()}

