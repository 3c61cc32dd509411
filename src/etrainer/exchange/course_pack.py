"""Add a course pack to the user's data folder from a folder or a zip file (an offline update).

The pack is unpacked into a temporary folder beside its destination, loaded to check it is a
course pack, then swapped in with renames: the previous copy is removed only after the new one
is in place. Progress is keyed by lesson ids, so an updated pack keeps everyone's progress.
"""

from __future__ import annotations

import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from etrainer.core.course.catalog import PackInfo, read_pack_info
from etrainer.core.course.lessons import MAX_LESSON_BYTES
from etrainer.core.course.pack import MANIFEST, LoadResult, load_pack
from etrainer.core.errors import CoursePackNotFound, EtrainerError, Problem, UnsafeArchive, is_disk_full
from etrainer.core.yamlfile import YamlError, load_yaml
from etrainer.i18n import QT_TRANSLATE_NOOP

MAX_FILES = 5000
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per member: more than this looks like a zip bomb

Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False cancels."""


class NotACoursePack(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{path} is not a course pack: it has no course.yaml.")


class PackTooLarge(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course pack {path} was not added: {reason}.")


class PackSourceMissing(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{path} does not exist: give the folder or the .zip file of a course pack.")


class BadCourseManifest(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "{file}:{line}: {message}. The course pack was not added: "
                                       "correct course.yaml and add it again.")


class PackDiskFull(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course pack {path} was not added: no space left on the disk holding "
                                       "{folder}. Free some space and add it again; the courses already there "
                                       "were not changed.")


class PackImportCancelled(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "Adding the course pack was cancelled; nothing was changed.")


@dataclass(frozen=True, slots=True)
class AddedPack:
    info: PackInfo
    result: LoadResult
    replaced: bool


def add_pack(source: Path, packs_dir: Path, progress: Progress | None = None) -> AddedPack:
    """Copy or unpack `source` (a pack folder or a .zip) into `packs_dir/<course-id>`."""
    if not source.exists():  # nothing is made in the packs folder for it
        raise PackSourceMissing(path=str(source))
    try:
        return _add_pack(source, packs_dir, progress)
    except OSError as error:
        if is_disk_full(error):
            raise PackDiskFull(path=str(source), folder=str(packs_dir)) from error
        raise


def _add_pack(source: Path, packs_dir: Path, progress: Progress | None) -> AddedPack:
    packs_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=packs_dir))
    try:
        skipped: list[Problem] = []
        if source.is_dir():
            skipped = _copy_folder(source, staging, progress)
        elif zipfile.is_zipfile(source):
            _extract_zip(source, staging, progress)
        elif source.suffix.lower() == ".zip" and source.is_file():
            raise UnsafeArchive(path=str(source), reason="it is not a zip file, or it is damaged")
        else:
            raise NotACoursePack(path=str(source))
        root = _find_root(staging, source)
        _check_manifest(root / MANIFEST, source / (root / MANIFEST).relative_to(staging))
        try:
            result = load_pack(root)
        except CoursePackNotFound:
            raise NotACoursePack(path=str(source)) from None
        info = read_pack_info(root)
        if info is None:
            raise NotACoursePack(path=str(source))
        target = packs_dir / result.course.id
        replaced = target.exists()
        old = packs_dir / f".old-{result.course.id}"
        if old.exists():
            shutil.rmtree(old)
        if replaced:
            target.rename(old)
        root.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        final = read_pack_info(target) or info
        loaded = load_pack(target)
        return AddedPack(final, replace(loaded, problems=(*skipped, *loaded.problems)), replaced)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _find_root(staging: Path, source: Path) -> Path:
    if (staging / MANIFEST).is_file():
        return staging
    children = [p for p in staging.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    if len(children) == 1 and (children[0] / MANIFEST).is_file():
        return children[0]
    raise NotACoursePack(path=str(source))


def _check_manifest(path: Path, shown: Path) -> None:
    """Refuse a pack whose course.yaml is not readable YAML (a typo, an alias bomb, an absurd size) before
    the rest of the pack is read: such a pack has no trustworthy id to be stored under."""
    try:
        if path.stat().st_size > MAX_LESSON_BYTES:  # the limit load_pack applies to course.yaml
            raise BadCourseManifest(file=str(shown), line=0, message=f"the file is larger than "
                                                                     f"{MAX_LESSON_BYTES >> 10} KB")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return  # load_pack reports it, and the pack is refused as having no readable course.yaml
    try:
        load_yaml(text)
    except YamlError as error:
        raise BadCourseManifest(file=str(shown), line=error.line, message=error.message) from None


def _copy_folder(source: Path, staging: Path, progress: Progress | None) -> list[Problem]:
    """Copy the regular files of `source` into `staging`; returns a problem for each entry left out: a symbolic
    link (not followed: it may lead anywhere on the computer), a pipe, a device or a socket."""
    found = sorted(source.rglob("*"))  # rglob does not descend into a linked folder
    skipped = []
    for path in found:
        if path.is_symlink():
            reason = "a symbolic link: not copied (a pack's files must be real files, not links)"
        elif not path.is_file() and not path.is_dir():
            reason = "not a file (a pipe, a device or a socket): not copied"
        else:
            continue
        skipped.append(Problem(path.relative_to(source).as_posix(), 0, reason))
    files = [p for p in found if p.is_file() and not p.is_symlink()]
    if len(files) > MAX_FILES:  # the limits a zip has (a folder picked by mistake: a home folder, a disk)
        raise PackTooLarge(path=str(source), reason=f"it has more than {MAX_FILES} files")
    if sum(path.stat().st_size for path in files) > MAX_TOTAL_BYTES:
        raise PackTooLarge(path=str(source), reason=f"its files take more than {MAX_TOTAL_BYTES >> 20} MB")
    for index, path in enumerate(files, 1):
        target = staging / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        if progress and not progress(index, len(files)):
            raise PackImportCancelled()
    return skipped


def _extract_zip(source: Path, staging: Path, progress: Progress | None) -> None:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise UnsafeArchive(path=str(source), reason=f"it is not a readable zip file ({error})") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > MAX_FILES:
            raise UnsafeArchive(path=str(source), reason=f"it has more than {MAX_FILES} files")
        total = 0
        for member in members:
            _check_member(member, source)
            total += member.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeArchive(path=str(source), reason=f"it would unpack to more than {MAX_TOTAL_BYTES >> 20} MB")
        for index, member in enumerate(members, 1):
            target = staging.joinpath(*PurePosixPath(member.filename).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with archive.open(member) as src, open(target, "wb") as dst:
                while chunk := src.read(1 << 16):
                    written += len(chunk)
                    if written > member.file_size:
                        raise UnsafeArchive(path=str(source), reason=f"{member.filename} is larger than it claims")
                    dst.write(chunk)
            if progress and not progress(index, len(members)):
                raise PackImportCancelled()


def _check_member(member: zipfile.ZipInfo, source: Path) -> None:
    name = member.filename
    parts = PurePosixPath(name).parts
    if "\\" in name or name.startswith("/") or ".." in parts or (parts and ":" in parts[0]) or "\x00" in name:
        raise UnsafeArchive(path=str(source), reason=f"the entry “{name}” points outside the pack")
    if stat.S_ISLNK(member.external_attr >> 16):
        raise UnsafeArchive(path=str(source), reason=f"the entry “{name}” is a symbolic link")
    if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
        raise UnsafeArchive(path=str(source), reason=f"the entry “{name}” is compressed suspiciously well "
                                                     "(a zip bomb?)")
