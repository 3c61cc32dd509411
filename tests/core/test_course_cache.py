"""The course cache: a hit returns the same course, any file change reloads, a broken cache is ignored."""

import shutil
from pathlib import Path

from etrainer.course_cache import CACHE_FOLDER, load_pack_cached

GOOD = Path(__file__).parents[1] / "data" / "packs" / "good"


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
