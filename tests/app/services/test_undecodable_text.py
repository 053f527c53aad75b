"""A byte flipped inside a stored text reads back with U+FFFD through the services, never an error."""

from __future__ import annotations

import pytest

from app.services import dossier
from app.services.criteria_sets import list_sets, load_set
from app.services.officials import list_officials
from app.startup import open_store

# "Trần Văn Hùng" (an official, nominee and council member) and a criterion's name, each made undecodable
DAMAGED = (("Trần Văn Hùng", "Tr\ufffd\ufffd\ufffdn Văn Hùng"),
           ("Ban hành kế hoạch CCHC năm", "Ban h\ufffd\ufffdnh kế hoạch CCHC năm"))


def flip_first_multibyte(database, text: str) -> int:
    """Overwrite the lead byte of the first non-ASCII character of every stored copy of ``text`` with 0xFF."""
    encoded = text.encode("utf-8")
    lead = next(i for i, byte in enumerate(encoded) if byte >= 0x80)
    data = bytearray(database.read_bytes())
    count, start = 0, data.find(encoded)
    while start >= 0:
        data[start + lead] = 0xFF
        count, start = count + 1, data.find(encoded, start + 1)
    database.write_bytes(bytes(data))
    return count


@pytest.fixture
def damaged_store(demo_store):
    """The demo commune with the texts of ``DAMAGED`` flipped in the file itself, opened again."""
    demo_store.close()  # the last connection checkpoints the WAL: every row is in the main file
    database = demo_store.folder.database
    assert all(flip_first_multibyte(database, text) for text, _shown in DAMAGED)
    store, _report = open_store(demo_store.folder)
    yield store
    store.close()



def test_the_officials_list_reads_the_damaged_name(damaged_store):
    """list_officials returns the damaged name with U+FFFD where the bad bytes were."""
    assert DAMAGED[0][1] in [official.full_name for official in list_officials(damaged_store)]


def test_the_dossier_candidates_read_the_damaged_name(damaged_store):
    """The award dossier's list of people reads the damaged name too."""
    assert DAMAGED[0][1] in [name for _kind, _id, name in dossier.candidates(damaged_store)]


def test_the_criteria_set_reads_the_damaged_criterion(damaged_store):
    """load_set of the set holding the damaged criterion returns its name with U+FFFD."""
    names = [criterion.name for summary in list_sets(damaged_store)
             for criterion in load_set(damaged_store, summary.id).data.criteria]
    assert DAMAGED[1][1] in names
