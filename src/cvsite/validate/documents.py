"""Raw source data to models, with every validation problem mapped back to file:line:col."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cvsite.errors import Diagnostic, did_you_mean, error
from cvsite.models import SECTION_TYPES
from cvsite.sources.yaml import Loc, YamlDoc

M = TypeVar("M", bound=BaseModel)

# Messages keyed on pydantic's error type (never on its message text): what a type error expected.
EXPECTED = {
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "dict_type": "a mapping of fields",
}
MESSAGES = {"string_too_short": "must not be empty"}


def shown(value: object) -> str:
    """A value as the YAML file writes it: `true`, `null`, `2020-05-01`; text in quotes."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return str(value) if isinstance(value, date) else repr(value)


def _null_is_a_choice(holder: type[BaseModel] | None, name: str | int) -> bool:
    """Whether the field takes `null` meaning something that leaving it out does not
    (`max_authors: null` never shortens; leaving it out shortens at 20)."""
    info = holder.model_fields.get(name) if holder and isinstance(name, str) else None
    return info is not None and type(None) in get_args(info.annotation) and \
        info.default is not None


def describe(loc: Loc, data: object = None) -> str:
    """`experience[2].highlights[0]` from a location tuple; in a document `data` with CV
    sections, a titled section by its title: `section 'Education', entry 2, start`."""
    out, rest = "", loc
    if len(loc) >= 2 and loc[0] == "sections" and isinstance(loc[1], int):
        title = _title(data, loc[1])
        if title:
            out, rest = f"section {title!r}", loc[2:]
            if len(rest) >= 2 and rest[0] == "entries" and isinstance(rest[1], int):
                out, rest = f"{out}, entry {rest[1] + 1}", rest[2:]
            if rest:
                out += ", "
    path = ""
    for part in rest:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return out + path


def _title(data: object, index: int) -> str | None:
    """The title of CV section `index` in the document `data`, if it has one."""
    sections = data.get("sections") if isinstance(data, dict) else None
    if not isinstance(sections, list) or not 0 <= index < len(sections):
        return None
    section = sections[index]
    title = section.get("title") if isinstance(section, dict) else None
    return title if isinstance(title, str) and title.strip() else None


def _members(annotation: Any) -> list[type[BaseModel]]:
    """The model classes an annotation may hold (through Optional, tuples, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _members(arg)]


def _tag_of(model: type[BaseModel]) -> str | None:
    """The `type` a member of a discriminated union is chosen by, if it has one."""
    info = model.model_fields.get("type")
    values: tuple[Any, ...] = getattr(info.annotation, "__args__", ()) if info else ()
    return values[0] if len(values) == 1 and isinstance(values[0], str) else None


def _walk(model: type[BaseModel], raw: Loc) -> tuple[Loc, type[BaseModel] | None]:
    """The error's location as the file writes it (without pydantic's union tags and
    validator steps), and the model class holding its last field (for listing its keys)."""
    loc: list[str | int] = []
    current: Any = model
    holder: type[BaseModel] | None = None
    for part in raw:
        if isinstance(part, str) and "[" in part:
            continue
        members = _members(current)
        if isinstance(part, int):
            loc.append(part)
            continue
        chosen = [m for m in members if _tag_of(m) == part] if len(members) > 1 else []
        if chosen:
            current = chosen[0]
            continue
        holder = members[0] if members else None
        info = holder.model_fields.get(part) if holder else None
        current = info.annotation if info else None
        loc.append(part)
    return tuple(loc), holder


def _union_tag(doc: YamlDoc, loc: Loc, err: ErrorDetails) -> Diagnostic:
    """A section whose `type` is missing or is none of the types."""
    expected = str(err.get("ctx", {}).get("expected_tags", ""))
    tags = [t.strip("'") for t in expected.split(", ")] if expected else list(SECTION_TYPES)
    where = describe(loc, doc.data)
    if err["type"] == "union_tag_not_found":
        line, col = doc.position(loc)
        return error(doc.file, line, col, f"missing required field 'type' in {where}",
                     f"the types are: {', '.join(tags)}")
    tag = str(err.get("ctx", {}).get("tag", ""))
    line, col = doc.position((*loc, "type"))
    near = did_you_mean(tag, tags)
    listed = f"the types are: {', '.join(tags)}"
    return error(doc.file, line, col, f"unknown type {tag!r} in {where}",
                 f"{near} {listed}" if near else listed)


def _diagnostic(model: type[BaseModel], doc: YamlDoc, err: ErrorDetails) -> Diagnostic:
    """One pydantic error as a positioned diagnostic, keyed on the error type."""
    loc, holder = _walk(model, err["loc"])
    name, parent = (loc[-1], loc[:-1]) if loc else ("", ())
    where = describe(parent, doc.data)
    kind = err["type"]
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        return _union_tag(doc, loc, err)
    if kind == "extra_forbidden":
        line, col = doc.position(loc, key=True)
        allowed = list(holder.model_fields) if holder else []
        moved = getattr(holder, "moved_fields", {}).get(name) if holder else None
        message = f"unknown field '{name}'" + (f" in {where}" if where else "")
        return error(doc.file, line, col, message, moved or did_you_mean(str(name), allowed))
    if kind == "missing":
        line, col = doc.position(parent)
        message = f"missing required field '{name}'" + (f" in {where}" if where else "")
        return error(doc.file, line, col, message)
    line, col = doc.position(loc)
    if kind in ("literal_error", "enum"):
        expected = err.get("ctx", {}).get("expected", "")
        where = describe(loc, doc.data)
        return error(doc.file, line, col, f"invalid value {err['input']!r} for {where}",
                     f"allowed values: {expected}")
    if kind in EXPECTED:
        null = " (or null)" if _null_is_a_choice(holder, name) else ""
        message = f"expected {EXPECTED[kind]}{null}, got {shown(err.get('input'))}"
    elif kind in MESSAGES:
        message = MESSAGES[kind]
    else:
        message = err["msg"][0].lower() + err["msg"][1:] if err["msg"] else kind
    hint = err.get("ctx", {}).get("hint")  # a check that knows the accepted forms says them
    return error(doc.file, line, col, f"{describe(loc, doc.data)}: {message}" if loc else message,
                 str(hint) if hint else None)


def validate_doc(model: type[M], doc: YamlDoc) -> tuple[M | None, list[Diagnostic]]:
    """Validate a YAML document against `model`; one diagnostic per distinct problem."""
    if not isinstance(doc.data, dict):
        return None, [error(doc.file, 1, 1, "expected a mapping of fields at the top level")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        seen: set[Loc] = set()
        problems = []
        for err in exc.errors():
            loc = _walk(model, err["loc"])[0]
            if loc in seen:
                continue
            seen.add(loc)
            problems.append(_diagnostic(model, doc, err))
        return None, problems
