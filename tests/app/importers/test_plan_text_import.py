"""Reading plans written as text: the seeds, label variants, broken lines, warnings."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from app.importers import parse_plan_text, read_plan_file, to_json_dict
from app.importers.plan_fields import split_coordinators

TESTS = Path(__file__).resolve().parents[2]
SEEDS = TESTS / "fixtures" / "seeds"
SEED_002 = SEEDS / "002_ddfdc451bd3e8b7f.txt"
SEED_000 = SEEDS / "000_060e3244ce13f715.txt"


def _bench():
    spec = importlib.util.spec_from_file_location("import_accuracy", TESTS / "bench" / "import_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def plan002():
    return read_plan_file(SEED_002)


@pytest.fixture(scope="module")
def plan000():
    return read_plan_file(SEED_000)


def test_seed002_has_its_eight_areas_in_order(plan002):
    """Seed 002 gives the eight numbered areas under "II. NỘI DUNG …", headings without numbers."""
    assert plan002.areas == [
        "Cải cách thể chế",
        "Cải cách thủ tục hành chính (TTHC) và thực hiện cơ chế một cửa",
        "Cải cách tổ chức bộ máy",
        "Cải cách chế độ công vụ",
        "Cải cách tài chính công",
        "Xây dựng và phát triển chính quyền điện tử hướng đến chính quyền số",
        "Nâng cao chỉ số cải cách hành chính (PAR INDEX)",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
    ]


def test_seed002_every_task_has_lead_product_and_timeframe(plan002):
    """All 37 tasks of seed 002 carry a lead, a product and a timeframe."""
    assert len(plan002.tasks) == 37
    assert [t.title[:30] for t in plan002.tasks if not (t.lead and t.product and t.timeframe)] == []


def test_seed002_unlettered_task_of_area_seven(plan002):
    """Area 7's single paragraph followed by labelled lines is one task."""
    tasks = [t for t in plan002.tasks if t.area.startswith("Nâng cao chỉ số")]
    assert len(tasks) == 1
    assert tasks[0].title.startswith("Xây dựng và triển khai kế hoạch cải thiện")
    assert tasks[0].timeframe == "Quý I/2024 ban hành kế hoạch, quý IV/2024 báo cáo kết quả thực hiện"


def test_seed002_title_broken_over_a_blank_line_is_joined(plan002):
    """Task h), whose sentence continues after a blank line, keeps one title and no detail."""
    task = next(t for t in plan002.tasks if t.title.startswith("Triển khai thực hiện số hóa"))
    assert task.title.endswith("Chủ nhiệm Văn phòng Chính phủ.")
    assert "Nghị định số 107/2021/NĐ-CP ngày 06/12/2021" in task.title
    assert task.detail == ""
    assert task.line == 164


def test_seed002_dashed_letters_and_odd_spacing(plan002):
    """"- e)" is a task, "Quý I /2024" is kept as written, and "đ)" follows "d)"."""
    area = [t for t in plan002.tasks if t.area.startswith("Cải cách thủ tục")]
    assert len(area) == 13
    assert area[5].title.startswith("Triển khai thực hiện Đề án đổi mới")
    assert area[4].title.startswith("Thực hiện niêm yết")
    assert any(t.timeframe == "Quý I /2024" for t in plan002.tasks)


def test_seed002_header_facts(plan002):
    """Seed 002's number, title and year are read from its header."""
    assert plan002.number == "479/QĐ-UBND"
    assert plan002.title == "Kế hoạch cải cách hành chính năm 2024 xã Tĩnh Minh"
    assert plan002.year == 2024


def test_seed000_seven_lettered_areas(plan000):
    """Seed 000 gives the seven areas a)–g) of "III. NỘI DUNG THI ĐUA", not its introductory bullets."""
    assert len(plan000.areas) == 7
    assert plan000.areas[0] == "Công tác chỉ đạo, điều hành cải cách hành chính (CCHC)"
    assert plan000.areas[-1] == "Xây dựng và phát triển chính quyền điện tử"
    assert not any(t.title.startswith("Thi đua") for t in plan000.tasks)


def test_seed000_closing_unit_leads_every_task_of_its_area(plan000):
    """The area's closing "Bộ phận (tham mưu) thực hiện" is the lead of each of its bullets."""
    assert len(plan000.tasks) == 21
    assert all(t.lead for t in plan000.tasks)
    finance = [t for t in plan000.tasks if t.area == "Cải cách tài chính công"]
    assert [t.lead for t in finance] == ["CC TC-KT", "CC TC-KT"]
    institutions = [t for t in plan000.tasks if t.area == "Cải cách thể chế"]
    assert all(t.lead == "Công chức TP-HT" and t.coordinators == ["CC VP-TK"] for t in institutions)


def test_seed000_lead_naming_its_partners_is_split(plan000):
    """"CC VP-TK phối hợp các công chức liên quan" gives a lead and a coordinator."""
    last = plan000.tasks[-1]
    assert (last.lead, last.coordinators) == ("CC VP-TK", ["các công chức liên quan"])


def test_seed000_warns_once_that_no_timeframe_is_written(plan000):
    """A plan without any timeframe gets one warning, not one per task."""
    assert [w for w in plan000.warnings if "thời gian" in w] == [
        "Kế hoạch không ghi thời gian thực hiện cho nhiệm vụ nào: hãy bổ sung sau khi nhập."
    ]


@pytest.mark.parametrize("expected", ["seed002.json", "seed000.json"])
def test_accuracy_on_hand_labelled_seeds(expected):
    """Every field of every hand-labelled task of the seeds is extracted, and no task is invented."""
    scores = _bench().measure(expected)
    wrong = {name: score for name, score in scores.items() if name != "extra tasks" and score[0] != score[1]}
    assert wrong == {}
    assert scores["extra tasks"][0] == 0


OTHER_COMMUNE = """\
UBND XÃ AN PHÚ
Số: 12 / KH - UBND
KẾ HOẠCH
Cải cách hành chính năm 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
a) Nâng cao hiệu quả.
II. NHIỆM VỤ TRỌNG TÂM
**1. Công tác chỉ đạo, điều hành**
a) Ban hành kế hoạch CCHC năm 2025
-**Chu tri**: Văn phòng UBND xã
-  CƠ QUAN PHỐI HỢP :Công chức Tư pháp, Công chức Địa chính; Hội Nông dân
-Sản phẩm : Kế hoạch
-Thời hạn hoàn thành: Tháng 01/2025.
b) Kiểm tra công tác CCHC tại các thôn, tổ dân phố
- Đơn vị chủ trì: Văn phòng UBND xã
- Thời gian: Quý III/2025
## 2. Cải cách thể chế
a) Rà soát văn bản
- Chủ trì: Công chức Tư pháp
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
a) Một việc khác
- Chủ trì: Ai đó
"""


def test_other_commune_label_variants():
    """Labels in bold, without accents, in capitals, with spaces around the colon or none after the dash are read."""
    plan = parse_plan_text(OTHER_COMMUNE)
    first = plan.tasks[0]
    assert (first.lead, first.product, first.timeframe) == ("Văn phòng UBND xã", "Kế hoạch", "Tháng 01/2025")
    assert first.coordinators == ["Công chức Tư pháp", "Công chức Địa chính", "Hội Nông dân"]
    assert plan.tasks[1].lead == "Văn phòng UBND xã"
    assert plan.tasks[1].timeframe == "Quý III/2025"


def test_other_commune_section_bounds_and_header():
    """Only the tasks between "II. NHIỆM VỤ" and "III. TỔ CHỨC THỰC HIỆN" are read; header facts too."""
    plan = parse_plan_text(OTHER_COMMUNE)
    assert plan.areas == ["Công tác chỉ đạo, điều hành", "Cải cách thể chế"]
    assert [t.title for t in plan.tasks][-1] == "Rà soát văn bản"
    assert (plan.number, plan.title, plan.year) == ("12/KH-UBND", "Kế hoạch cải cách hành chính năm 2025", 2025)


def test_missing_timeframe_warning_names_the_line():
    """A task without a timeframe, among tasks with one, is warned about with its line number."""
    plan = parse_plan_text(OTHER_COMMUNE)
    assert "Dòng 19: nhiệm vụ “Rà soát văn bản” chưa có thời gian thực hiện." in plan.warnings


def test_task_without_lead_is_warned():
    """A task with no "Chủ trì" line gets a Vietnamese warning naming its line."""
    plan = parse_plan_text("II. NỘI DUNG\n1. Cải cách thể chế\na) Rà soát văn bản\n- Thời gian thực hiện: Quý I/2024\n")
    assert plan.warnings == ["Dòng 3: nhiệm vụ “Rà soát văn bản” chưa có người chủ trì."]


def test_pasted_tasks_without_any_heading():
    """Text pasted without a content heading is still read, with a warning saying so."""
    plan = parse_plan_text("a) Rà soát văn bản\n- Chủ trì: Tư pháp\nb) Niêm yết TTHC\n- Chủ trì: Văn phòng\n")
    assert [t.title for t in plan.tasks] == ["Rà soát văn bản", "Niêm yết TTHC"]
    assert plan.areas == ["Nhiệm vụ chung"]
    assert any("Không thấy đề mục" in w for w in plan.warnings)


def test_unlabelled_text_lines_become_detail():
    """A line under a task that is not a labelled line is kept in ``detail``."""
    plan = parse_plan_text("II. NHIỆM VỤ\n1. Thể chế\na) Rà soát.\n+ Chỉ tiêu: 100% văn bản\nGhi nhớ báo cáo.\n- Chủ trì: VP\n")
    assert plan.tasks[0].detail == "Chỉ tiêu: 100% văn bản\nGhi nhớ báo cáo."


def test_text_is_nfc():
    """Decomposed input (as some converters write it) comes out NFC."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "II. NỘI DUNG\n1. Cải cách thể chế\na) Rà soát\n- Chủ trì: Tư pháp\n")
    plan = parse_plan_text(decomposed)
    assert plan.tasks[0].lead == "Tư pháp" and plan.areas == ["Cải cách thể chế"]


@pytest.mark.parametrize(
    ("value", "units"),
    [
        ("Các công chức có liên quan.", ["Các công chức có liên quan"]),
        ("Cán bộ, công chức có liên quan.", ["Cán bộ, công chức có liên quan"]),
        ("Các công chức có liên quan; tổ chức, cá nhân có liên quan.", ["Các công chức có liên quan", "tổ chức, cá nhân có liên quan"]),
        ("Công chức Tư pháp - Hộ tịch, Công chức Văn hóa - Xã hội", ["Công chức Tư pháp - Hộ tịch", "Công chức Văn hóa - Xã hội"]),
        ("Các ban, ngành (Hội, Đoàn); Công an xã", ["Các ban, ngành (Hội, Đoàn)", "Công an xã"]),
    ],
)
def test_split_coordinators(value, units):
    """Coordinators split on ";" and on "," only before a capitalised unit name, never inside brackets."""
    assert split_coordinators(value) == units


def test_json_dict_round_trips_the_fields(plan002):
    """``to_json_dict`` gives plain areas and tasks with every field."""
    data = to_json_dict(plan002)
    assert data["areas"] == plan002.areas
    assert data["number"] == "479/QĐ-UBND"
    assert set(data["tasks"][0]) >= {"area", "title", "lead", "coordinators", "product", "timeframe"}
    assert data["tasks"][0]["coordinators"] == ["Công chức Tư pháp - Hộ tịch và các công chức có liên quan"]
