"""Old plans typed with TCVN3 (.Vn fonts) or VNI: which converter a text needs, and the converter."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.legacy_vietnamese import Detection, detect_legacy, tcvn3_to_unicode, vni_to_unicode

LABELS = {"tcvn3": "TCVN3 (ABC, phông .VnTime)", "vni": "VNI (phông VNI-Times)"}
_CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}


def converter_for(detection: Detection) -> Callable[[str], str] | None:
    """The converter to apply, or None when the text is already Unicode."""
    return _CONVERTERS.get(detection.encoding)


def question(detection: Detection) -> str:
    """What the clerk is asked before the text is converted (with an example from the text)."""
    return (
        f"Văn bản này có vẻ được gõ bằng bảng mã {LABELS[detection.encoding]}, không phải Unicode.\n"
        f"Ví dụ: {detection.sample}\n\nChuyển sang Unicode trước khi đọc?"
    )


__all__ = ["Detection", "converter_for", "detect_legacy", "question"]
