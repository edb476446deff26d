"""The follow-up template (uppföljningsmall): its file format, parsed and checked.

Pure functions, no database. A template file is YAML that the central
administration edits by hand; it is read through ``yaml.compose`` so every
problem can name the line it is on, and so scalars keep their written text
(``version: 2027.10`` stays "2027.10", it is never turned into a float).
``parse_template`` either returns a complete ``TemplateDef`` or raises
``InvalidInputError`` listing every problem found, never anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from app.errors import InputProblem, InvalidInputError, Message
from app.services.template_yaml import Node, NodeReader, compose

ANSWERS = ("uppfyllt", "delvis", "ej_uppfyllt", "ej_aktuellt", "ej_bedomt")
ANSWER_LABELS = {
    "uppfyllt": "Uppfyllt",
    "delvis": "Delvis uppfyllt",
    "ej_uppfyllt": "Ej uppfyllt",
    "ej_aktuellt": "Ej aktuellt",
    "ej_bedomt": "Ej bedömt",
    "ja": "Ja",
    "nej": "Nej",
}
YESNO = ("ja", "nej")
EVIDENCE = ("dokument", "intervju_ledning", "intervju_personal", "observation", "stickprov")
EVIDENCE_LABELS = {
    "dokument": "Dokument",
    "intervju_ledning": "Intervju ledning",
    "intervju_personal": "Intervju personal",
    "observation": "Observation",
    "stickprov": "Stickprov",
}
PARTS = ("sol", "hsl")
PART_LABELS = {"sol": "Omsorg (SoL)", "hsl": "Hälso- och sjukvård (HSL)"}
ANSWER_KINDS = ("scale", "number", "yesno")
UNIT_TYPES = ("vob", "profilboende", "servicehus", "hemtjanst", "dagverksamhet")
FORMAT_VERSION = 1

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

_ID_RE = re.compile(r"^[a-z][a-z0-9_-]{0,59}$")
_VERSION_RE = re.compile(r"^\d{4}\.\d{1,3}$")
_GUIDANCE_FIELDS = ("fulfilled", "partly", "not_fulfilled", "look_at", "staff_knowledge")
# Scale questions need all three judgements described; every question needs
# to say what to look at. staff_knowledge may be empty for a pure number.
_GUIDANCE_REQUIRED = {
    "scale": ("fulfilled", "partly", "not_fulfilled", "look_at"),
    "number": ("look_at",),
    "yesno": ("fulfilled", "not_fulfilled", "look_at"),
}
_GUIDANCE_LABELS = {
    "fulfilled": "uppfyllt",
    "partly": "delvis uppfyllt",
    "not_fulfilled": "ej uppfyllt",
    "look_at": "vad som ska granskas",
    "staff_knowledge": "personalens kunskap",
}


def answer_label(code: str) -> str:
    """Swedish label of an answer code ('delvis' -> 'Delvis uppfyllt')."""
    return ANSWER_LABELS.get(code, code)


def comment_required(code: str) -> bool:
    """A comment is required for every judgement except Uppfyllt."""
    return code != "uppfyllt"


def proposes_deficiency(code: str) -> bool:
    """'Ej uppfyllt' proposes a deficiency (brist) for the report."""
    return code == "ej_uppfyllt"


@dataclass(frozen=True)
class Guidance:
    fulfilled: str
    partly: str
    not_fulfilled: str
    look_at: str
    staff_knowledge: str


@dataclass(frozen=True)
class QuestionDef:
    id: str
    text: str
    part: str
    unit_types: tuple[str, ...]
    basis: str
    guidance: Guidance
    documents: tuple[str, ...]
    answer_kind: str
    number_unit: str | None
    section_id: str

    def applies_to(self, unit_type: str) -> bool:
        return unit_type in self.unit_types


@dataclass(frozen=True)
class SectionDef:
    id: str
    title: str
    questions: tuple[QuestionDef, ...]


@dataclass(frozen=True)
class TemplateDef:
    id: str
    name: str
    version: str
    valid_from: date
    unit_types: tuple[str, ...]
    sections: tuple[SectionDef, ...]

    def all_questions(self) -> list[QuestionDef]:
        return [q for s in self.sections for q in s.questions]

    def questions_for(self, unit_type: str, part: str | None = None) -> list[QuestionDef]:
        """Questions that apply to a unit type (and part), in template order."""
        return [
            q
            for q in self.all_questions()
            if unit_type in q.unit_types and (part is None or q.part == part)
        ]

    def question(self, qid: str) -> QuestionDef:
        for q in self.all_questions():
            if q.id == qid:
                return q
        raise KeyError(qid)

    def section_of(self, qid: str) -> SectionDef:
        for s in self.sections:
            if any(q.id == qid for q in s.questions):
                return s
        raise KeyError(qid)


# --- the template -------------------------------------------------------------

_TOP_KEYS = ("format", "template", "sections")
_TEMPLATE_KEYS = ("id", "name", "version", "valid_from", "unit_types")
_SECTION_KEYS = ("id", "title", "unit_types", "questions")
_QUESTION_KEYS = (
    "id", "text", "part", "unit_types", "basis", "guidance", "documents", "answer",
    "number_unit",
)


def _unit_types(
    reader: NodeReader, fields: dict[str, Node], what: str, parent: Node,
    allowed: tuple[str, ...], item: str | None, required: bool,
) -> tuple[str, ...] | None:
    if "unit_types" not in fields and not required:
        return None
    result: list[str] = []
    for value, node in reader.text_list(fields, "unit_types", what, parent, item, required):
        if value not in UNIT_TYPES:
            known = ", ".join(UNIT_TYPES)
            reader.problem(node, Message(
                "{what}: okänd enhetstyp '{value}' (kända: {known}).",
                what=what, value=value, known=known), item)
        elif value not in allowed:
            reader.problem(node, Message(
                "{what}: enhetstypen '{value}' ingår inte i mallen.", what=what, value=value), item)
        elif value in result:
            reader.problem(node, Message(
                "{what}: enhetstypen '{value}' står två gånger.", what=what, value=value), item)
        else:
            result.append(value)
    if required and not result and "unit_types" in fields:
        reader.problem(fields["unit_types"], Message("{what}: minst en enhetstyp behövs.", what=what), item)
    return tuple(result)


def _guidance(
    reader: NodeReader, node: Node | None, parent: Node, kind: str, item: str
) -> Guidance:
    what = Message("Frågan {item}", item=item)
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        reader.problem(parent, Message("{what} saknar vägledning (fältet 'guidance').", what=what), item)
        return Guidance("", "", "", "", "")
    fields = reader.mapping(node, f"{what}, vägledningen", _GUIDANCE_FIELDS, item)
    if fields is None:
        return Guidance("", "", "", "", "")
    values: dict[str, str] = {}
    for key in _GUIDANCE_FIELDS:
        values[key] = reader.text(fields, key, what, node, item, required=False)
    if not any(values.values()):
        reader.problem(node, Message("{what} saknar vägledning (alla delar är tomma).", what=what), item)
        return Guidance(**values)
    missing = [k for k in _GUIDANCE_REQUIRED.get(kind, ()) if not values[k]]
    if missing:
        labels = ", ".join(f"{_GUIDANCE_LABELS[k]} ('{k}')" for k in missing)
        reader.problem(node, Message("{what}: vägledningen saknar {labels}.", what=what, labels=labels), item)
    return Guidance(**values)


def _question(
    reader: NodeReader, node: Node, section_id: str, section_units: tuple[str, ...],
    template_units: tuple[str, ...], index: int,
) -> QuestionDef | None:
    label = Message("fråga {index} i området {section_id}", index=index, section_id=section_id)
    fields = reader.mapping(node, label.capitalize(), _QUESTION_KEYS)
    if fields is None:
        return None
    qid = reader.text(fields, "id", label.capitalize(), node)
    if qid:
        _claim_id(reader, "question", qid, fields["id"], f"i området {section_id}")
    item = qid or label
    if qid and not _ID_RE.match(qid):
        reader.problem(
            fields["id"],
            Message("Ogiltigt id '{qid}': använd små bokstäver a-z, siffror, - och _ "
                    "(börja med en bokstav, högst 60 tecken).", qid=qid),
            item,
        )
    what = Message("Frågan {item}", item=item)
    text = reader.text(fields, "text", what, node, item)
    part = reader.text(fields, "part", what, node, item)
    if part and part not in PARTS:
        reader.problem(
            fields["part"], Message(
                "{what}: okänd del '{part}' (ska vara sol eller hsl).", what=what, part=part), item
        )
    units = _unit_types(reader, fields, what, node, template_units, item, required=False)
    if units is None:
        units = section_units
    basis = reader.text(fields, "basis", what, node, item)
    kind = reader.text(fields, "answer", what, node, item, required=False) or "scale"
    if kind not in ANSWER_KINDS:
        reader.problem(
            fields["answer"],
            Message("{what}: okänt svarssätt '{kind}' (ska vara scale, number eller "
                    "yesno).", what=what, kind=kind),
            item,
        )
    number_unit = reader.text(fields, "number_unit", what, node, item, required=False) or None
    if number_unit and kind != "number":
        reader.problem(
            fields["number_unit"], Message(
                "{what}: 'number_unit' gäller bara answer: number.", what=what), item
        )
    guidance = _guidance(reader, fields.get("guidance"), node, kind, item)
    documents = tuple(v for v, _ in reader.text_list(
        fields, "documents", what, node, item, required=False
    ))
    return QuestionDef(
        id=qid, text=text, part=part, unit_types=units, basis=basis, guidance=guidance,
        documents=documents, answer_kind=kind, number_unit=number_unit, section_id=section_id,
    )


def _section(
    reader: NodeReader, node: Node, template_units: tuple[str, ...], index: int
) -> SectionDef | None:
    label = Message("Område {index}", index=index)
    fields = reader.mapping(node, label, _SECTION_KEYS)
    if fields is None:
        return None
    sid = reader.text(fields, "id", label, node)
    if sid:
        _claim_id(reader, "section", sid, fields["id"], "som område")
    if sid and not _ID_RE.match(sid):
        reader.problem(fields["id"], Message("{label}: ogiltigt id '{sid}'.", label=label, sid=sid), sid)
    what = Message("Området {sid}", sid=sid or index)
    title = reader.text(fields, "title", what, node, sid or None)
    units = _unit_types(reader, fields, what, node, template_units, sid or None, required=False)
    question_nodes = reader.sequence(fields, "questions", what, node, sid or None, required=False)
    if not question_nodes:
        reader.problem(node, Message("{what} har inga frågor.", what=what), sid or None)
    questions = [
        _question(reader, q, sid or str(index), units or template_units, template_units, i)
        for i, q in enumerate(question_nodes, start=1)
    ]
    return SectionDef(sid, title, tuple(q for q in questions if q is not None))


def _header(reader: NodeReader, node: Node) -> tuple[str, str, str, date | None, tuple[str, ...]]:
    fields = reader.mapping(node, "Mallens huvud ('template')", _TEMPLATE_KEYS)
    if fields is None:
        return "", "", "", None, ()
    what = Message("Mallens huvud")
    tid = reader.text(fields, "id", what, node)
    if tid and not _ID_RE.match(tid):
        reader.problem(fields["id"], Message("{what}: ogiltigt id '{tid}'.", what=what, tid=tid))
    name = reader.text(fields, "name", what, node)
    version = reader.text(fields, "version", what, node)
    if version and not _VERSION_RE.match(version):
        reader.problem(
            fields["version"], Message(
                "{what}: versionen '{version}' ska skrivas som år.löpnummer, t.ex. 2027.1.",
                what=what, version=version)
        )
    raw_from = reader.text(fields, "valid_from", what, node)
    valid_from: date | None = None
    if raw_from:
        try:
            valid_from = date.fromisoformat(raw_from)
        except ValueError:
            reader.problem(
                fields["valid_from"], Message(
                    "{what}: 'valid_from' ska vara ett datum (ÅÅÅÅ-MM-DD).", what=what)
            )
    units = _unit_types(reader, fields, what, node, UNIT_TYPES, None, required=True) or ()
    return tid, name, version, valid_from, units


def _claim_id(reader: NodeReader, kind: str, ident: str, node: Node, where: str) -> None:
    """Record an id's line; a second use is a problem naming both lines."""
    first = reader.id_lines.get((kind, ident))
    if first is None:
        reader.id_lines[(kind, ident)] = node.start_mark.line + 1
    else:
        what = "Fråge-id" if kind == "question" else "Områdes-id"
        reader.problem(
            node,
            Message("{what} '{ident}' används två gånger ({where}; första gången på rad "
                    "{first}); varje id måste vara unikt.", what=what, ident=ident, where=where, first=first),
            ident,
        )


def parse_template(text: str, filename: str) -> TemplateDef:
    """Parse and check a template file's text; raise InvalidInputError listing
    every problem (with file, line and question id where possible)."""
    reader = NodeReader(filename)
    root = compose(text, reader) if isinstance(text, str) else None
    if root is None and not reader.problems:
        reader.problems.append(InputProblem(filename, Message("Filen är tom.")))
    if root is not None:
        fields = reader.mapping(root, "Filen", _TOP_KEYS)
        if fields is not None:
            fmt = reader.text(fields, "format", "Filen", root, required=False)
            if fmt and fmt != str(FORMAT_VERSION):
                reader.problem(
                    fields["format"], Message(
                        "Filen har formatversion {fmt}; programmet läser version {supported}.",
                        fmt=fmt, supported=FORMAT_VERSION)
                )
            header = fields.get("template")
            tid, name, version, valid_from, units = (
                _header(reader, header) if header is not None else ("", "", "", None, ())
            )
            if header is None:
                reader.problem(root, Message("Fältet 'template' (mallens huvud) saknas."))
            section_nodes = reader.sequence(fields, "sections", "Filen", root)
            if "sections" in fields and not section_nodes:
                reader.problem(fields["sections"], Message("Mallen har inga områden."))
            sections = [
                _section(reader, node, units or UNIT_TYPES, i)
                for i, node in enumerate(section_nodes, start=1)
            ]
            clean = [s for s in sections if s is not None]
            if not reader.problems and valid_from is not None:
                return TemplateDef(tid, name, version, valid_from, units, tuple(clean))
    raise InvalidInputError(
        Message(
            "Mallen {filename} har {count} fel och har inte lästs in.",
            filename=filename, count=len(reader.problems)),
        reader.problems,
    )


def load_template_file(path: Path) -> TemplateDef:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InvalidInputError(
            Message("Mallen {name} kan inte läsas.", name=path.name),
            [InputProblem(str(path), Message(
                "Filen kan inte öppnas ({strerror}).", strerror=error.strerror or error))],
        ) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            Message("Mallen {name} kan inte läsas.", name=path.name),
            [InputProblem(str(path), Message("Filen är inte sparad som UTF-8."))],
        ) from error
    return parse_template(text, path.name)


def shipped_template_files() -> list[Path]:
    """The template files that ship with the program, oldest version first."""
    return sorted(TEMPLATES_DIR.glob("uppfoljningsmall-*.yaml"), key=_file_version_key)


def _file_version_key(path: Path) -> tuple[int, ...]:
    match = re.search(r"(\d{4})\.(\d+)", path.name)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def version_key(version: str) -> tuple[int, ...]:
    """Sort key for '2027.1' < '2027.2' < '2027.10' (not string order)."""
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (0,)
