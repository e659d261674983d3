"""The one error type editors see: a place in a content file and what is wrong there."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One mistake in one content file, located to the line and column."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        field = self.field or "(file)"
        return f"{self.path}:{self.line}:{self.column}: {field}: {self.message}"


class ContentErrors(Exception):
    """Raised with every error found, so an editor sees them all at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))
