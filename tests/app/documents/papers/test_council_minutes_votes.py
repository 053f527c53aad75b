"""The demo's 2024 minutes written as real files (PDF, Word) and read back: each nominee's votes over the
base its rule names, written votes counted only where all members count, each threshold's source."""

from __future__ import annotations

from datetime import date

import pytest

from app.exporters.dossier_files import write_dossier_files
from app.services import dossier
from tests.app.exporters.test_dossier_files import pdf_text, word_text

TODAY = date(2025, 1, 10)
MINUTES = "BB-HoiDongTDKT-2024"


@pytest.fixture(scope="module")
def minutes(demo_template, tmp_path_factory) -> dict[str, str]:
    """The text of the minutes of the demo's titles dossier (CSTĐCS and LĐTT), as PDF and as Word."""
    import shutil

    from app.paths import DataFolder
    from app.store import Store

    folder = DataFolder(tmp_path_factory.mktemp("minutes") / "data")
    shutil.copytree(demo_template.root, folder.root)
    store = Store(folder)
    try:
        titles = next(item.id for item in dossier.list_dossiers(store, 2024) if item.campaign.startswith("Bình xét"))
        # the demo's titles dossier has no letter number: a draft, the minutes are whole
        out = write_dossier_files(store, titles, folder.root / "out", TODAY, allow_incomplete=True)
        written = {path.name: path for path in out}
    finally:
        store.close()
    return {"pdf": pdf_text(written[f"{MINUTES}.pdf"]), "docx": word_text(written[f"{MINUTES}.docx"])}


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_cstdcs_nominee_counts_all_seven_members_with_the_written_vote(minutes, kind):
    """Lê Thị Mai: 5 at the meeting + Ngô Văn Toàn in writing = 6/7 of all members, 85,71 %, NĐ 98/2023 Điều 30.7."""
    text = minutes[kind]
    assert "6/7 tổng số thành viên (có 1 phiếu bằng văn bản)" in text
    assert "85,71%" in text
    assert "(theo Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7)" in text


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_lao_dong_tien_tien_nominee_counts_those_present_under_the_councils_rule(minutes, kind):
    """LĐTT: 6/6 of those present (the written vote not counted), 100 %, "theo quy chế của Hội đồng"."""
    text = minutes[kind]
    assert "6/6 thành viên dự họp" in text and "100%" in text
    assert "trên 50% số thành viên dự họp (theo quy chế của Hội đồng)" in text
    assert "Trên 50% số thành viên dự họp" not in text  # never printed bare, as if it were the law
    assert "/ tổng số thành viên" not in text  # the old header that mislabelled x/6


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_absent_members_written_vote_is_recorded(minutes, kind):
    """A sentence records Ngô Văn Toàn's written vote, nominee by nominee."""
    text = minutes[kind]
    assert "Ý kiến bằng văn bản của Đ/c Ngô Văn Toàn (vắng mặt): đồng ý đối với" in text
    assert "Lê Thị Mai (Chiến sĩ thi đua cơ sở)" in text
