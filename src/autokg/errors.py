"""One error hierarchy for the whole library.

Every error a user can cause is an :class:`AutokgError`; the CLI turns it into a one-line
message and an exit code, never a traceback. Errors about input carry the file and the line.
"""

from __future__ import annotations

from pathlib import Path


class AutokgError(Exception):
    """Base class of every error autokg raises on purpose."""

    exit_code = 2


class InputError(AutokgError, ValueError):
    """Bad input: a file that cannot be read, parsed or understood.

    >>> str(InputError("not valid UTF-8", path="a.txt", line=3))
    'a.txt:3: not valid UTF-8'
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ReferenceDataError(InputError):
    """The reference data under ``data/reference`` is inconsistent or unreadable."""


class ShapesError(AutokgError):
    """The SHACL shapes graph cannot be loaded."""


class QueryError(AutokgError):
    """A stored query is unknown, malformed, or was given bad parameters."""

    def __init__(self, message: str, *, query: str | Path | None = None):
        self.query = str(query) if query is not None else None
        super().__init__(f"{self.query}: {message}" if self.query else message)


class ExportError(AutokgError):
    """A graph could not be written in the requested format or place."""
