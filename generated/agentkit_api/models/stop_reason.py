from enum import StrEnum


class StopReason(StrEnum):
    CANCELLED = "cancelled"
    CLIENT_TOOL_CALL = "client_tool_call"
    END_TURN = "end_turn"
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
