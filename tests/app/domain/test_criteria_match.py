"""Matching criteria of two sets: by code and name, by name, by code with a like name, by a like name."""

from __future__ import annotations

import unicodedata

from app.domain.criteria_match import Criterion, normalised, propose, unmatched_new


def test_names_compare_normalised_but_never_diacritic_folded():
    """NFD and NFC, case, spaces and a trailing dot do not matter; a different tone mark does."""
    nfd = unicodedata.normalize("NFD", "Công khai  thủ tục.")
    assert normalised(nfd) == normalised("công khai thủ tục")
    assert normalised("Công khái thủ tục") != normalised("Công khai thủ tục")


def test_proposals_in_order_of_certainty_each_new_taken_once():
    """Same code and name first; a renumbered name next; a reused code only with a like name; the rest unmatched."""
    old = [Criterion(1, "1.1", "Ban hành kế hoạch CCHC"), Criterion(2, "1.2", "Tuyên truyền CCHC"),
           Criterion(3, "2.1", "Công khai thủ tục hành chính"), Criterion(4, "2.2", "Trang thông tin điện tử")]
    new = [Criterion(11, "1.1", "Ban hành kế hoạch CCHC."), Criterion(12, "1.3", "tuyên truyền  CCHC"),
           Criterion(13, "2.1", "Công khai thủ tục hành chính đầy đủ"), Criterion(14, "2.2", "Chữ ký số")]
    matches = {m.old: (m.new, m.how) for m in propose(old, new)}
    assert matches == {1: (11, "same"), 2: (12, "name"), 3: (13, "code"), 4: (None, "")}
    assert [item.id for item in unmatched_new(list(propose(old, new)), new)] == [14]


def test_a_split_criterion_goes_to_the_closer_half_only():
    """Without a shared code, the closer of two like names is proposed and the other half stays unmatched."""
    old = [Criterion(1, "3.1", "Công khai thủ tục hành chính tại bộ phận một cửa")]
    new = [Criterion(11, "B3", "Công khai thủ tục hành chính trên cổng dịch vụ công"),
           Criterion(12, "B4", "Công khai thủ tục hành chính tại bộ phận một cửa xã")]
    assert propose(old, new)[0].new == 12
