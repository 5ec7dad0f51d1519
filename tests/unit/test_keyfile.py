"""The store's key: made owner-only on first use, the same on every read, refused when
others can read it or it is damaged."""

import os

import pytest

from pos.db import keyfile
from pos.kernel.errors import UserError


@pytest.fixture
def key_file(tmp_path, monkeypatch):
    path = tmp_path / "store.key"
    monkeypatch.setenv(keyfile.ENV_KEY_FILE, str(path))
    return path


def test_the_key_is_made_once_owner_only_and_read_back_the_same(key_file):
    first = keyfile.store_key()
    assert len(first) == keyfile.KEY_BYTES and keyfile.store_key() == first
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o777 == 0o600
    assert keyfile.derived_key("journal") != keyfile.derived_key("pins")
    assert len(keyfile.key_id()) == 12 and keyfile.key_id() not in key_file.read_text()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_key_others_can_read_is_refused(key_file):
    keyfile.store_key()
    key_file.chmod(0o644)
    with pytest.raises(UserError) as refused:
        keyfile.store_key()
    assert refused.value.message_id == "key.shared"


def test_a_damaged_key_is_refused_not_replaced(key_file):
    key_file.write_text("not hex at all\n")
    key_file.chmod(0o600)
    with pytest.raises(UserError) as refused:
        keyfile.store_key()
    assert refused.value.message_id == "key.damaged"
    assert key_file.read_text() == "not hex at all\n"
