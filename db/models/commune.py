"""The commune profile (Thông tin đơn vị): one row."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class CommuneProfileRow(Base):
    __tablename__ = "commune_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_name: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    # The superior of papers dated from 01/07/2025: the province and its Sở Nội vụ.
    superior_authority: Mapped[str] = mapped_column(String(300), default="")
    receiving_office: Mapped[str] = mapped_column(String(300), default="")
    # The former district's names, for papers dated before 01/07/2025 (resources/law/hierarchy.json).
    district_authority: Mapped[str] = mapped_column(String(300), default="")
    district_office: Mapped[str] = mapped_column(String(300), default="")
    place_name: Mapped[str] = mapped_column(String(200), default="")
    chairman_name: Mapped[str] = mapped_column(String(200), default="")
    chairman_title: Mapped[str] = mapped_column(String(200), default="")
    clerk_name: Mapped[str] = mapped_column(String(200), default="")
    doc_suffix: Mapped[str] = mapped_column(String(50), default="UBND")
    unit_kind: Mapped[str] = mapped_column(String(10), default="xa")  # "xa" | "phuong": the offices differ
    # Mã đơn vị hành chính (digits, optional): how the province's receiver knows the commune (migration 0015).
    commune_code: Mapped[str] = mapped_column(String(20), default="")
    # The office drafting the CCHC and emulation papers (its name replaces "Văn phòng - Thống kê").
    drafting_office_id: Mapped[int | None] = mapped_column(
        ForeignKey("collective.id", ondelete="SET NULL"), nullable=True
    )


class SuperiorPeriodRow(Base):
    """The commune's own superior over a span of days: papers dated inside it address these names.

    Seeded by migration 0011 from the profile's two pairs of fields and the dates of
    resources/law/hierarchy.json; the clerk edits it on the profile page.
    """

    __tablename__ = "superior_period"

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: since ever
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: still in force
    level: Mapped[str] = mapped_column(String(20), default="province")  # district | province
    authority: Mapped[str] = mapped_column(String(300), default="")  # Ủy ban nhân dân tỉnh …
    office: Mapped[str] = mapped_column(String(300), default="")  # Sở Nội vụ tỉnh … (reports, packages)
    award_office: Mapped[str] = mapped_column(String(300), default="")  # receives award proposals
    position: Mapped[int] = mapped_column(Integer, default=0)
