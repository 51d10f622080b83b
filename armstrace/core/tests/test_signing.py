"""The installation's Ed25519 signing key: created 0600 by `armstrace init`, refused when others may read it."""

import os

import pytest
from django.core.management import CommandError, call_command

from armstrace.core import signing


@pytest.fixture
def key_file(tmp_path, settings):
    settings.ARMSTRACE_SIGNING_KEY = str(tmp_path / "keys" / "signing-key.pem")
    return tmp_path / "keys" / "signing-key.pem"


def test_create_key_writes_a_0600_pem_once(key_file):
    assert signing.create_key() is True
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    first_id = signing.key_id()
    assert signing.create_key() is False  # an existing key is kept
    assert signing.key_id() == first_id and len(first_id) == 32


def test_sign_and_verify(key_file):
    signing.create_key()
    signature = signing.sign(b"armstrace-test/1 hello")
    key = signing.load_public_key(signing.public_key_pem())
    assert len(signature) == 64
    assert signing.verify(key, b"armstrace-test/1 hello", signature)
    assert not signing.verify(key, b"armstrace-test/1 hellO", signature)
    assert not signing.verify(key, b"armstrace-test/1 hello", signature[:-1] + bytes([signature[-1] ^ 1]))
    assert signing.decode_signature(signing.encode_signature(signature)) == signature
    assert signing.decode_signature("not base64!") == b""


def test_another_key_does_not_verify(key_file, tmp_path):
    signing.create_key()
    other = tmp_path / "other.pem"
    signing.create_key(other)
    signature = signing.sign(b"m")
    assert not signing.verify(signing.public_key(other), b"m", signature)
    assert signing.key_id(signing.public_key(other)) != signing.key_id()


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_open_to_group_or_others_is_refused(key_file, mode):
    signing.create_key()
    os.chmod(key_file, mode)
    with pytest.raises(signing.SigningKeyError, match=f"refusing the signing key .*mode is {mode:04o}.*chmod 600"):
        signing.sign(b"m")
    with pytest.raises(CommandError, match="refusing the signing key"):
        call_command("init", "--password", "admin-pass-123")


def test_missing_and_foreign_key_files_are_refused_clearly(key_file):
    with pytest.raises(signing.SigningKeyError, match="no signing key at .*armstrace init"):
        signing.sign(b"m")
    key_file.parent.mkdir(parents=True)
    key_file.write_text("not a key")
    os.chmod(key_file, 0o600)
    with pytest.raises(signing.SigningKeyError, match="not an unencrypted PEM private key"):
        signing.sign(b"m")


def test_init_creates_the_key(key_file, db, capsys):
    call_command("init", "--password", "admin-pass-123")
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert f"Signing key created: {key_file}" in capsys.readouterr().out
