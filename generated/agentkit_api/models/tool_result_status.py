from enum import StrEnum


class ToolResultStatus(StrEnum):
    DECLINED = "declined"
    ERROR = "error"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
