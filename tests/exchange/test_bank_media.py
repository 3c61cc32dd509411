"""Pictures and sounds beside an imported bank go into the pack as media; links to anything else stay links,
and nothing outside the bank's folder is ever read (`..`, absolute paths, symbolic links out), nor a file
over the pack's picture limit."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from etrainer.core.course.context import PackContext
from etrainer.core.quiz.loading import load_quiz_file
from etrainer.exchange.bank_media import MAX_MEDIA_BYTES, plan_media
from etrainer.exchange.gift import parse_gift
from etrainer.exchange.question_json import run_import_questions

PNG = b"\x89PNG\r\n\x1a\n" + b"picture" * 10
MP3 = b"ID3" + b"sound" * 10

XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="shortanswer">
    <name><text>Столиця</text></name>
    <questiontext format="html"><text><![CDATA[<p>Послухайте <a href="audio/kyiv.mp3">запис</a> і подивіться
      <img src="map.png" alt="мапа">. <img src="missing.png" alt="нема"> <img src="https://example.org/web.png">
      <img src="../secret.png" alt="поза"> <img src="/tmp/absolute.png" alt="абс"> <img src="link.png">
      <img src="big.png" alt="велика"></p>]]></text></questiontext>
    <answer fraction="100"><text>Київ</text></answer>
  </question>
</quiz>
"""


def _run(bank: Path, target: Path, dry_run: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_import_questions(bank, None, dry_run, False, target, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    (folder / "audio").mkdir(parents=True)
    (folder / "map.png").write_bytes(PNG)
    (folder / "audio" / "kyiv.mp3").write_bytes(MP3)
    (tmp_path / "secret.png").write_bytes(b"not for the pack")
    (folder / "link.png").symlink_to(tmp_path / "secret.png")
    with (folder / "big.png").open("wb") as handle:
        handle.truncate(MAX_MEDIA_BYTES + 1)
    path = folder / "bank.xml"
    path.write_text(XML, encoding="utf-8")
    return path


def test_files_beside_the_bank_are_copied_into_the_pack_and_the_rest_stay_links(bank: Path, tmp_path: Path):
    target = tmp_path / "pack" / "01-basics" / "basics.quiz.yaml"
    code, out, err = _run(bank, target)
    assert err == "" and code == 1  # three links could not be copied, and the report says why
    media = target.parent / "media"
    assert sorted(p.name for p in media.iterdir()) == ["kyiv.mp3", "map.png"]
    assert (media / "map.png").read_bytes() == PNG and (media / "kyiv.mp3").read_bytes() == MP3
    assert f"Copied 2 picture(s) or sound(s) into {media}" in out
    quiz = load_quiz_file(target, PackContext(root=tmp_path / "pack", module_ids=set()))
    assert quiz is not None
    text = quiz.questions[0].text
    assert "[запис](media/kyiv.mp3)" in text and "[мапа](media/map.png)" in text
    assert "[нема](missing.png)" in text and "(https://example.org/web.png)" in text  # not there: a link
    for kept in ("../secret.png", "/tmp/absolute.png", "link.png", "big.png"):
        assert f"]({kept})" in text
    assert f"{bank}:3: the file “../secret.png” leads outside the bank's folder" in out
    assert f"{bank}:3: the file “/tmp/absolute.png” leads outside the bank's folder" in out
    assert f"{bank}:3: the file “link.png” is a link to a file outside the bank's folder" in out
    assert f"{bank}:3: the file “big.png” is too large (the file is over 8 MB)" in out
    assert not (media / "secret.png").exists() and not list(media.glob("big*"))


def test_a_dry_run_copies_nothing(bank: Path, tmp_path: Path):
    target = tmp_path / "pack" / "quiz.quiz.yaml"
    code, out, _ = _run(bank, target, dry_run=True)
    assert code == 1 and "Copied" not in out
    assert not (tmp_path / "pack").exists()


def test_another_file_of_the_same_name_in_the_pack_is_kept_and_the_same_file_reused(tmp_path: Path):
    folder = tmp_path / "bank"
    (folder / "pics").mkdir(parents=True)
    (folder / "pics" / "scheme.png").write_bytes(PNG)
    (folder / "scheme.png").write_bytes(PNG + b"other")
    parsed = parse_gift("::Схема::Подивіться ![схема](pics/scheme.png) і [ще](scheme.png).{T}\n\n"
                        "::Знову::Та сама ![схема](pics/scheme.png).{F}\n")
    quiz_dir = tmp_path / "pack" / "01"
    (quiz_dir / "media").mkdir(parents=True)
    (quiz_dir / "media" / "scheme.png").write_bytes(b"an earlier import's picture")
    plan = plan_media(parsed, folder, quiz_dir)
    first, second = plan.bank.questions
    assert "![схема](media/scheme-2.png)" in first.text and "[ще](media/scheme-3.png)" in first.text
    assert "![схема](media/scheme-2.png)" in second.text  # one copy for both questions
    assert [c.name for c in plan.copies] == ["scheme-2.png", "scheme-3.png"] and plan.bank.problems == []
    again = plan_media(parsed, folder, tmp_path / "elsewhere")
    assert [c.name for c in again.copies] == ["scheme.png", "scheme-2.png"]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_folder_linked_from_outside_is_not_followed(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "p.png").write_bytes(PNG)
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "pics").symlink_to(outside, target_is_directory=True)
    plan = plan_media(parse_gift("Що на ![знімку](pics/p.png)?{T}\n"), folder, tmp_path / "pack")
    assert plan.copies == () and "](pics/p.png)" in plan.bank.questions[0].text
    assert "outside the bank's folder" in plan.bank.problems[0].message
