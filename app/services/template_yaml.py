"""Reading composed YAML nodes with line numbers, collecting problems.

The template loader walks ``yaml.compose`` nodes rather than loaded Python
objects, so that every problem names its line and scalars keep the text the
editor wrote. Problems are collected, never raised, so one run lists them all.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from app.errors import InputProblem

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
            self.problem(node, f"{what} ska vara en samling fält (nyckel: värde).", item)
            return None
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, f"{what}: ett fältnamn måste vara en enkel text.", item)
                continue
            key = key_node.value
            if key in result:
                self.problem(key_node, f"{what}: fältet '{key}' står två gånger.", item)
                continue
            if key not in allowed:
                known = ", ".join(allowed)
                self.problem(key_node, f"{what}: okänt fält '{key}' (tillåtna: {known}).", item)
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
                self.problem(node or parent, f"{what}: fältet '{key}' saknas.", item)
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{what}: fältet '{key}' ska vara en text.", item)
            return ""
        value = " ".join(str(node.value).split()) if "\n" not in node.value else node.value
        value = value.strip()
        if required and not value:
            self.problem(node, f"{what}: fältet '{key}' är tomt.", item)
        return value

    def sequence(
        self, fields: dict[str, Node], key: str, what: str, parent: Node,
        item: str | None = None, required: bool = True,
    ) -> list[Node]:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            if required:
                self.problem(node or parent, f"{what}: fältet '{key}' saknas.", item)
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what}: fältet '{key}' ska vara en lista.", item)
            return []
        return list(node.value)

    def text_list(
        self, fields: dict[str, Node], key: str, what: str, parent: Node,
        item: str | None = None, required: bool = True,
    ) -> list[tuple[str, Node]]:
        out: list[tuple[str, Node]] = []
        for node in self.sequence(fields, key, what, parent, item, required):
            if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
                self.problem(node, f"{what}: varje rad i '{key}' ska vara en icke-tom text.", item)
                continue
            out.append((" ".join(node.value.split()), node))
        return out


# A template is at most about six levels deep. libyaml's C composer recurses
# without a limit (a deeply nested file crashes the process) and its scanner
# is quadratic in unclosed flow brackets, so depth is checked first: brackets
# with a regex, then block nesting from the (iterative) event stream.
MAX_DEPTH = 40
_BRACKETS = re.compile(r"[\[\]{}]")
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _too_deep(text: str) -> bool:
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_DEPTH:
            return True
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, _OPEN):
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif isinstance(event, _CLOSE):
            depth -= 1
    return False


def compose(text: str, reader: NodeReader) -> Node | None:
    """The single YAML document in ``text`` as nodes, or None with the
    problem (line and column where YAML gives them) recorded on ``reader``."""
    try:
        if _too_deep(text):
            reader.problems.append(
                InputProblem(reader.filename, f"Filen är för djupt nästlad (över {MAX_DEPTH} nivåer).")
            )
            return None
        return yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = plain_words(error.problem or error.context or "okänt fel")
        line = mark.line + 1 if mark is not None else None
        column = str(mark.column + 1) if mark is not None else None
        reader.problems.append(
            InputProblem(reader.filename, f"YAML-filen kan inte läsas ({what}).", line, column)
        )
    except yaml.YAMLError as error:
        what = plain_words(str(error))
        reader.problems.append(InputProblem(reader.filename, f"YAML-filen kan inte läsas ({what})."))
    except RecursionError:
        reader.problems.append(InputProblem(reader.filename, "Filen är för djupt nästlad."))
    except UnicodeError:
        reader.problems.append(
            InputProblem(reader.filename, "Filen innehåller tecken som inte är giltig text.")
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
