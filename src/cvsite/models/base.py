"""The base of every model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base for every model: immutable, unknown fields are errors. Each model's validator is
    built when first used (`defer_build`), not on import: a build uses a few of the CV's
    section and entry types, and a model nested in another is validated by its parent's."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
