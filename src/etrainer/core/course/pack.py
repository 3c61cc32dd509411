"""Load a course pack folder into a Course, collecting every problem instead of failing.

A pack is a folder with `course.yaml` (see docs/authoring.md). Whatever is valid loads; each
problem is a `Problem(file, line, message)`. Only a missing `course.yaml` is fatal.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etrainer.core.course.context import PackContext, is_dir
from etrainer.core.course.glossary import load_glossary
from etrainer.core.course.lessons import load_lesson, read_text
from etrainer.core.course.load_result import MANIFEST, LoadResult
from etrainer.core.course.model import COURSE_FORMAT, COURSE_FORMAT_VERSION, Course, GlossaryTerm, Memo, Module
from etrainer.core.course.references import check_references
from etrainer.core.errors import CoursePackNotFound
from etrainer.core.ids import CourseId, ModuleId, is_valid_id
from etrainer.core.yamlfile import LineDict, YamlError, load_yaml

__all__ = ["MANIFEST", "LoadResult", "load_pack"]
MODULE_FILE = "module.yaml"
MEMO_FILE = "memo.md"
QUIZ_SUFFIX = ".quiz.yaml"
SCENARIO_SUFFIX = ".scenario.yaml"


def load_pack(root: Path) -> LoadResult:
    """Read the pack at `root`. Raises CoursePackNotFound when there is no course.yaml."""
    root = root.resolve()
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        raise CoursePackNotFound(path=str(root))
    ctx = PackContext(root=root)
    manifest = _read_manifest(manifest_path, ctx)
    course_id = manifest.get("id")
    if not is_valid_id(course_id):
        ctx.problem(manifest_path, manifest.line_of("id"), f"missing or bad course id “{course_id or ''}”")
        course_id = "unnamed-course"
    title = manifest.get("title") if isinstance(manifest.get("title"), str) else ""
    if not title:
        ctx.problem(manifest_path, manifest.line_of("title"), "missing course title")
        title = root.name

    modules = [m for m in (_load_module(root / name, line, ctx) for name, line in _module_folders(manifest, ctx))
               if m is not None]
    glossary_name = manifest.get("glossary", "glossary.yaml")
    glossary: list[GlossaryTerm] = []
    if isinstance(glossary_name, str) and glossary_name:
        glossary = load_glossary(root / glossary_name, ctx)
    draft = Course(id=CourseId(course_id), title=title, version=str(manifest.get("course_version", "")), root=root,
                   modules=tuple(modules), glossary=tuple(glossary), language=str(manifest.get("language", "uk")),
                   description=str(manifest.get("description", "") or ""),
                   sources_as_of=str(manifest.get("sources_as_of", "") or ""))
    _check_lesson_references(draft, ctx)
    tags = _tag_titles(manifest, draft, ctx)
    quizzes = _load_extras(root, modules, QUIZ_SUFFIX, "etrainer.core.quiz.loading", "load_quiz_file", ctx)
    scenarios = _load_extras(root, modules, SCENARIO_SUFFIX, "etrainer.core.walkthrough.loading",
                             "load_scenario_file", ctx)
    course = Course(id=draft.id, title=draft.title, version=draft.version, root=root, modules=draft.modules,
                    glossary=draft.glossary, language=draft.language, description=draft.description,
                    sources_as_of=draft.sources_as_of, quizzes=tuple(quizzes), scenarios=tuple(scenarios),
                    memo=_load_memo(root / MEMO_FILE, None, ctx), tags=tags)
    _resolve_cross_references(course, ctx)
    return LoadResult(course, tuple(ctx.problems))


def _tag_titles(manifest: LineDict, course: Course, ctx: PackContext) -> dict[str, str]:
    """`tags:` in course.yaml: lesson tag → its title (optional). When the map is there, every tag the
    lessons use should have a title (a warning names each one missing)."""
    listed = manifest.get("tags")
    path = ctx.root / MANIFEST
    if listed is None:
        return {}
    if not isinstance(listed, LineDict):
        ctx.problem(path, manifest.line_of("tags"), "`tags:` must map each lesson tag to its title "
                                                    "(`world-cafe: «Світове кафе»`)")
        return {}
    titles: dict[str, str] = {}
    for tag, title in listed.items():
        if not isinstance(title, str) or not title.strip():
            ctx.problem(path, listed.line_of(tag), f"the tag “{tag}” needs a title")
            continue
        titles[str(tag)] = title.strip()
    used = {tag for lesson in course.lessons() for tag in lesson.tags}
    for tag in sorted(used - set(titles)):
        ctx.problem(path, manifest.line_of("tags"), f"the tag “{tag}” has no title under `tags:`", warning=True)
    for tag in sorted(set(titles) - used):
        ctx.problem(path, listed.line_of(tag), f"no lesson has the tag “{tag}”", warning=True)
    return titles


def _read_manifest(path: Path, ctx: PackContext) -> LineDict:
    empty = LineDict()
    empty.line, empty.key_lines = 1, {}
    text = read_text(path, ctx)
    if text is None:
        return empty
    try:
        data = load_yaml(text)
    except YamlError as error:
        ctx.problem(path, error.line, error.message)
        return empty
    if not isinstance(data, LineDict):
        ctx.problem(path, 1, "course.yaml must be a set of `key: value` lines")
        return empty
    if data.get("format") != COURSE_FORMAT:
        ctx.problem(path, data.line_of("format"), f"`format: {COURSE_FORMAT}` is missing", warning=True)
    version = data.get("version", COURSE_FORMAT_VERSION)
    if not isinstance(version, int) or version > COURSE_FORMAT_VERSION:
        ctx.problem(path, data.line_of("version"), f"this pack uses format version {version}; this eTrainer reads "
                                                   f"version {COURSE_FORMAT_VERSION}: update eTrainer")
    return data


def _module_folders(manifest: LineDict, ctx: PackContext) -> list[tuple[str, int]]:
    listed = manifest.get("modules")
    path = ctx.root / MANIFEST
    if isinstance(listed, list) and listed:
        folders = []
        for index, name in enumerate(listed):
            line = listed.line_of(index)
            if not isinstance(name, str) or "/" in name or "\\" in name or name.startswith("."):
                ctx.problem(path, line, f"“{name}” is not a module folder name")
            elif not is_dir(ctx.root / name):
                ctx.problem(path, line, f"module folder “{name}” does not exist")
            else:
                folders.append((name, line))
        return folders
    ctx.problem(path, manifest.line_of("modules"), "no `modules:` list; modules are taken in folder-name order",
                warning=True)
    return [(p.name, 0) for p in sorted(ctx.root.iterdir()) if (p / MODULE_FILE).is_file()]


def _load_module(folder: Path, line: int, ctx: PackContext) -> Module | None:
    meta_path = folder / MODULE_FILE
    if not meta_path.is_file():
        ctx.problem(ctx.root / MANIFEST, line, f"module folder “{folder.name}” has no {MODULE_FILE}")
        return None
    text = read_text(meta_path, ctx)
    if text is None:
        return None
    try:
        meta = load_yaml(text)
    except YamlError as error:
        ctx.problem(meta_path, error.line, error.message)
        return None
    if not isinstance(meta, LineDict):
        ctx.problem(meta_path, 1, "module.yaml must be a set of `key: value` lines")
        return None
    module_id = meta.get("id")
    if not is_valid_id(module_id):
        ctx.problem(meta_path, meta.line_of("id"), f"missing or bad module id “{module_id or ''}”")
        return None
    if not ctx.claim_id("module", module_id, meta_path, meta.line_of("id")):
        return None
    ctx.module_ids.add(module_id)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        ctx.problem(meta_path, meta.line_of("title"), "missing module title")
        title = folder.name
    lesson_files = sorted(p for p in folder.glob("*.md") if p.name != MEMO_FILE)
    if not lesson_files:
        ctx.problem(meta_path, 1, "the module has no lessons (*.md files)", warning=True)
    lessons = [lesson for lesson in (load_lesson(p, ModuleId(module_id), ctx) for p in lesson_files) if lesson]
    objectives = meta.get("objectives") or []
    return Module(id=ModuleId(module_id), title=title.strip(), path=folder, lessons=tuple(lessons),
                  description=str(meta.get("description", "") or "").strip(),
                  objectives=tuple(str(o) for o in objectives) if isinstance(objectives, list) else (),
                  memo=_load_memo(folder / MEMO_FILE, ModuleId(module_id), ctx))


def _load_memo(path: Path, module_id: ModuleId | None, ctx: PackContext) -> Memo | None:
    if not path.is_file():
        return None
    text = read_text(path, ctx)
    if text is None:
        return None
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("# "):
        ctx.problem(path, 1, "a memo starts with its title as a `# ` heading", warning=True)
    return Memo(module_id=module_id, title=first[2:].strip() if first.startswith("# ") else path.stem,
                path=path, body=text)


def _check_lesson_references(course: Course, ctx: PackContext) -> None:
    by_path = {lesson.path.resolve(): lesson.id for lesson in course.lessons()}
    lesson_ids = set(by_path.values())
    for lesson in course.lessons():
        for line, message in check_references(lesson.body, lesson.body_line, lesson.path, ctx.root,
                                              term_exists=lambda key: course.term(key) is not None,
                                              lesson_by_path=by_path, lesson_ids=lesson_ids):
            ctx.problem(lesson.path, line, message)


def _load_extras(root: Path, modules: list[Module], suffix: str, module_name: str, function: str,
                 ctx: PackContext) -> list[Any]:
    """Quiz banks and scenarios: files ending in `suffix` at the root, in modules, and in their subfolders."""
    files = sorted(root.glob(f"*{suffix}")) + sorted(p for p in root.rglob(f"*{suffix}") if p.parent != root)
    if not files:
        return []
    try:
        loader: Callable[[Path, PackContext], Any] = getattr(importlib.import_module(module_name), function)
    except (ImportError, AttributeError):
        for path in files:
            ctx.problem(path, 0, "this eTrainer cannot read this kind of file yet (ignored)", warning=True)
        return []
    items = []
    for path in files:
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        item = loader(path, ctx)
        if item is not None:
            items.append(item)
    return items


def _resolve_cross_references(course: Course, ctx: PackContext) -> None:
    """Hook for checks that need the whole course (quizzes drawing from other quizzes, and so on)."""
    try:
        quizzes = importlib.import_module("etrainer.core.quiz.loading")
    except ImportError:
        return
    check = getattr(quizzes, "check_course_quizzes", None)
    if check is not None:
        check(course, ctx)
