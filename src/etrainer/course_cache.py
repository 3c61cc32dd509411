"""A cache of the loaded course pack in the user's data folder, so start-up does not re-read and
re-check every file when nothing changed (old library PCs benefit most).

The key is a fingerprint of every file in the pack (relative path, size, modification time) plus
the eTrainer version; any change means a fresh load. The course is cached in two parts: the
lessons, glossary and problems (what the first window needs), and the quizzes and walkthroughs
(read after the first paint, so their model modules stay out of the start-up path). The cache
holds only what eTrainer itself wrote into the user's own data folder; a cache that cannot be
read is ignored and rewritten. The data folder may be a portable folder on a shared PC, so a cache
file is not trusted: it is read by `_CacheUnpickler`, which builds only eTrainer's own course model
objects and paths (never an arbitrary callable), and anything else makes it unreadable.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from dataclasses import is_dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any

from etrainer import __version__
from etrainer.core.course.load_result import LoadResult

CACHE_FOLDER = "cache"
CACHE_FORMAT = "2"
"""Raised when the cached classes change shape (2: Course.tags), so that old pickles are not read."""
_MODEL_PACKAGE = "etrainer.core."
"""The cached objects are dataclasses and enums of the course model modules below this package."""
_PATH_MODULES = frozenset({"pathlib", "pathlib._local"})
_PATH_CLASSES = frozenset({"Path", "PosixPath", "WindowsPath", "PurePath", "PurePosixPath", "PureWindowsPath"})


def fingerprint(root: Path) -> str:
    """A digest of the pack's file names, sizes and modification times (and of this version of Е-тренер).

    BLAKE2b from CPython's own `_blake2` module: `import hashlib` loads OpenSSL first (≈6 ms before the
    first paint); the digest is the same strength of change detection."""
    try:
        from _blake2 import blake2b
    except ImportError:  # a Python built without it
        from hashlib import blake2b
    digest = blake2b(f"{__version__}\0{CACHE_FORMAT}\0{root.resolve()}".encode())
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


def load_pack_cached(root: Path, data: Path | None, *, extras: bool = True) -> LoadResult:
    """`load_pack(root)`, from the cache in `data` when the pack's files have not changed.

    With `extras=False` the course comes without its quizzes and walkthroughs (see `load_extras_cached`).
    """
    if data is None:
        return _load(root)
    key = fingerprint(root)
    light = _read(data, f"course-{key}.pickle")
    if isinstance(light, LoadResult):
        if not extras:
            return light
        found = _read(data, f"extras-{key}.pickle")
        if isinstance(found, tuple) and len(found) == 2:
            return replace(light, course=replace(light.course, quizzes=found[0], scenarios=found[1]))
    result = _load(root)
    _write(data, key, result)
    if extras:
        return result
    return replace(result, course=replace(result.course, quizzes=(), scenarios=()))


def load_extras_cached(root: Path, data: Path | None) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The course's quizzes and walkthroughs, from the cache when the pack has not changed."""
    if data is not None:
        found = _read(data, f"extras-{fingerprint(root)}.pickle")
        if isinstance(found, tuple) and len(found) == 2:
            return found
    course = load_pack_cached(root, data).course
    return course.quizzes, course.scenarios


def _load(root: Path) -> LoadResult:
    from etrainer.core.course.pack import load_pack

    return load_pack(root)


class _CacheUnpickler(pickle.Unpickler):
    """Builds only what the cache legitimately holds: the dataclasses and enums of eTrainer's core model
    and file paths. A crafted file naming any other global (`os.system`, `builtins.eval`…) is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if module in _PATH_MODULES and name in _PATH_CLASSES:
            return super().find_class(module, name)
        if module.startswith(_MODEL_PACKAGE) and "." not in name:
            found = super().find_class(module, name)
            if (isinstance(found, type) and found.__module__ == module
                    and (is_dataclass(found) or issubclass(found, Enum))):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the course cache")


def _read(data: Path, name: str) -> Any:
    try:
        with open(data / CACHE_FOLDER / name, "rb") as handle:
            return _CacheUnpickler(handle).load()
    except Exception:  # any unreadable cache (damaged, truncated, crafted) is rebuilt from the pack
        return None


def _write(data: Path, key: str, result: LoadResult) -> None:
    folder = data / CACHE_FOLDER
    light = replace(result, course=replace(result.course, quizzes=(), scenarios=()))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in [*folder.glob("course-*.pickle"), *folder.glob("extras-*.pickle")]:
            old.unlink(missing_ok=True)
        for name, value in ((f"extras-{key}.pickle", (result.course.quizzes, result.course.scenarios)),
                            (f"course-{key}.pickle", light)):
            fd, tmp = tempfile.mkstemp(prefix=".course-", dir=folder)
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / name)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        pass  # a cache is a comfort: without it the course simply loads from its files
