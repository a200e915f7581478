"""The original files of a store's source documents, kept beside its database by content hash
(`DIR/originals/SHA256`), so that each source can be downloaded as it was published."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from plangraph.extract.errors import InputError

FOLDER = "originals"
_HASH = re.compile(r"^[0-9a-f]{64}$")


def keep(work: Path, previous: Path | None, new: Iterable[tuple[str, str]], referenced: set[str]) -> None:
    """Fill `work/originals` with the original of every source the store holds (`referenced`
    hashes): carried over from the previous store (hard links where possible), else read again
    from the files built (sha256, path) and checked against their hash. Originals no source
    refers to are left out."""
    folder = work / FOLDER
    folder.mkdir(exist_ok=True)
    kept = previous / FOLDER if previous is not None else None
    if kept is not None and kept.is_dir():
        for entry in kept.iterdir():
            target = folder / entry.name
            if entry.name in referenced and not target.exists():
                try:
                    os.link(entry, target)
                except OSError:
                    shutil.copyfile(entry, target)
    for sha256, origin in new:
        target = folder / sha256
        if sha256 not in referenced or not _HASH.match(sha256) or target.exists() or not origin:
            continue
        data = Path(origin).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise InputError(origin, "the file changed while it was being built; build it again")
        target.write_bytes(data)


def path_of(store_dir: Path, sha256: str) -> Path | None:
    """The kept original with this hash, or None (also for anything that is not a hash)."""
    if not _HASH.match(sha256):
        return None
    path = store_dir / FOLDER / sha256
    return path if path.is_file() else None
