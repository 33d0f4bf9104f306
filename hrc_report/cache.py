"""Things built at every start, kept in the user cache folder between runs.

A cold `compare` rebuilds the same structures from the same files each time
(the name index from its data files and Babel's names, langdetect's profiles).
Each is stored once, pickled, under a key made of everything it is built from,
and read back at the next start; a changed source gives a new key, so a stale
copy is never read. A copy that cannot be read is rebuilt; one that cannot be
written only costs the build again.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


def key_of(parts: Iterable[bytes | str]) -> str:
    """A short key for the sources of a built thing (file contents, versions)."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def load_or_build(kind: str, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, read from the cache folder when it was stored under ``key``."""
    from .output import write_atomic
    from .web import cache_folder

    path = cache_folder() / kind / f"{key}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError, IndexError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as error:
        log.info("%s not cached (%s)", kind, error)
    return built
