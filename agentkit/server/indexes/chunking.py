"""Splitting a document into chunks of about ``TARGET`` characters, at natural boundaries.

Paragraphs (separated by blank lines) are the unit. In markdown, a heading line starts a new
chunk (outside fenced code). Small paragraphs are merged up to ``TARGET`` characters; a longer
paragraph is split at sentence ends, and a sentence longer still at spaces.
"""

from __future__ import annotations

import re

__all__ = ["TARGET", "chunk_document"]

TARGET = 800

_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sections(text: str, markdown: bool) -> list[list[str]]:
    """Paragraphs grouped into sections; each section starts a new chunk."""
    sections: list[list[str]] = [[]]
    paragraph: list[str] = []
    fenced = False

    def end_paragraph() -> None:
        if paragraph:
            sections[-1].append("\n".join(paragraph).strip())
            paragraph.clear()

    for line in text.split("\n"):
        if markdown and _FENCE.match(line):
            fenced = not fenced
        elif markdown and not fenced and _HEADING.match(line):
            end_paragraph()
            if sections[-1]:
                sections.append([])
        elif not fenced and not line.strip():
            end_paragraph()
            continue
        paragraph.append(line)
    end_paragraph()
    return [[p for p in section if p] for section in sections]


def _pieces(paragraph: str, limit: int) -> list[str]:
    """A paragraph cut into pieces of at most ``limit`` characters at the best boundaries."""
    if len(paragraph) <= limit:
        return [paragraph]
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        if len(sentence) <= limit:
            pieces.append(sentence)
            continue
        for word in sentence.split():
            while len(word) > limit:  # no boundary at all: cut
                pieces.append(word[:limit])
                word = word[limit:]
            pieces.append(word)
    return _pack(pieces, limit, " ")


def _pack(pieces: list[str], limit: int, joiner: str) -> list[str]:
    """Join consecutive pieces while the result stays within ``limit``."""
    packed: list[str] = []
    for piece in pieces:
        if packed and len(packed[-1]) + len(joiner) + len(piece) <= limit:
            packed[-1] += joiner + piece
        else:
            packed.append(piece)
    return packed


def chunk_document(content: str, *, markdown: bool, limit: int = TARGET) -> list[str]:
    """The document's chunks, in order; none for a document of blank lines only.

    Args:
        content: The document's text.
        markdown: Whether heading lines start new chunks.
        limit: The most characters a chunk holds.
    """
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    chunks: list[str] = []
    for section in _sections(text, markdown):
        pieces = [piece for paragraph in section for piece in _pieces(paragraph, limit)]
        chunks.extend(_pack(pieces, limit, "\n\n"))
    return [chunk for chunk in chunks if chunk.strip()]
