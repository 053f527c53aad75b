"""The commune's profile as papers print it: name, province, superior level, signers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommuneProfile:
    commune_name: str = ""
    province: str = ""
    superior_authority: str = ""
    receiving_office: str = ""
    place_name: str = ""
    chairman_name: str = ""
    chairman_title: str = ""
    clerk_name: str = ""
    doc_suffix: str = "UBND"
