from enum import StrEnum


class ChatRole(StrEnum):
    AGENT = "agent"
    SYSTEM = "system"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
