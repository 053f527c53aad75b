"""The start-up checks read on sqlite3 agree with the ORM and Alembic: schema version, pending installs, the commune."""

from __future__ import annotations

import sqlite3

from app import builtin_data
from app.queries.start import commune_of, read_schema_state
from app.services.profile import get_profile, set_profile_field
from app.startup import finish_installs, open_store
from app.store import Store
from db import migrate


def test_the_schema_state_equals_what_alembic_and_the_engine_read(demo_store):
    """The revision and the pending installs read on sqlite3 are Alembic's revision and the engine's user_version."""
    state = read_schema_state(demo_store.folder.database)
    assert state.revision == migrate.current_revision(demo_store.engine) == migrate.HEAD
    assert state.pending == builtin_data.pending(demo_store) == 0


def test_a_file_behind_head_reads_its_own_revision_and_pending_bits(migrated_folder):
    """An older file's revision and noted installs are read as they are written, before any migration."""
    connection = sqlite3.connect(migrated_folder.database)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0004'")
        connection.execute("PRAGMA user_version = 2")
    connection.close()
    store = Store(migrated_folder)
    try:
        state = read_schema_state(migrated_folder.database)
        assert (state.revision, state.pending) == (migrate.current_revision(store.engine), builtin_data.pending(store))
        assert state == type(state)("0004", 2)
    finally:
        store.close()


def test_the_commune_name_equals_the_profiles(demo_store):
    """The window's title reads the same commune name on sqlite3 as the profile service, before and after an edit."""
    assert commune_of(demo_store) == get_profile(demo_store).commune_name == "Hòa Bình Xuân"
    set_profile_field(demo_store, "commune_name", "Tân Lập")
    assert commune_of(demo_store) == get_profile(demo_store).commune_name == "Tân Lập"


def test_opening_a_current_folder_builds_no_engine(demo_store):
    """Checks, schema version and daily backup of a current file need no SQLAlchemy engine at all."""
    folder = demo_store.folder
    demo_store.close()
    store, report = open_store(folder)
    try:
        assert store._engine is None and not report.migrated
    finally:
        store.close()


def test_a_new_folder_may_leave_the_shipped_data_for_after_the_first_page(folder):
    """``defer_installs`` notes the criteria sets (both generations) and award kinds as pending; ``finish_installs``
    installs them once."""
    store, report = open_store(folder, defer_installs=True)
    try:
        assert report.created and store._engine is None
        assert read_schema_state(folder.database) == type(read_schema_state(folder.database))(
            migrate.HEAD, builtin_data.CRITERIA_SETS | builtin_data.AWARD_KINDS | builtin_data.SHAPED_SETS)
        assert finish_installs(store) == builtin_data.CRITERIA_SETS | builtin_data.AWARD_KINDS | builtin_data.SHAPED_SETS
        assert read_schema_state(folder.database).pending == 0 and finish_installs(store) == 0
        with store.reading() as connection:
            assert connection.execute("SELECT count(*) FROM criteria_set").fetchone()[0] > 0
            assert connection.execute("SELECT count(*) FROM award_kind").fetchone()[0] > 0
    finally:
        store.close()
