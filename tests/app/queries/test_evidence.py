"""The evidence query: the files the package carries, each once, with its stored copy."""

from __future__ import annotations

from app.queries.evidence import year_evidence_files
from app.services.checklist import year_checklist
from app.services.evidence import attach, year_evidence


def test_a_file_attached_to_two_checkpoints_is_listed_once(demo_store, tmp_path):
    """The same file under the same name on two checkpoints goes into the package once, with a real path."""
    source = tmp_path / "Biên bản kiểm tra.pdf"
    source.write_bytes(b"%PDF-1.4 the same content twice")
    rows = [row for row in year_checklist(demo_store, 2024) if row.occurrence_id is not None][:2]
    for row in rows:
        attach(demo_store, row.task_id, source, row.occurrence_id)
    files = year_evidence_files(demo_store, 2024)
    names = [evidence.original_name for evidence, _path in files]
    assert names.count("Biên bản kiểm tra.pdf") == 1
    assert len(year_evidence(demo_store, 2024)) == len(files) + 1
    assert all(path.is_file() for _evidence, path in files)
