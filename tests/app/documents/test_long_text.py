"""A very long text renders in work proportional to its length (a 100,000-character title took minutes)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import paragraph

from app.documents.long_text import PIECE, text_pieces
from app.documents.model import Column, Document, Orientation, Row, Table
from app.documents.render_pdf import render_pdf

_WORDS = "Rà soát văn bản quy phạm pháp luật thuộc thẩm quyền của xã "


def _title(length: int) -> str:
    return (_WORDS * (length // len(_WORDS) + 1))[:length]


def _measured_words(tmp_path, length: int, monkeypatch) -> int:
    """How many times reportlab measures a word while laying out a task table whose title is ``length`` long."""
    calls = 0
    measure = paragraph.stringWidth

    def counting(*args, **kwargs):
        nonlocal calls
        calls += 1
        return measure(*args, **kwargs)

    monkeypatch.setattr(paragraph, "stringWidth", counting)
    table = Table((Column("STT", 0.6), Column("Nội dung nhiệm vụ", 4.0), Column("Chủ trì", 1.6)),
                  (Row((1, _title(length), "Công chức Văn phòng - Thống kê")),))
    path = tmp_path / f"dai-{length}.pdf"
    render_pdf(Document("Phụ lục", (table,), orientation=Orientation.LANDSCAPE), path)
    assert _WORDS.split()[0] in PdfReader(path).pages[-1].extract_text() or len(PdfReader(path).pages) > 1
    return calls


def test_a_long_title_costs_work_linear_in_its_length(tmp_path, monkeypatch):
    """Ten times the title, at most about ten times the words measured (it was a hundred times: re-broken per page)."""
    short = _measured_words(tmp_path, 10_000, monkeypatch)
    long = _measured_words(tmp_path, 100_000, monkeypatch)
    assert long < 15 * short


def test_a_hundred_thousand_character_title_is_all_in_the_pdf(tmp_path):
    """Every word of a 100,000-character title reaches the PDF, across as many pages as it needs."""
    title = _title(100_000)
    table = Table((Column("STT", 0.6), Column("Nội dung nhiệm vụ", 4.0)), (Row((1, title)),))
    path = tmp_path / "dai.pdf"
    render_pdf(Document("Phụ lục", (table,), orientation=Orientation.LANDSCAPE), path)
    words = " ".join(page.extract_text() for page in PdfReader(path).pages).split()
    assert len(PdfReader(path).pages) > 20
    assert words.count("quyền") == title.split().count("quyền")  # a line or page may fall between two words


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=5_000))
def test_pieces_give_the_text_back_and_stay_short(text):
    """Pieces join to the text and none is longer than a piece."""
    pieces = text_pieces(text, 100)
    assert "".join(pieces) == text and all(len(piece) <= 100 for piece in pieces)


def test_ordinary_text_is_one_piece():
    """A text shorter than a piece is left whole (ordinary papers are unchanged)."""
    assert text_pieces(_title(PIECE)) == [_title(PIECE)]
