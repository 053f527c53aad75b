"""The two kinds of plan a commune writes each year, and the narrative sections each one has.

Section keys are stable identifiers stored in the database; headings are the
wording printed on the paper (seeds 000 and 002).
"""

from __future__ import annotations

from dataclasses import dataclass

REFORM = "reform"
EMULATION = "emulation"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str


@dataclass(frozen=True)
class PlanKind:
    key: str
    label: str  # shown in lists: "Kế hoạch cải cách hành chính"
    default_title: str  # summary line with {year} and {commune}
    tasks_heading: str  # the section that holds the areas and tasks
    sections_before_tasks: tuple[Section, ...]
    sections_after_tasks: tuple[Section, ...]

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.sections_before_tasks + self.sections_after_tasks

    def title_for(self, year: int, commune: str) -> str:
        return self.default_title.format(year=year, commune=commune or "…")


PLAN_KINDS = {
    REFORM: PlanKind(
        key=REFORM,
        label="Kế hoạch cải cách hành chính",
        default_title="Cải cách hành chính năm {year} của xã {commune}",
        tasks_heading="NỘI DUNG, NHIỆM VỤ TRỌNG TÂM",
        sections_before_tasks=(Section("purpose", "Mục đích"), Section("requirements", "Yêu cầu")),
        sections_after_tasks=(Section("organisation", "TỔ CHỨC THỰC HIỆN"),),
    ),
    EMULATION: PlanKind(
        key=EMULATION,
        label="Kế hoạch phát động phong trào thi đua",
        default_title="Phát động phong trào thi đua đẩy mạnh cải cách hành chính trên địa bàn xã {commune} năm {year}",
        tasks_heading="NỘI DUNG THI ĐUA",
        sections_before_tasks=(
            Section("purpose", "Mục đích"),
            Section("requirements", "Yêu cầu"),
            Section("subjects", "ĐỐI TƯỢNG THI ĐUA"),
        ),
        sections_after_tasks=(
            Section("period", "THỜI GIAN TỔ CHỨC PHONG TRÀO THI ĐUA"),
            Section("criteria_collective", "Tiêu chuẩn khen thưởng tập thể"),
            Section("criteria_individual", "Tiêu chuẩn khen thưởng cá nhân"),
            Section("dossier", "Hồ sơ khen thưởng"),
            Section("deadline", "Thời hạn đề nghị xét khen thưởng"),
            Section("organisation", "TỔ CHỨC THỰC HIỆN"),
        ),
    ),
}


def plan_kind(key: str) -> PlanKind:
    return PLAN_KINDS.get(key, PLAN_KINDS[REFORM])
