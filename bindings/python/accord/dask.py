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

import ctypes
from os import PathLike
from typing import Any, Iterable, Mapping, Union

from ._ffi import check, lib
from .organisation import Organisation
from .profile import Profile
from .result import Result
from .result import run as _run

Shard = Union[str, "PathLike[str]", Profile, bytes]

__all__ = ["summary", "from_summary", "merge", "merged", "run", "run_weighted"]


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


