"""Moodle XML question banks: `parse_moodle_xml(data)` → ParsedBank.

Safety: a file with a DOCTYPE or an entity declaration is refused before parsing (no external
entities, no entity expansion), files above MAX_XML_BYTES are refused, and expat never reads
external DTDs. HTML texts become markdown (`html_to_markdown`): tags are stripped, and only
paragraphs, line breaks, bold, italic and lists are kept. Pictures embedded as `<file>` or
referenced as @@PLUGINFILE@@ are not imported: the question comes without them, and a problem
says so.

Types: multichoice, truefalse, shortanswer, numerical, matching, ordering, multianswer (Moodle's
Cloze: `{1:SHORTANSWER:=…}`), gapselect, ddwtos and essay become eTrainer questions, and a description
becomes an information page; other types are reported question by question with the line where each
starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from xml.parsers import expat

from etrainer.core.ids import QuestionId
from etrainer.core.quiz.bank import MEDIA_SUFFIXES, ImportProblem, ParsedBank, moodle_grade_problem, with_ids
from etrainer.core.quiz.checks import validate_question
from etrainer.core.quiz.grading import CATCH_ALL
from etrainer.core.quiz.model import (
    MAX_QUESTIONS,
    Answer,
    Cloze,
    Essay,
    Gap,
    GapKind,
    Matching,
    MatchPair,
    Numerical,
    NumericAnswer,
    Question,
    QuestionKind,
    TrueFalse,
)

MAX_XML_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
_CATEGORY_PREFIX = re.compile(r"^\$[a-z0-9]+\$/?")
_FORBIDDEN = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_NOT_IMPORTED = {
    "calculated": "calculated questions are not supported",
    "calculatedsimple": "calculated questions are not supported",
    "calculatedmulti": "calculated questions are not supported",
    "randomsamatch": "random short-answer matching questions are not supported",
    "random": "a random-question placeholder is not a question",
    "ddimageortext": "drag-and-drop onto an image is not supported",
    "ddmarker": "drag-and-drop markers are not supported",
}


class XmlRefused(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class UnsupportedQuestion(ValueError):
    """A question that cannot be imported; the message is a sentence for the report."""


def clean_category(path: str) -> str:
    """`$course$/top/Перевірка/Тема` → `Перевірка/Тема` (Moodle's context prefix and `top` dropped)."""
    path = _CATEGORY_PREFIX.sub("", path.strip()).strip("/")
    if path == "top" or path.startswith("top/"):
        path = path[3:].lstrip("/")
    return path.strip()


# -- a small element tree that remembers lines ---------------------------------------------------
@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def child(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    def value(self, tag: str, default: str = "") -> str:
        """The text of child `tag`, or of its `<text>` child (Moodle wraps most texts in one)."""
        node = self.child(tag)
        if node is None:
            return default
        inner = node.child("text")
        return (inner.text if inner is not None else node.text).strip()

    def files(self) -> int:
        return sum(1 for c in self.children if c.tag == "file") + sum(c.files() for c in self.children)


def _tree(data: bytes) -> _Node:
    if len(data) > MAX_XML_BYTES:
        raise XmlRefused(0, f"the file is larger than {MAX_XML_BYTES // 1024 // 1024} MB")
    forbidden = _FORBIDDEN.search(data)
    if forbidden:
        line = data[: forbidden.start()].count(b"\n") + 1
        raise XmlRefused(line, "the file declares a DOCTYPE or entities, which Moodle never writes: "
                               "refused for safety")
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = _Node("", {}, 0)
    stack = [root]

    def start(tag: str, attrs: dict[str, str]) -> None:
        if len(stack) > MAX_DEPTH:
            raise XmlRefused(parser.CurrentLineNumber, "the XML is nested too deeply")
        node = _Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def refuse(*_: Any) -> None:
        raise XmlRefused(parser.CurrentLineNumber, "the file declares a DOCTYPE or entities: refused for safety")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    parser.CharacterDataHandler = lambda text: stack[-1].chunks.append(text)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise XmlRefused(error.lineno, f"this is not well-formed XML: {expat.ErrorString(error.code)}") from error
    if not root.children:
        raise XmlRefused(1, "the file has no XML elements")
    return root.children[0]


# -- the bank -------------------------------------------------------------------------------------
def parse_moodle_xml(data: bytes | str) -> ParsedBank:
    """Every question of a Moodle XML file; what cannot be imported is reported with its line."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    bank = ParsedBank()
    try:
        quiz = _tree(raw)
    except XmlRefused as error:
        bank.problems.append(ImportProblem(error.line, str(error)))
        return bank
    if quiz.tag != "quiz":
        bank.problems.append(ImportProblem(quiz.line, f"this is not a Moodle XML question bank (<{quiz.tag}> "
                                                      "instead of <quiz>)"))
        return bank
    category = ""
    for node in quiz.all("question"):
        kind = node.attrs.get("type", "")
        if kind == "category":
            category = clean_category(node.value("category"))
            continue
        if len(bank.questions) >= MAX_QUESTIONS:
            bank.problems.append(ImportProblem(node.line, f"the bank has more than {MAX_QUESTIONS} questions; "
                                                          "the rest were not imported: split the file"))
            break
        _add(bank, node, kind, category)
    bank.questions[:] = with_ids(bank.questions)
    return bank


def _add(bank: ParsedBank, node: _Node, kind: str, category: str) -> None:
    name = " ".join(node.value("name").split())
    label = f"“{name}”: " if name else ""
    if kind in _NOT_IMPORTED:
        bank.problems.append(ImportProblem(node.line, f"{label}{_NOT_IMPORTED[kind]} (not imported)"))
        return
    builder = _BUILDERS.get(kind)
    if builder is None:
        bank.problems.append(ImportProblem(node.line, f"{label}the question type “{kind}” is not supported "
                                                      "(not imported)"))
        return
    texts = _Texts()
    try:
        details = builder(node, texts)
        text = details.pop("text", None)
        question = Question(id=QuestionId("q"), title=name, category=category, line=node.line,
                            text=text if text is not None else texts.get(node, "questiontext"),
                            explanation=texts.get(node, "generalfeedback"), **details)
    except UnsupportedQuestion as error:
        bank.problems.append(ImportProblem(node.line, f"{label}{error} (not imported)"))
        return
    issues = validate_question(question)
    if issues:
        bank.problems.append(ImportProblem(node.line, label + "; ".join(i.message for i in issues)))
        return
    pictures = max(node.files(), texts.images)      # an embedded <file> is usually shown by an <img> too
    if pictures:
        bank.problems.append(ImportProblem(node.line, f"{label}{pictures} picture(s) or file(s) were not imported; "
                                                      "the question was imported without them"))
    bank.questions.append(question)


class _Texts:
    """Converts the texts of one question, counting the pictures it had to leave out."""

    def __init__(self) -> None:
        self.images = 0

    def convert(self, text: str, fmt: str) -> str:
        if fmt == "html" or (fmt == "moodle_auto_format" and re.search(r"<[a-zA-Z/]", text)):
            converter = _HtmlText()
            converter.feed(text)
            converter.close()
            self.images += converter.images
            return converter.result()
        return text.strip()

    def get(self, node: _Node, tag: str) -> str:
        child = node.child(tag)
        if child is None:
            return ""
        return self.convert(node.value(tag), child.attrs.get("format", "html"))


def _fraction(node: _Node, *, grade: bool = True) -> float:
    """The answer's `fraction` as 0..1; `grade=False` for an ordering, where it is the item's position."""
    raw = node.attrs.get("fraction", "0").strip().replace(",", ".")
    try:
        percent = float(raw)
    except ValueError as error:
        raise UnsupportedQuestion(f"the grade “{raw}” is not a number") from error
    problem = moodle_grade_problem(percent) if grade else None
    if problem is not None:
        raise UnsupportedQuestion(f"line {node.line}: {problem}")
    return round(percent / 100, 7)


def _answers(node: _Node, texts: _Texts, *, grades: bool = True) -> list[tuple[str, float, str, _Node]]:
    result = []
    for answer in node.all("answer"):
        node_feedback = answer.child("feedback")
        text = texts.convert(answer.value("text", answer.text), answer.attrs.get("format", "plain_text"))
        feedback = texts.convert(answer.value("feedback"), node_feedback.attrs.get("format", "html")) \
            if node_feedback is not None else ""
        result.append((text, _fraction(answer, grade=grades), feedback, answer))
    return result


def _multichoice(node: _Node, texts: _Texts) -> dict[str, Any]:
    single = node.value("single", "true").lower() in ("true", "1")
    kind = QuestionKind.SINGLE_CHOICE if single else QuestionKind.MULTIPLE_CHOICE
    return {"kind": kind, "answers": tuple(Answer(t, f, fb) for t, f, fb, _ in _answers(node, texts))}


def _truefalse(node: _Node, texts: _Texts) -> dict[str, Any]:
    feedback = {"true": "", "false": ""}
    correct = None
    for text, fraction, answer_feedback, _ in _answers(node, texts):
        value = text.strip().lower()
        if value not in feedback:
            raise UnsupportedQuestion(f"a true/false answer reads “{text}” instead of true or false")
        feedback[value] = answer_feedback
        if fraction >= 1:
            correct = value == "true"
    if correct is None:
        raise UnsupportedQuestion("neither true nor false is marked right")
    return {"kind": QuestionKind.TRUE_FALSE, "true_false": TrueFalse(correct, feedback["true"], feedback["false"])}


def _shortanswer(node: _Node, texts: _Texts) -> dict[str, Any]:
    answers = []
    for text, fraction, feedback, _ in _answers(node, texts):
        if text == CATCH_ALL:       # Moodle's "any other answer": kept, with its grade and feedback
            answers.append(Answer(text, fraction, feedback))
            continue
        if "*" in text:
            raise UnsupportedQuestion(f"the accepted answer “{text}” uses a * wildcard, which eTrainer does not "
                                      "support")
        answers.append(Answer(text, fraction, feedback))
    return {"kind": QuestionKind.SHORT_ANSWER, "answers": tuple(answers)}


def _numerical(node: _Node, texts: _Texts) -> dict[str, Any]:
    answers, other = [], ""
    for text, fraction, feedback, answer in _answers(node, texts):
        if text.strip() == "*":
            other = feedback
            continue
        try:
            value = float(text.strip().replace(",", "."))
            tolerance = abs(float((answer.value("tolerance") or "0").replace(",", ".")))
        except ValueError as error:
            raise UnsupportedQuestion(f"“{text}” is not a number") from error
        answers.append(NumericAnswer(value, tolerance, fraction, feedback))
    return {"kind": QuestionKind.NUMERICAL, "numerical": Numerical(tuple(answers), other)}


def _matching(node: _Node, texts: _Texts) -> dict[str, Any]:
    pairs, extra = [], []
    for sub in node.all("subquestion"):
        prompt = texts.convert(sub.value("text", ""), sub.attrs.get("format", "html"))
        answer = texts.convert(sub.value("answer"), "plain_text")
        if prompt:
            pairs.append(MatchPair(prompt, answer))
        elif answer:
            extra.append(answer)
    return {"kind": QuestionKind.MATCHING, "matching": Matching(tuple(pairs), tuple(extra))}


def _ordering(node: _Node, texts: _Texts) -> dict[str, Any]:
    answers = _answers(node, texts, grades=False)
    if all(f > 0 for _, f, _, _ in answers):
        answers.sort(key=lambda a: a[1])
    return {"kind": QuestionKind.ORDERING, "ordering": tuple(t for t, *_ in answers)}


def _gapselect(node: _Node, texts: _Texts) -> dict[str, Any]:
    """gapselect and ddwtos: `[[n]]` in the text is a gap whose right answer is option n; the other
    options of n's group are its choices."""
    options = [(texts.convert(o.value("text"), "plain_text"), o.value("group", "1"))
               for o in node.all("selectoption") + node.all("dragbox")]
    text = texts.get(node, "questiontext")
    gaps: list[Gap] = []

    def place(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if not 1 <= number <= len(options):
            raise UnsupportedQuestion(f"the text has [[{number}]] but there are only {len(options)} choices")
        group = options[number - 1][1]
        choices = [(i, t) for i, (t, g) in enumerate(options, 1) if g == group]
        gaps.append(Gap(GapKind.CHOICE, answers=tuple(Answer(t, 1.0 if i == number else 0.0) for i, t in choices)))
        return f"{{{{{len(gaps)}}}}}"

    text = re.sub(r"\\?\[\\?\[(\d+)\\?\]\\?\]", place, text)
    return {"kind": QuestionKind.CLOZE, "cloze": Cloze(tuple(gaps)), "text": text}


_CLOZE_MARK = re.compile(r"\{(\d*):([A-Za-z_]+):((?:\\.|[^\\}])*)\}")
_CLOZE_KINDS = {
    **dict.fromkeys(("SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC"), GapKind.SHORT_ANSWER),
    **dict.fromkeys(("NUMERICAL", "NM"), GapKind.NUMERICAL),
    **dict.fromkeys(("MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH", "MULTICHOICE_S", "MCS",
                     "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS"), GapKind.CHOICE),
}


def _multianswer(node: _Node, texts: _Texts) -> dict[str, Any]:
    """Moodle's Cloze: `{1:SHORTANSWER:=Київ#Так~%50%Kyiv}` … in the question text."""
    text = texts.get(node, "questiontext")
    gaps: list[Gap] = []

    def place(match: re.Match[str]) -> str:
        kind = _CLOZE_KINDS.get(match.group(2).upper())
        if kind is None:
            raise UnsupportedQuestion(f"the Cloze gap type {match.group(2)} is not supported")
        gaps.append(_cloze_gap(kind, match.group(3)))
        return f"{{{{{len(gaps)}}}}}"

    text = _CLOZE_MARK.sub(place, text)
    return {"kind": QuestionKind.CLOZE, "cloze": Cloze(tuple(gaps)), "text": text}


def _cloze_gap(kind: GapKind, body: str) -> Gap:
    answers, numbers = [], []
    for part in re.split(r"(?<!\\)~", body):
        part = part.strip()
        fraction = 0.0
        if part.startswith("="):
            fraction, part = 1.0, part[1:]
        elif (weight := re.match(r"^%(-?\d+(?:\.\d+)?)%", part)) is not None:
            fraction, part = round(float(weight.group(1)) / 100, 7), part[weight.end():]
        value, _, feedback = part.partition("#")
        value, feedback = _unescape(value).strip(), _unescape(feedback).strip()
        if value == "*" or not value:
            continue
        if kind is GapKind.NUMERICAL:
            number, _, tolerance = value.partition(":")
            try:
                numbers.append(NumericAnswer(float(number.replace(",", ".")),
                                             abs(float(tolerance.replace(",", ".") or 0)), fraction, feedback))
            except ValueError as error:
                raise UnsupportedQuestion(f"“{value}” in a Cloze gap is not a number") from error
        else:
            answers.append(Answer(value, fraction, feedback))
    return Gap(kind, answers=tuple(answers), numbers=tuple(numbers))


def _unescape(text: str) -> str:
    return re.sub(r"\\([~#}/\"\\])", r"\1", text)


def _essay(node: _Node, texts: _Texts) -> dict[str, Any]:
    def whole(tag: str) -> int | None:
        value = node.value(tag)
        return int(value) if value.isdigit() and int(value) > 0 else None

    try:
        points = float(node.value("defaultgrade", "10").replace(",", ".")) or None
    except ValueError:
        points = None
    template = texts.get(node, "graderinfo")
    return {"kind": QuestionKind.ESSAY,
            "essay": Essay(whole("minwordlimit"), whole("maxwordlimit"), (), template, points)}


def _description(node: _Node, texts: _Texts) -> dict[str, Any]:
    """Moodle's description: an information page in the quiz (no answer, no points)."""
    return {"kind": QuestionKind.DESCRIPTION}


_BUILDERS = {"description": _description, "essay": _essay,
             "multichoice": _multichoice, "truefalse": _truefalse, "shortanswer": _shortanswer,
             "numerical": _numerical, "matching": _matching, "ordering": _ordering, "gapselect": _gapselect,
             "ddwtos": _gapselect, "multianswer": _multianswer}


# -- HTML → markdown --------------------------------------------------------------------------------
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote", "pre"})
_SKIPPED = frozenset({"script", "style", "head", "title", "object", "iframe", "svg", "math"})
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.images = 0
        self.links: list[str] = []
        self.anchor = ""
        self.lists: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag == "br":
            self.out.append("\n")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
            self.out.append("\n\n")
        elif tag == "li":
            self.out.append("\n1. " if self.lists and self.lists[-1] == "ol" else "\n- ")
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag in ("img", "video", "audio", "embed", "source", "a"):
            self._media(tag, dict(attrs))

    def _media(self, tag: str, attrs: dict[str, str | None]) -> None:
        """A picture or a sound: kept as a markdown link when it has a web address or a file name beside the
        bank; a file embedded in the XML (@@PLUGINFILE@@) is counted, for the report."""
        source = (attrs.get("href") if tag == "a" else attrs.get("src")) or ""
        if tag == "a" and not source.lower().split("?")[0].endswith(MEDIA_SUFFIXES):
            return
        if not source or "@@PLUGINFILE@@" in source or source.startswith("data:"):
            if tag != "a" and tag != "source":
                self.images += 1
            return
        name = source.rstrip("/").rsplit("/", 1)[-1] or source
        label = attrs.get("alt") or name
        self.links.append(source)
        if tag == "a":
            self.anchor = source
            self.out.append("[")
        else:
            self.out.append(f" [{label}]({source}) ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.anchor:
            self.out.append(f"]({self.anchor})")
            self.anchor = ""
        elif tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(_TAG_LIKE.sub("&lt;", re.sub(r"[ \t\r\n\f]+", " ", data)))

    def result(self) -> str:
        text = "".join(self.out).replace("\u00a0", " ")
        text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_markdown(html: str) -> str:
    """Plain markdown text from a Moodle HTML fragment (tags stripped, entities decoded, pictures dropped)."""
    converter = _HtmlText()
    converter.feed(html)
    converter.close()
    return converter.result()
