"""What a page costs a visitor's connection: its HTML as sent (compressed), and with its CSS and scripts."""

from __future__ import annotations

import gzip
import re

import brotli
from common import get

ACCEPT = {"Accept-Encoding": "br, gzip"}
ASSETS = re.compile(rb'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(/static/[^"]+)"')


def decoded(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    return body


def transferred_kb(base: str, path: str, headers: dict) -> tuple[float, float] | None:
    """KB of the page's HTML as sent, and with every stylesheet and script it loads; None if not HTML."""
    status, sent_headers, body = get(base + path, headers={**headers, **ACCEPT})
    if status != 200 or not sent_headers.get("Content-Type", "").startswith("text/html"):
        return None
    page = decoded(body, sent_headers.get("Content-Encoding", ""))
    assets = 0
    for asset in dict.fromkeys(ASSETS.findall(page)):
        assets += len(get(base + asset.decode(), headers=ACCEPT)[2])
    return len(body) / 1024, (len(body) + assets) / 1024
