"""Signed progress files of demo learners (the bundled course), for the workspace tests on both engines."""

from __future__ import annotations

from pathlib import Path

from etrainer.core.course.model import Course
from etrainer.core.course.pack import load_pack
from etrainer.paths import bundled_course_dir


def bundled_course() -> Course:
    return load_pack(bundled_course_dir()).course


def demo_progress_files(root: Path, learners: int, seed: int) -> list[Path]:
    """`learners` demo learners' progress files in `root/files` (quizzes, essays, walkthroughs, consultations),
    named learner-00.etprogress, learner-01.etprogress, … in the order the profiles are listed."""
    from etrainer.services.demo_data import make_demo_learners
    from etrainer.services.facade import open_app_services

    course = bundled_course()
    services = open_app_services(root / "learner-data")
    try:
        make_demo_learners(services, course, learners, seed=seed)
        folder = root / "files"
        folder.mkdir()
        paths = []
        for number, profile in enumerate(services.profiles.list()):
            path = folder / f"learner-{number:02}.etprogress"
            services.transfer.export_progress(profile.id, course, path)
            paths.append(path)
    finally:
        services.close()
    return paths
