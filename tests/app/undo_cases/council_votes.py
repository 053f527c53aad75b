"""Undo cases: the council's written votes per nominee and its own rules of the year."""

from __future__ import annotations

from decimal import Decimal

from app.domain.awards import Quorum, VoteRule
from app.services import council, council_rules, dossier, written_votes
from tests.app.undo_cases import Case

YEAR = 2024


def _open(store) -> int:
    """The demo's dossier still open (its decision not issued)."""
    return next(item.id for item in dossier.list_dossiers(store, YEAR) if item.campaign.startswith("Phong trào"))


def _toan(store) -> int:
    return next(member.id for member in council.members(store, YEAR) if member.full_name == "Ngô Văn Toàn")


def _an(store) -> int:
    """Huỳnh Văn Ân's nomination, on which Ngô Văn Toàn wrote "không đồng ý"."""
    return next(item.id for item in dossier.nominations(store, _open(store)) if item.name == "Huỳnh Văn Ân")


def _change_written(store, _prepared):
    return written_votes.set_written_vote(store, _an(store), _toan(store), True)


def _clear_written(store, _prepared):
    return written_votes.set_written_vote(store, _an(store), _toan(store), None)


def _save_rules(store, _prepared):
    return council_rules.save_rules(store, YEAR, Quorum(3, 4), {"ldtt": VoteRule(Decimal(60), "present", False)})


CASES = [
    Case("sửa ý kiến bằng văn bản", _change_written),
    Case("xóa ý kiến bằng văn bản", _clear_written),
    Case("sửa quy chế của Hội đồng", _save_rules),
]
