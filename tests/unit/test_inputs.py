"""Ergonomic inputs turned into request models, and input refused before anything is sent."""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import Any

import pytest

import agentkit
from agentkit._inputs import (
    as_client_tools,
    read_upload,
    runnable_tools,
    to_client_tools,
    to_index_ids,
    to_message,
    to_tool_results,
)
from agentkit.parts import text
from agentkit.tools import ClientTool, client_tool
from agentkit.types import ClientToolSpec


@client_tool
def lookup(city: str) -> str:
    """Find a city."""
    return city


def plain(query: str) -> str:
    return query


class TestMessages:
    @pytest.mark.parametrize(
        ("message", "field"),
        [
            ("", "message.parts[0].content"),
            ([], "message.parts"),
            (["fine", text("")], "message.parts[1].content"),
            ({"parts": []}, "message.parts"),
        ],
    )
    def test_empty_messages_are_refused(self, message: Any, field: str) -> None:
        """A message without parts or with an empty text part is a client-side ValidationError."""
        with pytest.raises(agentkit.ValidationError) as caught:
            to_message(message)
        assert caught.value.field == field
        assert caught.value.details["location"] == "client"

    def test_strings_and_parts_mix(self) -> None:
        """A list of strings and parts becomes one message with a part each."""
        message = to_message(["Hello", text("world")])
        assert [part.content for part in message.parts] == ["Hello", "world"]


class TestClientTools:
    def test_every_form_becomes_a_spec(self) -> None:
        """ClientTools, functions, specs and dicts all become ClientToolSpec models."""
        spec = ClientToolSpec.from_dict({"name": "declared", "input_schema": {"type": "object"}})
        as_dict = {"name": "as_dict", "input_schema": {"type": "object"}, "description": "d"}
        specs = to_client_tools([lookup, plain, spec, as_dict])
        assert [item.name for item in specs] == ["lookup", "plain", "declared", "as_dict"]
        assert specs[1].input_schema.to_dict()["properties"] == {"query": {"type": "string"}}
        assert specs[3].to_dict() == as_dict

    def test_only_tools_with_functions_are_runnable(self) -> None:
        """Specs and dicts are declared to the agent but have nothing to run."""
        registry = runnable_tools([lookup, plain, {"name": "x", "input_schema": {}}])
        assert sorted(registry) == ["lookup", "plain"]
        assert isinstance(registry["plain"], ClientTool)

    def test_duplicate_names_are_refused(self) -> None:
        """Two tools with one name are a ValidationError naming the second."""
        with pytest.raises(agentkit.ValidationError) as caught:
            to_client_tools([lookup, ClientTool(plain, name="lookup")])
        assert caught.value.field == "client_tools[1].name"

    def test_a_dict_that_is_no_spec_is_refused(self) -> None:
        """A dict without input_schema is a ValidationError naming the item."""
        with pytest.raises(agentkit.ValidationError) as caught:
            to_client_tools([{"name": "half"}])
        assert caught.value.field == "client_tools[0]"

    @pytest.mark.parametrize("convert", [to_client_tools, as_client_tools])
    def test_a_function_that_cannot_be_a_tool_names_its_place(self, convert: Any) -> None:
        """A lambda (no valid name) or an inexpressible hint is a ValidationError naming the
        item, not a bare TypeError or ValueError from deep inside."""

        def takes_a_socket(conn: socket.socket) -> None:
            """Not expressible in JSON Schema."""

        for tools, field in [
            ([lookup, lambda text: text], "client_tools[1]"),
            ([takes_a_socket], "client_tools[0]"),
        ]:
            with pytest.raises(agentkit.ValidationError) as caught:
                convert(tools)
            assert caught.value.field == field


class TestToolResults:
    @pytest.mark.parametrize(
        ("results", "field"),
        [
            ([], "results"),
            ([{"status": "success"}], "results[0].tool_use_id"),
            ([{"tool_use_id": "", "status": "success"}], "results[0].tool_use_id"),
            (
                [{"tool_use_id": "a", "status": "success"}, {"tool_use_id": "b", "status": "fine"}],
                "results[1].status",
            ),
            (["not a result"], "results[0]"),
        ],
    )
    def test_bad_results_are_refused(self, results: list[Any], field: str) -> None:
        """Results without an id, with an unknown status, or none at all are refused."""
        with pytest.raises(agentkit.ValidationError) as caught:
            to_tool_results(results)
        assert caught.value.field == field

    def test_dicts_become_results(self) -> None:
        """Wire-format dicts become ClientToolResult models, output included."""
        (result,) = to_tool_results(
            [{"tool_use_id": "tu_1", "status": "success", "output": {"a": 1}}]
        )
        assert result.to_dict() == {"tool_use_id": "tu_1", "status": "success", "output": {"a": 1}}


class TestIndexIds:
    def test_duplicates_and_empty_ids_are_refused(self) -> None:
        """Index ids must be distinct non-empty strings."""
        with pytest.raises(agentkit.ValidationError) as caught:
            to_index_ids(["idx_1", "idx_1"])
        assert caught.value.field == "index_ids[1]"
        with pytest.raises(agentkit.ValidationError):
            to_index_ids([""])
        assert to_index_ids(("idx_1", "idx_2")) == ["idx_1", "idx_2"]


class TestUploads:
    def test_a_path_gives_its_name_bytes_and_kind(self, tmp_path: Path) -> None:
        """A path is read; its name and extension give the filename and content type."""
        path = tmp_path / "notes.txt"
        path.write_bytes(b"hello")
        assert read_upload(path, None, None) == ("notes.txt", b"hello", "text/plain")
        assert read_upload(str(path), "other.txt", "text/markdown") == (
            "other.txt",
            b"hello",
            "text/markdown",
        )

    def test_bytes_without_a_name_are_plain_text(self) -> None:
        """Bytes with neither name nor type are sent as text/plain named upload."""
        assert read_upload(b"abc", None, None) == ("upload", b"abc", "text/plain")

    def test_a_file_object_is_read_from_where_it_stands(self) -> None:
        """A binary file object is read from its position, named after its name."""
        handle = io.BytesIO(b"skip|keep")
        handle.name = "/some/dir/doc.md"
        handle.seek(5)
        name, content, _ = read_upload(handle, None, None)
        assert (name, content) == ("doc.md", b"keep")

    def test_a_text_file_object_is_refused(self) -> None:
        """A file opened in text mode is a ValidationError, not a corrupt upload."""
        with pytest.raises(agentkit.ValidationError) as caught:
            read_upload(io.StringIO("text"), None, None)
        assert caught.value.field == "file"

    def test_an_unknown_extension_is_generic(self) -> None:
        """A name whose kind is unknown is sent as application/octet-stream for the server to judge."""
        assert read_upload(b"x", "blob.zzz", None)[2] == "application/octet-stream"
