"""One window per data folder: a second launch brings the first window forward instead of running beside it.

The running app holds the data folder's lock (storage.folder_lock) and listens on a QLocalServer named
after the folder. A second launch that cannot take the lock connects to that server and asks the first
window to show itself; when nobody answers (the lock is held by a command-line writer, or the first app
is still starting), it waits a little for the lock and otherwise says clearly that the folder is in use.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW = b"show\n"
SHOWN = b"ok\n"


def server_name(folder: Path) -> str:
    """A name per data folder (the same for every spelling of its path), short enough for any OS."""
    digest = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:24]
    return f"etrainer-{digest}"


def ask_first_window_to_show(folder: Path, timeout_ms: int = 3000) -> bool:
    """True when the app running on `folder` answered that it brought its window forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(SHOW)
    socket.flush()
    answered = b""
    while SHOWN not in answered and socket.waitForReadyRead(timeout_ms):
        answered += socket.readAll().data()
    socket.disconnectFromServer()
    return SHOWN in answered


class InstanceServer(QObject):
    """Listens for later launches on the same data folder; `show_requested` asks to bring the window forward.

    Only the holder of the data folder's lock may create it (a leftover socket file of a crashed app is
    removed first, which is safe because no other app holds the lock).
    """

    show_requested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        name = server_name(folder)
        QLocalServer.removeServer(name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._on_new_connection)

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if SHOW.strip() in socket.readAll().data():
            socket.write(SHOWN)
            socket.flush()
            self.show_requested.emit()

    def close(self) -> None:
        self._server.close()
