from enum import StrEnum


class OpenAIContentPartType(StrEnum):
    IMAGE_URL = "image_url"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
