"""The commune profile (Thông tin đơn vị): one row."""

from sqlalchemy import String
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
