"""Reading composed YAML nodes with line numbers, collecting problems.

The template loader walks ``yaml.compose`` nodes rather than loaded Python
objects, so that every problem names its line and scalars keep the text the
editor wrote. Problems are collected, never raised, so one run lists them all.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from app.errors import InputProblem, Message

Node = yaml.Node
LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NodeReader:
    """Walks composed YAML nodes, collecting problems instead of raising."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.problems: list[InputProblem] = []
        # (kind, id) -> line of each id as first seen, to report duplicates.
        self.id_lines: dict[tuple[str, str], int] = {}

    def problem(self, node: Node | None, message: str, item: str | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(InputProblem(self.filename, message, line=line, item=item))

    def mapping(
        self, node: Node, what: str, allowed: tuple[str, ...], item: str | None = None
    ) -> dict[str, Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, Message("{what} ska vara en samling fält (nyckel: värde).", what=what), item)
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, Message(
                    "{what}: ett fältnamn måste vara en enkel text.", what=what), item)
                continue
            key = key_node.value
            if key in result:
                self.problem(key_node, Message(
                    "{what}: fältet '{key}' står två gånger.", what=what, key=key), item)
                continue
            if key not in allowed:
                known = ", ".join(allowed)
                self.problem(key_node, Message(
                    "{what}: okänt fält '{key}' (tillåtna: {known}).", what=what, key=key, known=known), item)
                continue
            result[key] = value_node
        return result

    def text(
        self, fields: dict[str, Node], key: str, what: str, parent: Node,
        item: str | None = None, required: bool = True,
    ) -> str:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            if required:
                self.problem(node or parent, Message(
                    "{what}: fältet '{key}' saknas.", what=what, key=key), item)
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, Message("{what}: fältet '{key}' ska vara en text.", what=what, key=key), item)
            return ""
        value = " ".join(str(node.value).split()) if "\n" not in node.value else node.value
        value = value.strip()
        if required and not value:
            self.problem(node, Message("{what}: fältet '{key}' är tomt.", what=what, key=key), item)
        return value

    def sequence(
        self, fields: dict[str, Node], key: str, what: str, parent: Node,
        item: str | None = None, required: bool = True,
    ) -> list[Node]:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            if required:
                self.problem(node or parent, Message(
                    "{what}: fältet '{key}' saknas.", what=what, key=key), item)
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, Message("{what}: fältet '{key}' ska vara en lista.", what=what, key=key), item)
            return []
        return list(node.value)

    def text_list(
        self, fields: dict[str, Node], key: str, what: str, parent: Node,
        item: str | None = None, required: bool = True,
    ) -> list[tuple[str, Node]]:
        out: list[tuple[str, Node]] = []
        for node in self.sequence(fields, key, what, parent, item, required):
            if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
                self.problem(node, Message(
                    "{what}: varje rad i '{key}' ska vara en icke-tom text.", what=what, key=key), item)
                continue
            out.append((" ".join(node.value.split()), node))
        return out


# A template is at most about six levels deep. libyaml's C composer recurses
# without a limit (a deeply nested file crashes the process) and its scanner
# is quadratic in unclosed flow brackets. So brackets are counted first with a
# regex, and nodes are built here from libyaml's event stream without
# recursion, stopping past MAX_DEPTH. Building them here also skips PyYAML's
# Python tag resolver, the slowest step: only "is this scalar null?" matters,
# since every value is read as the text the editor wrote.
MAX_DEPTH = 40
_BRACKETS = re.compile(r"[\[\]{}]")
STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"


class _TooDeep(Exception):
    pass


class _Unsupported(Exception):
    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _brackets_too_deep(text: str) -> bool:
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_DEPTH:
            return True
    return False


_NULL_VALUES = frozenset(("", "~", "null", "Null", "NULL"))


def _build(text: str) -> Node | None:
    """Nodes from events, iteratively; like yaml.compose for one document.
    (A hot loop: events are pulled from the C parser directly, and attaching
    a child is inlined.)"""
    stack: list[list[Any]] = []  # [container node, pending mapping key or None]
    anchors: dict[str, Node] = {}
    root: Node | None = None
    documents = 0
    scalar_event, scalar_node = yaml.ScalarEvent, yaml.ScalarNode
    seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    seq_end, map_end = yaml.SequenceEndEvent, yaml.MappingEndEvent
    seq_node = yaml.SequenceNode
    loader = LOADER(text)
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            kind = type(event)
            if kind is scalar_event:
                tag = event.tag
                if not tag or tag == "!":
                    tag = NULL_TAG if event.implicit[0] and event.value in _NULL_VALUES else STR_TAG
                node: Node = scalar_node(tag, event.value, event.start_mark, event.end_mark,
                                         style=event.style)
            elif kind is seq_end or kind is map_end:
                stack.pop()[0].end_mark = event.end_mark
                continue
            elif kind is seq_start or kind is map_start:
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep
                if kind is seq_start:
                    node = seq_node(event.tag or SEQ_TAG, [], event.start_mark, None,
                                    flow_style=event.flow_style)
                else:
                    node = yaml.MappingNode(event.tag or MAP_TAG, [], event.start_mark, None,
                                            flow_style=event.flow_style)
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise _Unsupported("hänvisning (*namn) till något som inte finns",
                                       event.start_mark)
                node = anchors[event.anchor]
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unsupported("filen innehåller mer än ett dokument (---)",
                                       event.start_mark)
                continue
            else:  # stream start/end, document end
                continue
            if kind is not yaml.AliasEvent and event.anchor is not None:
                anchors[event.anchor] = node
            if not stack:
                root = node
            else:
                top = stack[-1]
                if type(top[0]) is seq_node:
                    top[0].value.append(node)
                elif top[1] is None:
                    top[1] = node
                else:
                    top[0].value.append((top[1], node))
                    top[1] = None
            if kind is seq_start or kind is map_start:
                stack.append([node, None])
    finally:
        loader.dispose()
    return root


def compose(text: str, reader: NodeReader) -> Node | None:
    """The single YAML document in ``text`` as nodes, or None with the
    problem (line and column where YAML gives them) recorded on ``reader``."""
    too_deep = f"Filen är för djupt nästlad (över {MAX_DEPTH} nivåer)."
    try:
        if _brackets_too_deep(text):
            reader.problems.append(InputProblem(reader.filename, too_deep))
            return None
        return _build(text)
    except _TooDeep:
        reader.problems.append(InputProblem(reader.filename, too_deep))
    except _Unsupported as error:
        mark = error.mark
        line = mark.line + 1 if mark is not None else None
        column = str(mark.column + 1) if mark is not None else None
        reader.problems.append(InputProblem(
            reader.filename, Message(
                "YAML-filen kan inte läsas ({message}).", message=error.message), line, column))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = plain_words(error.problem or error.context or "okänt fel")
        line = mark.line + 1 if mark is not None else None
        column = str(mark.column + 1) if mark is not None else None
        reader.problems.append(
            InputProblem(reader.filename, Message(
                "YAML-filen kan inte läsas ({what}).", what=what), line, column)
        )
    except yaml.YAMLError as error:
        what = plain_words(str(error))
        reader.problems.append(InputProblem(reader.filename, Message(
            "YAML-filen kan inte läsas ({what}).", what=what)))
    except RecursionError:
        reader.problems.append(InputProblem(reader.filename, Message("Filen är för djupt nästlad.")))
    except UnicodeError:
        reader.problems.append(
            InputProblem(reader.filename, Message("Filen innehåller tecken som inte är giltig text."))
        )
    return None


# The most common YAML mistakes, said in plain Swedish; others keep YAML's words.
_PLAIN = (
    ("mapping values are not allowed", "ett kolon följt av mellanslag mitt i en text; sätt texten "
     "inom citattecken"),
    ("could not find expected ':'", "ett kolon saknas efter fältnamnet"),
    ("cannot start any token", "ett tecken som inte får stå här, t.ex. tabb i indraget"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("found undefined alias", "hänvisning (*namn) till något som inte finns"),
    ("but found another document", "filen innehåller mer än ett dokument (---)"),
    ("found unexpected end of stream", "filen tar slut mitt i en text eller lista"),
    ("did not find expected", "en lista eller text är inte avslutad"),
    ("control characters are not allowed", "filen innehåller otillåtna styrtecken"),
)


def plain_words(problem: str) -> str:
    for english, swedish in _PLAIN:
        if english in problem:
            return swedish
    return problem
