from enum import StrEnum


class AgentChatStatusEndEventReason(StrEnum):
    DELETED = "deleted"
    FOLLOW_LIMIT = "follow_limit"
    IDLE = "idle"

    def __str__(self) -> str:
        return str(self.value)
