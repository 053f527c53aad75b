"""A post-reform demo year's awards (app/demo_year_awards.py) on the demo with the merged commune's officials:
the 2026 dossier under the commune's own authority on 06/12/2026, a draft on 01/11/2026."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from pypdf import PdfReader

from app.exporters.decision_files import write_decision_files
from app.exporters.package import PackageRequest, build_package
from app.paths import DataFolder
from app.services import council, council_rules, registers
from app.services.award_decision import decision_for, routing, routing_line
from app.services.certificates import write_year_certificates
from app.services.dossier import list_dossiers, nominations
from app.services.dossier_day import day_of
from app.services.dossier_readiness import readiness, warnings
from app.services.emulation_evaluation import evaluation
from app.services.registration import registrations
from app.startup import open_store
from tests.conftest import DEMO_DAY
from tests.app.exporters.test_dossier_files import pdf_text, word_text

DECEMBER = date(2026, 12, 6)
NOVEMBER = date(2026, 11, 1)
OFFICES = ("Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công")
NOMINEES = ("Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công", "Lê Thị Mai", "Lý Thị Hồng",
            "Bùi Thị Ngọc Ánh", "Hồ Văn Sáng", "Mạc Thị Yến", "Trương Thị Ơn", "Đặng Văn Đức", "Võ Thị Ánh",
            "Đỗ Minh Tâm", "Tạ Thị Kim Oanh")


def _built(tmp_path_factory, demo_template, today: date, years=(2026,)):
    """The demo as of ``today``: the session's template when it was built that day, else a demo built then."""
    folder = DataFolder(tmp_path_factory.mktemp("demo-year-awards"))
    folder.create()
    if today == DEMO_DAY:
        shutil.copyfile(demo_template.database, folder.database)
        store, _report = open_store(folder)
    else:
        store, _report = open_store(folder, demo=True, demo_today=today)
    return store


@pytest.fixture(scope="module")
def december(tmp_path_factory, demo_template):
    """The demo on 06/12/2026 (read only by the tests that share it)."""
    store = _built(tmp_path_factory, demo_template, DECEMBER)
    yield store
    store.close()


def _dossier(store, year: int = 2026) -> int:
    [dossier] = [item.id for item in list_dossiers(store, year) if item.campaign.startswith("Bình xét")]
    return dossier


def test_every_title_of_2026_is_granted_by_the_commune_chairman(december):
    """All fourteen titles carried and granted at the commune; last year's CSTĐCS goes up for the provincial
    Chairman's Bằng khen; the route line names the commune and the province, never the district."""
    dossier = _dossier(december)
    listed = nominations(december, dossier, DECEMBER)
    split = routing(december, dossier, DECEMBER)
    assert len(listed) == 15 and len(split.commune) == 14 and len(split.superior) == 1 and not split.not_carried
    line = routing_line(split, listed, day_of(december, dossier, DECEMBER))
    assert line.startswith("Chủ tịch UBND xã tặng") and "Trình Chủ tịch UBND tỉnh: Bằng khen" in line
    assert "huyện" not in line.split("(")[0]
    assert {item.award_key for item in listed} == {"ttldtt", "cstdcs", "ldtt", "giay_khen_xa", "bang_khen_tinh"}
    assert all(item.eligibility.eligible is True for item in listed)


def test_the_2026_dossier_has_no_blocking_problem_and_no_warning(december):
    """Readiness and the papers' cross-checks find nothing on 06/12/2026."""
    dossier = _dossier(december)
    assert readiness(december, dossier, DECEMBER) == []
    assert warnings(december, dossier, DECEMBER) == []


def test_the_council_met_before_the_deadline_with_a_written_vote(december):
    """Nine members with the Chairman presiding, the year's rules saved, met on 02/12; Ngô Văn Toàn voted in writing."""
    members = council.members(december, 2026)
    assert len(members) == 9 and members[0].full_name == "Trần Văn Hùng" and members[0].role == "Chủ tịch Hội đồng"
    assert {"Bùi Thị Ngọc Ánh", "Đặng Văn Đức", "Huỳnh Văn Ân", "Lý Thị Hồng"} <= {m.full_name for m in members}
    assert council_rules.rules(december, 2026).saved
    held = council.meeting(december, _dossier(december))
    assert held.held_on == date(2026, 12, 2) and held.quorum_met
    [absent] = held.absent
    assert absent.member.full_name == "Ngô Văn Toàn" and absent.written_vote
    outcomes = council.outcomes(december, _dossier(december))
    assert all(outcome.passed for outcome in outcomes.values())
    assert all(outcome.written and outcome.written[0].agrees for outcome in outcomes.values())


def test_offices_and_officials_registered_and_nominees_evaluated(december):
    """The four offices registered for TTLĐTT, two officials for CSTĐCS; every nominee qualifies in the evaluation."""
    groups = {item.name: item.id for item in registers.list_collectives(december)}
    found = registrations(december, 2026)
    assert {(item.subject_kind, item.subject_id) for item in found if item.award_key == "ttldtt"} == {
        ("collective", groups[name]) for name in OFFICES}
    assert len([item for item in found if item.award_key == "cstdcs"]) == 2
    assert len([item for item in found if item.award_key == "ldtt"]) >= 10
    verdicts = {subject.name: subject.verdict.qualifies for subject in evaluation(december, 2026, DECEMBER).subjects}
    assert all(verdicts[name] for name in NOMINEES)


def test_each_achievement_report_is_its_own_text(december):
    """No two of the fifteen reports carry the same achievements (a second title of one person neither); an
    office's report says it was founded with the merged commune."""
    listed = nominations(december, _dossier(december), DECEMBER)
    assert len({item.achievements for item in listed}) == len(listed) == 15
    assert all(item.achievements.strip() and item.report_date == date(2026, 11, 25) for item in listed)
    office = next(item for item in listed if item.name == "Phòng Văn hóa - Xã hội")
    assert "01/7/2025" in office.identity["Quá trình thành lập và phát triển"]


def test_the_decision_is_issued_and_its_word_copy_lists_the_nominees(december, tmp_path):
    """QĐ 61/QĐ-UBND signed 04/12/2026 and issued; its Word copy names every nominee and the commune Chairman."""
    dossier = _dossier(december)
    decision = decision_for(december, dossier)
    assert decision.issued and decision.number == "61/QĐ-UBND" and decision.signed_on == date(2026, 12, 4)
    written = {path.name: path for path in write_decision_files(december, dossier, tmp_path, DECEMBER)}
    text = word_text(written["QD-KhenThuong-2026.docx"])
    for expected in (*NOMINEES, "Số: 61/QĐ-UBND", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XUÂN",
                     "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến"):
        assert expected in text, expected
    assert "huyện" not in text


def test_the_certificates_pdf_has_one_page_per_granted_award(december, tmp_path):
    """Fourteen awards granted, fourteen pages (no calibration page), each with its person's name."""
    target = tmp_path / "giay-khen-2026.pdf"
    made = write_year_certificates(december, 2026, target, calibration=False)
    pages = PdfReader(target).pages
    assert made.count == len(pages) == 14
    names = [" ".join((page.extract_text() or "").split()) for page in pages]
    assert all(any(name in text for text in names) for name in NOMINEES)


def test_the_package_of_2026_carries_the_communes_own_decision(december, tmp_path):
    """The package's "decisions" content puts QD-KhenThuong-2026.pdf in quyet-dinh-cua-xa/."""
    out = tmp_path / "usb"
    out.mkdir()
    result = build_package(december, PackageRequest(2026, ("decisions",), make_zip=False, today=DECEMBER), out)
    paths = {item.path for item in result.manifest.files if item.kind == "decisions"}
    assert "quyet-dinh-cua-xa/QD-KhenThuong-2026.pdf" in paths


def test_the_2024_titles_still_go_to_the_district(december):
    """The pre-reform history year is untouched: its CSTĐCS is proposed to the district Chairman."""
    [titles] = [item.id for item in list_dossiers(december, 2024) if item.campaign.startswith("Bình xét")]
    day = day_of(december, titles, DECEMBER)
    split = routing(december, titles, DECEMBER)
    assert day == date(2024, 12, 18) and "cstdcs" in {item.award_key for item in split.superior}
    line = routing_line(split, nominations(december, titles, DECEMBER), day)
    assert "Trình Chủ tịch UBND huyện" in line and "Chiến sĩ thi đua cơ sở" in line


def test_on_the_first_of_november_the_2026_dossier_is_a_draft(tmp_path_factory, demo_template):
    """Before the council's day: nominees listed, the evaluation begun; no report, meeting, letter or decision."""
    store = _built(tmp_path_factory, demo_template, NOVEMBER)
    try:
        dossier = _dossier(store)
        listed = nominations(store, dossier, NOVEMBER)
        assert len(listed) == 15 and not any(item.achievements.strip() for item in listed)
        assert council.meeting(store, dossier).held_on is None
        assert all(outcome.result is None for outcome in council.outcomes(store, dossier).values())
        info = next(item for item in list_dossiers(store, 2026) if item.id == dossier)
        assert not info.letter_number and info.letter_date is None
        assert not decision_for(store, dossier).issued
        assert len(registrations(store, 2026)) >= 16
        assert evaluation(store, 2026, NOVEMBER) is not None
    finally:
        store.close()


@pytest.fixture(scope="module")
def two_years(tmp_path_factory, demo_template):
    """The demo on 06/12/2026 with 2025 and 2026 loaded in turn, as the demo loads them."""
    store = _built(tmp_path_factory, demo_template, DECEMBER, years=(2025, 2026))
    yield store
    store.close()


def test_two_years_in_a_row_share_the_offices_and_each_has_its_decision(two_years):
    """One collective per office, both years' decisions issued, the same council of nine both years."""
    names = [item.name for item in registers.list_collectives(two_years)]
    assert all(names.count(name) == 1 for name in OFFICES)
    assert all(decision_for(two_years, _dossier(two_years, year)).issued for year in (2025, 2026))
    seated = [[member.full_name for member in council.members(two_years, year)] for year in (2025, 2026)]
    assert seated[0] == seated[1] and len(seated[0]) == 9


def test_the_merged_communes_first_year_registers_after_its_founding(tmp_path_factory, demo_template):
    """On 15/07/2025 the new commune has its council but no registration yet (it registers on 20/07/2025)."""
    store = _built(tmp_path_factory, demo_template, date(2025, 7, 15), years=(2025,))
    try:
        assert len(council.members(store, 2025)) == 9 and not registrations(store, 2025)
        assert not [item for item in list_dossiers(store, 2025) if item.campaign.startswith("Bình xét")]
    finally:
        store.close()


def test_a_second_cstdcs_in_a_row_is_proposed_to_the_province(two_years):
    """CSTĐCS in 2025 and 2026: Lê Thị Mai's Bằng khen goes up to the province's Chairman, the rest stays home."""
    first = _dossier(two_years, 2025)
    assert not routing(two_years, first, DECEMBER).superior
    dossier = _dossier(two_years, 2026)
    split = routing(two_years, dossier, DECEMBER)
    assert [(item.name, item.award_key) for item in split.superior] == [("Lê Thị Mai", "bang_khen_tinh")]
    assert len(split.commune) == 14 and readiness(two_years, dossier, DECEMBER) == []
    info = next(item for item in list_dossiers(two_years, 2026) if item.id == dossier)
    assert info.addressee == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"
    line = routing_line(split, nominations(two_years, dossier, DECEMBER), day_of(two_years, dossier, DECEMBER))
    assert "Trình Chủ tịch UBND tỉnh: Bằng khen của Chủ tịch UBND tỉnh" in line


def test_the_package_sends_the_proposal_to_the_provinces_department(two_years, tmp_path):
    """The 2026 package carries the letter to the province (copy to Sở Nội vụ), Mai's report and the decision."""
    out = tmp_path / "usb"
    out.mkdir()
    result = build_package(two_years, PackageRequest(2026, ("dossier", "decisions"), make_zip=False,
                                                     today=DECEMBER), out)
    paths = {item.path for item in result.manifest.files}
    assert {"TTr-KhenThuong-2026.pdf", "BCTT-01-le-thi-mai.pdf",
            "quyet-dinh-cua-xa/QD-KhenThuong-2026.pdf"} <= paths
    letter = pdf_text(result.folder / "TTr-KhenThuong-2026.pdf")
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi" in letter and "Sở Nội vụ" in letter
    assert "huyện" not in letter
