"""The package's contents are one explicit list, read by the package builder (no self-registration, no cycle)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def test_contents_load_alone_in_their_fixed_order():
    """Importing the contents in a fresh process lists them in order without loading the package builder."""
    script = ("import sys\n"
              "from app.exporters.package_contents import CONTENTS\n"
              "print(list(CONTENTS), 'app.exporters.package' in sys.modules)\n")
    shown = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert shown.stdout.split("\n")[0] == "['plan', 'report', 'scores', 'dossier', 'decisions', 'evidence'] False"


def test_the_builder_offers_the_same_list():
    """The package builder, the dialog and the command line read the very list the contents module declares."""
    from app.exporters import package, package_contents

    assert package.CONTENTS is package_contents.CONTENTS
    assert [kind.key for kind in package.chosen_kinds(["evidence", "plan"])] == ["plan", "evidence"]
