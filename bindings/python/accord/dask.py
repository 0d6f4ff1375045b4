"""accord.dask: count ballots split into shards on a Dask cluster, with the exact answer.

Each shard (a ballot file, or a Profile) is read on a worker into a summary: its distinct
ballots with exact counts, weights and units (``summary()``, the C API's
accord_profile_serialize). Summaries are merged exactly (accord_profile_merge) in shard order,
pairwise in a tree on the workers, and the count runs once on the merged profile, so the Result
is the one ``accord.run`` gives on the concatenated file. What crosses the network is the
summaries, whose size is the number of distinct ballots, not the number of voters. See
docs/scale.md.

    >>> from distributed import Client, LocalCluster            # doctest: +SKIP
    >>> client = Client(LocalCluster(n_workers=2))               # doctest: +SKIP
    >>> accord.dask.run(["a.csv", "b.csv"], "irv", client=client)  # doctest: +SKIP

Without a client (and no default one) the same steps run in this process.
"""
from __future__ import annotations

import csv
import ctypes
import hashlib
import io
import json
import math
import tempfile
from os import PathLike
from typing import Any, Callable, Iterable, Mapping, Sequence, Union

from ._ffi import check, lib
from ._json_call import call_json
from .analysis import Smaa, Sweep, _smaa_options, _smaa_result, _sweep_options, _sweep_result, analysis_defaults
from .generate import Electorates, _electorates_options, _electorates_result
from .organisation import Organisation
from .profile import Profile
from .result import Result
from .result import run as _run

Shard = Union[str, "PathLike[str]", Profile, bytes]

__all__ = ["summary", "from_summary", "merge", "merged", "run", "run_weighted", "smaa", "electorates", "sweep",
           "fold"]

#: Monte Carlo samples per block: the core's fixed block size (src/analysis/monte_carlo.cpp).
BLOCK = 64


def summary(profile: Profile) -> bytes:
    """The profile as a compact, exact summary (JSON bytes) to ship between processes."""
    out = ctypes.c_void_p()
    check(lib.accord_profile_serialize(profile._handle, ctypes.byref(out)))
    try:
        return ctypes.cast(out, ctypes.c_char_p).value or b""
    finally:
        lib.accord_string_free(out)


def from_summary(data: bytes) -> Profile:
    """The Profile a summary holds, exactly."""
    handle = ctypes.c_void_p()
    check(lib.accord_profile_deserialize(data, len(data), ctypes.byref(handle)))
    p = Profile.__new__(Profile)
    p._adopt(handle)
    return p


def merge(into: Profile, other: Profile) -> None:
    """Adds every ballot of ``other`` to ``into``, exactly (same candidates, kind and seats)."""
    check(lib.accord_profile_merge(into._handle, other._handle))


def _read(shard: Union[str, bytes], read_options: Mapping[str, Any]) -> bytes:
    """On a worker: one shard (a path, or a summary already made) as a summary."""
    if isinstance(shard, bytes):
        return shard
    return summary(Profile.from_file(shard, **dict(read_options)))


def _merge_two(a: bytes, b: bytes) -> bytes:
    """On a worker: two summaries (a before b) as one."""
    p = from_summary(a)
    merge(p, from_summary(b))
    return summary(p)


def _default_client(client: Any) -> Any:
    if client is not None:
        return client
    try:
        from distributed import get_client  # type: ignore[import-not-found]

        return get_client()
    except (ImportError, ValueError):
        return None


def merged(shards: Iterable[Shard], client: Any = None, *, read_options: Mapping[str, Any] | None = None) -> Profile:
    """The profile of all shards, in shard order: read on the workers, merged exactly."""
    items: list[Union[str, bytes]] = []
    for s in shards:
        if isinstance(s, Profile):
            items.append(summary(s))  # a Profile holds a C handle: ship its summary instead
        elif isinstance(s, bytes):
            items.append(s)
        else:
            items.append(str(s))
    if not items:
        raise ValueError("accord.dask: no shards")
    opts = dict(read_options or {})
    client = _default_client(client)
    if client is None:
        parts = [_read(s, opts) for s in items]
        while len(parts) > 1:
            parts = [_merge_two(parts[i], parts[i + 1]) if i + 1 < len(parts) else parts[i]
                     for i in range(0, len(parts), 2)]
        return from_summary(parts[0])
    # Reads are independent; merges form a balanced tree that keeps shard order, so the merged
    # profile (and its order of distinct ballots) is the same however the work is scheduled.
    # pure=False: a shard read again after a worker dies is read afresh, with the same bytes.
    futures = client.map(_read, items, read_options=opts, pure=False)
    while len(futures) > 1:
        nxt = []
        for i in range(0, len(futures), 2):
            if i + 1 < len(futures):
                nxt.append(client.submit(_merge_two, futures[i], futures[i + 1], pure=False))
            else:
                nxt.append(futures[i])
        futures = nxt
    return from_summary(futures[0].result())


def run(shards: Iterable[Shard], method: str, client: Any = None, *, read_options: Mapping[str, Any] | None = None,
        **options: Any) -> Result:
    """Counts the shards together with a registered method: the Result of ``accord.run`` on the
    concatenated ballots. ``read_options`` go to ``Profile.from_file`` on the workers (CSV options
    of docs/formats.md); other keywords are the method's options."""
    return _run(merged(shards, client, read_options=read_options), method, **options)


def run_weighted(shards: Iterable[Shard], org: Organisation, method: str, client: Any = None, *,
                 read_options: Mapping[str, Any] | None = None, **kwargs: Any) -> Result:
    """As ``run``, counted through ``org.run`` (weighting schemes, pooled, normalised or two-stage
    counts): the shards' ballots carry their unit ids through the merge."""
    return org.run(merged(shards, client, read_options=read_options), method, **kwargs)




# ---- analyses split into tasks -------------------------------------------------------------

def fold(parts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Adds parts of a split Monte Carlo run (block ranges, contiguous from block 0, in block
    order) into one total, exactly as one process adds its blocks (accord_analyse_fold)."""
    return call_json(lib.accord_analyse_fold, json.dumps(list(parts)).encode())


def _org_csv(org: Organisation) -> str:
    """The organisation as the generic unit CSV (id,name,kind,parent,population, attributes)."""
    units = org.units_table()
    attrs: list[str] = []
    for u in units:
        for k in (u.get("attributes") or {}):
            if k not in attrs:
                attrs.append(k)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "name", "kind", "parent", "population", *attrs])
    for u in units:
        a = u.get("attributes") or {}
        w.writerow([u["id"], u["name"], u["kind"], u["parent"] or "", u["population"], *[a.get(k, "") for k in attrs]])
    return out.getvalue()


def _org_fingerprint(org: Organisation) -> str:
    """Everything an analysis reads of the organisation, in order (an empty attribute is one the
    generic CSV leaves blank: the same as none)."""
    j = org._json()
    for u in j["units"]:
        u["attributes"] = {k: v for k, v in (u.get("attributes") or {}).items() if v != ""}
    return json.dumps(j, sort_keys=True)


def _ship_org(org: Organisation) -> tuple[str, str]:
    """What a worker needs to rebuild the organisation: its CSV, and its fingerprint to check."""
    text = _org_csv(org)
    expected = _org_fingerprint(org)
    if _org_fingerprint(_load_org(text, None)) != expected:
        raise ValueError("accord.dask: this organisation does not survive the generic unit CSV unchanged; "
                         "pass an organisation read from a generic unit file")
    return text, expected


_cache: dict[str, Any] = {}  # per worker process: profiles and organisations already rebuilt


def _load_org(text: str, expected: str | None) -> Organisation:
    key = "org:" + hashlib.sha256(text.encode()).hexdigest()
    if key not in _cache:
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
            f.write(text)
        try:
            org = Organisation.from_file(f.name)
        finally:
            import os
            os.unlink(f.name)
        if expected is not None and _org_fingerprint(org) != expected:
            raise ValueError("accord.dask: the organisation rebuilt on a worker differs from the original")
        _cache[key] = org
    return _cache[key]


def _load_profile(data: bytes | None) -> Profile | None:
    if data is None:
        return None
    key = "profile:" + hashlib.sha256(data).hexdigest()
    if key not in _cache:
        _cache[key] = from_summary(data)
    return _cache[key]


def _smaa_blocks(data: bytes, org: tuple[str, str], options: Mapping[str, Any], first: int, last: int) -> dict[str, Any]:
    """On a worker: SMAA blocks [first, last) as a part (their partial sums)."""
    o = dict(options, blocks=[first, last])
    return call_json(lib.accord_analyse_smaa, _load_profile(data)._handle, _load_org(*org)._handle,
                     json.dumps(o).encode(), None, None)


def _electorate_blocks(data: bytes | None, options: Mapping[str, Any], first: int, last: int) -> dict[str, Any]:
    """On a worker: electorate blocks [first, last) as a part."""
    p = _load_profile(data)
    o = dict(options, blocks=[first, last])
    return call_json(lib.accord_analyse_electorates, p._handle if p is not None else None, json.dumps(o).encode(),
                     None, None)


def _sweep_cells(data: bytes, org: tuple[str, str], options: Mapping[str, Any], first: int, last: int) -> dict[str, Any]:
    """On a worker: sweep cells [first, last), counted, not compared."""
    o = dict(options, cells=[first, last])
    return call_json(lib.accord_analyse_sweep, _load_profile(data)._handle, _load_org(*org)._handle,
                     json.dumps(o).encode(), None, None)


def _ranges(n: int, per_task: int | None, client: Any) -> list[tuple[int, int]]:
    if per_task is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else 1
        per_task = max(1, math.ceil(n / (4 * max(1, workers))))  # about four tasks per worker
    if per_task < 1:
        raise ValueError("accord.dask: blocks or cells per task must be at least 1")
    return [(a, min(n, a + per_task)) for a in range(0, n, per_task)]


def _gather_in_order(client: Any, fn: Callable[..., Any], args: Sequence[Any],
                     ranges: list[tuple[int, int]]) -> Iterable[Any]:
    """fn(*args, first, last) for every range, on the workers, yielded in range order."""
    if client is None:
        for a, b in ranges:
            yield fn(*args, a, b)
        return
    # pure=False: a task lost with its worker runs again elsewhere; its blocks are seeded by
    # their index, so it returns the same sums.
    futures = [client.submit(fn, *args, a, b, pure=False) for a, b in ranges]
    for f in futures:  # in range order, whatever order they finish in
        yield f.result()
        f.release()


def _fold_all(parts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] | None = None
    for part in parts:
        total = fold([part] if total is None else [total, part])
    assert total is not None
    return total


def smaa(profile: Profile, org: Organisation, rule: str, client: Any = None, *, samples: int = 1000, seed: int = 0,
         threads: int = 1, blocks_per_task: int | None = None, perturb: Union[float, str, None] = None,
         weights: str | None = None, bootstrap: bool = False, scheme: str | None = None, mode: str | None = None,
         level: str | None = None, rule_options: Mapping[str, Any] | None = None, resolution: int | None = None,
         group_scheme: str | None = None, group_level: str | None = None) -> Smaa:
    """``accord.smaa`` with its 64-sample blocks run as Dask tasks (``blocks_per_task`` each,
    default about four tasks per worker; ``threads`` per task). The report is identical to
    ``accord.smaa(profile, org, rule, samples=..., seed=...)`` whatever the workers."""
    o = _smaa_options(rule, samples=samples, seed=seed, threads=threads, perturb=perturb, weights=weights,
                      bootstrap=bootstrap, scheme=scheme, mode=mode, level=level, rule_options=rule_options,
                      resolution=resolution, group_scheme=group_scheme, group_level=group_level)
    client = _default_client(client)
    data, shipped = summary(profile), _ship_org(org)
    ranges = _ranges(math.ceil(o["samples"] / BLOCK), blocks_per_task, client)
    total = _fold_all(_gather_in_order(client, _smaa_blocks, (data, shipped, o), ranges))
    return _smaa_result(_call_finish_smaa(profile, org, o, total))


def _call_finish_smaa(profile: Profile, org: Organisation, options: Mapping[str, Any],
                      total: Mapping[str, Any]) -> dict[str, Any]:
    """The SMAA report from the total of every block (no sample is drawn again)."""
    return call_json(lib.accord_analyse_smaa, profile._handle, org._handle,
                     json.dumps(dict(options, total=total)).encode(), None, None)


def electorates(model: str, rules: Union[str, Sequence[str]] = ("irv",), client: Any = None, *,
                reference: Profile | None = None, samples: int = 1000, seed: int = 0, threads: int = 1,
                blocks_per_task: int | None = None, candidates: int | None = None, voters: int | None = None,
                names: Sequence[str] | None = None, phi: float | None = None,
                center: Sequence[Union[str, int]] | None = None,
                strengths: Union[Sequence[float], Mapping[str, float], None] = None, dimensions: int | None = None,
                rule_options: Mapping[str, Any] | None = None) -> Electorates:
    """``accord.electorates`` with its 64-sample blocks run as Dask tasks: the same report
    whatever the workers."""
    o = _electorates_options(model, rules, samples=samples, seed=seed, threads=threads, candidates=candidates,
                             voters=voters, names=names, phi=phi, center=center, strengths=strengths,
                             dimensions=dimensions, rule_options=rule_options)
    client = _default_client(client)
    data = summary(reference) if reference is not None else None
    ranges = _ranges(math.ceil(o["samples"] / BLOCK), blocks_per_task, client)
    total = _fold_all(_gather_in_order(client, _electorate_blocks, (data, o), ranges))
    j = call_json(lib.accord_analyse_electorates, reference._handle if reference is not None else None,
                  json.dumps(dict(o, total=total)).encode(), None, None)
    return _electorates_result(j)


def sweep(profile: Profile, org: Organisation, rules: Union[str, Sequence[str], None] = None,
          schemes: Union[str, Sequence[str], None] = None, modes: Union[str, Sequence[str], None] = None,
          client: Any = None, *, level: str | None = None, group_level: str | None = None,
          rule_options: Mapping[str, Any] | None = None, group_schemes: Union[str, Sequence[str], None] = None,
          cells_per_task: int | None = None) -> Sweep:
    """``accord.sweep`` with its cells (scheme x group scheme x mode x rule) counted in ranges as
    Dask tasks and compared once here: the same report whatever the workers."""
    o = _sweep_options(rules, schemes, modes, group_schemes, level, group_level, rule_options)
    defaults = analysis_defaults()["sweep"]
    for key in ("rules", "schemes", "modes", "group_schemes"):
        o.setdefault(key, list(defaults[key]))  # the core's defaults, to know the number of cells
    n = len(o["rules"]) * len(o["schemes"]) * len(o["modes"]) * len(o["group_schemes"])
    client = _default_client(client)
    ranges = _ranges(n, cells_per_task, client)
    parts = list(_gather_in_order(client, _sweep_cells, (summary(profile), _ship_org(org), o), ranges))
    j = call_json(lib.accord_analyse_sweep, profile._handle, org._handle,
                  json.dumps(dict(o, counted=parts)).encode(), None, None)
    return _sweep_result(j)
