"""Key wrapping: a person's password key (Argon2id) and key pair (X25519).

The pieces a key-slot store is built from, kept apart from any file or table format so
that the embedded store (:mod:`.keyslots`) and a team server can share them:

* :func:`password_key`: Argon2id of the NFC-normalised password (or of the password
  exactly as typed, for slots made before passwords were normalised);
* :func:`slot_id`: a slot's id, derived from the password key (so a slot file holds no
  names, and finding your slot proves you know the password);
* :func:`seal` / :func:`open_sealed`: AES-256-GCM under a symmetric key;
* :func:`wrap_to` / :func:`unwrap_with`: ECIES, a secret wrapped to a public X25519 key
  (an ephemeral key pair, X25519, HKDF-SHA256, AES-256-GCM). Anyone may wrap to a
  public key; only the private key's holder unwraps. The associated data binds the
  caller's context (store id, key generation) and the recipient's public key;
* :func:`tag` / :func:`tag_ok`: a MAC under a database key, showing that whoever added
  a public key held that key.

``cryptography`` and ``argon2`` load on first use, not on the way to the login window.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

KEY_BYTES = 32
NONCE_BYTES = 12
PUBLIC_BYTES = 32


class UnwrapError(Exception):
    """Wrong key, or the wrapped data was changed. Carries no detail on purpose."""


def normalise_password(password: str) -> str:
    """NFC: 'é' typed as one character or as 'e' + combining accent is one password."""
    return unicodedata.normalize("NFC", password)


def password_forms(password: str) -> tuple[str, ...]:
    """The spellings to try: NFC first, then the password exactly as typed when that
    differs (slots made before normalisation)."""
    normal = normalise_password(password)
    return (normal,) if normal == password else (normal, password)


def password_key(password: str, salt: bytes, kdf: Mapping[str, Any]) -> bytes:
    """Argon2id of ``password`` as given (callers choose the form, see password_forms)."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        secret=password.encode("utf-8"),
        salt=salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def slot_id(kek: bytes) -> str:
    return hmac.new(kek, b"vh-slot-id", hashlib.sha256).hexdigest()[:32]


def subkey(key: bytes, label: bytes) -> bytes:
    """A key for one purpose, derived from ``key`` (HMAC-SHA256 as a PRF)."""
    return hmac.new(key, label, hashlib.sha256).digest()


# ---- symmetric ------------------------------------------------------------------------
@dataclass(frozen=True)
class Sealed:
    nonce: bytes
    ciphertext: bytes


def seal(key: bytes, plaintext: bytes, aad: bytes) -> Sealed:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(NONCE_BYTES)
    return Sealed(nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def open_sealed(key: bytes, sealed: Sealed, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError):
        raise UnwrapError() from None


# ---- key pairs ------------------------------------------------------------------------
def new_private_key() -> X25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.generate()


def private_bytes(private: X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def private_from_bytes(raw: bytes) -> X25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    try:
        return X25519PrivateKey.from_private_bytes(raw)
    except ValueError:
        raise UnwrapError() from None


def public_bytes(private: X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


@dataclass(frozen=True)
class WrappedKey:
    """A secret wrapped to one public key (ECIES)."""

    ephemeral: bytes  # the sender's one-time public key
    nonce: bytes
    ciphertext: bytes


def _ecies_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=b"vh-keywrap-v1\0" + ephemeral + recipient,
    ).derive(shared)


def _ecies_aad(context: bytes, recipient: bytes) -> bytes:
    return b"vh-keywrap-v1\0" + context + b"\0" + recipient


def wrap_to(recipient_public: bytes, secret: bytes, context: bytes) -> WrappedKey:
    """Wrap ``secret`` so that only the holder of ``recipient_public``'s private key can
    unwrap it, and only with the same ``context`` (e.g. store id and key generation)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    if len(recipient_public) != PUBLIC_BYTES:
        raise ValueError("not an X25519 public key")
    ephemeral = new_private_key()
    ephemeral_public = public_bytes(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    sealed = seal(
        _ecies_key(shared, ephemeral_public, recipient_public),
        secret,
        _ecies_aad(context, recipient_public),
    )
    return WrappedKey(ephemeral_public, sealed.nonce, sealed.ciphertext)


def unwrap_with(private: X25519PrivateKey, wrapped: WrappedKey, context: bytes) -> bytes:
    """The secret :func:`wrap_to` wrapped to this private key's public half."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    recipient = public_bytes(private)
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(wrapped.ephemeral))
    except ValueError:  # a malformed or low-order ephemeral key
        raise UnwrapError() from None
    return open_sealed(
        _ecies_key(shared, wrapped.ephemeral, recipient),
        Sealed(wrapped.nonce, wrapped.ciphertext),
        _ecies_aad(context, recipient),
    )


# ---- admission tags -------------------------------------------------------------------
def tag(key: bytes, message: bytes) -> bytes:
    return hmac.new(subkey(key, b"vh-recipient-tag"), message, hashlib.sha256).digest()


def tag_ok(key: bytes, message: bytes, found: bytes) -> bool:
    return hmac.compare_digest(tag(key, message), found)
