"""The exceptions accord raises: one class per C status code of accord.h, all under AccordError.

Each class also derives from the built-in exception a Python programmer would expect, so
``except ValueError`` catches a malformed file (ParseError) or a misspelt option (OptionError),
``except LookupError`` an unknown method or candidate (NotFound), ``except OSError`` an unreadable
file (AccordIOError). The C message (``accord_last_error()``) is the exception's text, and
``status`` is the C API's accord_status.

    AccordError                      any failure (ACCORD_ERROR, -1)
    ├── InvalidArgument  ValueError  ACCORD_EINVALID (-2); OptionError is another name for it
    ├── NotFound         LookupError ACCORD_ENOTFOUND (-3)
    ├── AccordMemoryError MemoryError ACCORD_ENOMEM (-4)
    ├── ParseError       ValueError  ACCORD_EPARSE (-5): the message names file, line and column
    ├── AccordIOError    OSError     ACCORD_EIO (-6)
    ├── AccordOverflowError OverflowError ACCORD_EOVERFLOW (-7)
    ├── UnresolvedTie                ACCORD_EUNRESOLVED_TIE (-8)
    ├── Cancelled                    ACCORD_ECANCELLED (-9)
    └── Unsupported                  ACCORD_EUNSUPPORTED (-10)
"""
from __future__ import annotations

__all__ = [
    "AccordError", "InvalidArgument", "OptionError", "NotFound", "AccordMemoryError", "ParseError",
    "AccordIOError", "AccordOverflowError", "UnresolvedTie", "Cancelled", "Unsupported", "STATUS_NAMES",
    "from_status",
]

#: accord_status value -> its C name.
STATUS_NAMES: dict[int, str] = {
    0: "ACCORD_OK", -1: "ACCORD_ERROR", -2: "ACCORD_EINVALID", -3: "ACCORD_ENOTFOUND", -4: "ACCORD_ENOMEM",
    -5: "ACCORD_EPARSE", -6: "ACCORD_EIO", -7: "ACCORD_EOVERFLOW", -8: "ACCORD_EUNRESOLVED_TIE",
    -9: "ACCORD_ECANCELLED", -10: "ACCORD_EUNSUPPORTED",
}


class AccordError(Exception):
    """Base of every accord error. ``status`` is the C API's accord_status (negative)."""

    status: int = -1

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status

    @property
    def status_name(self) -> str:
        """The C name of ``status``, e.g. ``"ACCORD_EPARSE"``."""
        return STATUS_NAMES.get(self.status, f"status {self.status}")


class InvalidArgument(AccordError, ValueError):
    """An argument or option is invalid: a misspelt or mistyped option, a bad weight, a NULL
    handle (ACCORD_EINVALID). The message names the option."""
    status = -2


#: Another name for InvalidArgument: what a misspelt or mistyped option raises.
OptionError = InvalidArgument


class NotFound(AccordError, LookupError):
    """Unknown method, candidate, unit, index or file entry (ACCORD_ENOTFOUND)."""
    status = -3


class AccordMemoryError(AccordError, MemoryError):
    """The library ran out of memory (ACCORD_ENOMEM)."""
    status = -4


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
    """A progress callback (or Ctrl-C) asked to stop (ACCORD_ECANCELLED)."""
    status = -9


class Unsupported(AccordError):
    """The method does not accept these ballots or options (ACCORD_EUNSUPPORTED)."""
    status = -10


_BY_STATUS: dict[int, type[AccordError]] = {
    cls.status: cls for cls in (InvalidArgument, NotFound, AccordMemoryError, ParseError, AccordIOError,
                                AccordOverflowError, UnresolvedTie, Cancelled, Unsupported)}


def from_status(status: int, message: str) -> AccordError:
    """The exception for a C status code, carrying the C message."""
    cls = _BY_STATUS.get(status, AccordError)
    return cls(message, status)
