from enum import StrEnum


class UIFinishChunkFinishReason(StrEnum):
    CONTENT_FILTER = "content-filter"
    ERROR = "error"
    INTERRUPTED = "interrupted"
    LENGTH = "length"
    OTHER = "other"
    STOP = "stop"
    TOOL_CALLS = "tool-calls"

    def __str__(self) -> str:
        return str(self.value)
