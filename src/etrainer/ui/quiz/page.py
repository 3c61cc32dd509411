"""The quiz page: the quiz's intro, one question at a time, and the results with a review of every answer.

An information page (a `description` item) shows its text with «Next ▸» and takes no answer.

Keys: digits pick numbered options, Enter checks the answer (and then goes on), ← and → move between
questions when the quiz gives feedback at the end. Feedback is shown below the answer, never in a box.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.quiz.attempt import QuizAttempt
from etrainer.core.quiz.draw import DrawnQuestion
from etrainer.core.quiz.grading import GradedAnswer, learner_source, refusal
from etrainer.core.quiz.model import FeedbackMode, Question, QuestionKind
from etrainer.core.quiz.response import Response
from etrainer.ui.common import focus, prompts
from etrainer.ui.common.numbers import format_share
from etrainer.ui.quiz.answers import (
    AnswerWidget,
    ChoiceAnswer,
    ClozeAnswer,
    HotspotAnswer,
    MatchingAnswer,
    NoAnswer,
    OrderingAnswer,
    TextAnswer,
)
from etrainer.ui.quiz.essay import EssayAnswer, pending_html, reply_html
from etrainer.ui.viewmodels.quiz import QuizIntro, QuizViewModel

Markdown = Callable[[str], str]
"""Renders a question's markdown to sanitised HTML."""



def make_answer_widget(drawn: DrawnQuestion) -> AnswerWidget:
    kind = drawn.question.kind
    choose = QCoreApplication.translate("QuizPage", "— choose —")
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        return ChoiceAnswer(drawn)
    if kind is QuestionKind.TRUE_FALSE:
        return ChoiceAnswer(drawn, (QCoreApplication.translate("QuizPage", "True"),
                                    QCoreApplication.translate("QuizPage", "False")))
    if kind is QuestionKind.MATCHING:
        return MatchingAnswer(drawn, choose)
    if kind is QuestionKind.ORDERING:
        return OrderingAnswer(drawn)
    if kind is QuestionKind.NUMERICAL:
        return TextAnswer(drawn, QCoreApplication.translate("QuizPage", "Type a number"))
    if kind is QuestionKind.SHORT_ANSWER:
        return TextAnswer(drawn, QCoreApplication.translate("QuizPage", "Type your answer"))
    if kind is QuestionKind.CLOZE:
        return ClozeAnswer(drawn, choose, QCoreApplication.translate("QuizPage", "Gap {n}:"))
    if kind is QuestionKind.ESSAY:
        return EssayAnswer(drawn)
    if kind is QuestionKind.DESCRIPTION:
        return NoAnswer()
    return HotspotAnswer(drawn, QCoreApplication.translate("QuizPage", "The picture for this question is missing."))


_CLICKED = re.compile(r"^A click at \((-?\d+), (-?\d+)\)$")


_GAP_LINE = re.compile(r"^(\d+): (.*)$", re.S)


def shown(line: str, kind: QuestionKind | None = None) -> str:
    """An answer line from core grading in words a learner reads (core keeps its fixed words in English):
    a click on the picture without its pixel coordinates, a gap of a cloze question by its name."""
    if _CLICKED.match(line):
        return QCoreApplication.translate("QuizPage", "A click on the picture")
    gap = _GAP_LINE.match(line) if kind is QuestionKind.CLOZE else None
    if gap:
        return QCoreApplication.translate("QuizPage", "gap [{n}]: {answer}").format(n=gap[1], answer=gap[2])
    if kind is QuestionKind.CLOZE and line.isdigit():
        return QCoreApplication.translate("QuizPage", "gap [{n}]").format(n=line)
    return QCoreApplication.translate("Quiz", line)


def _percent(score: float) -> str:
    """A share 0..1 in the interface's conventions («69 %» in Ukrainian)."""
    return format_share(score)


def _feedback_html(graded: GradedAnswer, kind: QuestionKind | None = None) -> str:
    if graded.pending:
        body = pending_html()
        if graded.explanation:
            body += f"<p>{html.escape(graded.explanation)}</p>"
        return body
    if graded.correct:
        head = "<p class='right'><b>✓ {}</b></p>".format(html.escape(QCoreApplication.translate("QuizPage", "Right")))
    elif graded.score > 0:
        partly = QCoreApplication.translate("QuizPage", "Partly right: {score}").format(score=_percent(graded.score))
        head = f"<p class='partly'><b>◐ {html.escape(partly)}</b></p>"
    else:
        wrong = QCoreApplication.translate("QuizPage", "Not right")
        head = f"<p class='wrong'><b>✗ {html.escape(wrong)}</b></p>"
    parts = "".join(f"<li>{'✓' if p.correct else '✗'} {html.escape(shown(p.label, kind))}"
                    f"{' — ' + html.escape(shown(p.feedback)) if p.feedback else ''}</li>" for p in graded.parts
                    if (p.feedback or not p.correct) and kind is not QuestionKind.HOTSPOT)
    body = head + (f"<ul>{parts}</ul>" if parts else "")
    if not graded.correct:
        right = "; ".join(html.escape(shown(line, kind)) for line in graded.right_answer)
        label = QCoreApplication.translate("QuizPage", "Right answer:")
        body += f"<p><b>{html.escape(label)}</b> {right}</p>"
    if graded.explanation:
        body += f"<p>{html.escape(graded.explanation)}</p>"
    source = learner_source(graded.source)
    if source:
        label = QCoreApplication.translate("QuizPage", "Source:")
        body += f"<p class='source'>{html.escape(label)} {html.escape(source)}</p>"
    return body


class QuizPage(QWidget):
    closed = Signal()
    """The learner left the quiz (back to the course)."""

    def __init__(self, markdown: Markdown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quizPage")
        self.vm: QuizViewModel | None = None
        self._markdown = markdown
        self._answer: AnswerWidget | None = None
        self._checked = False
        self._stack = QStackedWidget(objectName="quizStack")
        self._intro = self._build_intro()
        self._question = self._build_question()
        self._results = self._build_results()
        for page in (self._intro, self._question, self._results):
            self._stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._stack)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._on_tick)

    # -- construction -------------------------------------------------------------------------------
    def _build_intro(self) -> QWidget:
        page = QWidget(objectName="quizIntro")
        self._intro_title = QLabel(objectName="pageTitle", wordWrap=True)
        self._intro_text = QLabel(objectName="quizIntroText", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._start = QPushButton(objectName="startQuizButton")
        self._start.setProperty("primary", True)
        self._start.clicked.connect(lambda: self._begin(resume=False))
        self._resume = QPushButton(self.tr("Continue where I stopped ▸"), objectName="resumeQuizButton")
        self._resume.setProperty("primary", True)
        self._resume.clicked.connect(lambda: self._begin(resume=True))
        back = QPushButton(self.tr("◂ Back to the course"), objectName="quizBackButton")
        back.clicked.connect(self.closed.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self._start)
        buttons.addWidget(self._resume)
        layout = QVBoxLayout(page)
        layout.addWidget(self._intro_title)
        layout.addWidget(self._intro_text)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_question(self) -> QWidget:
        page = QWidget(objectName="quizQuestion")
        self._heading = QLabel(objectName="quizHeading", wordWrap=True)
        self._clock = QLabel(objectName="quizClock")
        self._bar = QProgressBar(objectName="quizProgress", textVisible=False)
        self._bar.setMaximumHeight(10)
        self._text = QLabel(objectName="questionText", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._answer_box = QVBoxLayout()
        self._feedback = QLabel(objectName="feedbackPanel", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._feedback.hide()
        content = QWidget(objectName="questionContent")
        inner = QVBoxLayout(content)
        inner.addWidget(self._text)
        inner.addSpacing(8)
        inner.addLayout(self._answer_box)
        inner.addWidget(self._feedback)
        inner.addStretch(1)
        scroll = self._question_scroll = QScrollArea(objectName="questionScroll", widgetResizable=True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._back = QPushButton(self.tr("◂ Previous"), objectName="previousQuestionButton")
        self._back.clicked.connect(lambda: self._go(-1))
        self._finish = QPushButton(self.tr("Finish the quiz"), objectName="finishQuizButton")
        self._finish.clicked.connect(self._on_finish_clicked)
        self._check = QPushButton(objectName="checkButton")
        self._check.setProperty("primary", True)
        self._check.clicked.connect(self._on_check_clicked)
        top = QHBoxLayout()
        top.addWidget(self._heading, 1)
        top.addWidget(self._clock)
        bar = QHBoxLayout()
        bar.addWidget(self._back)
        bar.addStretch(1)
        bar.addWidget(self._finish)
        bar.addWidget(self._check)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self._bar)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        return page

    def _build_results(self) -> QWidget:
        page = QWidget(objectName="quizResults")
        self._result_title = QLabel(objectName="pageTitle", wordWrap=True)
        self._result_score = QLabel(objectName="resultScore", wordWrap=True)
        self._review = QTextBrowser(objectName="resultReview", openLinks=False)
        self._review.setAccessibleName(self.tr("Your answers"))
        self._retry = QPushButton(self.tr("Try again"), objectName="retryButton")
        self._retry.setProperty("primary", True)
        self._retry.clicked.connect(lambda: self._begin(resume=False))
        done = QPushButton(self.tr("◂ Back to the course"), objectName="resultsBackButton")
        done.clicked.connect(self.closed.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(done)
        buttons.addStretch(1)
        buttons.addWidget(self._retry)
        layout = QVBoxLayout(page)
        layout.addWidget(self._result_title)
        layout.addWidget(self._result_score)
        layout.addWidget(self._review, 1)
        layout.addLayout(buttons)
        return page

    # -- entry points -------------------------------------------------------------------------------
    def open_quiz(self, vm: QuizViewModel, intro: QuizIntro) -> None:
        self._attach(vm)
        quiz = intro.quiz
        self._intro_title.setText(quiz.title)
        lines = []
        if quiz.description:
            lines.append(html.escape(quiz.description))
        lines.append(self.tr("Questions: {n}").format(n=intro.question_count))
        lines.append(self.tr("Pass mark: {mark}").format(mark=_percent(quiz.pass_mark)))
        if quiz.time_limit_minutes:
            lines.append(self.tr("Time limit: {n} min").format(n=quiz.time_limit_minutes))
        lines.append(self.tr("Feedback after each question") if quiz.feedback is FeedbackMode.IMMEDIATE
                     else self.tr("Feedback at the end of the quiz"))
        if intro.attempts_left is not None:
            lines.append(self.tr("Attempts left: {n} of {limit}").format(n=intro.attempts_left,
                                                                           limit=quiz.attempt_limit))
        if intro.best_score is not None:
            mark = self.tr("✓ Passed") if intro.passed else self.tr("Not passed yet")
            best = _percent(intro.best_score)
            lines.append(self.tr("Your best result: {score} — {mark}").format(score=best, mark=mark))
        self._intro_text.setText("<br>".join(lines))
        self._start.setText(self.tr("Start again") if intro.can_resume else self.tr("Start the quiz ▸"))
        self._start.setProperty("primary", not intro.can_resume)
        self._start.setEnabled(intro.attempts_left != 0 or intro.can_resume)
        self._resume.setVisible(intro.can_resume)
        self._stack.setCurrentWidget(self._intro)
        (self._resume if intro.can_resume else self._start).setFocus()

    def open_review(self, vm: QuizViewModel) -> bool:
        """Start (or resume) today's review session; False when nothing is due."""
        self._attach(vm)
        return vm.start_review() is not None

    def _attach(self, vm: QuizViewModel) -> None:
        if self.vm is not None and self.vm is not vm:
            self.vm.attempt_changed.disconnect(self._show_attempt)
            self.vm.finished.disconnect(self._show_results)
            self.vm.failed.disconnect(self._on_failed)
        if self.vm is not vm:
            vm.attempt_changed.connect(self._show_attempt)
            vm.finished.connect(self._show_results)
            vm.failed.connect(self._on_failed)
        self.vm = vm

    def _begin(self, resume: bool) -> None:
        if self.vm is not None:
            self.vm.start(resume=resume)

    # -- one question -------------------------------------------------------------------------------
    def _show_attempt(self, attempt: QuizAttempt) -> None:
        if attempt.finished:
            return
        position = attempt.position
        drawn = attempt.questions[position]
        title = self.tr("Review") if attempt.review else attempt.quiz.title
        page = drawn.question.kind is QuestionKind.DESCRIPTION
        heading = self.tr("{title} · page {n} of {total}") if page else self.tr("{title} · question {n} of {total}")
        self._heading.setText(heading.format(title=title, n=position + 1, total=attempt.count))
        self._bar.setRange(0, attempt.to_answer)
        self._bar.setValue(attempt.answered)
        self._text.setText(self._question_html(drawn))
        if isinstance(self._answer, EssayAnswer):
            self._answer.flush()
        if self._answer is not None:
            self._answer.hide()
            self._answer.setParent(None)
            self._answer.deleteLater()
        self._answer = make_answer_widget(drawn)
        self._answer.changed.connect(self._update_buttons)
        self._answer_box.addWidget(self._answer)
        self._answer.show()
        focus.chain([*focus.focusable(self._answer), self._back, self._finish, self._check])  # reading order
        stored = attempt.answers.get(position)
        if stored is not None:
            self._answer.set_response(stored.response)
        elif isinstance(self._answer, EssayAnswer) and self.vm is not None:
            self._answer.set_draft(self.vm.essay_draft(position))
        if isinstance(self._answer, EssayAnswer) and self.vm is not None:
            vm = self.vm
            self._answer.draft_changed.connect(lambda text, at=position: vm.save_essay_draft(at, text))
        self._checked = attempt.is_locked(position) or page  # a page is only read: «Next» at once
        self._feedback.hide()
        if self._checked and stored is not None:
            self._show_feedback(stored.graded)
        self._back.setVisible(not attempt.locks_answers)
        self._back.setEnabled(position > 0)
        self._finish.setVisible(not attempt.locks_answers)
        self._update_buttons()
        self._stack.setCurrentWidget(self._question)
        self._on_tick()
        self._timer.start()
        if not isinstance(self._answer, TextAnswer):
            self._check.setFocus()

    def _question_html(self, drawn: DrawnQuestion) -> str:
        text = drawn.question.text
        if drawn.question.kind is QuestionKind.CLOZE and drawn.question.cloze:
            for number in range(1, len(drawn.question.cloze.gaps) + 1):
                text = text.replace(f"{{{{{number}}}}}", f"**[{number}] _____**")
        return self._markdown(text)

    def _update_buttons(self) -> None:
        attempt = self.vm.attempt if self.vm else None
        if attempt is None or self._answer is None:
            return
        last = attempt.position >= attempt.count - 1
        if self._checked:
            self._check.setText(self.tr("See the results ▸") if last else self.tr("Next ▸"))
            self._check.setEnabled(True)
        elif attempt.locks_answers:
            self._check.setText(self.tr("Check the answer"))
            self._check.setEnabled(self._answer.response() is not None)
        else:
            self._check.setText(self.tr("Finish ▸") if last else self.tr("Next ▸"))
            self._check.setEnabled(True)

    def _on_check_clicked(self) -> None:
        vm = self.vm
        attempt = vm.attempt if vm else None
        if vm is None or attempt is None or self._answer is None or attempt.finished:
            return
        last = attempt.position >= attempt.count - 1
        if self._checked:
            if last:
                self._finish_now()
            else:
                vm.go(attempt.position + 1)
            return
        response = self._answer.response()
        if response is not None and self._refuse(attempt.questions[attempt.position].question, response):
            return
        if attempt.locks_answers:
            if response is None:
                return
            updated = vm.submit(response)
            if updated is None:
                return
            self._checked = True
            self._answer.lock(updated.answers[updated.position].graded)
            self._show_feedback(updated.answers[updated.position].graded)
            self._bar.setValue(updated.answered)
            self._update_buttons()
            self._check.setFocus()
            return
        if response is not None and vm.submit(response) is None:
            return
        if last:
            self._on_finish_clicked()
        else:
            vm.go(attempt.position + 1)

    def _refuse(self, question: Question, response: Response) -> bool:
        """Say inline why the answer cannot be checked yet (nothing is counted); False when it can be."""
        reason = refusal(question, response)
        if reason is None:
            return False
        self._feedback.setProperty("state", "partly")
        self._feedback.style().unpolish(self._feedback)
        self._feedback.style().polish(self._feedback)
        self._feedback.setText(html.escape(QCoreApplication.translate("Quiz", reason)))
        self._feedback.show()
        if isinstance(self._answer, TextAnswer):
            self._answer.field.setFocus()
            self._answer.field.selectAll()
        return True

    def _show_feedback(self, graded: GradedAnswer) -> None:
        if graded.pending and isinstance(self._answer, EssayAnswer):
            self._answer.lock(graded)
        state = "right" if graded.correct else ("partly" if graded.score > 0 or graded.pending else "wrong")
        self._feedback.setProperty("state", state)
        self._feedback.style().unpolish(self._feedback)
        self._feedback.style().polish(self._feedback)
        attempt = self.vm.attempt if self.vm else None
        kind = attempt.questions[attempt.position].question.kind if attempt and not attempt.finished else None
        self._feedback.setText(_feedback_html(graded, kind))
        self._feedback.show()
        # the explanation is read where it is: scrolled into view above «Next», not left below the fold
        QTimer.singleShot(0, self, lambda: self._question_scroll.ensureWidgetVisible(self._feedback, 0, 0))

    def _go(self, delta: int) -> None:
        vm = self.vm
        if vm is None or vm.attempt is None or vm.attempt.locks_answers:
            return
        response = self._answer.response() if self._answer else None
        if response is not None and self._refuse(vm.attempt.questions[vm.attempt.position].question, response):
            return
        if response is not None:
            vm.submit(response)
        target = vm.attempt.position + delta
        if 0 <= target < vm.attempt.count:
            vm.go(target)

    def _on_finish_clicked(self) -> None:
        vm = self.vm
        if vm is None or vm.attempt is None:
            return
        response = self._answer.response() if self._answer and not self._checked else None
        if response is not None and not vm.attempt.locks_answers:
            vm.submit(response)
        missing = vm.attempt.to_answer - vm.attempt.answered
        question = self.tr("Questions without an answer: {n}. They will count as wrong. Finish anyway?")
        if missing and not prompts.ask_yes_no(self, self.tr("Finish the quiz"), question.format(n=missing),
                                              self.tr("Finish"), self.tr("Go back")):
            return
        self._finish_now()

    def _finish_now(self) -> None:
        self._timer.stop()
        if self.vm is not None:
            self.vm.finish()

    def _on_tick(self) -> None:
        seconds = self.vm.remaining_seconds() if self.vm else None
        if seconds is None:
            self._clock.clear()
            return
        self._clock.setText(self.tr("◷ {m}:{s:02d} left").format(m=seconds // 60, s=seconds % 60))
        if seconds <= 0:
            self._finish_now()

    def _on_failed(self, sentence: str) -> None:
        self._feedback.setProperty("state", "wrong")
        self._feedback.setText(html.escape(sentence))
        self._feedback.show()
        if self._stack.currentWidget() is self._intro:
            self._intro_text.setText(self._intro_text.text() + f"<br><b>{html.escape(sentence)}</b>")

    # -- results ------------------------------------------------------------------------------------
    def _show_results(self, attempt: QuizAttempt) -> None:
        self._timer.stop()
        if attempt.review:
            right = sum(1 for a in attempt.answers.values() if a.graded.correct)
            self._result_title.setText(self.tr("Review finished"))
            self._result_score.setText(self.tr("Right: {right} of {total}. Questions answered wrong come back "
                                           "tomorrow; right ones come back later, until you know them.")
                                       .format(right=right, total=attempt.count))
            self._retry.hide()
        else:
            self._result_title.setText(attempt.quiz.title)
            verdict = self.tr("✓ Passed") if attempt.passed else self.tr("✗ Not passed")
            line = self.tr("Your result: {score} (pass mark {mark}) — {verdict}").format(
                score=_percent(attempt.score), mark=_percent(attempt.quiz.pass_mark), verdict=verdict)
            if attempt.pending:
                line += "\n" + self.tr("Automatic score only; %n answer(s) under review", "", attempt.pending)
            self._result_score.setText(line)
            self._result_score.setProperty("state", "right" if attempt.passed else "wrong")
            self._result_score.style().unpolish(self._result_score)
            self._result_score.style().polish(self._result_score)
            intro = self.vm.intro(attempt.quiz) if self.vm else None
            self._retry.setVisible(intro is None or intro.attempts_left != 0)
        self._review.setHtml(self._review_html(attempt))
        self._stack.setCurrentWidget(self._results)
        (self._retry if self._retry.isVisible() else self._review).setFocus()

    def _review_html(self, attempt: QuizAttempt) -> str:
        heading, none, yours = self.tr("Your answers"), self.tr("No answer"), self.tr("Your answer:")
        parts = [f"<h3>{html.escape(heading)}</h3>"]
        marks = self.vm.essay_marks(attempt.uid) if self.vm is not None and attempt.pending else {}
        for position, graded in enumerate(attempt.graded_in_order()):
            question = attempt.questions[position].question
            if question.kind is QuestionKind.DESCRIPTION:
                continue  # an information page was read, not answered
            title = question.title or question.text
            parts.append(f"<h4>{position + 1}. {html.escape(title)}</h4>")
            if graded is None:
                parts.append(f"<p class='wrong'>✗ {html.escape(none)}</p>")
                continue
            given = "; ".join(html.escape(shown(line, question.kind)) for line in graded.given)
            parts.append(f"<p><b>{html.escape(yours)}</b> {given}</p>")
            parts.append(reply_html(marks[position]) if position in marks else _feedback_html(graded, question.kind))
        return "".join(parts)

    # -- keys ---------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._stack.currentWidget() is self._question and self._answer is not None:
            key = event.key()
            typed = isinstance(self._answer, (TextAnswer, ClozeAnswer))
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not typed and self._answer.pick(key - Qt.Key.Key_0):
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._check.isEnabled():
                    self._on_check_clicked()
                return
            if key == Qt.Key.Key_Left and self._back.isVisible() and self._back.isEnabled():
                self._go(-1)
                return
            if key == Qt.Key.Key_Right and self.vm and self.vm.attempt and not self.vm.attempt.locks_answers:
                self._go(1)
                return
        super().keyPressEvent(event)
