"""The course pack's consultation catalog: `consultations.yaml` beside `course.yaml` (docs/authoring.md).

    services:                      # what visitors ask for; `інше` belongs in the list too
      - id: criminal-record        # stable id, used in the log and on the command line
        title: "Дія: витяг про несудимість"
        module: diia               # the module that teaches it (for the desk-vs-training view)
        lesson: criminal-record-extract-diia      # optional: the lesson that covers it
        walkthrough: criminal-record              # optional: the walkthrough that practises it
    channels:   [{id: in-person, title: Особисто в бібліотеці}, …]
    age_bands:  [{id: 60-plus, title: 60+}, …]
    reasons:    [{id: no-kep, title: Немає КЕП чи Дія.Підпису}, …]   # why «частково», «направлено», «не вдалося»

`load_catalog(root)` reads it, collecting `Problem(file, line, message)` items; `check_catalog(course)`
also checks that modules, lessons and walkthroughs named exist in the course. A pack without the file
has no consultation log (None).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etrainer.core.course.context import PackContext
from etrainer.core.course.lessons import read_text
from etrainer.core.errors import Problem
from etrainer.core.ids import is_valid_id
from etrainer.core.yamlfile import LineDict, LineList, YamlError, load_yaml

CATALOG_FILE = "consultations.yaml"
MAX_CATALOG_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Choice:
    """A channel, an age band or a reason: an id and its Ukrainian title from the pack."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Service:
    id: str
    title: str
    module: str | None
    lesson: str | None = None
    walkthrough: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class ConsultationCatalog:
    services: tuple[Service, ...]
    channels: tuple[Choice, ...]
    age_bands: tuple[Choice, ...]
    reasons: tuple[Choice, ...]
    path: Path | None = None

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def title_of(self, service_id: str) -> str:
        service = self.service(service_id)
        return service.title if service is not None else service_id

    def has(self, kind: str, item_id: str) -> bool:
        """Whether `item_id` is a known id of `kind`: "services", "channels", "age_bands" or "reasons"."""
        items: tuple[Any, ...] = getattr(self, kind)
        return any(item.id == item_id for item in items)


def load_catalog(root: Path) -> tuple[ConsultationCatalog | None, list[Problem]]:
    """The catalog of the pack at `root` (None when the pack has none), and the problems found."""
    path = root / CATALOG_FILE
    if not path.is_file():
        return None, []
    ctx = PackContext(root=root)
    text = read_text(path, ctx, limit=MAX_CATALOG_BYTES)  # as a lesson: not UTF-8 is a line and a sentence
    if text is None:
        return None, ctx.problems
    try:
        data = load_yaml(text)
    except YamlError as error:
        ctx.problem(path, error.line, error.message)
        return None, ctx.problems
    if not isinstance(data, LineDict):
        ctx.problem(path, 1, f"{CATALOG_FILE} must be a set of `key: value` lines")
        return None, ctx.problems
    catalog = ConsultationCatalog(
        services=tuple(_services(data, path, ctx)),
        channels=tuple(_choices(data, "channels", path, ctx)),
        age_bands=tuple(_choices(data, "age_bands", path, ctx)),
        reasons=tuple(_choices(data, "reasons", path, ctx)), path=path)
    if not catalog.services:
        ctx.problem(path, data.line_of("services"), "no services: list what visitors ask for under `services:`")
    return catalog, ctx.problems


def check_catalog(course: Any) -> list[Problem]:
    """Problems of the course's catalog, including modules, lessons and walkthroughs the course lacks."""
    catalog, problems = load_catalog(course.root)
    if catalog is None or catalog.path is None:
        return problems
    ctx = PackContext(root=course.root)
    modules = {m.id for m in course.modules}
    lessons = {lesson.id for lesson in course.lessons()}
    scenarios = {s.id for s in course.scenarios}
    for service in catalog.services:
        for value, known, what in ((service.module, modules, "module"), (service.lesson, lessons, "lesson"),
                                   (service.walkthrough, scenarios, "walkthrough")):
            if value is not None and value not in known:
                ctx.problem(catalog.path, service.line, f"service “{service.id}”: no {what} “{value}” in the course")
    return [*problems, *ctx.problems]


def _entries(data: LineDict, key: str, path: Path, ctx: PackContext) -> Iterable[tuple[LineDict, int]]:
    items = data.get(key)
    if items is None:
        if key != "services":
            ctx.problem(path, data.line, f"no `{key}:` list", warning=True)
        return
    if not isinstance(items, LineList):
        ctx.problem(path, data.line_of(key), f"`{key}:` must be a list")
        return
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        line = items.line_of(index)
        if not isinstance(item, LineDict):
            ctx.problem(path, line, f"each item of `{key}:` needs `id:` and `title:`")
            continue
        item_id, title = item.get("id"), item.get("title")
        if not is_valid_id(item_id):
            ctx.problem(path, line, f"missing or bad id “{item_id or ''}” in `{key}:`")
            continue
        if item_id in seen:
            ctx.problem(path, line, f"duplicate id “{item_id}” in `{key}:` (first at line {seen[item_id]})")
            continue
        if not isinstance(title, str) or not title.strip():
            ctx.problem(path, line, f"“{item_id}” has no title")
            continue
        seen[item_id] = line
        yield item, line


def _choices(data: LineDict, key: str, path: Path, ctx: PackContext) -> list[Choice]:
    return [Choice(item["id"], item["title"].strip()) for item, _ in _entries(data, key, path, ctx)]


def _services(data: LineDict, path: Path, ctx: PackContext) -> list[Service]:
    services = []
    for item, line in _entries(data, "services", path, ctx):
        links: dict[str, str | None] = {}
        for key in ("module", "lesson", "walkthrough"):
            value = item.get(key)
            if value is not None and not is_valid_id(value):
                ctx.problem(path, item.line_of(key), f"service “{item['id']}”: bad {key} id “{value}”")
                value = None
            links[key] = value
        if links["module"] is None and item["id"] != "other":
            ctx.problem(path, line, f"service “{item['id']}” names no `module:` that teaches it", warning=True)
        services.append(Service(item["id"], item["title"].strip(), links["module"], links["lesson"],
                                links["walkthrough"], line))
    return services
