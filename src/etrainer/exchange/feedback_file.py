"""Writing the methodist's reply (`.etfeedback`, docs/feedback-format.md): one signed file per learner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from etrainer.core.progress.feedback import FEEDBACK_FORMAT, FEEDBACK_VERSION
from etrainer.core.progress.format import format_time
from etrainer.core.quiz.essay import SentEssay
from etrainer.exchange.signing import InstallationKey


def feedback_document(essays: Sequence[SentEssay], course_id: str, now: datetime,
                      app_version: str) -> dict[str, Any]:
    """The unsigned reply carrying the marks of `essays` (all of one learner, each marked)."""
    first = essays[0]
    grades = []
    for essay in essays:
        mark = essay.mark
        if mark is None:
            continue
        grades.append({
            "uid": essay.grade_uid, "response_uid": essay.uid, "quiz_id": essay.quiz_id,
            "question_id": essay.question_id, "points": mark.points, "max_points": mark.max_points,
            "levels": [{"criterion": p.criterion, "level": p.level, "points": p.points} for p in mark.levels],
            "comment": mark.comment, "graded_at": format_time(mark.graded_at or now), "grader": mark.grader})
    return {"format": FEEDBACK_FORMAT, "version": FEEDBACK_VERSION, "exported_at": format_time(now),
            "app_version": app_version, "course": {"id": course_id},
            "learner": {"uid": first.learner_uid, "name": first.learner_name}, "grades": grades}


def signed_feedback(essays: Sequence[SentEssay], course_id: str, now: datetime, app_version: str,
                    key: InstallationKey) -> dict[str, Any]:
    return key.sign(feedback_document(essays, course_id, now, app_version))
