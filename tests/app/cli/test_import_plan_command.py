"""`import-plan FILE --json`: the extraction printed without saving anything."""

from __future__ import annotations

import json
from pathlib import Path

from .test_command_line import run_app

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def test_seed_002_gives_8_areas_and_every_task_with_lead_product_timeframe(tmp_path):
    result = run_app("import-plan", str(SEEDS / "002_ddfdc451bd3e8b7f.txt"), "--json", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["areas"]) == 8 and data["areas"][0] == "Cải cách thể chế"
    assert len(data["tasks"]) == 37
    assert all(task["lead"] and task["product"] and task["timeframe"] for task in data["tasks"])
    first = data["tasks"][0]
    assert set(first) >= {"area", "title", "lead", "coordinators", "product", "timeframe", "due", "recurrence"}
    quarterly = next(t for t in data["tasks"] if t["timeframe"] == "Quý I /2024")
    assert quarterly["due"] == ["2024-03-31"]
    monthly = next(t for t in data["tasks"] if t["timeframe"] == "Định kỳ hàng tháng trong năm 2024")
    assert monthly["recurrence"] == "monthly" and len(monthly["due"]) == 12
    assert not (tmp_path / "d").exists()


def test_seed_000_gives_the_seven_areas_with_their_lead(tmp_path):
    result = run_app("import-plan", str(SEEDS / "000_060e3244ce13f715.txt"), "--json")
    data = json.loads(result.stdout)
    assert len(data["areas"]) == 7
    first_area = [t for t in data["tasks"] if t["area"] == data["areas"][0]]
    assert first_area and all(t["lead"].startswith("Công chức VP-TK") for t in first_area)


def test_a_missing_file_is_refused_in_vietnamese(tmp_path):
    result = run_app("import-plan", str(tmp_path / "khong-co.docx"), "--json")
    assert result.returncode == 2 and "khong-co.docx" in result.stderr and "Traceback" not in result.stderr


def _tcvn3_plan(path: Path) -> Path:
    """The legacy-font plan of tests/app/importers/test_legacy_txt.py, as TCVN3 bytes."""
    from ..importers.test_legacy_txt import PLAN, _encode
    from app.domain.legacy_vietnamese_tables import TCVN3_TO_UNICODE

    path.write_bytes(_encode(PLAN, TCVN3_TO_UNICODE))
    return path


def test_ma_cu_converts_a_tcvn3_plan(tmp_path):
    """`--ma-cu auto` and `--ma-cu tcvn3` read a TCVN3 .txt as the Unicode plan it was typed as."""
    from ..importers.test_legacy_txt import LEAD, TITLE

    path = _tcvn3_plan(tmp_path / "cu.txt")
    for choice in ("auto", "tcvn3"):
        result = run_app("import-plan", str(path), "--json", "--ma-cu", choice)
        assert result.returncode == 0, result.stderr
        (task,) = json.loads(result.stdout)["tasks"]
        assert (task["title"], task["lead"]) == (TITLE, LEAD)


def test_without_ma_cu_a_legacy_plan_is_pointed_out(tmp_path):
    """Without the flag the text is left as it is and stderr says, in Vietnamese, which flag converts it."""
    result = run_app("import-plan", str(_tcvn3_plan(tmp_path / "cu.txt")), "--json")
    assert result.returncode == 0 and "--ma-cu" in result.stderr and "TCVN3" in result.stderr
    json.loads(result.stdout)  # stdout stays pure JSON


def test_an_unknown_ma_cu_is_refused(tmp_path):
    """`--ma-cu abc` is refused by the argument parser with exit 2, no traceback."""
    result = run_app("import-plan", str(_tcvn3_plan(tmp_path / "cu.txt")), "--ma-cu", "abc")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_json_gains_the_whole_plan(tmp_path):
    """`--json` prints "plan" (number, date, bases, sections, recipients, signer) beside areas and tasks."""
    result = run_app("import-plan", str(SEEDS / "002_ddfdc451bd3e8b7f.txt"), "--json", "--data-dir", str(tmp_path / "d"))
    data = json.loads(result.stdout)
    assert data["plan"]["number"] == "479/QĐ-UBND" and data["plan"]["date"] == "2023-12-26"
    assert data["plan"]["signer"] == "Lê Thị Mỹ Hiệp" and len(data["plan"]["bases"]) == 5
    assert len(data["tasks"]) == 37
