"""A cache of the loaded course pack in the user's data folder, so start-up does not re-read and
re-check every file when nothing changed (old library PCs benefit most).

The key is a fingerprint of every file in the pack (relative path, size, modification time) plus
the eTrainer version; any change means a fresh load. The cache holds only what eTrainer itself
wrote into the user's own data folder; a cache that cannot be read is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from etrainer import __version__
from etrainer.core.loading.pack import LoadResult, load_pack

CACHE_FOLDER = "cache"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256(f"{__version__}\0{root.resolve()}".encode())
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            digest.update(f"{os.path.relpath(path, root)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def load_pack_cached(root: Path, data: Path | None) -> LoadResult:
    """`load_pack(root)`, from the cache in `data` when the pack's files have not changed."""
    if data is None:
        return load_pack(root)
    folder = data / CACHE_FOLDER
    cache = folder / f"course-{fingerprint(root)}.pickle"
    try:
        with open(cache, "rb") as handle:
            result = pickle.load(handle)  # written by eTrainer into the user's own data folder
        if isinstance(result, LoadResult):
            return result
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    result = load_pack(root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("course-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".course-", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        pass  # a cache is a comfort: without it the course simply loads from its files
    return result
