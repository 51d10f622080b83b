"""The simulator: reproducible per seed, valid screening CSV, illicit schemes planted at the requested rate."""

from collections import Counter, defaultdict

from armstrace.screening.reader import CsvReader
from armstrace.screening.simulator import SCHEMES, Simulator, write_csv


def test_same_seed_same_file_other_seed_other_file(tmp_path):
    paths = [tmp_path / f"{name}.csv" for name in ("a", "b", "c")]
    planted = [write_csv(path, 3000, seed=seed) for path, seed in zip(paths, (7, 7, 8))]
    assert paths[0].read_bytes() == paths[1].read_bytes() and planted[0] == planted[1]
    assert paths[0].read_bytes() != paths[2].read_bytes()


def test_file_reads_back_without_errors_and_keeps_the_truth_apart(tmp_path):
    source, truth = tmp_path / "s.csv", tmp_path / "truth.csv"
    planted = write_csv(source, 4000, seed=3, truth=truth, illicit_rate=0.02)
    with open(source, newline="", encoding="utf-8") as stream:
        records = list(CsvReader(stream))
    assert len(records) == 4000 and not [r.errors for r in records if r.errors]
    assert "scheme" not in source.read_text(encoding="utf-8").splitlines()[0]
    assert truth.read_text(encoding="utf-8").count("\n") == sum(planted.values()) + 1
    times = [r.consignment.accepted_at for r in records]
    assert times == sorted(times)


def test_every_scheme_is_planted_near_the_rate_and_split_shipments_share_an_address():
    stream = list(Simulator(seed=11, illicit_rate=0.02, per_day=2000).stream(20_000))  # ten days
    schemes = Counter(scheme for _, scheme in stream if scheme)
    assert set(schemes) == set(SCHEMES)
    assert 0.015 < sum(schemes.values()) / len(stream) < 0.025
    by_address = defaultdict(set)
    for c, scheme in stream:
        if scheme == "split_shipment":
            by_address[c.addressee_address].add(c.sender_name)
    assert max(len(senders) for senders in by_address.values()) >= 3


def test_default_rate_is_about_one_in_two_thousand():
    planted = sum(1 for _, scheme in Simulator(seed=5).stream(100_000) if scheme)
    assert 30 <= planted <= 75
