"""Which side a data folder belongs to, read from its database and its marker."""

from __future__ import annotations

import shutil

import pytest

from app.errors import UserError
from app.paths import DataFolder
from app.receiving.folder_kind import (
    COMMUNE, NEW, RECEIVING, kind_of, mark_receiving, refuse_commune_folder, refuse_receiving_folder,
)


def test_a_new_folder_belongs_to_neither_side(migrated_folder, tmp_path):
    """An empty migrated folder and a folder with no database are NEW: either window may take them."""
    assert kind_of(migrated_folder) == NEW and kind_of(DataFolder(tmp_path / "none")) == NEW
    refuse_commune_folder(migrated_folder)
    refuse_receiving_folder(migrated_folder)


def test_the_marker_makes_a_receiving_folder(migrated_folder):
    """A folder the receiving window marked is refused by the commune's window, with the way to open it."""
    mark_receiving(migrated_folder)
    assert kind_of(migrated_folder) == RECEIVING
    with pytest.raises(UserError, match="chế độ Tổng hợp"):
        refuse_receiving_folder(migrated_folder)


def test_received_packages_make_a_receiving_folder_without_the_marker(store, tmp_path):
    """A folder the consolidate command filled (no marker) is a receiving folder too."""
    from app.receiving.ingest import consolidate
    from tests.fixtures.received_packages import commune_data, write_package

    write_package(commune_data("An Phú", {"1.1": "5"}), tmp_path / "goi")
    consolidate(store, [tmp_path / "goi"])
    assert kind_of(store.folder) == RECEIVING


def test_the_demo_commune_is_a_commune_folder(tmp_path, demo_template):
    """The demo's folder (a named profile, plans) is refused in receiving mode."""
    folder = DataFolder(tmp_path / "xa")
    folder.create()
    shutil.copyfile(demo_template.database, folder.database)
    assert kind_of(folder) == COMMUNE
    with pytest.raises(UserError, match="của một xã"):
        refuse_commune_folder(folder)
