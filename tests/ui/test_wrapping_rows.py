"""Tree rows that wrap: the row height follows the column's width, also after the view was first painted
(the delegate watches the viewport's width from its first paint on, not before: see WrappingItemDelegate)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from etrainer.ui.common.wrapping import WrappingItemDelegate

LONG = "Електронні послуги для громадян у бібліотеці: з чого почати консультацію й куди скерувати " * 3


def test_rows_grow_taller_when_the_view_gets_narrower_after_its_first_paint(qtbot: QtBot) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setHeaderHidden(True)
    tree.setItemDelegate(WrappingItemDelegate(tree))
    item = QTreeWidgetItem([LONG])
    tree.addTopLevelItem(item)
    tree.resize(900, 400)
    tree.show()
    qtbot.waitExposed(tree)
    qtbot.wait(50)  # the first paint, then the delegate starts watching the viewport
    wide = tree.visualItemRect(item).height()
    tree.resize(260, 400)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() > wide * 2, timeout=3000)
    tree.resize(900, 400)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() == wide, timeout=3000)
