"""The learners' table of a large workspace sorts in the model (SortingProxy) in exactly the order the
collating proxy gave, keeps the chosen learner chosen across a sort, and keeps its order when the filter
gives new rows."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from etrainer.core.course.pack import load_pack
from etrainer.core.progress.dashboard import DashboardData, LearnerRecord, LessonRecord, module_matrix
from etrainer.paths import bundled_course_dir
from etrainer.ui.methodist.essays import EssayMatrixModel
from etrainer.ui.methodist.models import SORT_ROLE, CollatingProxy, SortingProxy

COURSE = load_pack(bundled_course_dir()).course
NAMES = ("Ґалина Їжакевич", "Галина Іваненко", "Єва Ейсмонт", "Ірина Гнатюк", "Іван Петренко 2", "Іван Петренко 10",
         "Олена Шевчук", "Олена Шевчук", "Юлія Яковенко", "Андрій Бондаренко")
BRANCHES = ("Філія № 2", "Філія № 10", "Центральна", "")


def matrix(seed: int, learners: int = 60):
    rng = random.Random(seed)
    people = tuple(LearnerRecord(f"uid-{n:03d}", rng.choice(NAMES), rng.choice(BRANCHES)) for n in range(learners))
    lessons = [(person.uid, lesson) for person in people for lesson in COURSE.lessons() if rng.random() < 0.3]
    done = datetime(2026, 10, 1, tzinfo=UTC)
    records = tuple(LessonRecord(uid, lesson.id, lesson.module_id, done) for uid, lesson in lessons)
    return module_matrix(COURSE, DashboardData(people, records))


def order(proxy, source) -> list[str]:
    return [source.row(proxy.mapToSource(proxy.index(n, 0)).row()).learner.uid for n in range(proxy.rowCount())]


@pytest.mark.parametrize("column", range(6))
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_in_the_model_gives_the_collating_proxys_order(qapp, column: int, descending: bool) -> None:
    rows = matrix(seed=column)
    direction = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    orders = []
    for proxy in (CollatingProxy(), SortingProxy()):
        source = EssayMatrixModel()
        source.set_matrix(rows)
        proxy.setSourceModel(source)
        proxy.sort(column, direction)
        orders.append(order(proxy, source))
    assert orders[0] == orders[1]
    assert orders[0] != [row.learner.uid for row in rows.rows]  # the sort did something


def test_the_chosen_learner_stays_chosen_and_new_rows_keep_the_order(qapp) -> None:
    source, proxy = EssayMatrixModel(), SortingProxy()
    source.set_matrix(matrix(seed=1))
    proxy.setSourceModel(source)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    chosen = proxy.index(7, 0)
    kept = chosen.data()
    uid = source.row(proxy.mapToSource(chosen).row()).learner.uid
    persistent = QPersistentModelIndex(chosen)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert persistent.isValid() and persistent.data() == kept
    assert source.row(proxy.mapToSource(QModelIndex(persistent)).row()).learner.uid == uid
    shares = [proxy.index(n, 2).data(SORT_ROLE) for n in range(proxy.rowCount())]
    assert shares == sorted(shares, reverse=True)
    source.set_matrix(matrix(seed=2))  # a new filter: the rows come in again, sorted as chosen
    shares = [proxy.index(n, 2).data(SORT_ROLE) for n in range(proxy.rowCount())]
    assert shares == sorted(shares, reverse=True) and len(set(shares)) > 1
