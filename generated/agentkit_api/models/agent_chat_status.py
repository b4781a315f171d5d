from enum import StrEnum


class AgentChatStatus(StrEnum):
    AWAITING_TOOL_RESULTS = "awaiting_tool_results"
    ERROR = "error"
    READY = "ready"
    STREAMING = "streaming"

    def __str__(self) -> str:
        return str(self.value)
