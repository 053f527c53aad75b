"""The receiving side (Tổng hợp mode): what the province's Sở Nội vụ received and how it appraised it.

- ``received_package``: one row per package file seen (a .zip or a package folder), found by its
  ``path``; ``size`` and ``mtime_ns`` let the next run skip a file unchanged since. ``status`` is
  ``ok`` (verified, data file read: ``data_json`` holds it verbatim), ``text_only`` (verified, no data
  file: an older package, consolidated for what its manifest says), ``refused`` (``reason`` says why)
  or ``replaced`` (a newer export of the same commune, year and period won; ``reason`` names it).
  The summary columns (totals, counts) are computed once at ingest so the tables list without parsing.
- ``province_appraisal``: the province's appraised points and note per commune key, year and criterion
  code. Kept apart from what is ingested, so re-ingesting a package never loses an appraisal.
- ``receiving_office``: one row, the receiving office ("Sở Nội vụ tỉnh …") as its papers print it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.models.types import DecimalText


class ReceivedPackageRow(Base):
    __tablename__ = "received_package"
    __table_args__ = (UniqueConstraint("path"), Index("ix_received_package_year", "year", "commune_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)  # absolute, as found
    size: Mapped[int] = mapped_column(Integer)  # bytes (a folder: all its files)
    mtime_ns: Mapped[int] = mapped_column(Integer)  # the newest file's
    package_name: Mapped[str] = mapped_column(Text, default="")
    commune_key: Mapped[str] = mapped_column(Text, default="")  # CommuneInfo.key; "" when refused unread
    commune_name: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")
    unit_kind: Mapped[str] = mapped_column(String(10), default="xa")
    commune_code: Mapped[str] = mapped_column(String(20), default="")
    year: Mapped[int] = mapped_column(Integer, default=0)
    period: Mapped[str] = mapped_column(String(10), default="")
    exported_at: Mapped[str] = mapped_column(String(40), default="")
    app_version: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(10))  # ok | text_only | refused | replaced
    reason: Mapped[str] = mapped_column(Text, default="")
    data_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    self_total: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    rating: Mapped[str] = mapped_column(Text, default="")
    set_name: Mapped[str] = mapped_column(Text, default="")
    set_version: Mapped[str] = mapped_column(String(40), default="")
    tasks_total: Mapped[int] = mapped_column(Integer, default=0)
    tasks_done: Mapped[int] = mapped_column(Integer, default=0)
    tasks_overdue: Mapped[int] = mapped_column(Integer, default=0)
    proposals_count: Mapped[int] = mapped_column(Integer, default=0)
    decisions_count: Mapped[int] = mapped_column(Integer, default=0)
    seen_at: Mapped[str] = mapped_column(String(40), default="")  # ISO time of the run that read it


class ProvinceAppraisalRow(Base):
    __tablename__ = "province_appraisal"
    __table_args__ = (UniqueConstraint("commune_key", "year", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_key: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    points: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)  # None: a note only
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ReceivingOfficeRow(Base):
    __tablename__ = "receiving_office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)  # "Sở Nội vụ tỉnh Quảng Ngãi"
    province: Mapped[str] = mapped_column(Text)  # "Quảng Ngãi"
    signer: Mapped[str] = mapped_column(Text, default="", server_default="")  # the director's full name
