"""A ready e-mail draft (.eml) carrying the package's zip, for Outlook or Thunderbird to send once online.

"To" is left empty for the clerk to fill; ``X-Unsent: 1`` makes Outlook open
the file as a message to send rather than one received. Written atomically
beside the zip (``<package>.eml``), UTF-8 throughout.
"""

from __future__ import annotations

import os
import tempfile
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from pathlib import Path

from app.exporters.manifest import Manifest
from db.fsync import replace_durably


def subject(manifest: Manifest) -> str:
    return f"Hồ sơ CCHC năm {manifest.year} - xã {manifest.commune}".strip()


def body(manifest: Manifest, zip_name: str, addressee: str = "", signer: str = "") -> str:
    """The Vietnamese message: who sends what, each content with its number of files, how to check it."""
    lines = [f"Kính gửi: {addressee}" if addressee else "Kính gửi: Quý cơ quan,", "",
             f"Ủy ban nhân dân xã {manifest.commune} gửi hồ sơ cải cách hành chính năm {manifest.year}, gồm:"]
    for content in manifest.contents:
        count = sum(1 for item in manifest.files if item.kind == content.get("key"))
        lines.append(f"- {content.get('title', '')} ({count} tệp)")
    lines += ["", f"Toàn bộ hồ sơ nằm trong tệp đính kèm {zip_name}; danh mục ở tệp DANH_MUC.txt bên trong.",
              "Tệp manifest.json ghi mã kiểm tra SHA-256 của từng tệp để Quý cơ quan kiểm tra hồ sơ còn nguyên vẹn.",
              "", "Trân trọng.", signer or f"UBND xã {manifest.commune}"]
    return "\n".join(lines) + "\n"


def email_draft(manifest: Manifest, zip_path: Path, addressee: str = "", signer: str = "") -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    message["To"] = ""
    message["Subject"] = subject(manifest)
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(body(manifest, zip_path.name, addressee, signer), charset="utf-8")
    message.add_attachment(Path(zip_path).read_bytes(), maintype="application", subtype="zip", filename=zip_path.name)
    return message


def write_email_draft(manifest: Manifest, zip_path: Path, addressee: str = "", signer: str = "",
                      target: Path | None = None) -> Path:
    """Write ``<zip name>.eml`` beside the zip (or at ``target``); returns its path."""
    zip_path = Path(zip_path)
    target = Path(target) if target else zip_path.with_suffix(".eml")
    data = email_draft(manifest, zip_path, addressee, signer).as_bytes()
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        replace_durably(Path(temp), target)
    finally:
        Path(temp).unlink(missing_ok=True)
    return target
