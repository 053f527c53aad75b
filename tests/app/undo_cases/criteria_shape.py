"""Undo cases: "Không áp dụng", the declared figures and the province's appraisal of the self-scoring."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.services import appraisal, scoring
from app.services.appraisal import AppraisalRow
from tests.app.undo_cases import Case

YEAR, TODAY = 2024, date(2025, 1, 15)


def _sheet(store):
    return scoring.score_sheet(store, YEAR, TODAY)


def _scored_leaf(store):
    return next(line for line in _sheet(store).lines if line.is_leaf and line.points and line.na_allowed)


def _not_applicable(store, _prepared):
    return scoring.set_not_applicable(store, YEAR, _scored_leaf(store).criterion_id, True)


def _declared(store, _prepared):
    return scoring.set_declared(store, YEAR, _scored_leaf(store).criterion_id, "45/48 hồ sơ đúng hạn")


def _appraise(store, _prepared):
    line = _scored_leaf(store)
    return appraisal.set_appraisal(store, _sheet(store).assessment_id, line.code, Decimal(0), "Thiếu tài liệu")


def _import(store, _prepared):
    leaves = [line for line in _sheet(store).lines if line.is_leaf and line.max_points][:3]
    return appraisal.import_appraisal(store, YEAR, [AppraisalRow(line.code, line.max_points, "Đạt") for line in leaves])


CASES = [
    Case("đánh dấu không áp dụng", _not_applicable),
    Case("sửa số liệu kê khai", _declared),
    Case("nhập điểm thẩm định", _appraise),
    Case("nhập kết quả thẩm định", _import),
]
