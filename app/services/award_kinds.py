"""Award kinds in the database: the shipped defaults, editable by the clerk (rules stay data)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.awards import DISCIPLINE_ORDER, RULE_NAMES, AwardKind, kind_from_dict
from app.domain.text import clean_line
from app.errors import UserError
from app.resources import load_json
from app.services.changes import Changes, short
from app.store import Store
from db.models import AwardKindRow

SUBJECT_LABELS = {"individual": "Cá nhân", "collective": "Tập thể", "both": "Cá nhân, tập thể"}
LEVEL_LABELS = {"commune": "Xã tự khen thưởng", "superior": "Trình cấp trên"}


def default_kind_dicts() -> list[dict]:
    return list(load_json("awards", "award-kinds.json")["kinds"])


def install_default_kinds(session: Session) -> int:
    """Add the shipped kinds whose key is not there yet; returns how many."""
    present = set(session.scalars(select(AwardKindRow.key)))
    added = 0
    for position, raw in enumerate(default_kind_dicts()):
        if raw["key"] not in present:
            session.add(AwardKindRow(key=raw["key"], position=position, definition=json.dumps(raw, ensure_ascii=False)))
            added += 1
    return added


def read_kinds(session: Session, active_only: bool = True) -> dict[str, AwardKind]:
    query = select(AwardKindRow).order_by(AwardKindRow.position, AwardKindRow.id)
    if active_only:
        query = query.where(AwardKindRow.active.is_(True))
    return {row.key: kind_from_dict(json.loads(row.definition)) for row in session.scalars(query)}


def award_kinds(store: Store, active_only: bool = True) -> dict[str, AwardKind]:
    with store.transaction() as session:
        return read_kinds(session, active_only)


def kind_definition(store: Store, key: str) -> dict:
    with store.transaction() as session:
        row = session.scalar(select(AwardKindRow).where(AwardKindRow.key == key))
        if row is None:
            raise UserError("Không tìm thấy danh hiệu, hình thức khen thưởng này.")
        return json.loads(row.definition)


def save_kind(store: Store, raw: dict) -> Changes:
    """Save one kind's definition, new or changed (an undoable action; nothing when it is unchanged)."""
    raw = dict(raw, key=clean_line(str(raw.get("key", ""))), name=clean_line(str(raw.get("name", ""))))
    problem = kind_problem(raw)
    if problem:
        raise UserError(problem)
    with store.action(f"Sửa “{short(raw['name'])}”") as action:
        session = action.session
        row = session.scalar(select(AwardKindRow).where(AwardKindRow.key == raw["key"]))
        if row is None:
            action.label = f"Thêm “{short(raw['name'])}”"
            last = session.scalar(select(AwardKindRow.position).order_by(AwardKindRow.position.desc()).limit(1))
            row = AwardKindRow(key=raw["key"], position=(last or 0) + 1)
            session.add(row)
        if row.definition is None or json.loads(row.definition) != raw:  # the same one, spelt otherwise: no step
            row.definition = json.dumps(raw, ensure_ascii=False)
    return action.changes


def kind_problem(raw: dict) -> str:
    """What is wrong with a kind's definition, in Vietnamese ("" when nothing)."""
    if not raw.get("key"):
        return "Thiếu mã danh hiệu."
    if not raw.get("name"):
        return "Thiếu tên danh hiệu, hình thức khen thưởng."
    if raw.get("subject", "individual") not in SUBJECT_LABELS:
        return f"Đối tượng “{raw.get('subject')}” không hợp lệ."
    if raw.get("authority_level", "commune") not in LEVEL_LABELS:
        return f"Cấp quyết định “{raw.get('authority_level')}” không hợp lệ."
    for rule in raw.get("rules", ()):
        if not isinstance(rule, dict) or rule.get("rule") not in RULE_NAMES:
            return f"Điều kiện “{rule}” không hợp lệ."
        problem = _rule_problem(rule)
        if problem:
            return problem
    vote = raw.get("vote", {})
    if not isinstance(vote, dict):
        return "Tỷ lệ phiếu không đọc được."
    try:
        percent = float(vote.get("percent", 50))
    except (TypeError, ValueError):
        return "Tỷ lệ phiếu phải là một số."
    if not 0 < percent <= 100:
        return "Tỷ lệ phiếu phải lớn hơn 0 và không quá 100%."
    if vote.get("base", "present") not in ("present", "all"):
        return "Cách tính tỷ lệ phiếu không hợp lệ."
    try:
        kind = kind_from_dict(raw)
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        return f"Định nghĩa danh hiệu không đọc được ({error})."
    if any(value is not None and value < 0 for value in (kind.money_coefficient, kind.collective_money_coefficient)):
        return "Hệ số tiền thưởng không được âm."
    return ""


def _rule_problem(rule: dict) -> str:
    """What is missing or out of range in one rule's numbers ("" when it can be applied)."""
    name = rule["rule"]

    def whole(key: str, low: int = 1) -> bool:
        value = rule.get(key)
        return isinstance(value, int) and not isinstance(value, bool) and value >= low

    if name == "awards_in_window":
        if not rule.get("awards") or not isinstance(rule["awards"], list):
            return "Điều kiện “số lần khen thưởng trong giai đoạn” chưa nêu danh hiệu nào."
        if not whole("min"):
            return "Điều kiện “số lần khen thưởng trong giai đoạn”: số lần phải từ 1 trở lên."
        if "from" in rule or "to" in rule:
            if not (whole("from", 1900) and whole("to", 1900) and rule["from"] <= rule["to"]):
                return "Điều kiện “số lần khen thưởng trong giai đoạn”: giai đoạn từ năm … đến năm … không hợp lệ."
        elif not whole("years"):
            return "Điều kiện “số lần khen thưởng trong giai đoạn”: số năm phải từ 1 trở lên."
    if name in ("consecutive_years", "same_year", "members_with_award") and not rule.get("award"):
        return "Điều kiện chưa nêu danh hiệu cần có."
    if name == "consecutive_years" and not whole("years"):
        return "Điều kiện “liên tục nhiều năm”: số năm phải từ 1 trở lên."
    if name == "members_with_award":
        if "min_percent" in rule:
            try:
                percent = float(rule["min_percent"])
            except (TypeError, ValueError):
                percent = -1
            if not 0 < percent <= 100:
                return "Điều kiện “tỷ lệ thành viên”: tỷ lệ phải lớn hơn 0 và không quá 100%."
        elif not whole("min_count"):
            return "Điều kiện “số thành viên”: số người phải từ 1 trở lên."
    if name == "no_discipline" and rule.get("min_form") and rule["min_form"] not in DISCIPLINE_ORDER:
        return f"Hình thức kỷ luật “{rule['min_form']}” không có trong danh sách."
    return ""


def set_kind_active(store: Store, key: str, active: bool) -> Changes:
    """Stop offering a kind (or offer it again), undoably. Kinds are never deleted: nominations and
    history keep naming them."""
    with store.action("Sửa danh hiệu") as action:
        row = action.session.scalar(select(AwardKindRow).where(AwardKindRow.key == key))
        if row is None:
            raise UserError("Không tìm thấy danh hiệu, hình thức khen thưởng này.", "Đóng rồi mở lại danh mục.")
        name = short(json.loads(row.definition).get("name", key))
        action.label = f"Dùng lại “{name}”" if active else f"Ngừng dùng “{name}”"
        row.active = active
    return action.changes
