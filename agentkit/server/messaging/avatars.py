"""Avatar images: their type read from their first bytes, never from what the client says."""

from __future__ import annotations

from ..core.errors import ApiError

__all__ = ["MAX_AVATAR_BYTES", "sniff_image"]

MAX_AVATAR_BYTES = 128 * 1024

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def sniff_image(data: bytes) -> str:
    """The image type of ``data``.

    Raises:
        ApiError: 413 AVATAR_TOO_LARGE past the size limit; 415 UNSUPPORTED_MEDIA_TYPE for
            bytes that are not a PNG, JPEG, GIF or WebP image (an empty body included).
    """
    if len(data) > MAX_AVATAR_BYTES:
        raise ApiError(
            "AVATAR_TOO_LARGE",
            f"an avatar may be at most {MAX_AVATAR_BYTES} bytes; this one is {len(data)}",
            {"limit": MAX_AVATAR_BYTES, "size": len(data)},
        )
    for signature, media_type in _SIGNATURES:
        if data.startswith(signature):
            return media_type
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    raise ApiError(
        "UNSUPPORTED_MEDIA_TYPE",
        "an avatar must be a PNG, JPEG, GIF or WebP image; these bytes are none of them",
        {"field": "body", "location": "body"},
    )
