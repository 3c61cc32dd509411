"""The projector's side of voting from phones: the address (large and as a QR code), the room code, the live
«Answered: 17 of 23», the distribution after the reveal, the scoreboard, and removing a nickname.

The panel owns the VotingServer (services.voting) for one classroom session: `start()` listens on the chosen
address, `stop()` (the session ends or the window closes) stops it. The server calls back on its own thread;
`VotingLink.changed` is a Qt signal, so the panel redraws on the GUI thread (a queued connection).
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPixmap, QResizeEvent
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from etrainer.core.classroom.quiz import ClassroomQuestion, PhoneQuestion, PhoneResults
from etrainer.core.classroom.slides import plain_inline
from etrainer.core.classroom.voting import Distribution, Phase, VotingRoom, from_classroom
from etrainer.core.quiz.model import QuestionKind
from etrainer.services.voting.server import DEFAULT_PORT, Tally, VotingServer
from etrainer.ui.classroom.projector import make_font

LOOPBACK = "127.0.0.1"
ORDERS_SHOWN = 4
"""Lines of orders after an ordering question's reveal: the right one, then the most common others."""


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses on running, non-loopback interfaces (the first is the default)."""
    found: list[str] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp or flags & QNetworkInterface.InterfaceFlag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            address = entry.ip()
            if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol and not address.isLoopback():
                found.append(address.toString())
    return list(dict.fromkeys(found))


def qr_pixmap(text: str, scale: int = 8) -> QPixmap:
    """`text` as a QR code, rendered in memory (PNG bytes into a pixmap)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def _size(label: QLabel, pixels: int) -> None:
    """A label's own type size (its own style sheet: the theme's would win over setFont)."""
    sheet = f"font-size: {pixels}px; font-weight: bold;"
    if label.styleSheet() != sheet:
        label.setStyleSheet(sheet)


class VotingLink(QObject):
    changed = Signal()
    """Emitted from the server's thread; delivered on the GUI thread."""


class VotingPanel(QWidget):
    def __init__(self, host: str, room: VotingRoom | None = None, port: int = DEFAULT_PORT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="votingPanel")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)  # never grows the window
        self.room = room or VotingRoom()
        self._link = VotingLink(self)
        self._link.changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        self.server = VotingServer(self.room, host, port, on_change=self._link.changed.emit)
        self._fitted: tuple[object, ...] = ()
        self._rounds: dict[int, int] = {}
        """Session question index → the room's round (questions the trainer opened for the phones)."""
        self._title = QLabel(self.tr("Vote from your phone"), objectName="votingTitle", wordWrap=True)
        self.address = QLabel(objectName="votingAddress",
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QLabel(objectName="votingQr", alignment=Qt.AlignmentFlag.AlignCenter)
        self._code_caption = QLabel(self.tr("Room code:"), objectName="votingCodeCaption")
        self.code = QLabel(objectName="votingCode")
        self.answered = QLabel(objectName="votingAnswered")
        self.distribution = QLabel(objectName="votingDistribution", textFormat=Qt.TextFormat.PlainText)
        self.scoreboard = QLabel(objectName="votingScoreboard", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.names = QListWidget(objectName="votingNames")
        self.names.setAccessibleName(self.tr("Participants"))
        self._remove = QPushButton(self.tr("Remove the name"), objectName="removeNameButton")
        self._remove.setToolTip(self.tr("Remove the selected nickname from the room (it cannot join again)"))
        self._remove.clicked.connect(self._on_remove_clicked)
        row = QHBoxLayout()
        row.addWidget(self._remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        for widget in (self._title, self.address, self.qr, self._code_caption, self.code, self.answered,
                       self.distribution, self.scoreboard):
            layout.addWidget(widget)
        layout.addWidget(self.names, 1)
        layout.addLayout(row)
        self._apply_sizes()

    # -- life -----------------------------------------------------------------------------------------
    def start(self) -> str:
        """Listen; returns the phones' address. Raises services.voting.server.VotingServerError."""
        self.server.start()
        url = self.phone_url()
        self.address.setText(url.split("?")[0].removeprefix("http://").rstrip("/"))
        self.code.setText(self.room.code)
        self._qr = qr_pixmap(url, 8)
        self.refresh()
        self._fit()
        return url

    def phone_url(self) -> str:
        return f"{self.server.url}?room={self.room.code}"

    def stop(self) -> None:
        self.server.stop()

    # -- the session's steps --------------------------------------------------------------------------
    def open(self, question: ClassroomQuestion, index: int, total: int, seconds: float) -> None:
        self.server.open_question(from_classroom(question, index + 1, total, plain_inline), seconds)
        self._rounds[index] = len(self._rounds)
        self.refresh()

    def pause(self) -> None:
        self.server.pause()

    def resume(self) -> None:
        self.server.resume()

    def reveal(self) -> tuple[int, ...] | None:
        """Reveal on the phones; returns the count per option (None when the question was not opened)."""
        distribution = self.server.reveal()
        self.refresh()
        return distribution.per_option if distribution is not None else None

    def wait(self) -> None:
        self.server.wait()
        self.refresh()

    def finish(self) -> None:
        self.server.finish()
        self.refresh()

    def results(self, questions: int) -> PhoneResults:
        distributions = self.server.distributions()
        tally = self.server.tally()
        per_question = tuple(
            PhoneQuestion(d.answered, d.right, d.per_option, d.orders)
            if (d := self._distribution(distributions, i)) else None for i in range(questions))
        return PhoneResults(tally.participants, per_question,
                            tuple((s.place, s.name, s.points) for s in self.server.scoreboard()))

    def _distribution(self, distributions, index):  # type: ignore[no-untyped-def]
        round_index = self._rounds.get(index)
        return distributions[round_index] if round_index is not None and round_index < len(distributions) else None

    # -- drawing --------------------------------------------------------------------------------------
    def refresh(self) -> None:
        tally = self.server.tally()
        self.answered.setText(self._answered_text(tally))
        if tally.distribution is not None and tally.distribution.question.kind is QuestionKind.ORDERING:
            self.distribution.setText(self._orders_text(tally.distribution))
        elif tally.distribution is not None:
            question = tally.distribution.question
            parts = [f"{o.letter}{' ✓' if o.letter in question.right else ''} — {n}"
                     for o, n in zip(question.options, tally.distribution.per_option, strict=False)]
            self.distribution.setText("\n".join(parts))
        else:
            self.distribution.setText("")
        self.distribution.setVisible(tally.distribution is not None)
        board = tally.scoreboard if tally.phase in (Phase.REVEALED, Phase.FINISHED) else ()
        top = [f"{s.place}. {s.name} — {s.points}" for s in board[:5]]
        self.scoreboard.setText("\n".join(top))
        self.scoreboard.setVisible(bool(top))
        joining = tally.phase in (Phase.LOBBY, Phase.OPEN, Phase.CLOSED)
        for widget in (self.qr, self.names, self._remove, self._title):
            widget.setVisible(joining)  # after the reveal their place goes to the distribution and the scoreboard
        current = {self.names.item(i).text() for i in range(self.names.count())}
        if current != set(tally.names):
            selected = self.names.currentItem().text() if self.names.currentItem() else ""
            self.names.clear()
            self.names.addItems(sorted(tally.names, key=str.casefold))
            matches = self.names.findItems(selected, Qt.MatchFlag.MatchExactly) if selected else []
            if matches:
                self.names.setCurrentItem(matches[0])
        self._remove.setEnabled(bool(tally.names))
        self._fit()

    def _orders_text(self, distribution: Distribution) -> str:
        """An ordering question after the reveal: the right order and how many gave it, then the most
        common other orders (at most ORDERS_SHOWN lines in all)."""
        right = "".join(distribution.question.right)
        lines = [self.tr("✓ {order} — {count}").format(order=" ".join(right), count=distribution.right)]
        others = [(order, count) for order, count in distribution.orders if order != right]
        lines += [f"{' '.join(order)} — {count}" for order, count in others[: ORDERS_SHOWN - 1]]
        return "\n".join(lines)

    def _answered_text(self, tally: Tally) -> str:
        if tally.phase in (Phase.OPEN, Phase.CLOSED, Phase.REVEALED):
            return self.tr("Answered: {answered} of {total}").format(answered=tally.answered,
                                                                     total=tally.participants)
        return self.tr("In the room: {total}").format(total=tally.participants)

    def _on_remove_clicked(self) -> None:
        item = self.names.currentItem()
        if item is not None:
            self.server.remove(item.text())
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The address, the code and the count as large as the panel's width allows (the back row reads
        them), the QR code as wide as the panel."""
        width = max(120, self.width() - 12)
        screen = self.screen().availableGeometry().height() if self.screen() is not None else 768
        height = min(self.window().height() or 768, screen)
        key = (width, height, self.address.text(), self.code.text(), self.answered.text(), self.distribution.text())
        if key == self._fitted:
            return  # nothing to measure again (the count changes many times a second while the room votes)
        self._fitted = key
        for label, largest in ((self.address, height * 40 / 768), (self.code, height * 64 / 768),
                               (self.answered, height * 36 / 768), (self.distribution, height * 30 / 768)):
            size = round(largest)
            longest = max(label.text().split("\n"), key=len)
            while size > 12 and QFontMetrics(make_font(size, True)).horizontalAdvance(longest) > width:
                size -= 1
            _size(label, size)
        _size(self._title, round(height * 24 / 768))
        _size(self._code_caption, round(height * 24 / 768))
        qr = getattr(self, "_qr", None)
        if qr is not None and not qr.isNull():
            side = max(96, min(width, round(height * 0.3)))
            self.qr.setPixmap(qr.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.FastTransformation))

    def _apply_sizes(self) -> None:
        self.setStyleSheet(
            "QLabel#votingTitle, QLabel#votingCodeCaption { color: #1F4E79; }\n"
            "QLabel#votingAddress { color: #1B1B1B; }\n"
            "QLabel#votingCode { color: #1F4E79; }\n"
            "QLabel#votingAnswered { color: #1B5E20; }\n"
            "QLabel#votingDistribution { color: #1B1B1B; }\n"
            "QLabel#votingScoreboard { font-size: 20px; color: #1B1B1B; }\n"
            "QListWidget#votingNames { font-size: 18px; }\n"
            "QPushButton#removeNameButton { font-size: 18px; }\n")
