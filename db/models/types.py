"""Column types the schema shares."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator):
    """A Decimal kept as its text ("0.5"), so points never pass through a float."""

    impl = String(30)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else format(Decimal(value).normalize(), "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)
