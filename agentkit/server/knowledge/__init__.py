"""Knowledge indexes: chunking documents, full-text retrieval, and reading uploaded files."""

from .chunking import chunk_document
from .retrieval import match_expression, retrieve
from .uploads import Upload, read_upload

__all__ = ["Upload", "chunk_document", "match_expression", "read_upload", "retrieve"]
