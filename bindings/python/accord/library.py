"""The loaded libaccord: its version, its memory budget and its registered methods."""
from __future__ import annotations

import ctypes
import json

from ._ffi import check, lib
from .errors import InvalidArgument

__all__ = ['version', 'version_number', 'set_memory_budget', 'memory_budget', 'methods', 'set_hidden_characters',
           'hidden_characters', 'hidden_names_accepted']


def version() -> str:
    """Version of the loaded libaccord, e.g. "0.4.0"."""
    return lib.accord_version_string().decode()


def set_memory_budget(bytes: int) -> None:
    """Sets the process-wide memory budget of the big algorithms (pairwise matrices, exact
    Kemeny), in bytes; 0 restores the default ($ACCORD_MAX_MEMORY, else 4 GiB). docs/limits.md."""
    if isinstance(bytes, bool) or not isinstance(bytes, int) or not 0 <= bytes < 2**64:
        raise InvalidArgument(f"the memory budget must be a whole number of bytes from 0 to 2**64-1, got {bytes!r}")
    lib.accord_set_memory_budget(bytes)


def memory_budget() -> int:
    """The memory budget in force, in bytes (see set_memory_budget)."""
    return int(lib.accord_memory_budget())


def set_hidden_characters(allow: bool) -> None:
    """Whether names may hold bidirectional controls and invisible characters (U+202E, U+200B,
    ...): refused by default, since they make distinct names look alike; ``True`` accepts and
    counts them (:func:`hidden_names_accepted`). Process-wide; docs/formats.md, "Names"."""
    if not isinstance(allow, bool):
        raise InvalidArgument(f"set_hidden_characters takes True or False, got {allow!r}")
    lib.accord_set_hidden_characters(1 if allow else 0)


def hidden_characters() -> bool:
    """True when names may hold bidirectional controls and invisible characters."""
    return bool(lib.accord_hidden_characters())


def hidden_names_accepted() -> int:
    """How many names holding such characters were accepted since the process began."""
    return int(lib.accord_hidden_names_accepted())


def version_number() -> int:
    """Version of the loaded libaccord as MAJOR*10000 + MINOR*100 + PATCH (e.g. 300)."""
    return int(lib.accord_version_number())


def methods() -> dict[str, str]:
    """Registered methods: name -> one-line summary."""
    n = ctypes.c_size_t()
    check(lib.accord_method_count(ctypes.byref(n)))
    out = {}
    for i in range(n.value):
        name, summary = ctypes.c_char_p(), ctypes.c_char_p()
        check(lib.accord_method_name(i, ctypes.byref(name)))
        check(lib.accord_method_summary(i, ctypes.byref(summary)))
        out[name.value.decode()] = summary.value.decode()
    return out


def methods_info() -> list[dict]:
    """Registered methods with their metadata, as ``accord methods --json`` prints them: a list
    of {"name", "summary", "options", "additive", "ballots" (the ballot kinds each counts),
    "aliases" (other names run() accepts), "docs" (its page), "option_details" (per option, in
    the order of "options": "key", "type", "choices", "default" (None for none), "required",
    "description")}, sorted by name."""
    out = ctypes.c_char_p()
    check(lib.accord_methods_json(ctypes.byref(out)))
    return json.loads(out.value.decode())


def apportion_methods() -> list[dict]:
    """The apportionment methods Organisation.apportion() takes, in the order help texts list
    them: a list of {"name", "summary", "aliases" (other names it accepts), "docs" (its page)}."""
    out = ctypes.c_char_p()
    check(lib.accord_apportion_methods_json(ctypes.byref(out)))
    return json.loads(out.value.decode())


def power_indices() -> list[dict]:
    """The power indices power() and Organisation.power() compute (their ``indices``), in the
    order results list them: a list of {"name", "summary", "docs"}."""
    out = ctypes.c_char_p()
    check(lib.accord_power_indices_json(ctypes.byref(out)))
    return json.loads(out.value.decode())
