"""The exception hierarchy every command raises; the CLI maps it to exit codes in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pos:
    """A place in a source file: path relative to the content root, 1-based line and column."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        """`file:line:column`, leaving out what is unknown (0): never `file:0:0`."""
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}" if self.column else f"{self.file}:{self.line}"


class McxError(Exception):
    """Base of every error the toolchain reports to the user as one line."""

    exit_code = 1

    def __init__(self, message: str, pos: Pos | None = None):
        super().__init__(message)
        self.message = message
        self.pos = pos

    def __str__(self) -> str:
        return f"{self.pos}: {self.message}" if self.pos else self.message


class InputError(McxError):
    """The user's files are wrong in a way that stops the command (exit 1)."""


class UsageError(McxError):
    """The command line is wrong: unknown pack, option, locale (exit 2)."""

    exit_code = 2
