"""A plan typed with TCVN3 or VNI fonts reads the same from a .txt as from a .docx: bytes decoded, then converted."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest

from app.domain.legacy_vietnamese import detect_legacy, tcvn3_to_unicode, vni_to_unicode
from app.domain.legacy_vietnamese_tables import TCVN3_TO_UNICODE, VNI_TO_UNICODE
from app.importers import read_plan_file
from app.importers.plan_file import plain_text

TITLE = ("Rà soát, hệ thống hóa văn bản quy phạm pháp luật về đất đai, xây dựng, giáo dục, y tế; đề xuất sửa đổi "
         "những điều chưa phù hợp với thực tiễn của xã, kịp thời báo cáo kết quả")
LEAD = "Công chức Tư pháp - Hộ tịch"
TIMEFRAME = "Quý II năm 2024 hoàn thành việc rà soát"
PLAN = f"II. Nội dung\n1. Cải cách thể chế\na) {TITLE}\n- Chủ trì thực hiện: {LEAD}\n- Thời gian: {TIMEFRAME}\n"


def _encode(text: str, table: dict[str, str]) -> bytes:
    """``text`` as the legacy font stored it: the project's table reversed, each character one byte."""
    reverse = {unicode: legacy for legacy, unicode in table.items()}
    legacy = "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    return legacy.encode("latin-1")


@pytest.mark.parametrize(("table", "convert"), [(TCVN3_TO_UNICODE, tcvn3_to_unicode), (VNI_TO_UNICODE, vni_to_unicode)],
                         ids=["tcvn3", "vni"])
def test_legacy_txt_converts_every_word(tmp_path, table, convert):
    """Every word of a TCVN3/VNI .txt comes back as typed (Windows-1258 decoding broke the words with ế, ừ, ý …)."""
    path = tmp_path / "ke_hoach_cu.txt"
    path.write_bytes(_encode(PLAN, table))
    assert len(PLAN.split()) >= 41
    (task,) = read_plan_file(path, convert).tasks
    assert (task.title, task.lead, task.timeframe) == (TITLE, LEAD, TIMEFRAME)


@pytest.mark.parametrize("table", [TCVN3_TO_UNICODE, VNI_TO_UNICODE], ids=["tcvn3", "vni"])
def test_legacy_txt_is_detected_with_its_true_conversion(tmp_path, table):
    """What the import dialog asks about (detection on the file's text) converts to exactly the plan typed."""
    path = tmp_path / "ke_hoach_cu.txt"
    path.write_bytes(_encode(PLAN, table))
    assert detect_legacy(plain_text(path)).converted == PLAN


def test_txt_and_docx_of_the_same_legacy_plan_read_the_same(tmp_path):
    """A TCVN3 plan gives the same task from a .txt as from a .docx holding the same characters."""
    legacy = _encode(PLAN, TCVN3_TO_UNICODE)
    text = tmp_path / "cu.txt"
    text.write_bytes(legacy)
    document = docx.Document()
    for line in legacy.decode("latin-1").splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "cu.docx")
    from_text = read_plan_file(text, tcvn3_to_unicode).tasks
    from_word = read_plan_file(tmp_path / "cu.docx", tcvn3_to_unicode).tasks
    assert [(t.title, t.lead) for t in from_text] == [(t.title, t.lead) for t in from_word] == [(TITLE, LEAD)]


def _windows_1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: the letter with its hat or horn, then the tone as a mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        marks = unicodedata.normalize("NFD", ch)
        tone = "".join(m for m in marks if m in tones)
        out.append(unicodedata.normalize("NFC", "".join(m for m in marks if m not in tones)) + tone)
    return "".join(out).encode("cp1258")


def test_a_windows_1258_plan_still_reads_without_conversion(tmp_path):
    """A genuine Vietnamese ANSI (Windows-1258) file is still decoded as such, and not taken for a legacy font."""
    path = tmp_path / "ansi.txt"
    path.write_bytes(_windows_1258(PLAN))
    assert detect_legacy(plain_text(path)).encoding == "unicode"
    (task,) = read_plan_file(path).tasks
    assert task.title == TITLE
