"""YAML reading that remembers where each value came from, for `file:line` messages.

`load_yaml(text)` returns plain Python values, except that mappings are `LineDict`s and
sequences are `LineList`s, which know the 1-based line of each key or item. Only YAML's safe
types are built (no Python objects), and input is bounded before anything is built: documents
above `MAX_YAML_BYTES`, anchors and aliases (`&name`, `*name` — the "billion laughs" bomb),
explicit tags other than the plain core ones, and nesting deeper than `MAX_YAML_DEPTH` are
refused while the parser's events are composed, with the line where they occur.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError
from yaml.error import Mark, MarkedYAMLError
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.reader import ReaderError

MAX_YAML_BYTES = 2 * 1024 * 1024
"""The largest YAML file read (the bundled course's largest, glossary.yaml, is about 41 KB)."""
MAX_YAML_DEPTH = 50
"""Most mappings and lists nested in one another (the bundled course needs 7)."""
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq"))
ALIASES_REFUSED = ("YAML anchors and aliases (&name, *name) are not allowed in course files: "
                   "write the value out in full")


class LineDict(dict[str, Any]):
    """A dict that also knows its own line and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A list that also knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


@dataclass(frozen=True, slots=True)
class YamlError(Exception):
    """The YAML text could not be parsed; `line` is 1-based."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}: {self.message}"


# libyaml's parser when available (about ten times faster); the line-keeping constructor is the same.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(MarkedYAMLError):
    """Input the loader will not build, reported without the "bad YAML" prefix."""

    def __init__(self, message: str, mark: Mark) -> None:
        super().__init__(problem=message, problem_mark=mark)


class _BoundedComposer(Composer):
    """Composes nodes from parser events, refusing aliases, anchors, odd tags and deep nesting
    before any node is built — so nothing is ever expanded and then measured."""

    _depth: int = 0

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor is not None):
            raise _Refused(ALIASES_REFUSED, event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _PLAIN_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(f"the YAML tag “{shown}” is not allowed in course files", event.start_mark)
        if not isinstance(event, CollectionStartEvent):
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        if self._depth >= MAX_YAML_DEPTH:
            raise _Refused(f"lists and sections are nested more than {MAX_YAML_DEPTH} levels deep", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


class _LineLoader(_BoundedComposer, _BaseLoader):  # type: ignore[misc, valid-type]
    def __init__(self, stream: str) -> None:
        _BaseLoader.__init__(self, stream)
        Composer.__init__(self)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping", node.start_mark)
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) or key is None:
                raise ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            key = str(key)
            if key in result:
                raise ConstructorError(None, None, f"the key “{key}” appears twice", key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LineList:  # type: ignore[override]
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


def _mapping(loader: _LineLoader, node: Node) -> LineDict:
    return loader.construct_mapping(node)  # type: ignore[arg-type]


def _sequence(loader: _LineLoader, node: Node) -> LineList:
    return loader.construct_sequence(node)  # type: ignore[arg-type]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
# Dates stay text: course files are edited by hand and "2024-05-01" should not change type.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document. Raises YamlError with a 1-based line (offset by `first_line - 1`)."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise YamlError(first_line, f"the file is larger than {MAX_YAML_BYTES // 1024 // 1024} MB")
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        last_line = first_line + text.rstrip("\n").count("\n")  # an error at the end points at the last line
        line = min((mark.line + 1 if mark else 1) + first_line - 1, last_line)
        message = error.problem if isinstance(error, _Refused) else f"bad YAML: {error.problem or error.context}"
        raise YamlError(line, str(message)) from error
    except ReaderError as error:  # a control character or NUL: its own line, in one line of words
        # libyaml (CSafeLoader) counts the position in UTF-8 bytes, PyYAML's own reader in characters
        before = text.encode("utf-8", "surrogatepass")[:error.position] if _BaseLoader is not yaml.SafeLoader \
            else text[:error.position]
        line = before.count(b"\n" if isinstance(before, bytes) else "\n") + first_line
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise YamlError(line, f"bad YAML: the character {character} is not allowed (a control character); "
                              "remove it") from error
    except yaml.YAMLError as error:
        raise YamlError(first_line, f"bad YAML: {error}") from error
    except RecursionError as error:
        raise YamlError(first_line, "bad YAML: nested too deeply") from error
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _shift_lines(value: Any, offset: int) -> None:
    if isinstance(value, LineDict):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, LineList):
        value.line += offset
        value.item_lines = [v + offset for v in value.item_lines]
        for item in value:
            _shift_lines(item, offset)


def line_of(container: object, key: str | int, default: int = 0) -> int:
    """The line of `key` in a LineDict/LineList, `default` for anything else."""
    if isinstance(container, LineDict) and isinstance(key, str):
        return container.line_of(key)
    if isinstance(container, LineList) and isinstance(key, int):
        return container.line_of(key)
    return getattr(container, "line", default) or default
