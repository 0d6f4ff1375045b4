"""One C call that returns a malloc'd JSON string, copied into Python and freed at once."""
from __future__ import annotations

import ctypes
import json
from typing import Any, Callable

from ._ffi import check, lib
from ._progress import _Progress

__all__ = ["call_json"]


def call_json(fn: Any, *args: Any, progress: Callable[[float], Any] | None = None,
              with_progress: bool = False) -> dict[str, Any]:
    """Calls ``fn(*args, [progress, user_data,] &out)`` and returns the parsed JSON report.

    With ``with_progress`` the C progress callback is installed (so Ctrl-C and ``progress``
    returning False cancel, raising KeyboardInterrupt or Cancelled)."""
    out = ctypes.c_void_p()
    if with_progress:
        with _Progress(progress) as callback:
            callback.check(fn(*args, callback.pointer, None, ctypes.byref(out)))
    else:
        check(fn(*args, ctypes.byref(out)))
    try:
        return json.loads(ctypes.cast(out, ctypes.c_char_p).value.decode())
    finally:
        lib.accord_string_free(out)
