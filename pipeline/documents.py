"""Reading source documents the way the figures seed counts them."""

from __future__ import annotations

import re
from pathlib import Path


def fold_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space, so a quote matches across line breaks."""
    return re.sub(r"\s+", " ", text).strip()


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of a document, in order; paragraph N is item N-1."""
    return [line for line in text.split("\n") if line.strip()]


def read_document(path: Path) -> str:
    return path.read_text(encoding="utf-8")
