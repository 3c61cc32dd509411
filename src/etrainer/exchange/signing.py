"""The installation's Ed25519 key, and signing a progress document with it.

The private key is stored raw (32 bytes) in `InstallationRow.signing_key`; `load_or_create` turns the
stored value into a key, making a new one when there is none yet (or the stored one is unusable).
The signature covers `core.progress.file.canonical_bytes(doc)`: the document without "signature".
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from etrainer.core.progress.file import SIGNATURE_ALGORITHM, canonical_bytes

PRIVATE_KEY_BYTES = 32


class InstallationKey:
    """An Ed25519 private key with its raw forms."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private

    @classmethod
    def generate(cls) -> InstallationKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes) -> InstallationKey:
        """Raises ValueError when `raw` is not a 32-byte private key."""
        if len(raw) != PRIVATE_KEY_BYTES:
            raise ValueError(f"an Ed25519 private key has {PRIVATE_KEY_BYTES} bytes, not {len(raw)}")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    @property
    def raw(self) -> bytes:
        """The private key's 32 raw bytes, as stored."""
        return self._private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    @property
    def public_raw(self) -> bytes:
        """The public key's 32 raw bytes, as a workspace trusts it."""
        return self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def sign(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        """A copy of `doc` with its "signature" (any old signature is replaced)."""
        unsigned = {key: value for key, value in doc.items() if key != "signature"}
        value = self._private.sign(canonical_bytes(unsigned))
        return {**unsigned, "signature": {"algorithm": SIGNATURE_ALGORITHM,
                                          "public_key": base64.b64encode(self.public_raw).decode("ascii"),
                                          "value": base64.b64encode(value).decode("ascii")}}


def load_or_create(stored: bytes | None) -> tuple[InstallationKey, bool]:
    """The key from its stored bytes, or a new key; the flag is True when the key is new (store it)."""
    if stored:
        try:
            return InstallationKey.from_raw(bytes(stored)), False
        except ValueError:
            pass
    return InstallationKey.generate(), True
