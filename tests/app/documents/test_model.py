"""The neutral document model: frozen values, Decree 30 line formatting, no heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.documents.model import (
    Closing,
    Column,
    Document,
    GroupRow,
    Recipients,
    Row,
    Signature,
    Table,
    TitleBlock,
    addressee_lines,
    cell_text,
)

REPO = Path(__file__).resolve().parents[3]


def test_lists_are_stored_as_tuples_and_values_are_frozen():
    """A document built from lists is immutable and hashable."""
    table = Table([Column("STT"), Column("Nội dung")], [Row([1, "Rà soát"]), GroupRow("I. Thể chế")])
    document = Document("KH", [table])
    assert isinstance(document.blocks, tuple) and isinstance(table.rows[0].cells, tuple)
    hash(document)
    with pytest.raises(AttributeError):
        document.title = "other"  # type: ignore[misc]


def test_a_row_with_the_wrong_number_of_cells_is_refused():
    """A row must have one cell per column, or the table is refused at construction."""
    with pytest.raises(ValueError, match="row 1"):
        Table((Column("STT"), Column("Nội dung")), (Row((1,)),))


def test_relative_widths_add_up_to_one():
    """Column widths are shares of the full width."""
    table = Table((Column("a", 1), Column("b", 3)))
    assert table.relative_widths() == (0.25, 0.75)


def test_recipients_end_with_the_archive_line():
    """Nơi nhận lines are "- …;" and the last is "- Lưu: VT."."""
    assert Recipients.of("UBND huyện", "Phòng Nội vụ;").lines == ("- UBND huyện;", "- Phòng Nội vụ;", "- Lưu: VT.")
    assert Recipients.of("Như trên", "Lưu: VT, VP").lines == ("- Như trên;", "- Lưu: VT, VP.")


def test_one_addressee_stays_on_the_line_and_several_become_dash_lines():
    """Decree 30 ô 9a: one addressee inline with a full stop; several as "- …;" ending ".". """
    assert addressee_lines(("UBND huyện Sơn Tịnh",)) == ("UBND huyện Sơn Tịnh.",)
    assert TitleBlock("TỜ TRÌNH", (), ("A", "B")).addressee_lines() == ("- A;", "- B.")


def test_cell_text_prints_decimals_with_a_comma():
    """Numbers print the Vietnamese way in PDF and Word cells."""
    assert [cell_text(v) for v in (8.5, 10.0, None, 7)] == ["8,5", "10", "", "7"]


def test_a_closing_holds_one_or_two_signatures():
    """Three signatures are not a Decree 30 layout."""
    with pytest.raises(ValueError):
        Closing(tuple(Signature("X") for _ in range(3)))


def test_importing_the_model_loads_no_renderer_library():
    """Start-up must not pay for reportlab, python-docx or openpyxl."""
    code = (
        "import sys, app.documents.model, app.documents.layout;"
        "print([m for m in ('reportlab', 'docx', 'openpyxl', 'PySide6') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
