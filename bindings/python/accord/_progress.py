"""The C progress callback for one C call: progress reports, cancelling and Ctrl-C."""
from __future__ import annotations

import ctypes
import signal
import threading
from typing import Any

from ._ffi import PROGRESS_FN, check

__all__ = ['_Progress']


class _Progress:
    """The C progress callback around an optional Python one, for one C call, used as
    ``with _Progress(progress) as cb: cb.check(lib.accord_...(..., cb.pointer, None, ...))``.

    ``progress(fraction)`` returning False cancels (Cancelled). An exception in it cancels the
    C call and is raised again when the call returns. Ctrl-C cancels too: while the call runs
    (on the main thread) SIGINT only sets a flag that the callback, always installed, turns into
    a cancel; the previous handler then runs, so KeyboardInterrupt is raised as usual. (A
    KeyboardInterrupt raised by Python's own handler inside a ctypes callback would be printed
    and lost.)"""

    def __init__(self, progress: Any = None) -> None:
        self._progress = progress
        self._error: BaseException | None = None
        self._interrupted = False
        self._old_handler: Any = None
        self._fn = PROGRESS_FN(self._call)  # kept alive as long as the call
        self.pointer = ctypes.cast(self._fn, ctypes.c_void_p)

    def _call(self, fraction: float, _user: object) -> int:
        try:
            if self._interrupted or self._error is not None:
                return 1
            if self._progress is not None and self._progress(fraction) is False:
                return 1
            return 0
        except BaseException as exc:  # re-raised by check()
            self._error = exc
            return 1

    def _on_sigint(self, _signum: int, _frame: object) -> None:
        self._interrupted = True

    def __enter__(self) -> "_Progress":
        if threading.current_thread() is threading.main_thread():
            try:
                self._old_handler = signal.signal(signal.SIGINT, self._on_sigint)
            except ValueError:  # not in the main interpreter
                self._old_handler = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._old_handler is not None:
            signal.signal(signal.SIGINT, self._old_handler)

    def check(self, status: int) -> None:
        if self._error is not None:
            raise self._error
        if self._interrupted:
            old = self._old_handler
            if callable(old):
                old(signal.SIGINT, None)  # default_int_handler raises KeyboardInterrupt
            if old != signal.SIG_IGN:
                raise KeyboardInterrupt
        check(status)
