"""kdextract.dask on a real dask.distributed LocalCluster (two worker processes) against a serial run."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports import write_reports

import kdextract
from kdextract.batch import ParseFailure
from kdextract.output.parquet import TABLES, to_arrow


dask = pytest.importorskip("dask")
distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

kd = pytest.importorskip("kdextract.dask")


def _archive(tmp_path: Path, n: int) -> list[Path]:
    paths = write_reports(tmp_path / "arkiv", n, "{:02d}.txt")
    paths[5].write_bytes(b"\x00\x01 not text")
    return paths


@pytest.fixture(scope="module")
def client() -> object:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.mark.slow
def test_cluster_output_equals_the_serial_output(tmp_path: Path, client: object) -> None:
    paths = _archive(tmp_path, 14)
    serial = list(kdextract.parse_many(paths, on_error="record"))
    bag = kd.parse_bag(paths, npartitions=4)
    assert bag.npartitions == 4
    on_cluster = bag.compute()
    assert [d.model_dump() for d in on_cluster] == [d.model_dump() for d in serial]
    assert isinstance(on_cluster[5], ParseFailure) and on_cluster[5].error == "InputError"
    assert any(d.people for d in on_cluster)  # NER ran on the workers

    folders = kd.to_parquet(bag, tmp_path / "records")
    assert set(folders) == set(TABLES)
    assert len(list(folders["amounts"].glob("part-*.parquet"))) == 4
    for kind in TABLES:
        assert pq.read_table(folders[kind]).equals(to_arrow(serial, kind)), kind

    frame = kd.to_dataframe(bag, "amounts").compute()
    assert list(frame["doc_id"]) == [r["doc_id"] for r in to_arrow(serial, "amounts").to_pylist()]
    assert str(frame["value"].dtype) == "decimal128(38, 6)[pyarrow]"
    assert frame["value"].sum() == sum(a.value for d in serial for a in d.amounts)


def test_local_bag_without_a_cluster_and_errors(tmp_path: Path) -> None:
    paths = _archive(tmp_path, 6)
    docs = kd.parse_bag(paths, npartitions=2, ner=False, on_error="skip").compute(scheduler="sync")
    assert [d.id for d in docs] == [p.name for i, p in enumerate(paths) if i != 5]
    with pytest.raises(kdextract.InputError):
        kd.parse_bag(paths, npartitions=2, ner=False, on_error="raise").compute(scheduler="sync")
    documents = kd.to_dataframe(kd.parse_bag(paths[:2], ner=False)).compute(scheduler="sync")
    assert list(documents["doc_id"]) == ["00.txt", "01.txt"]
    with pytest.raises(kdextract.KdextractError, match="unknown record kind"):
        kd.to_parquet(kd.parse_bag(paths, ner=False), tmp_path / "x", kinds=["persons"])
