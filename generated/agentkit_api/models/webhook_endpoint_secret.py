from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.webhook_endpoint import WebhookEndpoint


T = TypeVar("T", bound="WebhookEndpointSecret")


@_attrs_define
class WebhookEndpointSecret:
    """An endpoint with its signing secret, shown only in this answer. The secret is
    `whsec_` and the base64 of 32 random bytes: pass it, as it is, to
    `agentkit.webhooks.verify`, to Stripe's `Webhook.construct_event` (with the
    `Agentkit-Signature` header) or to Standard Webhooks' `Webhook(secret).verify`.

    """

    endpoint: WebhookEndpoint
    """ A URL that receives signed events. Its secret is never shown again after creation or rotation. """
    secret: str
    """ `whsec_...` """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint = self.endpoint.to_dict()

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endpoint": endpoint,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhook_endpoint import WebhookEndpoint

        d = dict(src_dict)
        endpoint = WebhookEndpoint.from_dict(d.pop("endpoint"))

        secret = d.pop("secret")

        webhook_endpoint_secret = cls(
            endpoint=endpoint,
            secret=secret,
        )

        webhook_endpoint_secret.additional_properties = d
        return webhook_endpoint_secret

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
