"""Draw the hotspot pictures of the bundled course's quizzes: FICTIONAL screens only.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/quiz_images.py

Every picture is one function decorated with ``@picture("<module folder>/images/<name>.png")``:
it paints on an 800×500 canvas whose training banner is already drawn, and returns its named
hotspot regions as ``{name: (x, y, w, h)}``. The decorator puts it in ``PICTURES`` (output path
relative to ``lessons/`` → function); ``main()`` writes every picture and prints each region as
a ready ``- rect: {…}`` line for the quiz YAML, so the coordinates there always come from here.
To add a picture, add a decorated function above ``main()``; nothing else needs editing.

Rules (docs/authoring-quizzes.md, FACTS §11.1): invented portal names («Е-Послуга»,
«Кабінет платника-Тренажер» …), invented data, never a real portal's name, logo or colours,
and the banner «НАВЧАЛЬНИЙ ТРЕНАЖЕР» on every picture.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
WIDTH, HEIGHT = 800, 500
BANNER_H = 28
FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

Box = tuple[int, int, int, int]
"""x, y, width, height in pixels from the picture's top-left corner (the YAML `rect:`)."""
Regions = dict[str, Box]

# A plain, neutral palette that imitates no real portal.
INK = QColor("#222222")
MUTED = QColor("#666666")
LINE = QColor("#B8BEC6")
PAGE = QColor("#FFFFFF")
PANEL = QColor("#F1F3F5")
ACCENT = QColor("#3D5A80")
ACCENT_TEXT = QColor("#FFFFFF")
BANNER_BG = QColor("#FFE08A")
WARN = QColor("#B23A48")

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
ALIGN_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap

PICTURES: dict[str, Callable[[Canvas], Regions]] = {}


def picture(name: str) -> Callable[[Callable[[Canvas], Regions]], Callable[[Canvas], Regions]]:
    """Register a drawing function under its output path (relative to lessons/)."""

    def register(function: Callable[[Canvas], Regions]) -> Callable[[Canvas], Regions]:
        if name in PICTURES:
            raise ValueError(f"two pictures are called {name}")
        PICTURES[name] = function
        return function

    return register


class Canvas:
    """An 800×500 white picture with the training banner, and a few plain drawing helpers."""

    def __init__(self) -> None:
        self.image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        self.image.fill(PAGE)
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.banner()

    def finish(self) -> QImage:
        self.painter.end()
        return self.image

    def box(self, box: Box, fill: QColor | None = None, border: QColor | None = LINE, radius: int = 0,
            width: int = 1) -> None:
        painter = self.painter
        painter.setPen(QPen(border, width) if border is not None else Qt.PenStyle.NoPen)
        painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        rect = QRect(*box)
        if radius:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawRect(rect)

    def text(self, box: Box, text: str, size: int = 12, *, bold: bool = False, color: QColor = INK,
             align: Qt.AlignmentFlag = ALIGN_LEFT) -> None:
        font = QFont(FAMILY)
        font.setPixelSize(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(color)
        self.painter.drawText(QRect(*box), int(align), text)

    def button(self, box: Box, label: str, *, primary: bool = False, size: int = 13) -> Box:
        self.box(box, ACCENT if primary else PANEL, ACCENT, radius=6)
        self.text(box, label, size, bold=True, color=ACCENT_TEXT if primary else ACCENT, align=ALIGN_CENTER)
        return box

    def field(self, box: Box, value: str, *, size: int = 12, color: QColor = INK) -> Box:
        self.box(box, PAGE, LINE, radius=3)
        x, y, w, h = box
        self.text((x + 8, y, w - 16, h), value, size, color=color)
        return box

    def banner(self) -> None:
        self.box((0, 0, WIDTH, BANNER_H), BANNER_BG, None)
        self.text((0, 0, WIDTH, BANNER_H), "НАВЧАЛЬНИЙ ТРЕНАЖЕР. Не вводьте реальних даних", 13, bold=True,
                  align=ALIGN_CENTER)

    def browser(self, address: str) -> tuple[int, Box]:
        """Browser chrome under the banner; returns (top of the page, the address bar's box)."""
        self.box((0, BANNER_H, WIDTH, 44), PANEL, None)
        self.text((12, BANNER_H, 60, 44), "←  →  ⟳", 14, color=MUTED)
        bar = (84, BANNER_H + 8, 660, 28)
        self.box(bar, PAGE, LINE, radius=14)
        self.text((bar[0] + 14, bar[1], bar[2] - 28, bar[3]), address, 13)
        self.painter.setPen(QPen(LINE, 1))
        self.painter.drawLine(0, BANNER_H + 44, WIDTH, BANNER_H + 44)
        return BANNER_H + 45, bar


# --- modules 1–4 ---------------------------------------------------------------------------------

INFO_CARD_ROWS = (
    ("Субʼєкт надання", "Відділ «Тест» Степівської міської ради (вигаданий)"),
    ("Адреса і режим роботи", "м. Степове, вул. Навчальна, 1; пн–пт 8:00–17:00"),
    ("Перелік документів", "1. Заява (зразок — у ЦНАП)   2. Документ, що посвідчує особу"),
    ("Спосіб подання", "Особисто в ЦНАП або онлайн на порталі «Е-Послуга»"),
    ("Строк надання", "5 робочих днів"),
    ("Платність", "Безоплатно"),
    ("Підстави для відмови", "Подано неповний пакет документів"),
    ("Результат і як отримати", "Довідка-Тест; у ЦНАП або електронною поштою"),
)


@picture("01-admin-services/images/adm-info-card.png")
def draw_adm_info_card(c: Canvas) -> Regions:
    """An ASC's information card of an invented service, as a table of labelled rows."""
    top, _ = c.browser("ЦНАП міста Степове (навчальний сайт) › Послуги › Довідка-Тест")
    c.text((30, top + 10, 740, 26), "ІНФОРМАЦІЙНА КАРТКА АДМІНІСТРАТИВНОЇ ПОСЛУГИ", 16, bold=True, color=ACCENT)
    c.text((30, top + 36, 740, 22), "«Довідка-Тест» — вигадана послуга для тренування", 13, color=MUTED)
    regions: Regions = {}
    row_h, label_w, x, y = 40, 220, 30, top + 66
    for index, (label, value) in enumerate(INFO_CARD_ROWS):
        row = (x, y + index * row_h, 740, row_h)
        c.box(row, PANEL if index % 2 == 0 else PAGE, LINE)
        c.text((x + 10, row[1], label_w - 20, row_h), label, 13, bold=True)
        c.text((x + label_w, row[1], 740 - label_w - 10, row_h), value, 13)
        regions[label] = row
    return {"term": regions["Строк надання"], "documents": regions["Перелік документів"],
            "fee": regions["Платність"]}


@picture("02-e-identification/images/eid-file-key-login.png")
def draw_eid_file_key_login(c: Canvas) -> Regions:
    """«Кабінет платника-Тренажер»: the file-key login form and the browser's «save password?» offer."""
    top, _ = c.browser("kabinet-platnyka.trenazher › Вхід")
    c.text((30, top + 8, 500, 30), "Кабінет платника-Тренажер", 20, bold=True, color=ACCENT)
    c.text((30, top + 38, 500, 22), "Вхід до приватної частини кабінету", 13, color=MUTED)
    tabs = ("Файловий ключ", "Захищений носій", "Е-Підпис-Тест")
    regions: Regions = {}
    tab_y, tab_w, tab_h = top + 72, 160, 36
    for index, label in enumerate(tabs):
        tab = (30 + index * tab_w, tab_y, tab_w, tab_h)
        active = index == 0
        c.box(tab, PAGE if active else PANEL, ACCENT if active else LINE)
        c.text(tab, label, 13, bold=active, color=ACCENT if active else MUTED, align=ALIGN_CENTER)
        regions[label] = tab
    form_y = tab_y + tab_h + 14
    c.text((30, form_y, 200, 30), "Оберіть АЦСК:", 13, bold=True)
    regions["provider"] = c.field((230, form_y, 280, 30), "КНЕДП-Тест")
    c.text((480, form_y, 24, 30), "▾", 14, color=MUTED)
    c.text((30, form_y + 46, 200, 30), "Файл ключа:", 13, bold=True)
    c.field((230, form_y + 46, 180, 30), "файл не обрано", color=MUTED)
    regions["choose-file"] = c.button((420, form_y + 46, 90, 30), "Обрати…", size=12)
    c.text((30, form_y + 92, 200, 30), "Пароль до ключа:", 13, bold=True)
    c.field((230, form_y + 92, 280, 30), "●●●●●●●●")
    regions["login"] = c.button((230, form_y + 142, 140, 36), "Увійти", primary=True)
    popup = (540, top + 2, 245, 150)
    c.box((popup[0] + 3, popup[1] + 3, popup[2], popup[3]), QColor("#D5D9DE"), None, radius=8)
    c.box(popup, PAGE, LINE, radius=8)
    c.text((popup[0] + 14, popup[1] + 10, 220, 24), "Зберегти пароль?", 14, bold=True)
    c.text((popup[0] + 14, popup[1] + 36, 220, 44), "Браузер пропонує запамʼятати\nпароль для цього сайту", 12,
           color=MUTED, align=ALIGN_WRAP)
    regions["save"] = c.button((popup[0] + 14, popup[1] + 100, 100, 34), "Зберегти", primary=True, size=12)
    regions["never"] = c.button((popup[0] + 128, popup[1] + 100, 100, 34), "Ніколи", size=12)
    return {"file-key-tab": regions["Файловий ключ"], "never": regions["never"], "save": regions["save"],
            "choose-file": regions["choose-file"]}


@picture("03-diia/images/dia-fake-payment.png")
def draw_dia_fake_payment(c: Canvas) -> Regions:
    """A phishing page that imitates the training portal «Е-Послуга» and asks for card details."""
    top, bar = c.browser("e-posluha-vyplata.example/otrymaty-9500")
    c.box((0, top, WIDTH, 56), ACCENT, None)
    c.text((30, top, 400, 56), "Е-Послуга", 22, bold=True, color=ACCENT_TEXT)
    c.text((400, top, 370, 56), "Державні виплати онлайн", 13, color=ACCENT_TEXT,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    c.text((30, top + 72, 740, 34), "Вам нараховано виплату 9500 грн!", 22, bold=True, color=WARN)
    c.text((30, top + 108, 740, 24), "Щоб отримати кошти сьогодні, введіть дані своєї банківської картки.", 14)
    y = top + 148
    for label, value in (("Номер картки", "0000 0000 0000 0000"), ("Строк дії", "00/00"), ("CVV", "000")):
        c.text((30, y, 160, 32), label + ":", 13, bold=True)
        c.field((190, y, 250, 32), value, color=MUTED)
        y += 44
    c.button((190, y + 6, 250, 40), "Отримати виплату", primary=True, size=14)
    c.text((480, top + 148, 290, 120), "Пропозиція діє лише 24 години!\nКількість виплат обмежена.", 13,
           color=WARN, align=ALIGN_WRAP)
    return {"address": bar}


SERVICE_ITEMS = ("Місце проживання", "Сімʼя та діти", "Довідки та витяги", "Бізнес", "Транспорт")
APP_TABS = ("Стрічка", "Документи", "Сервіси", "Меню")


@picture("03-diia/images/dia-app-services.png")
def draw_dia_app_services(c: Canvas) -> Regions:
    """The «Сервіси» screen of the training app «Е-Послуга» on a smartphone."""
    c.text((30, 60, 250, 120), "Застосунок\n«Е-Послуга»\n(тренажер)", 18, bold=True, color=ACCENT, align=ALIGN_WRAP)
    c.text((530, 60, 250, 200), "Ірина відкрила розділ «Сервіси» на своєму смартфоні.", 14, color=MUTED,
           align=ALIGN_WRAP)
    phone = (280, 40, 240, 450)
    c.box(phone, QColor("#2B2D31"), None, radius=26)
    screen = (292, 64, 216, 402)
    c.box(screen, PAGE, None, radius=6)
    sx, sy, sw, _ = screen
    c.text((sx + 12, sy + 8, sw - 24, 34), "Сервіси", 18, bold=True)
    regions: Regions = {}
    item_h = 48
    for index, label in enumerate(SERVICE_ITEMS):
        item = (sx + 8, sy + 50 + index * (item_h + 6), sw - 16, item_h)
        c.box(item, PANEL, LINE, radius=8)
        c.text((item[0] + 12, item[1], item[2] - 34, item_h), label, 13, bold=True)
        c.text((item[0] + item[2] - 24, item[1], 16, item_h), "›", 18, color=MUTED)
        regions[label] = item
    tab_y, tab_w = sy + 402 - 44, sw // len(APP_TABS)
    c.box((sx, tab_y, sw, 44), PANEL, None)
    for index, label in enumerate(APP_TABS):
        tab = (sx + index * tab_w, tab_y, tab_w, 44)
        c.text(tab, label, 9, bold=label == "Сервіси", color=ACCENT if label == "Сервіси" else MUTED,
               align=ALIGN_CENTER)
        regions[label] = tab
    return {"extracts": regions["Довідки та витяги"], "documents-tab": regions["Документи"]}


QUEUE_GOALS = ("Консультація", "Подати документи", "Отримати результат")


@picture("04-other-channels/images/oth-queue-terminal.png")
def draw_oth_queue_terminal(c: Canvas) -> Regions:
    """«Черга-Тренажер»: the ASC queue terminal's screen for choosing the purpose of the visit."""
    c.box((0, BANNER_H, WIDTH, 64), ACCENT, None)
    c.text((30, BANNER_H, 500, 64), "Черга-Тренажер", 24, bold=True, color=ACCENT_TEXT)
    c.text((420, BANNER_H, 350, 64), "ЦНАП міста Степове", 15, color=ACCENT_TEXT,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    c.text((40, 110, 720, 26), "Сфера: Реєстрація місця проживання", 14, color=MUTED)
    c.text((40, 138, 720, 34), "Оберіть мету звернення", 22, bold=True)
    regions: Regions = {}
    for index, label in enumerate(QUEUE_GOALS):
        regions[label] = c.button((40 + index * 245, 200, 225, 130), label, primary=True, size=18)
    regions["back"] = c.button((40, 400, 160, 50), "← Назад", size=15)
    c.box((600, 400, 160, 50), PANEL, LINE, radius=6)
    c.text((600, 400, 160, 50), "Друк талона", 15, color=MUTED, align=ALIGN_CENTER)
    return {"consultation": regions["Консультація"], "submit": regions["Подати документи"],
            "result": regions["Отримати результат"]}


PENSION_MENU = ("Головна", "Мої дані", "Пенсійна справа", "Стаж і внески", "Комунікації з фондом", "Довідки")


@picture("04-other-channels/images/oth-pension-cabinet.png")
def draw_oth_pension_cabinet(c: Canvas) -> Regions:
    """«Пенсійний кабінет-Тренажер»: the personal cabinet's start page with its side menu."""
    top, _ = c.browser("pensiinyi-kabinet.trenazher › Особистий кабінет")
    c.box((0, top, WIDTH, 50), ACCENT, None)
    c.text((24, top, 400, 50), "Пенсійний кабінет-Тренажер", 18, bold=True, color=ACCENT_TEXT)
    c.text((430, top, 220, 50), "Коваль Г. П. (вигадана)", 13, color=ACCENT_TEXT,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    regions: Regions = {"logout": c.button((670, top + 10, 110, 30), "Вийти", size=12)}
    menu_y = top + 50
    c.box((0, menu_y, 230, HEIGHT - menu_y), PANEL, None)
    for index, label in enumerate(PENSION_MENU):
        item = (10, menu_y + 14 + index * 44, 210, 38)
        c.box(item, PAGE, LINE, radius=5)
        c.text((item[0] + 12, item[1], item[2] - 20, item[3]), label, 13, bold=True)
        regions[label] = item
    c.text((260, menu_y + 16, 520, 30), "Вітаємо в особистому кабінеті!", 18, bold=True)
    c.text((260, menu_y + 56, 510, 120),
           "Тут можна переглянути свої дані, стаж і внески, пенсійну справу, замовити довідку "
           "або надіслати заяву до фонду. Усі дані на цьому екрані вигадані.", 13, color=MUTED, align=ALIGN_WRAP)
    return {"communications": regions["Комунікації з фондом"], "logout": regions["logout"]}


# --- modules 5–8 ---------------------------------------------------------------------------------

LAP_BOOKMARKS = ("Е-Послуга", "Пенсійний кабінет", "Кабінет платника", "ЦНАП Степове")
LAP_RESULTS = (
    ("Реклама · e-posluha-online.example", "Е-Послуга — заяви й довідки швидко, без черг"),
    ("Реклама · eposluha-pomich.example", "Подамо заяву на Е-Послузі за вас — лише номер картки"),
    ("e-posluha-vyplata.example", "Е-Послуга: отримайте виплату 9500 грн сьогодні"),
)


@picture("05-library-access-point/images/lap-bookmarks.png")
def draw_lap_bookmarks(c: Canvas) -> Regions:
    """A search page on the public PC, with the library's bookmark bar of official training sites above it."""
    top, _ = c.browser("poshuk-trenazher.example/?q=е-послуга+заява")
    bar_h = 34
    c.box((0, top, WIDTH, bar_h), PANEL, None)
    c.text((12, top, 170, bar_h), "Закладки бібліотеки:", 12, bold=True, color=MUTED)
    regions: Regions = {}
    font = QFont(FAMILY)
    font.setPixelSize(11)
    font.setBold(True)
    c.painter.setFont(font)
    x = 180
    for label in LAP_BOOKMARKS:
        width = c.painter.fontMetrics().horizontalAdvance("★ " + label) + 20
        chip = (x, top + 5, width, bar_h - 10)
        c.box(chip, PAGE, LINE, radius=12)
        c.text(chip, "★ " + label, 11, bold=True, color=ACCENT, align=ALIGN_CENTER)
        regions[label] = chip
        x += width + 8
    c.painter.setPen(QPen(LINE, 1))
    c.painter.drawLine(0, top + bar_h, WIDTH, top + bar_h)
    page = top + bar_h
    c.text((30, page + 10, 300, 32), "Пошук-Тренажер", 20, bold=True, color=MUTED)
    c.field((330, page + 12, 440, 30), "е-послуга заява")
    y = page + 60
    for index, (address, title) in enumerate(LAP_RESULTS):
        result = (30, y, 740, 84)
        c.box(result, PAGE, LINE, radius=6)
        c.text((44, y + 8, 700, 22), address, 12, color=MUTED)
        c.text((44, y + 32, 700, 26), title, 16, bold=True, color=ACCENT)
        c.text((44, y + 58, 700, 20), "Переходьте за посиланням — усе онлайн за 5 хвилин!", 12, color=MUTED)
        regions[f"result-{index + 1}"] = result
        y += 96
    return {"bookmark": regions["Е-Послуга"], "first-result": regions["result-1"]}


DSE_FOLDERS = ("Робочий стіл", "Документи", "Завантаження", "Кошик (1)")


@picture("06-data-safety-ethics/images/dse-downloads.png")
def draw_dse_downloads(c: Canvas) -> Regions:
    """A plain file window on the public PC: «Завантаження» already empty, one file still in the bin."""
    title_h = 40
    c.box((0, BANNER_H, WIDTH, title_h), ACCENT, None)
    c.text((20, BANNER_H, 500, title_h), "Файли — Завантаження", 16, bold=True, color=ACCENT_TEXT)
    c.text((560, BANNER_H, 220, title_h), "Бібліотечний ПК № 1", 13, color=ACCENT_TEXT,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    side_y = BANNER_H + title_h
    c.box((0, side_y, 220, HEIGHT - side_y), PANEL, None)
    regions: Regions = {}
    for index, label in enumerate(DSE_FOLDERS):
        item = (10, side_y + 16 + index * 48, 200, 40)
        active = label == "Завантаження"
        c.box(item, PAGE if active else PANEL, ACCENT if active else LINE, radius=5)
        c.text((item[0] + 14, item[1], item[2] - 20, item[3]), label, 14, bold=active,
               color=ACCENT if active else INK)
        regions[label] = item
    c.text((250, side_y + 16, 520, 28), "Завантаження", 18, bold=True)
    header = (250, side_y + 56, 520, 30)
    c.box(header, PANEL, LINE)
    c.text((262, header[1], 260, 30), "Імʼя", 12, bold=True, color=MUTED)
    c.text((530, header[1], 110, 30), "Розмір", 12, bold=True, color=MUTED)
    c.text((650, header[1], 110, 30), "Змінено", 12, bold=True, color=MUTED)
    c.text((250, side_y + 120, 520, 40), "Папка порожня", 16, color=MUTED, align=ALIGN_CENTER)
    notice = (250, HEIGHT - 70, 520, 44)
    c.box(notice, QColor("#E8F1E8"), QColor("#7FA67F"), radius=6)
    c.text((notice[0] + 14, notice[1], notice[2] - 28, notice[3]), "✓ Видалено 1 файл: «Витяг_ТЕСТ.pdf»", 13)
    return {"bin": regions["Кошик (1)"], "documents": regions["Документи"]}


ACV_MENU = ("Нове вікно", "Нове приватне вікно", "ZOOM", "Друк…", "Збережені паролі", "Налаштування")


@picture("07-accompanying-visitors/images/acv-zoom.png")
def draw_acv_zoom(c: Canvas) -> Regions:
    """The training portal in small print, with the browser's menu open at the zoom row."""
    top, _ = c.browser("e-posluha.trenazher › Послуги › Житлова субсидія")
    menu_button = (752, BANNER_H + 8, 32, 28)
    c.box(menu_button, QColor("#DDE3EA"), None, radius=6)
    c.text(menu_button, "⋮", 16, bold=True, align=ALIGN_CENTER)
    c.box((0, top, WIDTH, 44), ACCENT, None)
    c.text((24, top, 300, 44), "Е-Послуга", 16, bold=True, color=ACCENT_TEXT)
    c.text((24, top + 56, 480, 24), "Заява на житлову субсидію (навчальний приклад)", 13, bold=True)
    lines = ("Щоб подати заяву, увійдіть до кабінету й оберіть спосіб підпису.",
             "Підготуйте скани документів на власному носії.",
             "Заповніть заяву і декларацію про доходи та витрати домогосподарства.",
             "Перевірте дані перед надсиланням. Усі дані в тренажері вигадані.")
    for index, line in enumerate(lines):
        c.text((24, top + 86 + index * 18, 480, 18), line, 9, color=MUTED)
    c.button((24, top + 170, 110, 26), "Далі", primary=True, size=10)
    menu = (520, BANNER_H + 40, 260, 6 * 44 + 12)
    c.box((menu[0] + 3, menu[1] + 3, menu[2], menu[3]), QColor("#D5D9DE"), None, radius=8)
    c.box(menu, PAGE, LINE, radius=8)
    regions: Regions = {}
    for index, label in enumerate(ACV_MENU):
        row_y = menu[1] + 6 + index * 44
        if label == "ZOOM":
            c.text((menu[0] + 16, row_y, 100, 44), "Масштаб", 13)
            regions["minus"] = c.button((menu[0] + 112, row_y + 8, 36, 28), "−", size=16)
            c.text((menu[0] + 150, row_y, 60, 44), "100 %", 13, align=ALIGN_CENTER)
            regions["plus"] = c.button((menu[0] + 212, row_y + 8, 36, 28), "+", size=16)
        else:
            c.text((menu[0] + 16, row_y, menu[2] - 32, 44), label, 13)
            regions[label] = (menu[0] + 6, row_y, menu[2] - 12, 44)
    return {"plus": regions["plus"], "minus": regions["minus"]}


@picture("08-training-colleagues/images/trc-simulator.png")
def draw_trc_simulator(c: Canvas) -> Regions:
    """A walkthrough step of the training portal as shown on a projector in a practicum."""
    top, _ = c.browser("e-posluha.trenazher › Довідки та витяги › Витяг про несудимість")
    c.box((0, top, WIDTH, 44), ACCENT, None)
    c.text((24, top, 300, 44), "Е-Послуга", 16, bold=True, color=ACCENT_TEXT)
    c.text((420, top, 356, 44), "Крок 5 з 7 · режим демонстрації", 12, color=ACCENT_TEXT,
           align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    c.text((30, top + 56, 740, 28), "Перевірте дані заявниці", 18, bold=True)
    rows = (("Прізвище, імʼя", "Савчук Ірина (вигаданий персонаж)"), ("РНОКПП", "ТЕСТ-0000000000"),
            ("Місце проживання", "м. Степове, вул. Навчальна, 1"), ("Телефон", "+380 00 000 00 00"),
            ("Мета витягу", "Оформлення на роботу"))
    y = top + 96
    for label, value in rows:
        c.text((30, y, 200, 34), label + ":", 13, bold=True)
        c.field((230, y, 400, 34), value)
        y += 44
    c.button((230, y + 10, 150, 40), "Надіслати", primary=True, size=14)
    c.button((400, y + 10, 150, 40), "Назад", size=14)
    return {"banner": (0, 0, WIDTH, BANNER_H)}


# --- add new pictures above this line ------------------------------------------------------------


def rect_line(box: Box) -> str:
    x, y, w, h = box
    return f"- rect: {{x: {x}, y: {y}, w: {w}, h: {h}}}"


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for file_name in FONT_FILES:
        if (FONT_DIR / file_name).is_file():
            QFontDatabase.addApplicationFont(str(FONT_DIR / file_name))
    for name, draw in PICTURES.items():
        canvas = Canvas()
        regions = draw(canvas)
        image = canvas.finish()
        target = LESSONS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        print(f"{name}")
        for region, box in regions.items():
            x, y, w, h = box
            if x < 0 or y < 0 or x + w > WIDTH or y + h > HEIGHT:
                print(f"region {region} of {name} reaches beyond the picture", file=sys.stderr)
                return 1
            print(f"  {region}: {rect_line(box)}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
