"""Loading libaccord and declaring every C function it exports, in one table.

The library is looked for, in order: next to this package (an installed wheel ships it there),
in the build tree of a source checkout (build/), and at the path in $ACCORD_LIBRARY. Its
version must equal the package's: a mismatch is refused, since the C structures behind the
handles may differ.
"""
from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, c_char_p, c_int, c_int32, c_size_t, c_uint, c_uint32, c_uint64, c_void_p
from pathlib import Path

from . import errors

__all__ = ["lib", "check", "VERSION", "PROGRESS_FN"]

VERSION = (0, 4, 0)

_status = c_int
_profile_p = c_void_p
_result_p = c_void_p
_out_profile = POINTER(c_void_p)
_out_size = POINTER(c_size_t)
_out_str = POINTER(c_char_p)
_out_int = POINTER(c_int)

# name -> (restype, argtypes). Every exported function is declared here.
_SIGNATURES: dict[str, tuple[object, list[object]]] = {
    "accord_version_number": (c_uint, []),
    "accord_version_string": (c_char_p, []),
    "accord_last_error": (c_char_p, []),
    "accord_profile_new": (_status, [c_size_t, POINTER(c_char_p), _out_profile]),
    "accord_profile_new_kind": (_status, [c_size_t, POINTER(c_char_p), c_int, _out_profile]),
    "accord_profile_load": (_status, [c_char_p, c_char_p, c_char_p, _out_profile]),
    "accord_profile_load_text": (_status, [c_char_p, c_size_t, c_char_p, c_char_p, c_char_p, _out_profile]),
    "accord_profile_save": (_status, [_profile_p, c_char_p, c_char_p]),
    "accord_profile_free": (None, [_profile_p]),
    "accord_profile_add_ranking": (_status, [_profile_p, POINTER(c_int32), c_size_t, c_uint64, c_char_p]),
    "accord_profile_add_order": (_status, [_profile_p, POINTER(c_uint32), c_size_t, c_uint64, c_char_p]),
    "accord_profile_add_approval": (_status, [_profile_p, POINTER(c_uint32), c_size_t, c_uint64, c_char_p]),
    "accord_profile_add_scores": (_status, [_profile_p, POINTER(c_int32), c_size_t, c_uint64, c_char_p]),
    "accord_profile_set_withdrawn": (_status, [_profile_p, c_size_t, c_int]),
    "accord_profile_candidate_count": (_status, [_profile_p, _out_size]),
    "accord_profile_candidate_name": (_status, [_profile_p, c_size_t, _out_str]),
    "accord_profile_find_candidate": (_status, [_profile_p, c_char_p, _out_size]),
    "accord_profile_unique_count": (_status, [_profile_p, _out_size]),
    "accord_profile_voters": (_status, [_profile_p, _out_str]),
    "accord_profile_kind": (_status, [_profile_p, _out_int]),
    "accord_method_count": (_status, [_out_size]),
    "accord_method_name": (_status, [c_size_t, _out_str]),
    "accord_method_summary": (_status, [c_size_t, _out_str]),
    "accord_run": (_status, [_profile_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_run_progress": (_status, [_profile_p, c_char_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_result_free": (None, [_result_p]),
    "accord_result_json": (_status, [_result_p, _out_str]),
    "accord_result_method": (_status, [_result_p, _out_str]),
    "accord_result_complete": (_status, [_result_p, _out_int]),
    "accord_result_candidate_count": (_status, [_result_p, _out_size]),
    "accord_result_winner_count": (_status, [_result_p, _out_size]),
    "accord_result_winner": (_status, [_result_p, c_size_t, _out_size]),
    "accord_result_tier_count": (_status, [_result_p, _out_size]),
    "accord_result_tier_size": (_status, [_result_p, c_size_t, _out_size]),
    "accord_result_tier_member": (_status, [_result_p, c_size_t, c_size_t, _out_size]),
    "accord_result_score": (_status, [_result_p, c_size_t, _out_str]),
    "accord_result_round_count": (_status, [_result_p, _out_size]),
    "accord_result_round_tally": (_status, [_result_p, c_size_t, c_size_t, _out_str]),
    "accord_result_round_exhausted": (_status, [_result_p, c_size_t, _out_str]),
    "accord_result_round_eliminated_count": (_status, [_result_p, c_size_t, _out_size]),
    "accord_result_round_eliminated": (_status, [_result_p, c_size_t, c_size_t, _out_size]),
    "accord_result_round_elected_count": (_status, [_result_p, c_size_t, _out_size]),
    "accord_result_round_elected": (_status, [_result_p, c_size_t, c_size_t, _out_size]),
    "accord_result_tie_count": (_status, [_result_p, _out_size]),
    "accord_result_tie": (_status, [_result_p, c_size_t, _out_size, _out_str, _out_str]),
    "accord_result_tie_candidate_count": (_status, [_result_p, c_size_t, _out_size]),
    "accord_result_tie_candidate": (_status, [_result_p, c_size_t, c_size_t, _out_size]),
    "accord_result_tie_chosen_count": (_status, [_result_p, c_size_t, _out_size]),
    "accord_result_tie_chosen": (_status, [_result_p, c_size_t, c_size_t, _out_size]),
    "accord_power": (_status, [c_char_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_power_result_json": (_status, [c_void_p, _out_str]),
    "accord_power_result_free": (None, [c_void_p]),
    "accord_power_org": (_status, [c_void_p, c_char_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_org_load": (_status, [c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_org_free": (None, [c_void_p]),
    "accord_org_unit_count": (_status, [c_void_p, _out_size]),
    "accord_weights": (_status, [c_void_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_weights_two_level": (_status, [c_void_p, c_char_p, c_char_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_analysis_defaults": (_status, [POINTER(c_void_p)]),
    "accord_profile_add_rankings_bulk": (_status, [_profile_p, c_void_p, c_size_t, c_size_t, c_int, c_void_p, c_void_p,
                                                   c_void_p, c_void_p, POINTER(c_char_p), c_size_t]),
    "accord_profile_to_json": (_status, [_profile_p, POINTER(c_void_p)]),
    "accord_org_to_json": (_status, [c_void_p, POINTER(c_void_p)]),
    "accord_report_html": (_status, [_profile_p, c_void_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_string_free": (None, [c_void_p]),
    "accord_org_set_attribute": (_status, [c_void_p, c_char_p, c_char_p, c_char_p]),
    "accord_decide": (_status, [c_void_p, c_char_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_apportion": (_status, [c_void_p, c_char_p, ctypes.c_uint64, c_char_p, POINTER(c_void_p)]),
    "accord_profile_add_ranking_for": (_status, [_profile_p, c_char_p, POINTER(c_int32), c_size_t, c_uint64, c_char_p]),
    "accord_run_weighted": (_status, [_profile_p, c_void_p, c_char_p, c_char_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_analyse_smaa": (_status, [_profile_p, c_void_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_analyse_sweep": (_status, [_profile_p, c_void_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_analyse_tipping": (_status, [_profile_p, c_void_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    # 0.4: AHP, MCDA, synthetic electorates
    "accord_ahp": (_status, [c_void_p, c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_mcda": (_status, [c_char_p, c_char_p, POINTER(c_void_p)]),
    "accord_mcda_smaa": (_status, [c_char_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
    "accord_generate": (_status, [c_char_p, c_char_p, _profile_p, _out_profile]),
    "accord_analyse_electorates": (_status, [_profile_p, c_char_p, c_void_p, c_void_p, POINTER(c_void_p)]),
}

# int (*)(double fraction, void *user_data): return 0 to go on, non-zero to cancel.
PROGRESS_FN = ctypes.CFUNCTYPE(c_int, ctypes.c_double, c_void_p)


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = sorted(here.glob("libaccord.so*"))
    root = here.parent.parent.parent  # bindings/python/accord -> repository root
    for build in sorted(root.glob("build*")):
        found += sorted(build.glob("libaccord.so*"))
    env = os.environ.get("ACCORD_LIBRARY")
    if env:
        found.insert(0, Path(env))  # an explicit choice wins
    return found


def _load() -> ctypes.CDLL:
    errors_seen = []
    for path in _candidates():
        try:
            library = ctypes.CDLL(str(path))
        except OSError as exc:  # wrong architecture, missing dependency...
            errors_seen.append(f"{path}: {exc}")
            continue
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(library, name)
            fn.restype = restype
            fn.argtypes = argtypes
        number = library.accord_version_number()
        wanted = VERSION[0] * 10000 + VERSION[1] * 100 + VERSION[2]
        if number != wanted:
            raise errors.AccordError(
                f"{path} is libaccord {library.accord_version_string().decode()}, "
                f"but this package is {'.'.join(map(str, VERSION))}; refusing a mismatched library"
            )
        return library
    detail = "; ".join(errors_seen) if errors_seen else "none found"
    raise errors.AccordError(
        "cannot find libaccord (looked next to the package, in the build tree and at "
        f"$ACCORD_LIBRARY): {detail}"
    )


lib = _load()


def check(status: int) -> None:
    """Raises the exception for a non-zero status, carrying accord_last_error()."""
    if status != 0:
        message = lib.accord_last_error().decode("utf-8", "replace")
        raise errors.from_status(status, message)
