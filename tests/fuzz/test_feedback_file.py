"""Fuzzing the methodist's reply reader (core/progress/feedback.py): random bytes, a real signed reply with
its text mutated, and well-formed replies whose fields have wrong types and values (signed again, so the
field checks are reached, or left with the old signature).

Property: the reply is read, or refused with FeedbackRejected (an EtrainerError with a sentence); nothing else."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.mutations import FUZZ, json_bytes, mutated_json, mutated_text

from etrainer.core.progress.feedback import FeedbackDocument, FeedbackRejected, parse_feedback_bytes
from etrainer.core.quiz.essay import EssayMark, LevelPick, SentEssay
from etrainer.exchange.feedback_file import signed_feedback
from etrainer.exchange.signing import InstallationKey

KEY = InstallationKey.generate()
NOW = datetime(2026, 11, 18, 11, 30, tzinfo=UTC)


def _essay(number: int, mark: EssayMark) -> SentEssay:
    return SentEssay(id=number, uid=f"response-{number}", learner_uid="learner-uid-1", learner_name="Марта Коваль",
                     module_id="admin-services", quiz_id="essay-quiz", question_id=f"essay-{number}",
                     text="Спершу я питаю, яку послугу шукає відвідувач.", words=7, submitted_at=NOW,
                     max_points=mark.max_points, mark=mark, grade_uid=f"grade-{number}", course_id="course")


REPLY = signed_feedback(
    [_essay(1, EssayMark(4, 5, (LevelPick("Зрозуміло", "Добре", 2), LevelPick("Джерела", "Офіційні", 2)),
                         "Добре.", NOW, "Ірина")),
     _essay(2, EssayMark(0, 3, comment="Спробуйте ще раз: де шукати послугу?"))],
    "course", NOW, "1.0", KEY)
SEED = json.dumps(REPLY, ensure_ascii=False, indent=1)


def read(raw: bytes) -> None:
    try:
        document = parse_feedback_bytes(raw)
    except FeedbackRejected as error:
        assert str(error).strip() and error.reason.sentence in str(error)
    else:
        assert isinstance(document, FeedbackDocument)


def test_the_seed_reply_is_read():
    document = parse_feedback_bytes(SEED.encode("utf-8"), trusted_key=KEY.public_raw)
    assert [g.mark.points for g in document.grades] == [4, 0]


@FUZZ
@given(raw=st.one_of(st.binary(max_size=500), st.sampled_from([b"[1,2]", b"hello", b"\x00", b"null", b"\"{\"",
                                                               b"\xef\xbb\xbf[]", b"  7", b"\xff{"])))
def test_random_bytes_are_refused(raw):
    read(raw)


@FUZZ
@given(text=mutated_text([SEED]))
def test_a_mutated_reply_is_read_or_refused(text):
    read(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(doc=mutated_json(REPLY, non_finite=False), sign=st.booleans())
def test_replies_with_wrong_types_are_read_or_refused(doc, sign):
    if sign and isinstance(doc, dict):
        doc = KEY.sign(doc)
    read(json_bytes(doc))
