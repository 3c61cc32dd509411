"""The trainer's printable kit: forms and handouts a methodist edits as plain files in the course pack.

`kit/kit.yaml` in the pack lists the documents in print order (format in docs/authoring.md, "Printable
kit"):

    title: Друкований комплект тренера
    documents:
      - id: consultation-log          # stable id: `etrainer memo --kit-doc consultation-log`
        title: Журнал консультацій
        file: consultation-log.md     # markdown beside kit.yaml; tables with empty cells are blanks
        orientation: portrait         # or landscape (default portrait)
      - id: lecture-slides
        title: Слайди вступної лекції
        slides: admin-services        # the module whose lessons become the slides
        per_page: 1                   # slides per A4 page: 1 (landscape) or 2 (portrait)

The kit is optional. Whatever is wrong (a missing file, a duplicate id, an unknown module) is a
`Problem(file, line, message)`, as for the rest of the pack; documents that are valid still load.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from etrainer.core.course.context import PackContext
from etrainer.core.course.lessons import read_text
from etrainer.core.errors import EtrainerError, Problem
from etrainer.core.ids import is_valid_id
from etrainer.core.yamlfile import MAX_YAML_BYTES, LineDict, LineList, YamlError, load_yaml
from etrainer.i18n import QT_TRANSLATE_NOOP

KIT_FOLDER = "kit"
KIT_FILE = "kit.yaml"
SLIDES_PER_PAGE = (1, 2)


class Orientation(Enum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True, slots=True)
class KitDocument:
    id: str
    title: str
    line: int
    """The line of the document's entry in kit.yaml."""
    path: Path | None = None
    """The markdown file (None for a slide deck)."""
    body: str = ""
    orientation: Orientation = Orientation.PORTRAIT
    slides_module: str | None = None
    """For a slide deck: the module whose lessons become the slides."""
    per_page: int = 1

    @property
    def is_slides(self) -> bool:
        return self.slides_module is not None


@dataclass(frozen=True, slots=True)
class Kit:
    title: str
    path: Path
    documents: tuple[KitDocument, ...]

    def document(self, document_id: str) -> KitDocument | None:
        return next((d for d in self.documents if d.id == document_id), None)


class NoKit(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The course has no printable kit (kit/kit.yaml in the course folder).")


class UnknownKitDocument(EtrainerError):
    text = QT_TRANSLATE_NOOP("Errors", "The printable kit has no document “{document}”. Document ids: {known}.")


def kit_path(root: Path) -> Path:
    return root / KIT_FOLDER / KIT_FILE


def load_kit(root: Path, module_ids: Iterable[str]) -> tuple[Kit | None, list[Problem]]:
    """The kit of the pack at `root` (None when it has no kit.yaml or it cannot be read) and its problems.

    `module_ids` are the course's modules (a slide deck names one of them).
    """
    ctx = PackContext(root=root)
    path = kit_path(root)
    if not path.is_file():
        return None, []
    text = read_text(path, ctx, limit=MAX_YAML_BYTES)
    if text is None:
        return None, ctx.problems
    try:
        data = load_yaml(text)
    except YamlError as error:
        ctx.problem(path, error.line, error.message)
        return None, ctx.problems
    if not isinstance(data, LineDict):
        ctx.problem(path, 1, "kit.yaml must be a set of `key: value` lines (title, documents)")
        return None, ctx.problems
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        ctx.problem(path, data.line_of("title"), "missing kit title")
        title = "Друкований комплект"
    listed = data.get("documents")
    if not isinstance(listed, LineList) or not listed:
        ctx.problem(path, data.line_of("documents"), "no `documents:` list")
        return Kit(title.strip(), path, ()), ctx.problems
    known_modules = set(module_ids)
    documents: list[KitDocument] = []
    for index, entry in enumerate(listed):
        document = _document(entry, listed.line_of(index), path, known_modules, ctx)
        if document is not None and ctx.claim_id("kit document", document.id, path, document.line):
            documents.append(document)
    return Kit(title.strip(), path, tuple(documents)), ctx.problems


def _document(entry: object, line: int, path: Path, modules: set[str], ctx: PackContext) -> KitDocument | None:
    if not isinstance(entry, LineDict):
        ctx.problem(path, line, "a kit document is a set of `key: value` lines (id, title, file or slides)")
        return None
    document_id, title = entry.get("id"), entry.get("title")
    if not is_valid_id(document_id):
        ctx.problem(path, entry.line_of("id"), f"missing or bad kit document id “{document_id or ''}”")
        return None
    if not isinstance(title, str) or not title.strip():
        ctx.problem(path, entry.line_of("title"), f"kit document “{document_id}” has no title")
        return None
    orientation_name = entry.get("orientation", Orientation.PORTRAIT.value)
    try:
        orientation = Orientation(orientation_name)
    except ValueError:
        ctx.problem(path, entry.line_of("orientation"),
                    f"kit document “{document_id}”: orientation is portrait or landscape, not “{orientation_name}”")
        orientation = Orientation.PORTRAIT
    file_name, module = entry.get("file"), entry.get("slides")
    if (file_name is None) == (module is None):
        ctx.problem(path, entry.line, f"kit document “{document_id}” needs either `file:` (a markdown file) "
                                      "or `slides:` (a module id), not both")
        return None
    if module is not None:
        return _slides(entry, document_id, title.strip(), str(module), path, modules, ctx)
    if not isinstance(file_name, str) or "/" in file_name or "\\" in file_name or not file_name.endswith(".md") \
            or file_name.startswith("."):
        ctx.problem(path, entry.line_of("file"),
                    f"kit document “{document_id}”: “{file_name}” is not a markdown file name beside kit.yaml")
        return None
    source = path.parent / file_name
    if not source.is_file():
        ctx.problem(path, entry.line_of("file"), f"kit document “{document_id}”: the file “{file_name}” "
                                                 f"does not exist in {KIT_FOLDER}/")
        return None
    body = read_text(source, ctx)  # the limit of a lesson: a document is printed as a lesson is rendered
    if body is None:
        return None
    if not body.strip():
        ctx.problem(source, 1, f"kit document “{document_id}” is empty")
        return None
    return KitDocument(id=document_id, title=title.strip(), line=entry.line, path=source, body=body,
                       orientation=orientation)


def _slides(entry: LineDict, document_id: str, title: str, module: str, path: Path, modules: set[str],
            ctx: PackContext) -> KitDocument | None:
    if module not in modules:
        ctx.problem(path, entry.line_of("slides"), f"kit document “{document_id}”: the course has no module "
                                                   f"“{module}” (modules: {', '.join(sorted(modules)) or '—'})")
        return None
    per_page = entry.get("per_page", 1)
    if per_page not in SLIDES_PER_PAGE:
        ctx.problem(path, entry.line_of("per_page"), f"kit document “{document_id}”: per_page is 1 or 2, "
                                                     f"not “{per_page}”")
        per_page = 1
    orientation = Orientation.LANDSCAPE if per_page == 1 else Orientation.PORTRAIT
    return KitDocument(id=document_id, title=title, line=entry.line, orientation=orientation,
                       slides_module=module, per_page=per_page)
