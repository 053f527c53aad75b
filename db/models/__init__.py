"""The schema, one module per aggregate. Importing this package registers every table.

Schema notes:
- ``commune_profile`` holds exactly one row (id 1): the commune this data folder serves.
- ``official`` lists the commune's cán bộ, công chức and người hoạt động không
  chuyên trách; people who leave are made inactive, never deleted while
  anything refers to them.
"""

from db.models.base import Base
from db.models.commune import CommuneProfileRow
from db.models.official import OfficialRow

__all__ = ["Base", "CommuneProfileRow", "OfficialRow"]
