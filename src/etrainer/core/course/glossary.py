"""The glossary file: `terms:` with id, term, definition, aliases, english, source."""

from __future__ import annotations

from pathlib import Path

from etrainer.core.course.context import PackContext, is_file
from etrainer.core.course.lessons import read_text
from etrainer.core.course.model import GlossaryTerm
from etrainer.core.ids import TermId, is_valid_id
from etrainer.core.yamlfile import LineDict, YamlError, load_yaml


def load_glossary(path: Path, ctx: PackContext) -> list[GlossaryTerm]:
    if not is_file(path):
        ctx.problem(path, 0, "the glossary file is missing")
        return []
    text = read_text(path, ctx)
    if text is None:
        return []
    try:
        data = load_yaml(text)
    except YamlError as error:
        ctx.problem(path, error.line, error.message)
        return []
    if not isinstance(data, LineDict) or not isinstance(data.get("terms"), list):
        ctx.problem(path, 1, "the glossary must have a `terms:` list")
        return []
    terms: list[GlossaryTerm] = []
    spellings: dict[str, str] = {}
    for index, item in enumerate(data["terms"]):
        line = data["terms"].line_of(index)
        if not isinstance(item, LineDict):
            ctx.problem(path, line, "each term must be a set of `key: value` lines")
            continue
        term_id, term, definition = item.get("id"), item.get("term"), item.get("definition")
        if not is_valid_id(term_id):
            ctx.problem(path, item.line_of("id"), f"missing or bad term id “{term_id or ''}”")
            continue
        if not isinstance(term, str) or not term.strip() or not isinstance(definition, str) or not definition.strip():
            ctx.problem(path, line, f"term “{term_id}” needs both a term and a definition")
            continue
        if not ctx.claim_id("term", term_id, path, item.line_of("id")):
            continue
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list):
            ctx.problem(path, item.line_of("aliases"), "aliases must be a list")
            aliases = []
        for spelling in [term, *map(str, aliases)]:
            folded = spelling.strip().casefold()
            if folded in spellings and spellings[folded] != term_id:
                ctx.problem(path, line, f"“{spelling}” names two terms: {spellings[folded]} and {term_id}",
                            warning=True)
            spellings.setdefault(folded, term_id)
        ctx.term_ids.add(term_id)
        terms.append(GlossaryTerm(TermId(term_id), term.strip(), " ".join(definition.split()),
                                  tuple(str(a).strip() for a in aliases), str(item.get("english") or ""),
                                  str(item.get("source") or "")))
    return terms
