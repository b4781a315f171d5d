from enum import StrEnum


class SessionMessageStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    FAILED = "failed"
    GENERATING = "generating"
    NOT_STARTED = "not_started"

    def __str__(self) -> str:
        return str(self.value)
