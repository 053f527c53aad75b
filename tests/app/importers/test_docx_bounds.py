"""A .docx from elsewhere is read within bounds: zip bombs and swarms of parts refused, long plans in linear time."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import xmlchemy
from docx.styles.styles import Styles

from app.errors import UserError
from app.importers import read_plan_file
from app.importers.zip_bounds import MAX_PARTS, MAX_UNPACKED

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _blank_docx() -> zipfile.ZipFile:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _docx_with_body(path: Path, paragraphs: list[str]) -> Path:
    """A real Word package whose body is ``paragraphs`` (written as XML: python-docx itself adds them slowly)."""
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{body}</w:body></w:document>'
    source = _blank_docx()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, xml if info.filename == "word/document.xml" else source.read(info))
    return path


def _long_plan(path: Path, tasks: int) -> Path:
    lines = ["KẾ HOẠCH", "II. NỘI DUNG", "1. Cải cách thể chế"]
    return _docx_with_body(path, lines + [f"- Nhiệm vụ số {number} rà soát văn bản" for number in range(tasks)])


def _bomb(path: Path, unpacked: int) -> Path:
    """A small .docx whose main part (which every reader must load) inflates to ``unpacked`` bytes: a short
    plan, then blank space inside the body."""
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
            "<w:p><w:r><w:t>II. NỘI DUNG</w:t></w:r></w:p><w:p><w:r><w:t>- Rà soát</w:t></w:r></w:p>").encode()
    tail = b"</w:body></w:document>"
    chunk = b" " * (1024 * 1024)
    source = _blank_docx()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
                continue
            with target.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head)
                for _ in range(unpacked // len(chunk)):
                    part.write(chunk)
                part.write(tail)
    return path


def test_zip_bomb_docx_is_refused_before_it_is_inflated(tmp_path):
    """A .docx of a few hundred KB whose text part unpacks past the limit is refused by name, memory staying small."""
    path = _bomb(tmp_path / "ke_hoach.docx", MAX_UNPACKED + 16 * 1024 * 1024)
    assert path.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(UserError) as refused:
            read_plan_file(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "ke_hoach.docx" in refused.value.message and "quá lớn khi giải nén" in refused.value.message
    assert peak < 32 * 1024 * 1024


def test_docx_with_too_many_parts_is_refused(tmp_path):
    """A .docx holding more parts than any Word file writes is refused, saying how many."""
    path = _long_plan(tmp_path / "nhieu_phan.docx", 3)
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(MAX_PARTS + 1):
            archive.writestr(f"word/media/p{number}.bin", b"")
    with pytest.raises(UserError) as refused:
        read_plan_file(path)
    assert "nhieu_phan.docx" in refused.value.message and "quá nhiều phần" in refused.value.message


def test_reading_a_docx_costs_a_bounded_number_of_style_and_xpath_lookups(tmp_path, monkeypatch):
    """python-docx's default-style scan and per-call XPath are not run per paragraph (they made long plans slow)."""
    calls = {"xpath": 0, "default": 0}
    real_xpath, real_default = xmlchemy.BaseOxmlElement.xpath, Styles.default

    def xpath(self, *args, **kwargs):
        calls["xpath"] += 1
        return real_xpath(self, *args, **kwargs)

    def default(self, *args, **kwargs):
        calls["default"] += 1
        return real_default(self, *args, **kwargs)

    monkeypatch.setattr(xmlchemy.BaseOxmlElement, "xpath", xpath)
    monkeypatch.setattr(Styles, "default", default)
    plan = read_plan_file(_long_plan(tmp_path / "dai.docx", 2_000))
    assert len(plan.tasks) == 2_000
    assert calls["default"] <= 5 and calls["xpath"] <= 50


def test_twenty_thousand_paragraphs_are_read(tmp_path):
    """A plan of 20,000 task paragraphs is read whole (it took half a minute when reading was per-style)."""
    plan = read_plan_file(_long_plan(tmp_path / "dai.docx", 20_000))
    assert len(plan.tasks) == 20_000
    assert plan.tasks[-1].title == "Nhiệm vụ số 19999 rà soát văn bản"


@pytest.mark.slow
def test_two_hundred_thousand_paragraphs_are_read(tmp_path):
    """A plan of 200,000 task paragraphs is read whole (it never finished before)."""
    plan = read_plan_file(_long_plan(tmp_path / "rat_dai.docx", 200_000))
    assert len(plan.tasks) == 200_000


def test_thousands_of_content_headings_are_scored_in_linear_work(monkeypatch):
    """A text repeating "NỘI DUNG" thousands of times parses each line a bounded number of times (it took minutes)."""
    from app.importers import plan_text

    parsed = 0
    split_areas = plan_text.split_areas

    def counting(section, fallback):
        nonlocal parsed
        parsed += len(section)
        return split_areas(section, fallback)

    monkeypatch.setattr(plan_text, "split_areas", counting)
    lines = ["NỘI DUNG", "- Chủ trì thực hiện: Công chức Văn phòng - Thống kê"] * 2_000
    plan_text.parse_plan_text("\n".join(lines))
    assert parsed <= (plan_text.MAX_HEADINGS_PER_SECTION + 3) * len(lines)
