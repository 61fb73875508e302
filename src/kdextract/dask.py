"""Parse an archive on a Dask cluster: a bag of documents, DataFrames and Parquet tables of records.

    from pathlib import Path
    from dask.distributed import Client
    import kdextract.dask as kd

    client = Client("tcp://scheduler:8786")
    docs = kd.parse_bag(sorted(Path("/data/arkiv").rglob("*.pdf")), npartitions=400)
    kd.to_parquet(docs, "/data/records")  # /data/records/amounts/part-00000.parquet, ...

Each partition is parsed like ``kdextract.parse_many`` (NER over batches of ``batch_size``
texts; the model loads once per worker process and stays loaded), and the results are the
documents a serial run gives, in input order. Paths must be readable by every worker (a
shared file system). Failures become ``ParseFailure`` records by default (``on_error``), so
one bad file never stops a cluster job; ``to_parquet`` writes them to a ``failures`` table.
Needs ``pip install 'kdextract[dask]'``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kdextract.api import DateLike, Engine, Extractor
from kdextract.batch import OnError, Source, run
from kdextract.models import Document
from kdextract.output.parquet import TABLES, schema, to_arrow
from kdextract.output.tables import require
from kdextract.parsers.dates.reference import reference_day

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd

__all__ = ["parse_bag", "to_dataframe", "to_parquet"]


def _dask(module: str) -> Any:
    return require(module, f"kdextract.dask (pip install 'kdextract[dask]'), through {module}")


def _parse_partition(sources: Iterable[Source], parser: Extractor, document_date: dt.date | None,
                     batch_size: int, on_error: OnError) -> list[Document]:
    return list(run(sources, parser=parser, batch_size=batch_size, progress=False, document_date=document_date,
                    on_error=on_error))


def parse_bag(
    sources: Sequence[Source] | db.Bag,
    *,
    npartitions: int | None = None,
    batch_size: int = 16,
    on_error: OnError = "record",
    document_date: DateLike = None,
    engine: Engine = "spacy",
    model_path: str | os.PathLike[str] | None = None,
    ner: bool = True,
    ocr_repair: bool | None = None,
) -> db.Bag:
    """A Dask bag of the ``Document`` of each source (paths or texts, or a bag of them), lazily.

    npartitions: how many partitions a sequence is split into (Dask's default otherwise); a
        partition is parsed by one worker, so use several per worker core for even load.
    on_error: "record" (default: a ``ParseFailure`` in the failed source's place), "skip" or "raise".
    The other options are ``kdextract.parse``'s.
    """
    bag_module = _dask("dask.bag")
    bag = sources if isinstance(sources, bag_module.Bag) else bag_module.from_sequence(
        list(sources), npartitions=npartitions)
    parser = Extractor(engine=engine, model_path=model_path, ner=ner, ocr_repair=ocr_repair)
    parsed: db.Bag = bag.map_partitions(_parse_partition, parser, reference_day(document_date, "document_date"), batch_size, on_error)
    return parsed


def _frame(docs: Iterable[Document], kind: str) -> Any:
    pd = require("pandas", "kdextract.dask.to_dataframe")
    return to_arrow(list(docs), kind).to_pandas(types_mapper=pd.ArrowDtype)


def to_dataframe(docs: db.Bag, kind: str = "documents") -> dd.DataFrame:
    """A Dask DataFrame of the ``kind`` table of a bag of documents (columns as in Parquet, Arrow dtypes).

    ``kind`` is a record kind ("amounts", "decisions", ...), "documents" or "failures"; money
    is an exact ``decimal128(38, 6)[pyarrow]`` column.
    """
    dataframe = _dask("dask.dataframe")
    delayed = _dask("dask").delayed
    pd = require("pandas", "kdextract.dask.to_dataframe")
    meta = schema(kind).empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    parts = [delayed(_frame)(part, kind) for part in _partitions(docs)]
    frame: dd.DataFrame = dataframe.from_delayed(parts, meta=meta, verify_meta=False)
    return frame


def _partitions(docs: db.Bag) -> list[Any]:
    """One Dask ``Delayed`` per partition of ``docs``, in order."""
    parts: list[Any] = docs.to_delayed()  # type: ignore[no-untyped-call,unused-ignore]
    return parts


def _write_partition(docs: Iterable[Document], folder: str, number: int, kinds: Sequence[str]) -> int:
    pq = require("pyarrow.parquet", "kdextract.dask.to_parquet")
    documents = list(docs)
    for kind in kinds:
        pq.write_table(to_arrow(documents, kind), os.path.join(folder, kind, f"part-{number:05d}.parquet"))
    return len(documents)


def to_parquet(docs: db.Bag, folder: str | os.PathLike[str], *, kinds: Sequence[str] = TABLES) -> dict[str, Path]:
    """Parse (compute) ``docs`` and write ``folder/<kind>/part-NNNNN.parquet``, one file per partition.

    Returns the folder of each table; every file of a table has the same schema, so
    ``pd.read_parquet(folder / "amounts")``, ``pl.read_parquet(f"{folder}/amounts/*.parquet")``
    and DuckDB's ``FROM 'records/amounts/*.parquet'`` read a table whole, in input order.
    """
    dask = _dask("dask")
    root = Path(folder)
    for kind in kinds:
        schema(kind)  # an unknown kind fails here, before any work
        (root / kind).mkdir(parents=True, exist_ok=True)
    tasks = [dask.delayed(_write_partition)(part, str(root), n, tuple(kinds)) for n, part in enumerate(_partitions(docs))]
    dask.compute(*tasks)
    return {kind: root / kind for kind in kinds}
