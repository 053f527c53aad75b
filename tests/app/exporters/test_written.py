"""Writing a set of papers into a folder: a cancel between two files leaves none of the set."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.exporters.written import write_files
from app.progress import Cancelled


def _render(text: str, path: Path) -> None:
    path.write_text(text, encoding="utf-8")


def test_a_cancel_between_two_files_removes_the_ones_written(tmp_path):
    """The first paper is written, "Hủy" comes before the second: the folder holds nothing of the set."""
    jobs = [(_render, "Kế hoạch", "ke-hoach.pdf", "Kế hoạch"), (_render, "Phụ lục", "phu-luc.xlsx", "Phụ lục")]

    def cancel_at_the_second(step, total, text):
        if step == 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        write_files(jobs, tmp_path / "xuat", "văn bản", cancel_at_the_second)
    assert list((tmp_path / "xuat").iterdir()) == []
    assert [item.path.name for item in write_files(jobs, tmp_path / "xuat", "văn bản")] == ["ke-hoach.pdf",
                                                                                              "phu-luc.xlsx"]
