"""The commune's profile as every paper's header and signature print it."""

from __future__ import annotations

from app.queries.models.profile import CommuneProfile
from app.services.profile import get_profile
from app.store import Store


def commune_profile(store: Store) -> CommuneProfile:
    return get_profile(store)
