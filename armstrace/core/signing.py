"""The installation's Ed25519 signing key, kept outside the database.

The private key is a PEM file (PKCS#8) at settings.ARMSTRACE_SIGNING_KEY, mode 0600; a file that group or others
may read or write is refused. `armstrace init` creates it. Whoever can write to the database but cannot read this
file cannot sign: the event log's checkpoints (registry.checkpoints) are signed with it, and so will be the
federation's messages.

Every message signed with this key must begin with its own format tag (e.g. "armstrace-checkpoint/1"), so that a
signature made for one kind of message can never pass for another.
"""

import base64
import hashlib
import os
import stat
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings


class SigningKeyError(Exception):
    """The signing key file is missing, unreadable, not an Ed25519 key, or open to group/others."""


_loaded = {}  # (path, inode, mtime, size) -> Ed25519PrivateKey


def key_path() -> Path:
    return Path(settings.ARMSTRACE_SIGNING_KEY)


def create_key(path=None) -> bool:
    """Write a new private key to `path` (default: the setting) with mode 0600, unless a file is there already.
    Returns whether it was created; an existing file must pass `load_private_key`'s checks."""
    path = Path(path or key_path())
    if path.exists():
        load_private_key(path)
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, pem)
    finally:
        os.close(fd)
    return True


def load_private_key(path=None) -> Ed25519PrivateKey:
    path = Path(path or key_path())
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise SigningKeyError(f"no signing key at {path}: run `armstrace init` to create it, or set "
                              f"ARMSTRACE_SIGNING_KEY to the key's file") from None
    except OSError as exc:
        raise SigningKeyError(f"cannot read the signing key {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SigningKeyError(f"the signing key {path} is not a regular file")
    if info.st_mode & 0o077:
        raise SigningKeyError(f"refusing the signing key {path}: its mode is {stat.S_IMODE(info.st_mode):04o}, so "
                              f"group or others may read or change it; it must be 0600 (chmod 600 {path})")
    cache_key = (str(path), info.st_ino, info.st_mtime_ns, info.st_size)
    if cache_key not in _loaded:
        _loaded.clear()
        _loaded[cache_key] = _read_private_key(path)
    return _loaded[cache_key]


def _read_private_key(path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise SigningKeyError(f"cannot read the signing key {path}: {exc.strerror}") from None
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"the signing key {path} is not an unencrypted PEM private key: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"the signing key {path} is not an Ed25519 key")
    return key


_public = {}  # "key": (the private key object, its public key), derived once per loaded key


def public_key(path=None) -> Ed25519PublicKey:
    private = load_private_key(path)
    cached = _public.get("key")
    if cached is None or cached[0] is not private:
        cached = _public["key"] = (private, private.public_key())
    return cached[1]


def public_key_pem(key: Ed25519PublicKey | None = None) -> str:
    """The public key (the installation's by default) as PEM text, for a witness or a federation partner."""
    key = key or public_key()
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def load_public_key(pem: str | bytes) -> Ed25519PublicKey:
    """A public key from PEM text (as public_key_pem writes it)."""
    try:
        key = serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"not a PEM public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError("not an Ed25519 public key")
    return key


def key_id(key: Ed25519PublicKey | None = None) -> str:
    """Fingerprint of a public key (the installation's by default): the first 16 bytes of the SHA-256 of its raw
    32 bytes, in hex."""
    key = key or public_key()
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:32]


def sign(message: bytes) -> bytes:
    """The 64-byte Ed25519 signature of `message` with the installation's key."""
    return load_private_key().sign(message)


def verify(key: Ed25519PublicKey, message: bytes, signature: bytes) -> bool:
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def encode_signature(signature: bytes) -> str:
    return base64.b64encode(signature).decode("ascii")


def decode_signature(text: str) -> bytes:
    """The signature bytes of encode_signature's text; b"" for text that is not base64 (it then fails to verify)."""
    try:
        return base64.b64decode(text, validate=True)
    except (ValueError, TypeError):
        return b""
