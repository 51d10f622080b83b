"""Files stored outside the database under a folder, named by their SHA-256 (exchange attachments, seized
blueprint files): written once per content, atomically, readable by the owner only."""

import hashlib
import os
import tempfile
from pathlib import Path


def path_in(directory, sha256) -> Path:
    return Path(directory) / sha256[:2] / sha256


def store_in(directory, data: bytes) -> str:
    """Write `data` under `directory` (once per content) and return its SHA-256."""
    sha256 = hashlib.sha256(data).hexdigest()
    target = path_in(directory, sha256)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    return sha256
