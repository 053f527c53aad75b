"""Tìm khắp dữ liệu: every typed word, with or without diacritics, at the start of a word; each hit says where."""

from app.queries.search import search


def _hits(store, words):
    with store.reading() as connection:
        return search(connection, words)


def test_words_without_diacritics_find_people_and_their_nominations(demo_store):
    """"le thi mai" finds the official (first) and her nominations, and nothing where "mai" is inside a word (email)."""
    hits = _hits(demo_store, "le thi mai")
    assert hits[0].kind == "official" and hits[0].text == "Lê Thị Mai"
    assert {h.kind for h in hits} == {"official", "nominee"}
    nominees = [h.where for h in hits if h.kind == "nominee"]
    assert any(where.startswith("Đề nghị Lao động tiên tiến — hồ sơ khen thưởng năm 2024") for where in nominees)
    assert any(where.startswith("Đề nghị Chiến sĩ thi đua cơ sở — hồ sơ khen thưởng năm 2024, tờ trình số 226/TTr-UBND")
               for where in nominees)
    assert not any("email" in h.text for h in _hits(demo_store, "mai"))


def test_tasks_plans_and_criteria_say_where_they_are(demo_store):
    """A task hit names its plan, year and area; a criterion hit its set and year; every word must match."""
    tasks = [h for h in _hits(demo_store, "một cửa liên thông") if h.kind == "task"]
    assert tasks and all(h.where.startswith(("Kế hoạch cải cách hành chính năm 2024 › ",
                                             "Kế hoạch phát động phong trào thi đua năm 2024 › ")) for h in tasks)
    assert all("lien thong" in __import__("app.domain.vietnamese", fromlist=["fold"]).fold(h.text) for h in tasks)
    criteria = [h for h in _hits(demo_store, "tuyen truyen") if h.kind == "criterion"]
    assert criteria and all(h.year and "(" in h.where for h in criteria)
    assert _hits(demo_store, "   ") == [] and _hits(demo_store, "xyzzy khong co") == []
