"""What the package offers the clerk to choose: the year's award dossiers, each with how many go upward."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DossierChoice:
    """One award dossier of the year as the package lists it; ``upward`` counts distinct people and collectives
    the council carried whose award is granted above the commune."""

    id: int
    campaign: str
    letter_number: str
    letter_date: date | None
    upward: int
    own: int  # distinct people and collectives carried whose award the commune Chairman grants
    decision: str = ""  # the number of the commune Chairman's decision, once issued

    @property
    def goes_upward(self) -> bool:
        return self.upward > 0

    @property
    def heading(self) -> str:
        return f"Hồ sơ số {self.id}: “{self.campaign}”"

    @property
    def details(self) -> str:
        """ "Tờ trình số 218/TTr-UBND ngày 05/12/2024; 4 người/tập thể đề nghị cấp trên khen thưởng"; or, with
        nobody going upward, where the commune's own awards go instead."""
        if not self.upward:
            own = f"Quyết định số {self.decision} của xã" if self.decision else "quyết định của xã (chưa ban hành)"
            return (f"Không có ai đề nghị cấp trên; {self.own} người/tập thể được khen theo {own}, "
                    "đi trong mục “Quyết định khen thưởng của xã”")
        letter = f"Tờ trình số {self.letter_number}" if self.letter_number else "Tờ trình chưa có số"
        if self.letter_date is not None:
            letter += f" ngày {self.letter_date:%d/%m/%Y}"
        return f"{letter}; {self.upward} người/tập thể đề nghị cấp trên khen thưởng"

    @property
    def description(self) -> str:
        return f"{self.heading} — {self.details}"
