from enum import StrEnum


class ChatStatus(StrEnum):
    ACTIVE = "ACTIVE"
    CLOSED = "CLOSED"
    PAUSED = "PAUSED"

    def __str__(self) -> str:
        return str(self.value)
