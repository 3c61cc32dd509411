"""The learner opens the methodist's reply (`.etfeedback`): by double-click (the app is started with the file),
File → «Відкрити відгук методиста…», or a drop on the main window; the home page notice «Нові відгуки
методиста (N)» and the dialog of her essays with the replies beside them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from etrainer.core.errors import EtrainerError
from etrainer.ui.common.errors import show_error, show_message, show_warning

if TYPE_CHECKING:
    from etrainer.core.course.model import Course
    from etrainer.core.ids import LearnerId
    from etrainer.core.progress.feedback import FeedbackRejected
    from etrainer.services.essays import EssayService, FeedbackImport
    from etrainer.ui.main_window import MainWindow


FEEDBACK_SUFFIX = ".etfeedback"
"""core.progress.feedback.FEEDBACK_SUFFIX, repeated here: this module is imported before the first paint and
the feedback reader (with the whole progress document model) is imported only when a reply is opened."""


def feedback_paths(urls: Iterable[QUrl]) -> list[Path]:
    """The `.etfeedback` files among dropped URLs."""
    return [Path(u.toLocalFile()) for u in urls
            if u.isLocalFile() and u.toLocalFile().lower().endswith(FEEDBACK_SUFFIX)]


def open_feedback_files(parent: QWidget | None, essays: EssayService, paths: Iterable[Path]) -> list[FeedbackImport]:
    """Open each reply; a refused one is explained in one sentence naming the file, a key change is asked
    about."""
    from etrainer.core.progress.feedback import FeedbackReason, FeedbackRejected

    translate = QCoreApplication.translate
    not_opened = translate("Feedback", "The reply was not opened")
    opened = []
    for path in paths:
        try:
            result = essays.open_feedback(path)
        except FeedbackRejected as rejected:
            if rejected.reason is not FeedbackReason.KEY_CHANGED:
                _show_refused(parent, not_opened, path, rejected)
                continue
            question = translate("Feedback", "{sentence}\n\nIf your methodist told you that she now works in "
                                             "another workspace (a new computer, a reinstalled eTrainer), you may "
                                             "trust it from now on. Trust this reply?")
            from etrainer.ui.common import prompts  # not on the way to the first paint

            if not prompts.ask_yes_no(parent, translate("Feedback", "A reply from another workspace"),
                                      question.format(sentence=translate("Exchange", rejected.text)),
                                      translate("Feedback", "Trust it"), translate("Feedback", "Do not open")):
                continue
            try:
                result = essays.open_feedback(path, trust_new_key=True)
            except FeedbackRejected as again:
                _show_refused(parent, not_opened, path, again)
                continue
            except EtrainerError as error:
                show_error(parent, not_opened, error)
                continue
        except EtrainerError as error:  # the reply was fine but could not be stored now (SaveFailed…)
            show_error(parent, not_opened, error)
            continue
        opened.append(result)
        text = translate("Feedback", "Replies for {name}: {new} new, {known} already opened before.").format(
            name=result.learner_name, new=result.new + result.updated, known=result.unchanged)
        show_message(parent, translate("Feedback", "The methodist’s reply"), text)
    return opened


def _show_refused(parent: QWidget | None, title: str, path: Path, rejected: FeedbackRejected) -> None:
    """«x.etfeedback: This is not a methodist's reply file.»: the sentence is in the "Exchange" context."""
    sentence = QCoreApplication.translate("Exchange", rejected.text)
    text = QCoreApplication.translate("Feedback", "{file}: {reason}").format(file=path.name, reason=sentence)
    show_warning(parent, title, text, rejected.detail)


def show_essay_replies(parent: QWidget | None, essays: EssayService, learner: LearnerId,
                       course: Course | None) -> None:
    """Her essays with the replies beside them; the replies shown count as seen."""
    items = essays.sent_essays(learner, course)
    from etrainer.ui.quiz.essay import EssayRepliesDialog  # not before the first paint (FIRST_PAINT_NOTE)

    dialog = EssayRepliesDialog([(i.title, i.text, i.mark) for i in items], parent)
    essays.mark_seen(learner, [i for i in items if i.mark is not None])
    dialog.exec()


def add_feedback_notice(home: QScrollArea, count: int, clicked: Callable[[], object]) -> QPushButton | None:
    """«Нові відгуки методиста (N)» at the top of the home page (nothing when N is 0)."""
    body = home.widget()
    layout = body.layout() if body is not None else None
    if count <= 0 or not isinstance(layout, QVBoxLayout):
        return None
    text = QCoreApplication.translate("Feedback", "New replies from the methodist ({n})").format(n=count)
    button = QPushButton(text, objectName="feedbackNotice")
    button.setProperty("primary", True)
    button.clicked.connect(clicked)
    layout.insertWidget(min(2, layout.count()), button)
    return button


class FeedbackHooks(QObject):
    """What the main window needs for replies, kept out of it: the File-menu action, drops on the window,
    opening the files, and the home page notice. `opened` is emitted after replies were stored."""

    opened = Signal(list)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def choose_file(self) -> None:
        from etrainer.ui.common import prompts

        path = prompts.ask_open_file(self._window, QCoreApplication.translate("Feedback", "Open a methodist’s reply"),
                                     QCoreApplication.translate("Feedback", "Methodist’s replies (*.etfeedback)"))
        if path:
            self.open_files([Path(path)])

    def open_files(self, paths: list[Path]) -> None:
        services = self._window.vm.services
        if services is None:
            return
        results = open_feedback_files(self._window, services.essays, paths)
        if results:
            self.opened.emit(results)
            if self._window.vm.learner is not None:
                self._window.show_home()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            paths = feedback_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
            if paths:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.open_files(paths)
                return True
        return super().eventFilter(watched, event)

    def refresh_notice(self) -> None:
        """Put «Нові відгуки методиста (N)» on the home page when the learner has new replies."""
        services, learner = self._window.vm.services, self._window.vm.learner
        if services is None or learner is None:
            return
        count = services.essays.new_feedback_count(learner.id)
        home = self._window.findChild(QScrollArea, "homePage")
        if home is not None:
            add_feedback_notice(home, count, self.show_replies)

    def show_replies(self) -> None:
        services, learner = self._window.vm.services, self._window.vm.learner
        if services is None or learner is None:
            return
        show_essay_replies(self._window, services.essays, learner.id, self._window.vm.course)
        self._window.show_home()
