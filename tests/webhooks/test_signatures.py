"""agentkit.webhooks: signing and verifying, against fixed vectors and the official verifiers."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
import standardwebhooks
import stripe
from hypothesis import given, settings
from hypothesis import strategies as st

from agentkit import WebhookVerificationError, webhooks

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
BODY = b'{"id":"evt_1","type":"message.new","created_at":"2026-01-01T00:00:00Z"}'
NOW = 1_700_000_000


def _reason(payload: bytes, headers: Any, secret: Any = SECRET, **options: Any) -> str:
    with pytest.raises(WebhookVerificationError) as caught:
        webhooks.verify(payload, headers, secret, **options)
    return caught.value.reason


def _stripe_only(headers: dict[str, str]) -> dict[str, str]:
    return {webhooks.SIGNATURE_HEADER: headers[webhooks.SIGNATURE_HEADER]}


def _standard_only(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.startswith("webhook-")}


class TestPublishedVectors:
    def test_standard_webhooks_vector(self) -> None:
        """The Standard Webhooks test vector signs to its published signature, and verifies."""
        payload = b'{"test": 2432232314}'
        headers = webhooks.sign(
            payload, SECRET, timestamp=1614265330, msg_id="msg_p5jXN8AQM9LWM0D4loKWxJek"
        )
        assert headers["webhook-signature"] == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        published = {
            "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "webhook-timestamp": "1614265330",
            "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        }
        assert webhooks.verify(payload, published, SECRET, now=1614265330) == {"test": 2432232314}

    def test_the_known_bad_standard_signature_fails(self) -> None:
        """The vector's neighbour with one character changed is a bad signature."""
        headers = {
            "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "webhook-timestamp": "1614265330",
            "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
        }
        assert _reason(b'{"test": 2432232314}', headers, now=1614265330) == "bad_signature"

    def test_stripe_vector(self) -> None:
        """The Stripe-style header keys the HMAC with the whole secret string, as Stripe does."""
        headers = webhooks.sign(b'{"id":"evt_1"}', "whsec_test", timestamp=NOW)
        expected = "c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925"
        assert headers[webhooks.SIGNATURE_HEADER] == f"t={NOW},v1={expected}"

    @pytest.mark.parametrize(
        "secret",
        ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwBr"],
    )
    def test_unpadded_secrets_work_with_the_official_library(self, secret: str) -> None:
        """Secrets without their base64 padding sign as the official library signs them."""
        ours = webhooks.sign(BODY, secret, msg_id="msg_1")
        assert standardwebhooks.Webhook(secret).verify(BODY, ours)["id"] == "evt_1"


class TestOfficialVerifiers:
    def test_our_headers_verify_with_stripe(self) -> None:
        """Stripe's own verifier accepts our Agentkit-Signature with the same secret."""
        secret = webhooks.generate_secret()
        headers = webhooks.sign(BODY, secret)
        event = stripe.Webhook.construct_event(BODY, headers[webhooks.SIGNATURE_HEADER], secret)
        assert event["id"] == "evt_1"
        assert stripe.WebhookSignature.verify_header(
            BODY.decode(), headers[webhooks.SIGNATURE_HEADER], secret, tolerance=300
        )

    def test_our_headers_verify_with_standard_webhooks(self) -> None:
        """The official Standard Webhooks verifier accepts our headers with the same secret."""
        secret = webhooks.generate_secret()
        headers = webhooks.sign(BODY, secret)
        assert headers["webhook-id"] == "evt_1"  # the body's id, by default
        assert standardwebhooks.Webhook(secret).verify(BODY, headers)["id"] == "evt_1"

    def test_stripe_headers_verify_with_ours(self) -> None:
        """A header made by Stripe's library verifies here; a changed body does not."""
        secret = webhooks.generate_secret()
        header = stripe.WebhookSignature.generate_signature_header(BODY.decode(), secret)
        headers = {"Agentkit-Signature": header}
        assert webhooks.verify(BODY, headers, secret)["type"] == "message.new"
        assert _reason(BODY + b" ", headers, secret) == "bad_signature"

    def test_standard_webhooks_headers_verify_with_ours(self) -> None:
        """Headers the official library signs verify here; a changed body does not."""
        secret = webhooks.generate_secret()
        from datetime import UTC, datetime

        stamp = datetime.now(UTC)
        signature = standardwebhooks.Webhook(secret).sign("msg_abc", stamp, BODY.decode())
        headers = {
            "webhook-id": "msg_abc",
            "webhook-timestamp": str(int(stamp.timestamp())),
            "webhook-signature": signature,
        }
        assert webhooks.verify(BODY, headers, secret)["id"] == "evt_1"
        assert _reason(BODY.replace(b"evt_1", b"evt_2"), headers, secret) == "bad_signature"


class TestFailures:
    def test_tampered_body(self) -> None:
        """One changed byte fails either scheme with bad_signature."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        tampered = BODY.replace(b"message.new", b"message.nex")
        assert _reason(tampered, _stripe_only(headers), now=NOW) == "bad_signature"
        assert _reason(tampered, _standard_only(headers), now=NOW) == "bad_signature"

    @pytest.mark.parametrize("skew", [-301, 301, -86400, 10**6])
    def test_timestamp_skew_both_ways(self, skew: int) -> None:
        """A signature too old or too far in the future is refused, in both schemes."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        assert _reason(BODY, _stripe_only(headers), now=NOW - skew) == "timestamp_skew"
        assert _reason(BODY, _standard_only(headers), now=NOW - skew) == "timestamp_skew"

    def test_inside_the_tolerance_both_ways(self) -> None:
        """Up to the tolerance either side passes; a custom tolerance is obeyed."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        for moment in (NOW - 300, NOW + 300):
            assert webhooks.verify(BODY, headers, SECRET, now=moment)["id"] == "evt_1"
        assert _reason(BODY, headers, now=NOW + 11, tolerance=10) == "timestamp_skew"
        assert webhooks.verify(BODY, headers, SECRET, now=NOW + 10**6, tolerance=None)

    def test_wrong_secret(self) -> None:
        """Another secret fails with bad_signature, for both schemes."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        other = webhooks.generate_secret()
        assert _reason(BODY, _stripe_only(headers), other, now=NOW) == "bad_signature"
        assert _reason(BODY, _standard_only(headers), other, now=NOW) == "bad_signature"

    def test_missing_signature(self) -> None:
        """No signature header at all is missing_signature."""
        assert _reason(BODY, {"content-type": "application/json"}, now=NOW) == "missing_signature"

    @pytest.mark.parametrize(
        "header",
        [
            "v1=" + "0" * 64,  # no timestamp
            f"t={NOW}",  # no v1
            f"t={NOW},v0=" + "0" * 64,  # only another scheme
            f"t=abc,v1={'0' * 64}",
            f"t=+{NOW},v1={'0' * 64}",
            f"t=1e9,v1={'0' * 64}",
            f"t={NOW},v1=xyz",
            f"t={NOW},v1={'g' * 64}",
            f"t={NOW},garbage",
            f"t={NOW}," + ",".join(["v1=" + "0" * 64] * 17),
            "t=" + "1" * 5000,
            "0" * 64,  # a bare digest, not asked for
        ],
    )
    def test_malformed_stripe_header(self, header: str) -> None:
        """Headers that cannot be read are malformed_signature, never an uncaught error."""
        assert _reason(BODY, {"Agentkit-Signature": header}, now=NOW) == "malformed_signature"

    @pytest.mark.parametrize(
        "changes",
        [
            {"webhook-signature": "v1g0hM9SsE"},  # no comma
            {"webhook-signature": "v2,abcd"},  # no v1
            {"webhook-signature": "v1,!!!notbase64"},
            {"webhook-timestamp": "12.5"},
            {"webhook-timestamp": "-5"},
            {"webhook-id": None},
            {"webhook-timestamp": None},
        ],
    )
    def test_malformed_standard_headers(self, changes: dict[str, str | None]) -> None:
        """Standard Webhooks headers that cannot be read are malformed_signature."""
        headers: dict[str, str] = _standard_only(webhooks.sign(BODY, SECRET, timestamp=NOW))
        for name, value in changes.items():
            if value is None:
                del headers[name]
            else:
                headers[name] = value
        assert _reason(BODY, headers, now=NOW) == "malformed_signature"

    def test_signed_but_not_an_event(self) -> None:
        """A correctly signed body that is not a JSON event is malformed_payload."""
        for payload in (b"not json", b"[1,2]", b"\xff\xfe", b"[" * 100_000):
            headers = webhooks.sign(payload, SECRET, timestamp=NOW, msg_id="m")
            assert _reason(payload, headers, now=NOW) == "malformed_payload"
        untyped = b'{"type": 5, "id": "x"}'
        headers = webhooks.sign(untyped, SECRET, timestamp=NOW, msg_id="m")
        assert webhooks.verify(untyped, headers, SECRET, now=NOW) == {"type": 5, "id": "x"}
        with pytest.raises(WebhookVerificationError) as caught:
            webhooks.unwrap(untyped, headers, SECRET, now=NOW)
        assert caught.value.reason == "malformed_payload"

    def test_the_mac_is_checked_before_the_body_is_parsed(self) -> None:
        """An unsigned body that is not JSON is a bad signature, not a malformed payload."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        assert _reason(b"not json", headers, now=NOW) == "bad_signature"

    def test_a_str_body_is_refused_with_an_explanation(self) -> None:
        """A str body raises TypeError saying re-serialised JSON never verifies."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        with pytest.raises(TypeError, match="never verifies"):
            webhooks.verify(BODY.decode(), headers, SECRET, now=NOW)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="never verifies"):
            webhooks.unwrap(json.dumps(json.loads(BODY)), headers, SECRET)  # type: ignore[arg-type]

    @pytest.mark.parametrize("secret", ["", "whsec_", [], [""]])
    def test_no_secret(self, secret: Any) -> None:
        """An empty secret is a ValueError, not a signature failure."""
        with pytest.raises(ValueError, match="no webhook secret"):
            webhooks.verify(BODY, webhooks.sign(BODY, SECRET), secret)


class TestRotationAndSchemes:
    def test_two_secrets_sign_two_signatures_each_verifies(self) -> None:
        """Signed with old and new secrets, each header carries both, and either secret verifies."""
        old, new = webhooks.generate_secret(), webhooks.generate_secret()
        headers = webhooks.sign(BODY, [new, old], timestamp=NOW)
        assert headers[webhooks.SIGNATURE_HEADER].count("v1=") == 2
        assert len(headers["webhook-signature"].split(" ")) == 2
        for secret in (old, new):
            assert webhooks.verify(BODY, _stripe_only(headers), secret, now=NOW)
            assert webhooks.verify(BODY, _standard_only(headers), secret, now=NOW)
        other = webhooks.generate_secret()
        assert _reason(BODY, headers, other, now=NOW) == "bad_signature"

    def test_any_of_several_secrets(self) -> None:
        """A receiver holding several secrets accepts a request signed with any one of them."""
        old, new = webhooks.generate_secret(), webhooks.generate_secret()
        headers = webhooks.sign(BODY, old, timestamp=NOW)
        assert webhooks.verify(BODY, headers, [new, old], now=NOW)["id"] == "evt_1"

    def test_a_good_signature_among_bad_ones(self) -> None:
        """Extra unknown or wrong signatures around the right one do not matter."""
        good = webhooks.sign(BODY, SECRET, timestamp=NOW)
        sig = good[webhooks.SIGNATURE_HEADER].split("v1=")[1]
        stripe_header = f"t={NOW},v0=abc,v1={'1' * 64},v1={sig},v1={'2' * 64}"
        assert webhooks.verify(BODY, {"agentkit-signature": stripe_header}, SECRET, now=NOW)
        standard = _standard_only(good)
        bad = base64.b64encode(b"x" * 32).decode()
        standard["webhook-signature"] = f"v2,abc v1,{bad} {standard['webhook-signature']}"
        assert webhooks.verify(BODY, standard, SECRET, now=NOW)

    def test_header_names_in_any_case_and_as_pairs(self) -> None:
        """Header names are matched in any case; a list of pairs works like a mapping."""
        headers = webhooks.sign(BODY, SECRET, timestamp=NOW)
        upper = [(name.upper(), value) for name, value in _standard_only(headers).items()]
        assert webhooks.verify(BODY, upper, SECRET, now=NOW)

    def test_legacy_bare_hex_only_when_asked_and_with_a_timestamp(self) -> None:
        """A bare digest of '<t>.<body>' passes only with allow_legacy_hex and a fresh timestamp."""
        digest = webhooks.sign(BODY, SECRET, timestamp=NOW)[webhooks.SIGNATURE_HEADER][-64:]
        headers = {"Agentkit-Signature": digest, "webhook-timestamp": str(NOW)}
        assert _reason(BODY, headers, now=NOW) == "malformed_signature"
        assert webhooks.verify(BODY, headers, SECRET, now=NOW, allow_legacy_hex=True)
        stale = {"Agentkit-Signature": digest, "webhook-timestamp": str(NOW)}
        late = _reason(BODY, stale, now=NOW + 3600, allow_legacy_hex=True)
        assert late == "timestamp_skew"
        replayed = {"Agentkit-Signature": digest, "webhook-timestamp": str(NOW + 3600)}
        assert _reason(BODY, replayed, now=NOW + 3600, allow_legacy_hex=True) == "bad_signature"
        alone = {"Agentkit-Signature": digest}
        assert _reason(BODY, alone, now=NOW, allow_legacy_hex=True) == "malformed_signature"


class TestUnwrap:
    def test_known_types_are_typed(self) -> None:
        """message.new becomes its model, with its data typed."""
        event = {
            "id": "evt_9",
            "type": "message.new",
            "created_at": "2026-01-01T00:00:00Z",
            "recipient_ids": ["idn_1"],
            "data": {
                "id": "msg_1",
                "conversation_id": "cnv_1",
                "seq": 1,
                "sender": "alice",
                "client_msg_id": "c",
                "type": "text",
                "content": {"text": "hi"},
                "metadata": {},
                "created_at": "2026-01-01T00:00:00Z",
            },
        }
        body = json.dumps(event).encode()
        typed = webhooks.unwrap(body, webhooks.sign(body, SECRET, timestamp=NOW), SECRET, now=NOW)
        from agentkit_api.models import MessageNewWebhookEvent

        assert isinstance(typed, MessageNewWebhookEvent)
        assert (typed.id, typed.data.content.text, typed.recipient_ids) == (
            "evt_9",
            "hi",
            ["idn_1"],
        )

    def test_unknown_types_are_kept(self) -> None:
        """A type this SDK has no model for arrives as UnknownWebhookEvent, data intact."""
        body = b'{"id":"evt_2","type":"reaction.added","created_at":"x","data":{"s":"away"}}'
        typed = webhooks.unwrap(body, webhooks.sign(body, SECRET, timestamp=NOW), SECRET, now=NOW)
        assert isinstance(typed, webhooks.UnknownWebhookEvent)
        assert (typed.type_, typed.data, typed.raw["id"]) == (
            "reaction.added",
            {"s": "away"},
            "evt_2",
        )

    def test_a_known_type_without_its_fields_is_malformed(self) -> None:
        """message.new without data is malformed_payload, not an AttributeError later."""
        body = b'{"id":"evt_3","type":"message.new","created_at":"x"}'
        headers = webhooks.sign(body, SECRET, timestamp=NOW)
        with pytest.raises(WebhookVerificationError) as caught:
            webhooks.unwrap(body, headers, SECRET, now=NOW)
        assert caught.value.reason == "malformed_payload"


@settings(max_examples=200, deadline=None)
@given(
    body=st.binary(max_size=300),
    stamp=st.integers(min_value=0, max_value=10**12 - 1),
    flip=st.integers(min_value=0, max_value=10_000),
)
def test_any_body_round_trips_and_any_flip_fails(body: bytes, stamp: int, flip: int) -> None:
    """Whatever the bytes: signed, they verify (by MAC); one flipped byte never does."""
    headers = webhooks.sign(body, SECRET, timestamp=stamp, msg_id="msg_x")
    for scheme in (_stripe_only(headers), _standard_only(headers)):
        try:
            webhooks.verify(body, scheme, SECRET, now=stamp)
        except WebhookVerificationError as exc:
            assert exc.reason == "malformed_payload"
        if body:
            changed = bytearray(body)
            changed[flip % len(body)] ^= 0x01
            assert _reason(bytes(changed), scheme, now=stamp) == "bad_signature"
