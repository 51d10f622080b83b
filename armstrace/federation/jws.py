"""Compact JWS with EdDSA (RFC 7515, RFC 8037), signed with the installation's Ed25519 key (core.signing).

The signing input is ASCII(BASE64URL(header) "." BASE64URL(payload)); it starts with the encoded header, `eyJ`,
so it can never pass for another message signed with the same key (a checkpoint begins with its format tag).
"""

import base64
import json

from armstrace.core import signing

TYPE = "armstrace-message+jws"


class JWSError(ValueError):
    """Not a compact JWS of ours: the text, its parts or its header are malformed."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    if not isinstance(text, str) or not text or not _ALPHABET.issuperset(text):
        raise JWSError("a part is not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _json(data) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sign(payload: dict, *, kid: str, issuer: str, private_key=None) -> str:
    """The compact JWS of `payload`; `private_key` defaults to the installation's key."""
    header = {"alg": "EdDSA", "typ": TYPE, "kid": kid, "iss": issuer}
    signing_input = f"{b64url(_json(header))}.{b64url(_json(payload))}".encode("ascii")
    signature = private_key.sign(signing_input) if private_key is not None else signing.sign(signing_input)
    return f"{signing_input.decode('ascii')}.{b64url(signature)}"


class Parsed:
    """A compact JWS split into its header, payload and signature; not yet verified."""

    def __init__(self, text: str):
        parts = text.strip().split(".") if isinstance(text, str) else []
        if len(parts) != 3:
            raise JWSError("a compact JWS has three dot-separated parts")
        self.signing_input = f"{parts[0]}.{parts[1]}".encode("ascii", "replace")
        self.header, self.payload = _object(parts[0], "header"), _object(parts[1], "payload")
        self.signature = unb64url(parts[2])
        if self.header.get("alg") != "EdDSA" or self.header.get("typ") != TYPE:
            raise JWSError(f'the header must say "alg": "EdDSA" and "typ": "{TYPE}"')
        if set(self.header) != {"alg", "typ", "kid", "iss"} or not all(isinstance(v, str) for v in self.header.values()):
            raise JWSError('the header must hold exactly "alg", "typ", "kid" and "iss", as strings')

    def verify(self, public_key) -> bool:
        return signing.verify(public_key, self.signing_input, self.signature)


def _object(part, name):
    try:
        value = json.loads(unb64url(part))
    except (ValueError, UnicodeDecodeError):
        raise JWSError(f"the {name} is not base64url-encoded JSON") from None
    if not isinstance(value, dict):
        raise JWSError(f"the {name} is not a JSON object")
    return value
