"""Opening plan files: encodings, and refusals that name the file in Vietnamese."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.importers import parse_plan_text, read_plan_file

PLAN = "II. NỘI DUNG\n1. Cải cách thể chế\na) Rà soát văn bản\n- Chủ trì thực hiện: Công chức Tư pháp - Hộ tịch\n"


@pytest.mark.parametrize(
    "encoded",
    [
        PLAN.encode("utf-8"),
        codecs.BOM_UTF8 + PLAN.encode("utf-8"),
        codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"),
        PLAN.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "crlf"],
)
def test_text_encodings(tmp_path, encoded):
    """UTF-8 with or without BOM, UTF-16 with BOM and Windows line ends all read the same task."""
    path = tmp_path / "ke_hoach.txt"
    path.write_bytes(encoded)
    plan = read_plan_file(path)
    assert [(t.area, t.title, t.lead) for t in plan.tasks] == [
        ("Cải cách thể chế", "Rà soát văn bản", "Công chức Tư pháp - Hộ tịch")
    ]


def _cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: letters like "ô" precomposed, tones as combining marks after them."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_windows_1258_text_is_read_as_nfc(tmp_path):
    """An old Windows-1258 file (tones as combining marks) is decoded and comes out NFC."""
    path = tmp_path / "cu.txt"
    path.write_bytes(_cp1258(PLAN))
    plan = read_plan_file(path)
    assert plan.tasks[0].lead == "Công chức Tư pháp - Hộ tịch"
    assert plan.areas == ["Cải cách thể chế"]


def _refusal(path: Path) -> UserError:
    with pytest.raises(UserError) as caught:
        read_plan_file(path)
    assert path.name in caught.value.message
    assert caught.value.hint
    return caught.value


def test_missing_file_is_refused(tmp_path):
    """A file that is not there is refused by name."""
    assert "Không tìm thấy" in _refusal(tmp_path / "khong_co.docx").message


def test_empty_file_is_refused(tmp_path):
    """An empty .txt is refused by name, saying it is empty."""
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    assert "trống" in _refusal(path).message


def test_blank_text_file_is_refused(tmp_path):
    """A .txt holding only spaces and a BOM is refused as empty."""
    path = tmp_path / "trang.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"  \r\n\t\n")
    assert "trống" in _refusal(path).message


def test_text_file_renamed_docx_is_refused(tmp_path):
    """A text file saved with a .docx name is refused as not a Word file."""
    path = tmp_path / "gia.docx"
    path.write_text(PLAN, encoding="utf-8")
    assert "không phải tệp Word" in _refusal(path).message


def test_unknown_extension_is_refused(tmp_path):
    """A .pdf is refused, saying which kinds are accepted."""
    path = tmp_path / "ke_hoach.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert ".docx" in _refusal(path).message


def test_zip_that_is_not_a_docx_is_refused(tmp_path):
    """A zip without a Word document inside is refused by name."""
    path = tmp_path / "nen.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải Word")
    assert "không chứa văn bản Word" in _refusal(path).message


def test_damaged_docx_is_refused(tmp_path):
    """A .docx whose document.xml is broken is refused as damaged, not with a traceback."""
    good = tmp_path / "tot.docx"
    docx.Document().save(good)
    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    assert "hỏng" in _refusal(path).message


def test_password_protected_docx_is_refused(tmp_path):
    """An encrypted Word file (an OLE container, not a zip) is refused, mentioning the password."""
    path = tmp_path / "mat_khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert "mật khẩu" in _refusal(path).message


def test_old_doc_is_refused_with_a_way_out(tmp_path):
    """A .doc file is refused with the hint to save it as .docx."""
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert ".docx" in _refusal(path).hint


def test_binary_txt_is_refused(tmp_path):
    """A .txt holding binary data (NUL bytes, no BOM) is refused as not a text file."""
    path = tmp_path / "nhi_phan.txt"
    path.write_bytes(b"\x00\x01\x02abc\x00" * 10)
    assert "không phải tệp văn bản" in _refusal(path).message


def test_directory_is_refused(tmp_path):
    """A folder chosen instead of a file is refused by name."""
    folder = tmp_path / "thu_muc.docx"
    folder.mkdir()
    assert "thư mục" in _refusal(folder).message


def test_word_file_without_text_is_refused(tmp_path):
    """A .docx with no words at all is refused by name."""
    path = tmp_path / "rong.docx"
    docx.Document().save(path)
    assert "không có chữ" in _refusal(path).message


_PLAN_ALPHABET = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐIVX0123456789 .,:;()-–+*#/\t\n\r")
    + ["Chủ trì: ", "Phối hợp: ", "- ", "a) ", "1. ", "II. NỘI DUNG\n", "Thời gian: ", "**", "\u0301", "\x00", "Sản phẩm:"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PLAN_ALPHABET, max_size=80).map("".join))
def test_parse_never_raises_on_plan_like_text(text):
    """Any text built from plan fragments parses to a plan without raising."""
    plan = parse_plan_text(text)
    assert all(task.area in plan.areas for task in plan.tasks)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_never_raises_on_arbitrary_text(text):
    """Arbitrary Unicode text parses to a plan without raising."""
    assert isinstance(parse_plan_text(text).warnings, list)
