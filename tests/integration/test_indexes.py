"""client.indexes against the reference server, for the sync and the async client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import agentkit
from agentkit.types import UNSET, DocumentContentType
from tests.faults import FaultInjector

RETURNS = (
    "Our returns policy: items can be sent back within 30 days of delivery for a full refund.\n\n"
    "Refunds are paid to the original card within five business days."
)
SHIPPING = (
    "Shipping takes two to four days inside the country. Express shipping arrives the next day.\n\n"
    "International parcels clear customs in about a week."
)
WARRANTY = "Every laptop carries a two year warranty covering the battery and the screen."


@pytest.fixture
def index(client: Any) -> Any:
    return client.indexes.create(
        "Support articles", description="Help centre", metadata={"team": "care"}
    )


class TestIndexLifecycle:
    def test_create_then_get_shows_empty_counts(self, client: Any, index: Any) -> None:
        """A new index has its name, description, metadata and zero documents and chunks."""
        assert index.id.startswith("idx_")
        fetched = client.indexes.get(index.id)
        assert (fetched.name, fetched.description) == ("Support articles", "Help centre")
        assert fetched.metadata.to_dict() == {"team": "care"}
        assert (fetched.document_count, fetched.chunk_count) == (0, 0)

    def test_list_walks_every_page_oldest_first(self, client: Any, index: Any) -> None:
        """Listing with a small page size yields every index once, in creation order."""
        more = [client.indexes.create(f"Index {number}").id for number in range(3)]
        assert [item.id for item in client.indexes.list(page_size=2)] == [index.id, *more]

    def test_counts_follow_documents_live(self, client: Any, index: Any) -> None:
        """Adding and deleting documents changes the index's document and chunk counts."""
        first = client.indexes.add_document(index.id, RETURNS)
        second = client.indexes.add_document(index.id, SHIPPING)
        counted = client.indexes.get(index.id)
        assert counted.document_count == 2
        assert counted.chunk_count == first.chunk_count + second.chunk_count
        client.indexes.delete_document(index.id, first.id)
        after = client.indexes.get(index.id)
        assert (after.document_count, after.chunk_count) == (1, second.chunk_count)

    def test_delete_removes_the_index_and_its_documents(self, client: Any, index: Any) -> None:
        """A deleted index is gone, and so are its documents."""
        document = client.indexes.add_document(index.id, RETURNS)
        deleted = client.indexes.delete(index.id)
        assert (deleted.id, deleted.deleted) == (index.id, True)
        with pytest.raises(agentkit.IndexNotFoundError):
            client.indexes.get(index.id)
        with pytest.raises(agentkit.IndexNotFoundError):
            client.indexes.get_document(index.id, document.id)

    def test_another_organizations_index_is_not_found(self, make_client: Any, index: Any) -> None:
        """An index of another organization answers 404, as if it did not exist."""
        stranger = make_client()
        with pytest.raises(agentkit.IndexNotFoundError):
            stranger.indexes.get(index.id)
        with pytest.raises(agentkit.IndexNotFoundError):
            stranger.indexes.query(index.id, "returns")

    def test_create_names_the_bad_field(self, client: Any) -> None:
        """An empty index name is a ValidationError on field name."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.indexes.create("")
        assert caught.value.field == "name"


class TestDocuments:
    def test_text_document_is_chunked_and_kept(self, client: Any, index: Any) -> None:
        """A text document keeps its title and metadata; only get_document returns the text."""
        document = client.indexes.add_document(
            index.id, RETURNS, title="Returns", metadata={"lang": "en"}
        )
        assert document.id.startswith("doc_")
        assert document.content_type == DocumentContentType.TEXTPLAIN
        assert (document.title, document.size_bytes) == ("Returns", len(RETURNS.encode()))
        assert document.chunk_count >= 1
        assert client.indexes.get_document(index.id, document.id).content == RETURNS
        listed = list(client.indexes.list_documents(index.id))
        assert [item.id for item in listed] == [document.id]
        assert listed[0].content is UNSET
        assert listed[0].metadata.to_dict() == {"lang": "en"}

    def test_markdown_headings_start_new_chunks(self, client: Any, index: Any) -> None:
        """In markdown each heading starts a chunk, found again at its position."""
        markdown = (
            "# Returns\n\nSend it back within 30 days.\n\n# Warranty\n\nTwo years on laptops."
        )
        document = client.indexes.add_document(index.id, markdown, content_type="text/markdown")
        assert document.content_type == "text/markdown"
        assert document.chunk_count == 2
        best = client.indexes.query(index.id, "warranty laptops").data[0]
        assert (best.document_id, best.position) == (document.id, 1)
        assert best.text.startswith("# Warranty")

    def test_a_long_paragraph_is_split(self, client: Any, index: Any) -> None:
        """A paragraph longer than a chunk is split at sentence boundaries into several."""
        paragraph = " ".join(
            f"Sentence number {number} talks about refunds." for number in range(60)
        )
        document = client.indexes.add_document(index.id, paragraph)
        assert document.chunk_count > 1
        chunks = client.indexes.query(index.id, "refunds", top_k=50).data
        assert sorted(chunk.position for chunk in chunks) == list(range(document.chunk_count))
        assert all(chunk.text.endswith(".") for chunk in chunks)

    def test_empty_content_is_refused_before_sending(self, make_client: Any) -> None:
        """An empty document is a client-side ValidationError: nothing is sent."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        with pytest.raises(agentkit.ValidationError) as caught:
            client.indexes.add_document("idx_any", "")
        assert caught.value.field == "content"
        assert seen == []

    def test_deleted_and_unknown_documents_are_not_found(self, client: Any, index: Any) -> None:
        """A deleted or unknown document raises DocumentNotFoundError."""
        document = client.indexes.add_document(index.id, RETURNS)
        client.indexes.delete_document(index.id, document.id)
        with pytest.raises(agentkit.DocumentNotFoundError):
            client.indexes.get_document(index.id, document.id)
        with pytest.raises(agentkit.DocumentNotFoundError):
            client.indexes.delete_document(index.id, "doc_nope")

    def test_unknown_index_is_not_found(self, client: Any) -> None:
        """Adding to an unknown index raises IndexNotFoundError."""
        with pytest.raises(agentkit.IndexNotFoundError):
            client.indexes.add_document("idx_nope", RETURNS)


class TestUploads:
    def test_upload_from_a_path(self, client: Any, index: Any, tmp_path: Path) -> None:
        """A markdown file uploaded by path keeps its name and kind."""
        path = tmp_path / "returns.md"
        path.write_text("# Returns\n\nSend it back within 30 days.", encoding="utf-8")
        document = client.indexes.upload_document(index.id, path, title="Returns")
        assert (document.filename, document.content_type, document.title) == (
            "returns.md",
            "text/markdown",
            "Returns",
        )
        assert client.indexes.get_document(index.id, document.id).content == path.read_text()

    def test_upload_bytes_and_metadata(self, client: Any, index: Any) -> None:
        """Bytes upload with a filename, and metadata travels as JSON text."""
        document = client.indexes.upload_document(
            index.id, SHIPPING.encode(), filename="shipping.txt", metadata={"source": "faq", "v": 2}
        )
        assert (document.filename, document.content_type) == ("shipping.txt", "text/plain")
        assert document.metadata.to_dict() == {"source": "faq", "v": 2}

    def test_upload_a_file_object(self, client: Any, index: Any, tmp_path: Path) -> None:
        """An open binary file is read and uploaded under its own name."""
        path = tmp_path / "warranty.txt"
        path.write_bytes(WARRANTY.encode())
        with path.open("rb") as handle:
            document = client.indexes.upload_document(index.id, handle)
        assert document.filename == "warranty.txt"
        assert client.indexes.get_document(index.id, document.id).content == WARRANTY

    def test_a_file_containing_multipart_delimiters_arrives_intact(
        self, client: Any, index: Any
    ) -> None:
        """Content with `--+++` lines (the generated client's fixed boundary) is stored as sent."""
        content = (
            "first --+++ inline\r\n--+++\r\n\r\n--+++--\r\nContent-Disposition: form-data\n\nlast"
        )
        document = client.indexes.upload_document(index.id, content.encode(), filename="tricky.txt")
        assert document.size_bytes == len(content.encode())
        assert client.indexes.get_document(index.id, document.id).content == content

    def test_unsupported_kind_is_refused(self, client: Any, index: Any) -> None:
        """A PDF is refused with UnsupportedMediaTypeError (415)."""
        with pytest.raises(agentkit.UnsupportedMediaTypeError) as caught:
            client.indexes.upload_document(index.id, b"%PDF-1.7", filename="report.pdf")
        assert caught.value.status_code == 415

    def test_generic_type_is_judged_by_the_name(self, client: Any, index: Any) -> None:
        """application/octet-stream with a .md name is taken as markdown."""
        document = client.indexes.upload_document(
            index.id,
            b"# Title\n\nBody",
            filename="notes.md",
            content_type="application/octet-stream",
        )
        assert document.content_type == "text/markdown"

    def test_a_file_that_is_not_utf8_names_the_field(self, client: Any, index: Any) -> None:
        """Bytes that are not UTF-8 are a ValidationError on field file."""
        with pytest.raises(agentkit.ValidationError) as caught:
            client.indexes.upload_document(index.id, b"\xff\xfe\x00bad", filename="bad.txt")
        assert caught.value.field == "file"

    def test_a_retried_upload_is_stored_once(self, make_client: Any) -> None:
        """An upload whose response is lost is retried with the same key and stored once."""
        faults = FaultInjector()
        client = make_client(transport=faults)
        index = client.indexes.create("Uploads")
        faults.fail_after_send = 1
        document = client.indexes.upload_document(index.id, b"Once only.", filename="once.txt")
        uploads = [seen for seen in faults.seen if seen.path.endswith("/documents/upload")]
        assert len(uploads) == 2
        assert len({seen.headers["idempotency-key"] for seen in uploads}) == 1
        assert [item.id for item in client.indexes.list_documents(index.id)] == [document.id]


class TestQuery:
    @pytest.fixture
    def library(self, client: Any, index: Any) -> dict[str, Any]:
        return {
            "returns": client.indexes.add_document(index.id, RETURNS, title="Returns"),
            "shipping": client.indexes.add_document(index.id, SHIPPING, title="Shipping"),
            "warranty": client.indexes.add_document(index.id, WARRANTY),
        }

    def test_best_match_comes_first(self, client: Any, index: Any, library: dict[str, Any]) -> None:
        """The chunks come best first with decreasing scores; each names its document."""
        result = client.indexes.query(index.id, "express shipping customs")
        assert (result.index_id, result.query) == (index.id, "express shipping customs")
        best = result.data[0]
        assert (best.document_id, best.title, best.index_id) == (
            library["shipping"].id,
            "Shipping",
            index.id,
        )
        scores = [chunk.score for chunk in result.data]
        assert scores == sorted(scores, reverse=True)
        assert library["warranty"].id not in {chunk.document_id for chunk in result.data}

    def test_stemming_matches_word_forms(
        self, client: Any, index: Any, library: dict[str, Any]
    ) -> None:
        """Porter stemming finds 'refunded' in a text saying 'refunds'."""
        result = client.indexes.query(index.id, "refunded")
        assert result.data[0].document_id == library["returns"].id

    def test_top_k_limits_the_results(
        self, client: Any, index: Any, library: dict[str, Any]
    ) -> None:
        """top_k caps how many chunks come back."""
        assert len(client.indexes.query(index.id, "the", top_k=1).data) == 1

    def test_a_query_without_words_matches_nothing(
        self, client: Any, index: Any, library: dict[str, Any]
    ) -> None:
        """A query of punctuation only gives an empty result, not an error."""
        assert client.indexes.query(index.id, "?! -- *").data == []

    def test_search_operators_are_taken_as_words(
        self, client: Any, index: Any, library: dict[str, Any]
    ) -> None:
        """FTS syntax in a query is matched as plain words, never parsed."""
        tricky = client.indexes.query(index.id, 'refunds OR NOT "(card*')
        plain = client.indexes.query(index.id, "refunds or not card")
        assert [chunk.to_dict() for chunk in tricky.data] == [
            chunk.to_dict() for chunk in plain.data
        ]
        assert tricky.data[0].document_id == library["returns"].id

    def test_empty_query_is_refused_before_sending(self, make_client: Any) -> None:
        """An empty query is a client-side ValidationError: nothing is sent."""
        seen: list[Any] = []
        client = make_client(on_request=seen.append)
        with pytest.raises(agentkit.ValidationError):
            client.indexes.query("idx_any", "")
        assert seen == []
