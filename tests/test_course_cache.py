"""The course cache: a hit returns the same course, any file change reloads, a broken cache is ignored."""

import os
import pickle
import shutil
from pathlib import Path

import pytest

from etrainer.course_cache import CACHE_FOLDER, load_pack_cached

GOOD = Path(__file__).parents[0] / "data" / "packs" / "good"


def test_cache_hit_miss_and_damage(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    data = tmp_path / "data"
    first = load_pack_cached(pack, data)
    cached = list((data / CACHE_FOLDER).glob("course-*.pickle"))
    assert len(cached) == 1
    again = load_pack_cached(pack, data)
    assert [lesson.id for lesson in again.course.lessons()] == [lesson.id for lesson in first.course.lessons()]
    lesson = pack / "02-more" / "01-third.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Третій урок", "Змінений урок"), encoding="utf-8")
    assert load_pack_cached(pack, data).course.lesson("third-lesson").title == "Змінений урок"
    for stale in (data / CACHE_FOLDER).glob("course-*.pickle"):
        stale.write_bytes(b"not a pickle")
    assert load_pack_cached(pack, data).course.lesson("third-lesson").title == "Змінений урок"


def test_quizzes_and_walkthroughs_are_cached_apart_for_after_the_first_paint(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    shutil.copy(Path(__file__).parents[0] / "data" / "ui" / "basics.quiz.yaml", pack / "01-basics")
    (pack / "01-basics" / "images").mkdir(exist_ok=True)
    shutil.copy(Path(__file__).parents[0] / "data" / "quiz" / "images" / "diia-form.png", pack / "01-basics" / "images")
    data = tmp_path / "data"
    from etrainer.course_cache import load_extras_cached

    full = load_pack_cached(pack, data)
    assert [q.id for q in full.course.quizzes] == ["basics-quiz"]
    light = load_pack_cached(pack, data, extras=False)
    assert light.course.quizzes == () and [m.id for m in light.course.modules] == [m.id for m in full.course.modules]
    quizzes, scenarios = load_extras_cached(pack, data)
    assert [q.id for q in quizzes] == ["basics-quiz"] and scenarios == ()
    for extras in (data / CACHE_FOLDER).glob("extras-*.pickle"):
        extras.unlink()
    assert [q.id for q in load_extras_cached(pack, data)[0]] == ["basics-quiz"]  # a missing part reloads


def test_the_pack_catalog_reads_plain_manifests_like_yaml_does():
    from etrainer.core.course.catalog import _plain_fields
    from etrainer.core.yamlfile import load_yaml

    manifests = [*Path(__file__).parents[0].joinpath("data", "packs").glob("*/course.yaml"),
                 Path(__file__).parents[1] / "lessons" / "course.yaml"]
    for manifest in manifests:
        text = manifest.read_text(encoding="utf-8-sig")
        plain = _plain_fields(text)
        if plain is None:
            continue
        parsed = load_yaml(text)
        assert plain == {k: str(parsed[k]) for k in ("id", "title", "course_version") if k in parsed}, manifest
    assert _plain_fields("id: x\ntitle: >-\n  folded\n") is None
    assert _plain_fields("id: x\ntitle: Перший рядок\n  другий\n") is None
    assert _plain_fields("id: x\ntitle: \"Назва: з двокрапкою\"\n") == {"id": "x", "title": "Назва: з двокрапкою"}


class _Crafted:
    """Pickles as a call of `function(*args)`: what a hostile cache file on a shared USB folder could hold."""

    def __init__(self, function, *args):
        self.function, self.args = function, args

    def __reduce__(self):
        return self.function, self.args


def _replace_cache(data: Path, raw: bytes) -> None:
    for cached in [*(data / CACHE_FOLDER).glob("course-*.pickle"), *(data / CACHE_FOLDER).glob("extras-*.pickle")]:
        cached.write_bytes(raw)


@pytest.mark.parametrize("crafted", [
    lambda marker: _Crafted(os.mkdir, str(marker)),
    lambda marker: _Crafted(Path.mkdir, marker),
    lambda marker: _Crafted(eval, f"__import__('os').mkdir({str(marker)!r})"),
])
def test_a_crafted_cache_runs_no_code_and_the_course_is_rebuilt(tmp_path, crafted):
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    data = tmp_path / "data"
    expected = [lesson.id for lesson in load_pack_cached(pack, data).course.lessons()]
    marker = tmp_path / "ran"
    _replace_cache(data, pickle.dumps(crafted(marker), protocol=pickle.HIGHEST_PROTOCOL))
    result = load_pack_cached(pack, data)
    assert not marker.exists()
    assert [lesson.id for lesson in result.course.lessons()] == expected
    assert not marker.exists()
    assert [lesson.id for lesson in load_pack_cached(pack, data).course.lessons()] == expected  # rewritten


@pytest.mark.parametrize("raw", [b"\x80\x05\x8e\xff\xff\xff\xff\xff\xff\xff\x7f", b"\x80\x05\x8e" + b"\xff" * 8,
                                 b"\x80\x05h\xff.", b"\x80\x05(" * 50000, b"", b"\x80\x05K\x01\x85R."])
def test_a_garbage_cache_is_ignored_and_rebuilt(tmp_path, raw):
    pack = tmp_path / "pack"
    shutil.copytree(GOOD, pack)
    data = tmp_path / "data"
    expected = [lesson.id for lesson in load_pack_cached(pack, data).course.lessons()]
    _replace_cache(data, raw)
    assert [lesson.id for lesson in load_pack_cached(pack, data, extras=False).course.lessons()] == expected
    _replace_cache(data, raw)
    assert [lesson.id for lesson in load_pack_cached(pack, data).course.lessons()] == expected
