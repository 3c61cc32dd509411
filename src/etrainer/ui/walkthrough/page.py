"""The walkthrough page: persona card, the fictional portal, the narration bar, modes and the demo player.

Demo mode plays by itself (announce: highlight and narration; then perform), with pause, one step
and a speed choice. Practice mode explains wrong moves beside the control and gives hints on request.
Test mode gives neither. Decisions show the visitor's words as a speech bubble with response buttons.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from etrainer.core.walkthrough.engine import (
    Action,
    ActionKind,
    Feedback,
    FeedbackKind,
    Mode,
    Phase,
    RunResult,
    RunState,
    pending_decision,
)
from etrainer.ui.common import focus
from etrainer.ui.common.wrapping import WrappingButton, WrappingCheckBox
from etrainer.ui.viewmodels.walkthrough import WalkthroughViewModel, feedback_text
from etrainer.ui.walkthrough.portal import PortalView

SPEEDS = (0.5, 1.0, 1.5, 2.0)
BASE_DELAY_MS = 2600
"""Demo: time between announcing a move and doing it, and between moves, at speed 1×."""



class WalkthroughPage(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("walkthroughPage")
        self.vm: WalkthroughViewModel | None = None
        self._announced = False
        self._demo_timer = QTimer(self, singleShot=True)
        self._demo_timer.timeout.connect(self._on_demo_tick)
        self._title = QLabel(objectName="pageTitle", wordWrap=True)
        self._counter = QLabel(objectName="stepCounter")
        self._modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel(self.tr("Mode:")))
        for mode, text in ((Mode.DEMO, self.tr("Demo")), (Mode.PRACTICE, self.tr("Practice")),
                           (Mode.TEST, self.tr("Test"))):
            button = QPushButton(text, objectName=f"mode-{mode.value}", checkable=True)
            button.setProperty("mode", mode.value)
            self._modes.addButton(button)
            mode_row.addWidget(button)
        self._modes.buttonClicked.connect(self._on_mode_clicked)
        mode_row.addStretch(1)
        mode_row.addWidget(self._counter)

        self._persona = QLabel(objectName="personaCard", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._persona.setAlignment(Qt.AlignmentFlag.AlignTop)
        persona_scroll = QScrollArea(objectName="personaScroll", widgetResizable=True)
        persona_scroll.setWidget(self._persona)
        persona_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        persona_scroll.setFixedWidth(240)
        self._portal = PortalView()
        self._portal.action_requested.connect(self._on_action)
        self._decision = self._build_decision()
        self._checklist = QFrame(objectName="checklistPanel")
        self._checklist_layout = QVBoxLayout(self._checklist)
        self._result = QLabel(objectName="walkthroughResult", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._result.hide()
        content = QWidget(objectName="walkthroughContent")
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self._decision)
        content_layout.addWidget(self._portal)
        content_layout.addWidget(self._checklist)
        content_layout.addWidget(self._result)
        content_layout.addStretch(1)
        self._scroll = QScrollArea(objectName="portalScroll", widgetResizable=True)
        self._scroll.setWidget(content)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        middle = QHBoxLayout()
        middle.addWidget(persona_scroll)
        middle.addWidget(self._scroll, 1)

        self._narration = QLabel(objectName="narrationBar", wordWrap=True)
        self._narration.setMinimumHeight(48)
        self._hint = QPushButton(self.tr("Hint"), objectName="hintButton")
        self._hint.clicked.connect(self._on_hint_clicked)
        self._back = QPushButton(self.tr("◂ Step back"), objectName="stepBackButton")
        self._back.clicked.connect(self._on_step_back)
        self._restart = QPushButton(self.tr("Start again"), objectName="restartButton")
        self._restart.clicked.connect(self._on_restart)
        self._play = QPushButton(objectName="playButton")
        self._play.clicked.connect(self._on_play_clicked)
        self._step = QPushButton(self.tr("Step ▸"), objectName="demoStepButton")
        self._step.clicked.connect(self._on_demo_step)
        self._speed = QComboBox(objectName="speedBox")
        for speed in SPEEDS:
            self._speed.addItem(f"{speed:g}×", speed)
        self._speed.setCurrentIndex(SPEEDS.index(1.0))
        self._speed.setAccessibleName(self.tr("Demo speed"))
        leave = self._leave = QPushButton(self.tr("◂ Back to the course"), objectName="walkthroughBackButton")
        leave.clicked.connect(self._on_leave)
        bar = QHBoxLayout()
        bar.addWidget(leave)
        bar.addStretch(1)
        for widget in (self._play, self._step, self._speed, self._hint, self._back, self._restart):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self._title)
        layout.addLayout(mode_row)
        layout.addLayout(middle, 1)
        layout.addWidget(self._narration)
        layout.addLayout(bar)
        self._playing = False
        self._step_shown: tuple[int, Phase] | None = None
        self._narration_fresh = False

    def _build_decision(self) -> QFrame:
        frame = QFrame(objectName="decisionPanel")
        layout = QVBoxLayout(frame)
        self._says = QLabel(objectName="speechBubble", wordWrap=True)
        self._responses = QVBoxLayout()
        layout.addWidget(self._says)
        layout.addLayout(self._responses)
        frame.hide()
        return frame

    # -- opening ------------------------------------------------------------------------------------
    def open(self, vm: WalkthroughViewModel, mode: Mode | None = None) -> None:
        """Show the walkthrough; resume an interrupted attempt unless a mode is asked for."""
        if self.vm is not None:
            self.vm.state_changed.disconnect(self._render)
            self.vm.finished.disconnect(self._on_finished)
            self.vm.failed.disconnect(self._say)
        self.vm = vm
        self._announced = False
        vm.state_changed.connect(self._render)
        vm.finished.connect(self._on_finished)
        vm.failed.connect(self._say)
        scenario = vm.scenario
        self._title.setText(self.tr("Walkthrough: {title}").format(title=scenario.title))
        persona = scenario.persona
        data = "".join(f"<br>{html.escape(line.label)}: <b>{html.escape(line.value)}</b>" for line in persona.data)
        age = f", {persona.age}" if persona.age else ""
        visitor, fictional = self.tr("Visitor"), self.tr("Data (fictional only):")
        safe = self.tr("A safe simulation: no network, no real data — only the visitor’s fictional data "
                       "from this card.")
        self._persona.setText(
            f"<b>{html.escape(visitor)}</b><br><big><b>{html.escape(persona.name)}{age}</b></big>"
            f"<p>{html.escape(persona.situation)}</p><p><i>{html.escape(persona.wants)}</i></p>"
            f"<p>{html.escape(fictional)}{data}</p>"
            f"<p><small>{html.escape(safe)}</small></p>")
        if mode is None and vm.resume():
            return
        vm.start(mode or Mode.PRACTICE)

    # -- rendering ----------------------------------------------------------------------------------
    def _render(self, state: RunState, feedback: Feedback | None) -> None:
        scenario = state.scenario
        focused = QApplication.focusWidget()
        was_in_portal = focused is None or not self.isAncestorOf(focused) or self._scroll.isAncestorOf(focused)
        step_changed = (state.completed_steps, state.phase) != self._step_shown
        self._step_shown = (state.completed_steps, state.phase)
        for button in self._modes.buttons():
            button.setChecked(button.property("mode") == state.mode.value)
        demo = state.mode is Mode.DEMO
        self._play.setVisible(demo)
        self._step.setVisible(demo)
        self._speed.setVisible(demo)
        self._back.setVisible(demo)
        self._hint.setVisible(state.mode is Mode.PRACTICE)
        self._hint.setEnabled(not state.finished)
        self._counter.setText(self.tr("Step {n} of {total}").format(n=min(state.completed_steps + 1, state.total_steps),
                                                                total=state.total_steps))
        decision = pending_decision(state)
        self._portal.show_screen(scenario.portal, state.screen, state.values,
                                 enabled=not demo and decision is None and state.phase is Phase.STEPS)
        self._show_decision(decision, demo)
        self._show_checklist(state, demo)
        self._portal.highlight_control(None)
        if feedback is not None:
            self._show_feedback(feedback)
            if step_changed and not self._narration_fresh:
                self._say("")  # an error or hint of an earlier step does not stay on screen
        elif not state.finished:
            self._say(self.tr("Help the visitor with what they need. Start with the portal on the right.")
                      if not demo else self.tr("Press ▶ Play to watch, or Step ▸ to go one move at a time."))
            self._result.hide()
        self._update_play_button()
        self._narration_fresh = False
        focus.chain([*self._modes.buttons(), *focus.focusable(self._scroll.widget()), self._leave, self._play,
                     self._step, self._speed, self._hint, self._back, self._restart])  # reading order
        self._keep_focus(was_in_portal)

    def _keep_focus(self, was_in_portal: bool) -> None:
        """The portal is rebuilt for each step: keep the keyboard in it (its first control), not in the header."""
        focused = QApplication.focusWidget()
        if not was_in_portal or (focused is not None and focused.isVisible() and self._scroll.isAncestorOf(focused)):
            return
        for widget in self._scroll.widget().findChildren(QWidget):
            if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_feedback(self, feedback: Feedback) -> None:
        text = feedback_text(feedback)
        if feedback.kind is FeedbackKind.MISTAKE:
            self._portal.show_note(feedback.control_id, text or self.tr("Not this."), "wrong")
            self._say("✗ " + (text or self.tr("Not this.")), "wrong")
        elif feedback.kind is FeedbackKind.HINT:
            target = self._portal.highlight_control(feedback.control_id)
            if target is not None:
                self._scroll.ensureWidgetVisible(target)
            self._say(self.tr("Hint: {text}").format(text=text), "hint")
        elif feedback.kind is FeedbackKind.DECISION:
            right = self.vm is not None and self.vm.last_accepted
            self._say(("✓ " if right else "✗ ") + text, "right" if right else "wrong")
        elif text:
            self._portal.clear_notes()
            self._say("✓ " + text, "right")
        else:
            self._portal.clear_notes()

    def _say(self, text: str, state: str = "") -> None:
        self._narration_fresh = True
        self._narration.setText(text)
        self._narration.setProperty("state", state)
        self._narration.style().unpolish(self._narration)
        self._narration.style().polish(self._narration)

    def _show_decision(self, step, demo: bool) -> None:  # type: ignore[no-untyped-def]
        while self._responses.count():
            widget = self._responses.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if step is None or step.decision is None:
            self._decision.hide()
            return
        decision = step.decision
        who = decision.who or (self.vm.scenario.persona.name if self.vm else "")
        self._says.setText(f"{who}: «{decision.says}»")
        for response in decision.responses:
            button = WrappingButton(response.text, objectName=f"response-{response.id}")
            button.setEnabled(not demo)
            button.setProperty("response", True)
            button.clicked.connect(lambda _=False, s=step.screen, d=step.id, r=response.id:
                                   self._on_action(Action(s, d, ActionKind.DECIDE, r)))
            self._responses.addWidget(button)
        self._decision.show()

    def _show_checklist(self, state: RunState, demo: bool) -> None:
        while self._checklist_layout.count():
            widget = self._checklist_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        if state.phase is Phase.STEPS:
            self._checklist.hide()
            return
        heading = self.tr("Before the visitor leaves: safety checklist")
        self._checklist_layout.addWidget(QLabel(f"<b>{html.escape(heading)}"
                                                "</b>", objectName="checklistTitle", wordWrap=True))
        for item in state.scenario.checklist:
            row = WrappingCheckBox(item.text, objectName=f"check-{item.id}")
            box = row.box
            box.setChecked(item.id in state.checked)
            box.setEnabled(not demo and item.id not in state.checked)
            box.clicked.connect(lambda _=False, i=item.id, s=state.screen_id:
                                self._on_action(Action(s, i, ActionKind.CONFIRM, "true")))
            self._checklist_layout.addWidget(row)
        self._checklist.show()
        self._scroll.ensureWidgetVisible(self._checklist)

    def _on_finished(self, result: RunResult) -> None:
        self._stop_demo()
        minutes, seconds = divmod(int(result.seconds), 60)
        if result.mode is Mode.DEMO:
            text = self.tr("The demonstration is over. Now try it yourself in Practice mode.")
        else:
            verdict = self.tr("✓ Passed") if result.passed else self.tr("✗ Not passed yet")
            text = self.tr("Score: {score} of 100 — {verdict}<br>Errors: {errors} · hints: {hints} · wrong decisions: "
                       "{wrong} · time: {m} min {s} s").format(score=result.score, verdict=verdict,
                                                              errors=result.errors, hints=result.hints,
                                                              wrong=result.decisions_wrong, m=minutes, s=seconds)
        summary = self.vm.scenario.summary if self.vm else ""
        finished = self.tr("Walkthrough finished")
        self._result.setText(f"<h3>{html.escape(finished)}</h3><p>{text}</p>"
                             + (f"<p>{html.escape(summary)}</p>" if summary else ""))
        self._result.setProperty("state", "right" if result.passed or result.mode is Mode.DEMO else "wrong")
        self._result.show()
        self._scroll.ensureWidgetVisible(self._result)

    # -- actions --------------------------------------------------------------------------------------
    def _on_action(self, action: Action) -> None:
        if self.vm is not None and self.vm.state is not None and self.vm.state.mode is not Mode.DEMO:
            self.vm.act(action)

    def _on_hint_clicked(self) -> None:
        if self.vm is not None:
            self.vm.hint()

    def _on_mode_clicked(self, button: QPushButton) -> None:
        if self.vm is None or self.vm.state is None:
            return
        mode = Mode(button.property("mode"))
        if mode is not self.vm.state.mode:
            self._stop_demo()
            self._announced = False
            self.vm.start(mode)

    def _on_restart(self) -> None:
        if self.vm is not None and self.vm.state is not None:
            self._stop_demo()
            self._announced = False
            self.vm.start(self.vm.state.mode)

    def _on_step_back(self) -> None:
        if self.vm is not None:
            self._stop_demo()
            self._announced = False
            self.vm.step_back()

    def _on_leave(self) -> None:
        self._stop_demo()
        if self.vm is not None:
            self.vm.leave()
        self.closed.emit()

    # -- the demo player ------------------------------------------------------------------------------
    def _delay(self) -> int:
        return int(BASE_DELAY_MS / float(self._speed.currentData() or 1.0))

    def _on_play_clicked(self) -> None:
        if self._playing:
            self._stop_demo()
        else:
            self._playing = True
            self._demo_timer.start(0)
        self._update_play_button()

    def _stop_demo(self) -> None:
        self._playing = False
        self._demo_timer.stop()
        self._update_play_button()

    def _update_play_button(self) -> None:
        self._play.setText(self.tr("❚❚ Pause") if self._playing else self.tr("▶ Play"))

    def _on_demo_step(self) -> None:
        self._stop_demo()
        self._demo_move()

    def _on_demo_tick(self) -> None:
        if self._playing and self._demo_move():
            self._demo_timer.start(self._delay())
        elif self._playing:
            self._stop_demo()

    def _demo_move(self) -> bool:
        """Announce the next move, or perform the announced one. False at the end."""
        vm = self.vm
        if vm is None or vm.state is None or vm.state.finished:
            return False
        if not self._announced:
            announced = vm.demo_announce()
            if announced is None:
                return False
            narration, control_id = announced
            target = self._portal.highlight_control(control_id)
            if target is not None:
                self._scroll.ensureWidgetVisible(target)
            self._say("▶ " + narration, "hint")
            self._announced = True
            return True
        action = vm.pending_action()
        if action is not None:
            self._portal.present(action)
        self._announced = False
        vm.demo_perform()
        return vm.state is not None and not vm.state.finished
