"""Officials of the commune (cán bộ, công chức, người hoạt động không chuyên trách)."""

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class OfficialRow(Base):
    __tablename__ = "official"

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    gender: Mapped[str] = mapped_column(String(10), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    position: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The office of the UBND the official works in (a ``collective`` with a kind); None: leadership, none.
    office_id: Mapped[int | None] = mapped_column(
        ForeignKey("collective.id", ondelete="SET NULL"), nullable=True, index=True
    )
