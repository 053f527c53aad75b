"""Undo case: the commune takes in the province's appraisal result file (KQTD_….zip) in one step."""

from __future__ import annotations

from app.exchange.appraisal_result import write_appraisal_file
from app.services.appraisal_import import import_appraisal_file
from tests.app.undo_cases import Case


def _result_file(store):
    from tests.app.services.test_appraisal_import import result_for

    folder = store.folder.root.parent / "thu-so-noi-vu"
    folder.mkdir(exist_ok=True)
    return write_appraisal_file(result_for(store), folder)


def _import(store, path):
    return import_appraisal_file(store, path)


CASES = [Case("nhập tệp kết quả thẩm định của tỉnh", _import, _result_file)]
