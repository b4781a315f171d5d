from enum import StrEnum


class SessionStatus(StrEnum):
    AGENT_TURN = "agent_turn"
    CLIENT_TOOL_TURN = "client_tool_turn"
    NOT_STARTED = "not_started"
    USER_TURN = "user_turn"

    def __str__(self) -> str:
        return str(self.value)
