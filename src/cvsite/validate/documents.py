"""Raw source data to models, with every validation problem mapped back to file:line:col."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cvsite.errors import Diagnostic, did_you_mean, error
from cvsite.sources.yaml import Loc, YamlDoc

M = TypeVar("M", bound=BaseModel)

# Messages keyed on pydantic's error type (never on its message text).
MESSAGES = {
    "int_parsing": "expected a whole number, got {input!r}",
    "int_type": "expected a whole number, got {input!r}",
    "int_from_float": "expected a whole number, got {input!r}",
    "string_type": "expected text, got {input!r}",
    "string_too_short": "must not be empty",
    "bool_parsing": "expected true or false, got {input!r}",
    "bool_type": "expected true or false, got {input!r}",
    "list_type": "expected a list, got {input!r}",
    "tuple_type": "expected a list, got {input!r}",
    "model_type": "expected a mapping of fields, got {input!r}",
    "model_attributes_type": "expected a mapping of fields, got {input!r}",
    "dict_type": "expected a mapping of fields, got {input!r}",
}


def describe(loc: Loc) -> str:
    """`experience[2].highlights[0]` from a location tuple."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the field at `loc` (for listing its allowed keys)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional/tuple annotations to the model class inside, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _field_loc(err: ErrorDetails) -> Loc:
    """The error's location without pydantic's internal union/validator steps."""
    return tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in p)


def _diagnostic(model: type[BaseModel], doc: YamlDoc, err: ErrorDetails) -> Diagnostic:
    """One pydantic error as a positioned diagnostic, keyed on the error type."""
    loc = _field_loc(err)
    name, parent = (loc[-1], loc[:-1]) if loc else ("", ())
    where = describe(parent)
    kind = err["type"]
    if kind == "extra_forbidden":
        line, col = doc.position(loc, key=True)
        holder = _model_at(model, parent)
        allowed = list(holder.model_fields) if holder else []
        message = f"unknown field '{name}'" + (f" in {where}" if where else "")
        return error(doc.file, line, col, message, did_you_mean(str(name), allowed))
    if kind == "missing":
        line, col = doc.position(parent)
        message = f"missing required field '{name}'" + (f" in {where}" if where else "")
        return error(doc.file, line, col, message)
    line, col = doc.position(loc)
    if kind in ("literal_error", "enum"):
        expected = err.get("ctx", {}).get("expected", "")
        return error(doc.file, line, col, f"invalid value {err['input']!r} for {describe(loc)}",
                     f"allowed values: {expected}")
    if kind in MESSAGES:
        message = MESSAGES[kind].format(input=err.get("input"))
    else:
        message = err["msg"][0].lower() + err["msg"][1:] if err["msg"] else kind
    hint = err.get("ctx", {}).get("hint")  # a check that knows the accepted forms says them
    return error(doc.file, line, col, f"{describe(loc)}: {message}" if loc else message,
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
            loc = _field_loc(err)
            if loc in seen:
                continue
            seen.add(loc)
            problems.append(_diagnostic(model, doc, err))
        return None, problems
