"""Absent members' written votes per nominee: who may have one, how they count, what readiness says."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.services import council, dossier, written_votes
from app.services.dossier_readiness import written_vote_gaps
from app.services.dossier_view import read_view

YEAR = 2024


def _open(store) -> int:
    return next(item.id for item in dossier.list_dossiers(store, YEAR) if item.campaign.startswith("Phong trào"))


def _member(store, name: str) -> int:
    return next(member.id for member in council.members(store, YEAR) if member.full_name == name)


def test_the_demo_records_ngo_van_toan_on_every_nominee(demo_store):
    """Ngô Văn Toàn (absent, in writing) agrees with every nominee but Huỳnh Văn Ân."""
    view = read_view(demo_store, _open(demo_store))
    votes = {item.name: view.outcomes[item.id].written for item in view.nominations}
    assert all(len(found) == 1 and found[0].full_name == "Ngô Văn Toàn" for found in votes.values())
    assert [name for name, found in votes.items() if found[0].agrees is False] == ["Huỳnh Văn Ân"]


def test_a_member_present_cannot_vote_in_writing(demo_store):
    """Only a member marked absent with a written opinion; the message says where to mark it."""
    nomination = read_view(demo_store, _open(demo_store)).nominations[0].id
    with pytest.raises(UserError, match="Ý kiến văn bản"):
        written_votes.set_written_vote(demo_store, nomination, _member(demo_store, "Trần Văn Hùng"), True)


def test_marking_the_member_present_again_takes_the_written_votes_away(demo_store):
    """Back at the meeting: the written votes on this dossier go in the same action."""
    dossier_id = _open(demo_store)
    council.set_attendance(demo_store, dossier_id, _member(demo_store, "Ngô Văn Toàn"), True)
    view = read_view(demo_store, dossier_id)
    assert all(view.outcomes[item.id].written == () for item in view.nominations)


def test_readiness_flags_a_missing_written_vote_where_all_members_count(demo_store):
    """A CSTĐCS nominee without Ngô Văn Toàn's written vote is flagged; a Giấy khen nominee is not."""
    dossier_id = _open(demo_store)
    mai = next(subject for kind, subject, name in dossier.candidates(demo_store) if name == "Lê Thị Mai")
    added = dossier.add_nomination(demo_store, dossier_id, "official", mai, "cstdcs").value
    view = read_view(demo_store, dossier_id)
    gaps = written_vote_gaps(view.nominations, view.outcomes)
    assert [gap.target for gap in gaps] == [added]
    assert gaps[0].what == ("Lê Thị Mai (Chiến sĩ thi đua cơ sở): chưa nhập ý kiến bằng văn bản của Ngô Văn Toàn "
                            "(tỷ lệ tính trên tổng số thành viên Hội đồng).")
    written_votes.set_written_vote(demo_store, added, _member(demo_store, "Ngô Văn Toàn"), False)
    view = read_view(demo_store, dossier_id)
    assert written_vote_gaps(view.nominations, view.outcomes) == []
