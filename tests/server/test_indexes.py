"""Knowledge indexes: CRUD and live counts, chunking, bm25 queries, uploads and isolation."""

from __future__ import annotations

from typing import Any

import pytest

from agentkit.server.indexes.chunking import TARGET, chunk_document

from .conftest import TIMESTAMP, Api, Harness

REFUNDS = (
    "Refunds are paid within 14 days of the return reaching our warehouse. A refund goes back"
    " to the card you paid with; refunds for gift cards become store credit."
)
SHIPPING = "Shipping takes three to five days. We ship to every country except Antarctica."


def new_index(api: Api, name: str = "handbook", **fields: Any) -> dict[str, Any]:
    response = api.post("/v1/indexes", json={"name": name, **fields})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def add_document(api: Api, index_id: str, content: str, **fields: Any) -> dict[str, Any]:
    response = api.post(f"/v1/indexes/{index_id}/documents", json={"content": content, **fields})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def query(api: Api, index_id: str, text: str, **fields: Any) -> list[dict[str, Any]]:
    response = api.post(f"/v1/indexes/{index_id}/query", json={"query": text, **fields})
    assert response.status_code == 200, response.text
    assert response.json()["index_id"] == index_id and response.json()["query"] == text
    found: list[dict[str, Any]] = response.json()["data"]
    return found


def upload(api: Api, index_id: str, **kwargs: Any) -> Any:
    return api.post(f"/v1/indexes/{index_id}/documents/upload", **kwargs)


class TestIndexes:
    def test_create_get_list_and_delete(self, api: Api) -> None:
        """An index starts empty; it is listed oldest first, and gone once deleted."""
        first = new_index(api, "one", description="FAQ", metadata={"team": "support"})
        second = new_index(api, "two")
        assert first["id"].startswith("idx_")
        assert first["document_count"] == first["chunk_count"] == 0
        assert first["description"] == "FAQ" and first["metadata"] == {"team": "support"}
        assert TIMESTAMP.match(first["created_at"]) and TIMESTAMP.match(first["updated_at"])
        assert api.get(f"/v1/indexes/{first['id']}").json() == first
        page = api.get("/v1/indexes", params={"limit": 1}).json()
        assert [i["id"] for i in page["data"]] == [first["id"]] and page["has_more"]
        rest = api.get("/v1/indexes", params={"cursor": page["next_cursor"]}).json()
        assert [i["id"] for i in rest["data"]] == [second["id"]] and not rest["has_more"]
        deleted = api.request("DELETE", f"/v1/indexes/{first['id']}")
        assert deleted.json() == {"id": first["id"], "deleted": True}
        missing = api.get(f"/v1/indexes/{first['id']}")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "INDEX_NOT_FOUND"

    def test_counts_are_live(self, api: Api) -> None:
        """document_count and chunk_count follow documents being added and deleted."""
        index = new_index(api)
        long_text = "\n\n".join(f"Paragraph {i}. " + "word " * 150 for i in range(4))
        one = add_document(api, index["id"], long_text)
        two = add_document(api, index["id"], SHIPPING)
        assert one["chunk_count"] > 1 and two["chunk_count"] == 1
        counted = api.get(f"/v1/indexes/{index['id']}").json()
        assert counted["document_count"] == 2
        assert counted["chunk_count"] == one["chunk_count"] + 1
        api.request("DELETE", f"/v1/indexes/{index['id']}/documents/{one['id']}")
        after = api.get(f"/v1/indexes/{index['id']}").json()
        assert (after["document_count"], after["chunk_count"]) == (1, 1)
        listed = api.get("/v1/indexes").json()["data"][0]
        assert (listed["document_count"], listed["chunk_count"]) == (1, 1)

    def test_deleting_an_index_deletes_its_documents(self, api: Api) -> None:
        """After the index is deleted, its documents and queries are 404 INDEX_NOT_FOUND."""
        index = new_index(api)
        document = add_document(api, index["id"], REFUNDS)
        api.request("DELETE", f"/v1/indexes/{index['id']}")
        responses = [
            api.get(f"/v1/indexes/{index['id']}/documents/{document['id']}"),
            api.get(f"/v1/indexes/{index['id']}/documents"),
            api.post(f"/v1/indexes/{index['id']}/query", json={"query": "refunds"}),
        ]
        assert [r.json()["error"]["code"] for r in responses] == ["INDEX_NOT_FOUND"] * 3


class TestDocuments:
    def test_a_document_has_its_text_only_when_fetched_alone(self, api: Api) -> None:
        """indexes_get_document returns content; the list leaves it out."""
        index = new_index(api)
        created = add_document(
            api,
            index["id"],
            "# Returns\n\nSend it back.",
            content_type="text/markdown",
            title="Returns",
            metadata={"lang": "en"},
        )
        assert created["id"].startswith("doc_") and created["index_id"] == index["id"]
        assert created["content_type"] == "text/markdown" and created["title"] == "Returns"
        assert created["size_bytes"] == len(b"# Returns\n\nSend it back.")
        assert created["filename"] is None and created["metadata"] == {"lang": "en"}
        fetched = api.get(f"/v1/indexes/{index['id']}/documents/{created['id']}").json()
        assert fetched["content"] == "# Returns\n\nSend it back."
        listed = api.get(f"/v1/indexes/{index['id']}/documents").json()["data"]
        assert [d["id"] for d in listed] == [created["id"]] and "content" not in listed[0]

    def test_plain_text_is_the_default_kind(self, api: Api) -> None:
        """A document without content_type is text/plain, with no title."""
        document = add_document(api, new_index(api)["id"], "hello")
        assert document["content_type"] == "text/plain" and document["title"] is None

    def test_unknown_documents_are_not_found(self, api: Api) -> None:
        """Getting or deleting a document that is not in the index is DOCUMENT_NOT_FOUND."""
        index, other = new_index(api, "a"), new_index(api, "b")
        document = add_document(api, other["id"], "elsewhere")
        for response in (
            api.get(f"/v1/indexes/{index['id']}/documents/doc_nope"),
            api.get(f"/v1/indexes/{index['id']}/documents/{document['id']}"),
            api.request("DELETE", f"/v1/indexes/{index['id']}/documents/{document['id']}"),
        ):
            assert response.status_code == 404
            assert response.json()["error"]["code"] == "DOCUMENT_NOT_FOUND"

    def test_bad_documents_name_the_field(self, api: Api) -> None:
        """Empty content and unknown kinds are refused with the field's path."""
        index = new_index(api)
        empty = api.post(f"/v1/indexes/{index['id']}/documents", json={"content": ""})
        kind = api.post(
            f"/v1/indexes/{index['id']}/documents",
            json={"content": "x", "content_type": "application/pdf"},
        )
        assert empty.json()["error"]["details"]["field"] == "content"
        assert kind.json()["error"]["details"]["field"] == "content_type"


class TestChunking:
    def test_small_paragraphs_are_merged(self) -> None:
        """Paragraphs that fit together make one chunk, still separated by a blank line."""
        assert chunk_document("One.\n\nTwo.\n\n\nThree.", markdown=False) == [
            "One.\n\nTwo.\n\nThree."
        ]

    def test_chunks_stay_within_the_target(self) -> None:
        """Long text is cut at sentence ends, a long sentence at spaces, and nothing is lost."""
        sentences = " ".join(f"Sentence number {i} says something." for i in range(80))
        endless = "word " * 400
        chunks = chunk_document(f"{sentences}\n\n{endless}", markdown=False)
        assert len(chunks) > 3 and all(len(chunk) <= TARGET for chunk in chunks)
        assert all(chunk.endswith(".") for chunk in chunks[:2])
        assert " ".join(" ".join(chunks).split()) == " ".join(f"{sentences} {endless}".split())

    def test_a_word_longer_than_a_chunk_is_cut(self) -> None:
        """With no boundary at all, a chunk is cut at the limit."""
        assert chunk_document("x" * 2000, markdown=False) == ["x" * 800, "x" * 800, "x" * 400]

    def test_markdown_headings_start_chunks(self) -> None:
        """In markdown each heading starts a new chunk; in plain text it does not."""
        text = "# Refunds\nPaid in 14 days.\n\n## Shipping\nThree days.\n# Contact\nMail us."
        assert chunk_document(text, markdown=True) == [
            "# Refunds\nPaid in 14 days.",
            "## Shipping\nThree days.",
            "# Contact\nMail us.",
        ]
        assert len(chunk_document(text, markdown=False)) == 1

    def test_code_fences_are_not_headings(self) -> None:
        """A '#' line inside fenced code does not split the chunk."""
        text = "# Script\n```\n# a comment\n\necho hi\n```"
        assert chunk_document(text, markdown=True) == [text]

    def test_blank_documents_have_no_chunks(self) -> None:
        """Only blank lines: no chunk."""
        assert chunk_document(" \n\r\n\t\n", markdown=True) == []

    def test_chunks_keep_position_and_title(self, api: Api) -> None:
        """Retrieved chunks carry their position in the document and the document's title."""
        index = new_index(api)
        text = "# Intro\nWelcome.\n\n# Refunds\nRefunds take 14 days."
        document = add_document(
            api, index["id"], text, content_type="text/markdown", title="Policies"
        )
        assert document["chunk_count"] == 2
        [found] = query(api, index["id"], "refunds", top_k=1)
        assert found["position"] == 1 and found["title"] == "Policies"
        assert found["text"] == "# Refunds\nRefunds take 14 days."
        assert found["chunk_id"].startswith("chk_") and found["document_id"] == document["id"]


class TestQuery:
    def test_the_more_relevant_document_ranks_first(self, api: Api) -> None:
        """bm25 ranks the chunk about refunds above the one that mentions them in passing."""
        index = new_index(api)
        passing = add_document(api, index["id"], SHIPPING + " Refunds are another matter.")
        relevant = add_document(api, index["id"], REFUNDS, title="Refund policy")
        add_document(api, index["id"], "Our office is open on weekdays.")
        found = query(api, index["id"], "How are refunds paid?")
        assert [chunk["document_id"] for chunk in found] == [relevant["id"], passing["id"]]
        assert found[0]["score"] > found[1]["score"] > 0
        assert found[0]["index_id"] == index["id"] and found[0]["title"] == "Refund policy"

    def test_stemming_matches_word_forms(self, api: Api) -> None:
        """The porter tokenizer finds 'refunded' for 'refunds'."""
        index = new_index(api)
        document = add_document(api, index["id"], "The order was refunded yesterday.")
        assert [c["document_id"] for c in query(api, index["id"], "refunds")] == [document["id"]]

    def test_top_k_limits_the_results(self, api: Api) -> None:
        """At most top_k chunks come back (5 by default)."""
        index = new_index(api)
        for i in range(7):
            add_document(api, index["id"], f"Refund note number {i}.")
        assert len(query(api, index["id"], "refund")) == 5
        assert len(query(api, index["id"], "refund", top_k=2)) == 2

    @pytest.mark.parametrize("text", ["?!...", '"', "NEAR(refund", "refund OR", "* AND -"])
    def test_no_query_is_fts_syntax(self, api: Api, text: str) -> None:
        """Punctuation and FTS operators are never syntax: no error, words still match."""
        index = new_index(api)
        add_document(api, index["id"], REFUNDS)
        found = query(api, index["id"], text)
        assert len(found) == (1 if "refund" in text else 0)

    def test_queries_stay_inside_the_index(self, api: Api) -> None:
        """Chunks of another index never match."""
        index, other = new_index(api, "a"), new_index(api, "b")
        add_document(api, other["id"], REFUNDS)
        assert query(api, index["id"], "refunds") == []


class TestUpload:
    def test_markdown_by_file_name(self, api: Api) -> None:
        """A generic content type falls back to the name: .md is markdown; title and metadata kept."""
        index = new_index(api)
        content = "# Refunds\nWithin 14 days.\n\n# Shipping\nThree days."
        response = upload(
            api,
            index["id"],
            files={"file": ("policy.md", content.encode(), "application/octet-stream")},
            data={"title": "Policy", "metadata": '{"source": "wiki"}'},
        )
        assert response.status_code == 201, response.text
        document = response.json()
        assert document["content_type"] == "text/markdown" and document["filename"] == "policy.md"
        assert document["title"] == "Policy" and document["metadata"] == {"source": "wiki"}
        assert document["chunk_count"] == 2 and document["content"] == content
        assert api.get(f"/v1/indexes/{index['id']}").json()["document_count"] == 1

    def test_text_by_content_type(self, api: Api) -> None:
        """A text/plain part is plain text whatever its name; a UTF-8 BOM is dropped."""
        index = new_index(api)
        body = "\ufeffplain words".encode()
        response = upload(api, index["id"], files={"file": ("notes.bin", body, "text/plain")})
        assert response.status_code == 201, response.text
        assert response.json()["content_type"] == "text/plain"
        assert response.json()["content"] == "plain words"
        assert response.json()["title"] is None

    def test_a_plain_field_is_text(self, api: Api) -> None:
        """A `file` sent as a form field rather than a file part is its text, as text/plain."""
        index = new_index(api)
        response = upload(
            api, index["id"], data={"file": "typed in", "metadata": ""}, files={"x": ("a", b"")}
        )
        assert response.status_code == 201, response.text
        document = response.json()
        assert (document["content"], document["content_type"]) == ("typed in", "text/plain")
        assert document["filename"] is None and document["metadata"] == {}

    @pytest.mark.parametrize(
        ("name", "kind"), [("photo.png", "image/png"), ("doc.pdf", "application/octet-stream")]
    )
    def test_other_kinds_are_unsupported(self, api: Api, name: str, kind: str) -> None:
        """Files that are neither text nor markdown are 415 UNSUPPORTED_MEDIA_TYPE."""
        index = new_index(api)
        response = upload(api, index["id"], files={"file": (name, b"\x89PNG", kind)})
        assert response.status_code == 415
        assert response.json()["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
        assert response.json()["error"]["details"]["field"] == "file"
        assert api.get(f"/v1/indexes/{index['id']}").json()["document_count"] == 0

    def test_text_that_is_not_utf8_is_refused(self, api: Api) -> None:
        """A .txt file in Latin-1 is 400 VALIDATION_ERROR on the field file."""
        index = new_index(api)
        files = {"file": ("latin.txt", "café".encode("latin-1"), "text/plain")}
        response = upload(api, index["id"], files=files)
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "VALIDATION_ERROR"
        assert response.json()["error"]["details"]["field"] == "file"

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            (
                {"data": {"title": "no file"}, "files": {"other": ("a.txt", b"x", "text/plain")}},
                "file",
            ),
            ({"files": {"file": ("a.txt", b"", "text/plain")}}, "file"),
            (
                {"files": {"file": ("a.txt", b"x", "text/plain")}, "data": {"metadata": "[1]"}},
                "metadata",
            ),
            (
                {"files": {"file": ("a.txt", b"x", "text/plain")}, "data": {"metadata": "{"}},
                "metadata",
            ),
            (
                {"files": {"file": ("a.txt", b"x", "text/plain")}, "data": {"title": "t" * 501}},
                "title",
            ),
            ({"json": {"content": "not multipart"}}, "body"),
            (
                {"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data"}},
                "body",
            ),
        ],
    )
    def test_bad_uploads_name_the_field(self, api: Api, kwargs: dict[str, Any], field: str) -> None:
        """Missing or empty files, bad metadata or titles and broken bodies are 400s."""
        index = new_index(api)
        response = upload(api, index["id"], **kwargs)
        assert response.status_code == 400, response.text
        assert response.json()["error"]["details"]["field"] == field
        assert api.get(f"/v1/indexes/{index['id']}").json()["document_count"] == 0


class TestIsolation:
    def test_another_organizations_index_is_not_found(self, harness: Harness) -> None:
        """Every index route answers 404 for an index of another organization."""
        owner, stranger = harness.client(), harness.client()
        index = new_index(owner)
        document = add_document(owner, index["id"], REFUNDS)
        base = f"/v1/indexes/{index['id']}"
        files = {"file": ("a.txt", b"x", "text/plain")}
        responses = [
            stranger.get(base),
            stranger.request("DELETE", base),
            stranger.get(f"{base}/documents"),
            stranger.post(f"{base}/documents", json={"content": "x"}),
            stranger.post(f"{base}/documents/upload", files=files),
            stranger.get(f"{base}/documents/{document['id']}"),
            stranger.request("DELETE", f"{base}/documents/{document['id']}"),
            stranger.post(f"{base}/query", json={"query": "refunds"}),
        ]
        assert [r.status_code for r in responses] == [404] * len(responses)
        assert {r.json()["error"]["code"] for r in responses} == {"INDEX_NOT_FOUND"}
        assert stranger.get("/v1/indexes").json()["data"] == []
        assert owner.get(base).json()["document_count"] == 1
