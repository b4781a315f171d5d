from enum import StrEnum


class PresenceUpdateStatus(StrEnum):
    AWAY = "away"
    BUSY = "busy"
    OFFLINE = "offline"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
