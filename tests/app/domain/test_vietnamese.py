"""Vietnamese folding and dictionary order."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from app.domain.vietnamese import ALPHABET, collation_key, fold, name_key, split_name


def test_fold_removes_diacritics_and_case():
    """ "Cải cách thủ tục" is found by "cai cach thu tuc"."""
    assert fold("Cải cách THỦ TỤC") == "cai cach thu tuc"


def test_fold_turns_d_with_stroke_into_d():
    """đ and Đ fold to d, which NFD alone does not do."""
    assert fold("Đặng Văn Đức") == "dang van duc"


def test_fold_accepts_decomposed_input():
    """Text pasted in NFD folds the same as NFC text."""
    assert fold(unicodedata.normalize("NFD", "Hòa Bình Xuân")) == fold("Hòa Bình Xuân")


def test_letters_follow_the_vietnamese_alphabet():
    """a < ă < â < b … d < đ < e < ê … o < ô < ơ … u < ư."""
    letters = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert sorted(letters, key=collation_key) == letters


def test_letter_outranks_tone():
    """The base letter decides before the tone: "ác" < "ăn" although á carries a tone."""
    assert sorted(["ăn", "ác"], key=collation_key) == ["ác", "ăn"]


def test_tones_break_ties_in_dictionary_order():
    """ngang, huyền, hỏi, ngã, sắc, nặng."""
    words = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(words), key=collation_key) == words


def test_d_with_stroke_sorts_after_d():
    """Đức comes after Dung, not among the d's."""
    assert sorted(["Đức", "Dung", "Em"], key=collation_key) == ["Dung", "Đức", "Em"]


def test_shorter_word_sorts_first():
    """An — Anh — Ánh."""
    assert sorted(["Ánh", "Anh", "An"], key=collation_key) == ["An", "Anh", "Ánh"]


def test_names_sort_by_given_name_first():
    """Vietnamese names sort by the given name, then the family and middle names."""
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Thị Ánh"]
    assert sorted(names, key=name_key) == ["Lê Văn An", "Nguyễn Thị An", "Đỗ Thị Ánh", "Trần Văn Bình"]


def test_split_name_takes_the_last_word_as_given_name():
    assert split_name("  Nguyễn  Thị Thu Hà ") == ("Nguyễn Thị Thu", "Hà")
    assert split_name("") == ("", "")


@given(st.text())
def test_keys_never_fail_on_any_text(text):
    """Folding and sort keys accept any text a clerk could paste."""
    assert isinstance(fold(text), str)
    assert isinstance(collation_key(text), str)
    assert isinstance(name_key(text), str)


@given(st.text(alphabet=ALPHABET + "àảãáạ ", min_size=1), st.text(alphabet=ALPHABET + "àảãáạ ", min_size=1))
def test_distinct_words_get_distinct_keys_and_case_does_not_matter(first, second):
    """Two words share a key only if they are the same word up to case and spacing."""
    assert collation_key(first.upper()) == collation_key(first)
    same_key = collation_key(first) == collation_key(second)
    assert same_key == (" ".join(first.lower().split()) == " ".join(second.lower().split()))


def test_names_index_by_their_folded_form_and_a_shared_name_links_nobody():
    from app.domain.vietnamese import by_folded_name

    index = by_folded_name([(1, "Lê Thị Mai"), (2, "Trần Văn Hùng"), (3, "Tran Van  Hung"), (4, "Bộ phận Một cửa")])
    assert index == {"le thi mai": 1, "tran van hung": None, "bo phan mot cua": 4}
