"""The base of every model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base for every model: immutable, unknown fields are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")
