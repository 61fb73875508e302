"""Faster inference for thinc models: numpy's BLAS on one thread for the matrix products.

thinc's ``NumpyOps`` multiplies matrices with its bundled BLIS; numpy's own BLAS (OpenBLAS in
numpy's wheels, MKL in some builds) does the same products in 40-60 % less CPU time on common
x86 machines, and the token-to-vector layers are mostly matrix products. ``InferenceOps``
routes them there and builds the convolution windows (``seq2col``) with numpy slices. Its
windows are exactly thinc's; its products are the same sums in another order (float32).

numpy's BLAS would start a thread per core for each product, which burns CPU time in waiting
threads and oversubscribes machines that run one process per core, so ``one_blas_thread``
holds it to one thread while kdextract's model runs (and puts the setting back after).
Where the BLAS cannot be held to one thread (``threadpoolctl`` does not know it),
``use_inference_ops`` leaves the model on thinc's ops.

Nothing here imports numpy or thinc at import time (spaCy is loaded on first use).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

#: The pipeline components whose models take the new ops (the NER's own layers stay on thinc's).
COMPONENTS = ("tok2vec",)


@cache
def _ops_class() -> type:
    import numpy
    from thinc.api import NumpyOps

    class InferenceOps(NumpyOps):  # type: ignore[misc]  # thinc is untyped here
        """thinc's NumpyOps with windows by numpy slicing (built with ``use_blis=False``: matrix
        products by numpy's BLAS)."""

        name = "kdextract_inference"

        def seq2col(self, seq: Any, nW: int, *, lengths: Any = None) -> Any:
            """Each row with the ``nW`` rows before and after it in its sequence (zeros beyond)."""
            n, width = seq.shape
            sizes = numpy.asarray([n] if lengths is None else lengths, dtype="int64")
            cols = numpy.zeros((n, 2 * nW + 1, width), dtype=seq.dtype)
            pos = numpy.arange(n) - numpy.repeat(numpy.cumsum(sizes) - sizes, sizes)  # index in its sequence
            after = numpy.repeat(sizes, sizes) - pos - 1  # rows after it in its sequence
            cols[:, nW] = seq
            for d in range(1, nW + 1):
                cols[d:, nW - d] = seq[:-d]
                cols[pos < d, nW - d] = 0
                cols[:-d, nW + d] = seq[d:]
                cols[after < d, nW + d] = 0
            return cols.reshape(n, (2 * nW + 1) * width)

    return InferenceOps


@cache
def _blas_limiter() -> Any:
    """threadpoolctl's controller of the loaded BLAS libraries, or None where it finds none."""
    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(user_api="blas")
    return blas if blas.lib_controllers else None


def inference_ops() -> Any:
    """A new ``InferenceOps`` (a thinc ``NumpyOps``)."""
    return _ops_class()(use_blis=False)


def use_inference_ops(nlp: Language) -> bool:
    """Give the layers of ``nlp``'s ``COMPONENTS`` that run on thinc's ``NumpyOps`` (not on a GPU or
    Apple's ops) ``InferenceOps``; False (nothing changed) where numpy's BLAS cannot be held to one
    thread."""
    from thinc.api import NumpyOps

    if _blas_limiter() is None:
        return False
    ops = inference_ops()
    for name in COMPONENTS:
        if nlp.has_pipe(name):
            model: Any = getattr(nlp.get_pipe(name), "model", None)
            for node in model.walk() if model is not None else ():
                if type(node.ops) is NumpyOps:
                    node.ops = ops
    return True


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Hold the BLAS libraries to one thread inside the block (no-op where none is known)."""
    limiter = _blas_limiter()
    if limiter is None:
        yield
        return
    with limiter.limit(limits=1):
        yield
