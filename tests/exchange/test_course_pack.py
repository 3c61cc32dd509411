"""Adding a course pack from a folder or a zip file, and refusing unsafe archives."""

from __future__ import annotations

import errno
import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from etrainer.core.course.catalog import available_packs
from etrainer.core.errors import UnsafeArchive
from etrainer.exchange.course_pack import BadCourseManifest, NotACoursePack, PackImportCancelled, add_pack

GOOD = Path(__file__).parents[1] / "data" / "packs" / "good"


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in folder.rglob("*"):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return target


def test_zip_with_a_top_folder_is_added(tmp_path):
    packs = tmp_path / "packs"
    added = add_pack(zip_folder(GOOD, tmp_path / "c.zip", "course/"), packs)
    assert added.info.course_id == "test-course" and not added.replaced
    assert (packs / "test-course" / "course.yaml").is_file()
    assert [p.name for p in packs.iterdir()] == ["test-course"]  # no staging left behind


def test_update_replaces_the_old_copy_and_keeps_lesson_ids(tmp_path):
    packs = tmp_path / "packs"
    add_pack(GOOD, packs)
    newer = tmp_path / "newer"
    shutil.copytree(GOOD, newer)
    manifest = newer / "course.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"1.0"', '"1.1"'), encoding="utf-8")
    added = add_pack(zip_folder(newer, tmp_path / "n.zip"), packs)
    assert added.replaced and added.info.version == "1.1"
    assert [lesson.id for lesson in added.result.course.lessons()] == ["first-lesson", "second-lesson",
                                                                      "third-lesson"]
    packs_listed = available_packs(GOOD, packs)
    assert [(p.course_id, p.version, p.bundled) for p in packs_listed] == [("test-course", "1.1", False)]


def test_newer_bundled_pack_wins_over_an_older_added_one(tmp_path):
    packs = tmp_path / "packs"
    older = tmp_path / "older"
    shutil.copytree(GOOD, older)
    manifest = older / "course.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"1.0"', '"0.9"'), encoding="utf-8")
    add_pack(older, packs)
    assert [(p.version, p.bundled) for p in available_packs(GOOD, packs)] == [("1.0", True)]


@pytest.mark.parametrize("name", ["../evil.txt", "/abs.txt", "a/../../evil.txt", "C:\\evil.txt"])
def test_path_tricks_are_refused_and_nothing_is_written(tmp_path, name):
    archive = zip_folder(GOOD, tmp_path / "c.zip")
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr(name, "x")
    packs = tmp_path / "packs"
    with pytest.raises(UnsafeArchive):
        add_pack(archive, packs)
    assert list(packs.iterdir()) == []
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bomb_is_refused(tmp_path):
    archive = zip_folder(GOOD, tmp_path / "c.zip")
    with zipfile.ZipFile(archive, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.txt", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(UnsafeArchive, match="compressed suspiciously"):
        add_pack(archive, tmp_path / "packs")


def test_not_a_pack(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"not a zip")
    with pytest.raises(NotACoursePack):
        add_pack(tmp_path / "x.txt", tmp_path / "packs")
    archive = tmp_path / "empty.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(NotACoursePack):
        add_pack(archive, tmp_path / "packs")


def test_a_path_that_does_not_exist_is_said_so_and_nothing_is_made(tmp_path):
    from etrainer.exchange.course_pack import PackSourceMissing

    with pytest.raises(PackSourceMissing) as raised:
        add_pack(tmp_path / "no-such-pack", tmp_path / "packs")
    assert "does not exist" in str(raised.value) and "no-such-pack" in str(raised.value)
    assert not (tmp_path / "packs").exists()


def test_cancel_leaves_nothing(tmp_path):
    packs = tmp_path / "packs"
    add_pack(GOOD, packs)
    before = sorted(p.relative_to(packs) for p in packs.rglob("*"))
    with pytest.raises(PackImportCancelled):
        add_pack(zip_folder(GOOD, tmp_path / "c.zip"), packs, progress=lambda done, total: False)
    assert sorted(p.relative_to(packs) for p in packs.rglob("*")) == before


BOMB = Path(__file__).parents[1] / "data" / "bombs" / "billion-laughs"


@pytest.mark.parametrize("zipped", [False, True])
def test_a_yaml_bomb_manifest_is_refused_with_its_line_and_nothing_is_written(tmp_path, zipped):
    source = zip_folder(BOMB, tmp_path / "bomb.zip") if zipped else BOMB
    packs = tmp_path / "packs"
    with pytest.raises(BadCourseManifest) as caught:
        add_pack(source, packs)
    assert caught.value.params["line"] == 8 and "aliases" in caught.value.params["message"]
    assert str(caught.value).startswith(f"{source / 'course.yaml'}:8: YAML anchors and aliases")
    assert list(packs.iterdir()) == []


def test_a_manifest_with_bad_yaml_is_refused_even_when_its_id_reads_plainly(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    manifest = pack / "course.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "modules: [\n", encoding="utf-8")
    with pytest.raises(BadCourseManifest, match="bad YAML"):
        add_pack(pack, tmp_path / "packs")
    assert list((tmp_path / "packs").iterdir()) == []


def test_an_oversized_manifest_is_refused(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    manifest = pack / "course.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "# " + "x" * (600 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(BadCourseManifest, match="larger than 512 KB"):
        add_pack(pack, tmp_path / "packs")


def _no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


class _FullFile(io.RawIOBase):
    """A file opened for writing on a full disk: every write fails as the system's would."""

    def writable(self) -> bool:
        return True

    def write(self, _data) -> int:
        _no_space()
        return 0


def _full_disk_open(real_open):
    def fake(file, mode="r", *args, **kwargs):
        return _FullFile() if "w" in mode else real_open(file, mode, *args, **kwargs)
    return fake


@pytest.mark.parametrize("zipped", [False, True], ids=["folder", "zip"])
def test_a_full_disk_is_one_sentence_and_the_added_course_stays(tmp_path, monkeypatch, capsys, zipped):
    import builtins

    from etrainer import cli
    from etrainer.exchange import course_pack
    from etrainer.paths import packs_dir

    data = tmp_path / "data"
    packs = packs_dir(data)
    add_pack(GOOD, packs)
    before = sorted((p.relative_to(packs), p.read_bytes()) for p in packs.rglob("*") if p.is_file())
    source = zip_folder(GOOD, tmp_path / "c.zip") if zipped else GOOD
    monkeypatch.setattr(course_pack.shutil, "copyfile", _no_space)
    monkeypatch.setattr(course_pack, "open", _full_disk_open(builtins.open), raising=False)
    with pytest.raises(course_pack.PackDiskFull) as refused:
        add_pack(source, packs)
    assert f"{source} was not added: no space left on the disk holding {packs}" in str(refused.value)
    assert cli.main(["add-pack", str(source), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "no space left on the disk" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert sorted((p.relative_to(packs), p.read_bytes()) for p in packs.rglob("*") if p.is_file()) == before


@pytest.mark.skipif(sys.platform == "win32", reason="making symbolic links needs a privilege on Windows")
def test_a_symlinked_file_is_not_followed_and_is_named_as_a_problem(tmp_path, capsys):
    from etrainer import cli

    source = tmp_path / "pack"
    shutil.copytree(GOOD, source)
    lesson = source / "01-basics" / "02-second.md"
    outside = tmp_path / "elsewhere.md"
    lesson.rename(outside)
    lesson.symlink_to(outside)
    (source / "01-basics" / "images-link").symlink_to(source / "01-basics" / "images")
    added = add_pack(source, tmp_path / "packs")
    target = tmp_path / "packs" / "test-course"
    assert not (target / "01-basics" / "02-second.md").exists() and not (target / "01-basics" / "images-link").exists()
    skipped = "a symbolic link: not copied (a pack's files must be real files, not links)"
    assert [p.format() for p in added.result.problems[:2]] == [f"01-basics/02-second.md:0: {skipped}",
                                                                f"01-basics/images-link:0: {skipped}"]
    assert cli.main(["add-pack", str(source), "--data-dir", str(tmp_path / "data")]) == 0
    assert f"01-basics/02-second.md:0: {skipped}\n" in capsys.readouterr().out


def test_a_zip_that_is_not_one_or_is_damaged_says_so(tmp_path, capsys):
    from etrainer import cli

    garbage = tmp_path / "broken.zip"
    garbage.write_bytes(b"not a zip at all")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(zip_folder(GOOD, tmp_path / "whole.zip").read_bytes()[:-200])
    for archive in (garbage, truncated):
        with pytest.raises(UnsafeArchive) as refused:
            add_pack(archive, tmp_path / "packs")
        assert str(refused.value) == f"The file {archive} was not unpacked: it is not a zip file, or it is damaged"
        assert cli.main(["add-pack", str(archive), "--data-dir", str(tmp_path / "data")]) == 1
        assert "it is not a zip file, or it is damaged" in capsys.readouterr().err
    assert not (tmp_path / "packs").exists() or not any((tmp_path / "packs").iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_in_the_folder_is_named_as_a_problem_and_not_waited_for(tmp_path):
    import os

    source = tmp_path / "pack"
    shutil.copytree(GOOD, source)
    lesson = source / "01-basics" / "02-second.md"
    lesson.unlink()
    os.mkfifo(lesson)
    added = add_pack(source, tmp_path / "packs")
    assert added.result.problems[0].format() == ("01-basics/02-second.md:0: not a file (a pipe, a device or a "
                                                 "socket): not copied")
    assert not (tmp_path / "packs" / "test-course" / "01-basics" / "02-second.md").exists()


def test_a_folder_over_a_zips_limits_is_refused_and_nothing_is_added(tmp_path, monkeypatch):
    """A folder picked by mistake (a home folder, a whole disk) is not copied: the limits of a zip pack apply."""
    from etrainer.exchange import course_pack
    from etrainer.exchange.course_pack import PackTooLarge

    folder = tmp_path / "big"
    for name in ("a", "b", "c"):
        (folder / name).mkdir(parents=True)
        (folder / name / "file.bin").write_bytes(b"x" * 1000)
    monkeypatch.setattr(course_pack, "MAX_TOTAL_BYTES", 2500)
    with pytest.raises(PackTooLarge, match="more than 0 MB"):
        add_pack(folder, tmp_path / "packs")
    monkeypatch.setattr(course_pack, "MAX_TOTAL_BYTES", 10_000)
    monkeypatch.setattr(course_pack, "MAX_FILES", 2)
    with pytest.raises(PackTooLarge, match="more than 2 files"):
        add_pack(folder, tmp_path / "packs")
    assert list((tmp_path / "packs").iterdir()) == []
