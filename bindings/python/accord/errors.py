"""The exceptions accord raises, one per C status code (accord.h)."""
from __future__ import annotations

__all__ = [
    "AccordError", "InvalidArgument", "NotFound", "ParseError", "AccordIOError",
    "AccordOverflowError", "UnresolvedTie", "Cancelled", "Unsupported", "from_status",
]


class AccordError(Exception):
    """Base of every accord error. `status` is the C API's accord_status."""

    status = -1

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class InvalidArgument(AccordError, ValueError):
    """An argument or option is invalid (ACCORD_EINVALID)."""
    status = -2


class NotFound(AccordError, LookupError):
    """Unknown method, candidate, index or file entry (ACCORD_ENOTFOUND)."""
    status = -3


class ParseError(AccordError, ValueError):
    """Malformed input; the message names file, line and column (ACCORD_EPARSE)."""
    status = -5


class AccordIOError(AccordError, OSError):
    """A file could not be read or written (ACCORD_EIO)."""
    status = -6


class AccordOverflowError(AccordError, OverflowError):
    """A count or weight is too large (ACCORD_EOVERFLOW)."""
    status = -7


class UnresolvedTie(AccordError):
    """A tie needed breaking under the "report" policy (ACCORD_EUNRESOLVED_TIE)."""
    status = -8


class Cancelled(AccordError):
    """A progress callback asked to stop (ACCORD_ECANCELLED)."""
    status = -9


class Unsupported(AccordError):
    """The method does not accept these ballots or options (ACCORD_EUNSUPPORTED)."""
    status = -10


_BY_STATUS = {cls.status: cls for cls in (InvalidArgument, NotFound, ParseError, AccordIOError,
                                          AccordOverflowError, UnresolvedTie, Cancelled, Unsupported)}


def from_status(status: int, message: str) -> AccordError:
    """The exception for a C status code (MemoryError for ACCORD_ENOMEM)."""
    if status == -4:
        return MemoryError(message)  # type: ignore[return-value]
    cls = _BY_STATUS.get(status, AccordError)
    return cls(message, status)
