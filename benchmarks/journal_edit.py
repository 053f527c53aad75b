"""What the undo journal costs one edit: ``python benchmarks/journal_edit.py FOLDER [--runs 200]``.

On a copy of the data in FOLDER (the demo), the same edit of one official is made ``runs`` times
inside a journaled action (``Store.action``: the triggers write the row before and after) and as
many times in a plain transaction; prints the medians, their difference, and the median of an undo.
Each commit is a real ``synchronous=FULL`` commit, as the clerk's are. Called by ``run.py``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.paths import DataFolder  # noqa: E402
from app.services import undo  # noqa: E402
from app.store import Store  # noqa: E402
from db.models import OfficialRow  # noqa: E402


def _edit(store: Store, official_id: int, number: int, journaled: bool) -> float:
    start = time.perf_counter()
    scope = store.action("Sửa thông tin") if journaled else store.transaction()
    with scope as opened:
        session = opened.session if journaled else opened
        session.get(OfficialRow, official_id).position = f"Chức vụ {number}"
    return (time.perf_counter() - start) * 1000


def measure(folder: Path, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        copy = DataFolder(Path(tmp) / "data")
        shutil.copytree(folder, copy.root)
        store = Store(copy)
        try:
            with store.transaction() as session:
                official_id = session.query(OfficialRow.id).first()[0]
            plain = [_edit(store, official_id, n, journaled=False) for n in range(runs)]
            journaled = [_edit(store, official_id, n, journaled=True) for n in range(runs)]
            undos = []
            for _ in range(min(runs, 50)):
                start = time.perf_counter()
                undo.undo(store)
                undos.append((time.perf_counter() - start) * 1000)
        finally:
            store.close()
    plain_ms, journaled_ms = statistics.median(plain), statistics.median(journaled)
    return {"edit_plain": round(plain_ms, 2), "edit_journaled": round(journaled_ms, 2),
            "journal_overhead": round(journaled_ms - plain_ms, 2), "undo_step": round(statistics.median(undos), 2)}


if __name__ == "__main__":
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 200
    print(json.dumps(measure(Path(sys.argv[1]), runs)))
