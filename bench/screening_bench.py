"""Benchmark: parcel risk screening on a simulated stream (default 1,000,000 consignments, ~1 in 2,000 planted).

    .venv/bin/python bench/screening_bench.py --n 1000000 [--per-day 5000] [--seed 2026]

The simulator (armstrace/screening/simulator.py, seeded) writes the screening CSV and, apart, the ids of the planted
consignments. `armstrace screening score` then scores the file in a child process, twice (half of the file, then
all of it), timed, with the child's peak RSS; the file is never loaded whole. From the scored file, in the same run:
the share of the planted consignments that fall in the top 1 % and top 5 % of scores, for the default rule set, for
a random order and for a single rule (HS chapter 93 declared). Ties are broken in one random order for all three.
Not run by pytest.
"""

import argparse
import csv
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


API_POSTED = 2 * 200 + 6  # consignments after the stored ones that screening_api.py POSTs (its default requests)


def simulate(directory, n, seed, per_day):
    from armstrace.screening.simulator import write_csv

    source, truth = directory / "consignments.csv", directory / "planted.csv"
    started = time.perf_counter()
    planted = write_csv(source, n, seed=seed, truth=truth, per_day=per_day)
    print(f"simulated {n:,} consignments ({sum(planted.values())} planted: "
          f"{', '.join(f'{k} {v}' for k, v in sorted(planted.items()))}) in {time.perf_counter() - started:.1f} s")
    return source, truth


def head(source, n, target):
    """The first n consignments of `source` (whole consignments) into `target`."""
    with open(source, newline="", encoding="utf-8") as stream, open(target, "w", newline="", encoding="utf-8") as out:
        reader, writer = csv.reader(stream), csv.writer(out, lineterminator="\n")
        writer.writerow(next(reader))
        seen, last = 0, None
        for row in reader:
            if row[0] != last:
                seen, last = seen + 1, row[0]
                if seen > n:
                    break
            writer.writerow(row)
    return target


def score(source, out):
    """Run `armstrace screening score` in a child process: (seconds, peak RSS MiB, CPU seconds)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "armstrace", "screening", "score", str(source), "--out", str(out)],
                             stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"screening score failed on {source}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def read_scored(path):
    """[(consignment_id, risk_score, declares chapter 93)] one per consignment."""
    result = {}
    with open(path, newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            cid = row["consignment_id"]
            chapter_93 = row["hs_code"].startswith("93")
            if cid in result:
                result[cid] = (cid, result[cid][1], result[cid][2] or chapter_93)
            else:
                result[cid] = (cid, float(row["risk_score"]), chapter_93)
    return list(result.values())


def capture(ranked, planted, share):
    top = ranked[:max(1, math.ceil(len(ranked) * share))]
    return sum(1 for cid in top if cid in planted) / len(planted)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--per-day", type=int, default=5000, help="consignments a day (sets the simulated time span)")
    parser.add_argument("--api-stored", type=int, default=20000,
                        help="consignments stored before the API's latency is measured (0: not measured)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="armstrace-screening-bench-") as tmp:
        directory = Path(tmp)
        source, truth = simulate(directory, args.n, args.seed, args.per_day)
        startup, _, startup_cpu = score(head(source, 0, directory / "empty.csv"), directory / "empty-out.csv")
        small_n = max(1, args.n // 2)
        small_seconds, small_rss, small_cpu = score(head(source, small_n, directory / "small.csv"), directory / "small-out.csv")
        seconds, rss, cpu = score(source, directory / "scored.csv")
        with open(truth, newline="", encoding="utf-8") as stream:
            planted = {}
            for row in csv.DictReader(stream):
                planted[row["consignment_id"]] = row["scheme"]
        scored = read_scored(directory / "scored.csv")
        if args.api_stored:
            subprocess.run([sys.executable, str(Path(__file__).with_name("screening_api.py")), str(source),
                            "--stored", str(min(args.api_stored, args.n - API_POSTED))], check=True)
    tie = random.Random(args.seed)
    order = {cid: tie.random() for cid, _, _ in scored}
    rankings = {
        "ArmsTrace default rule set": sorted(scored, key=lambda s: (-s[1], order[s[0]])),
        "single rule: HS chapter 93": sorted(scored, key=lambda s: (not s[2], order[s[0]])),
        "random order": sorted(scored, key=lambda s: order[s[0]]),
    }
    days = args.n / args.per_day
    print(f"\n{len(scored):,} consignments over {days:.0f} days, {len(planted)} planted ({len(planted) / len(scored) * 2000:.2f} per 2,000)")
    print("| method | planted in top 1 % | planted in top 5 % |\n|---|---|---|")
    for name, ranked in rankings.items():
        ids = [s[0] for s in ranked]
        print(f"| {name} | {capture(ids, planted, 0.01):.1%} | {capture(ids, planted, 0.05):.1%} |")
    top = {s[0] for s in rankings["ArmsTrace default rule set"][:math.ceil(len(scored) * 0.01)]}
    print("\nper scheme, in the top 1 %: " + ", ".join(
        f"{scheme} {sum(1 for c, s in planted.items() if s == scheme and c in top)}/"
        f"{sum(1 for s in planted.values() if s == scheme)}" for scheme in sorted(set(planted.values()))))
    print(f"\nscreening score (a child process; its start, {startup:.1f} s / {startup_cpu:.1f} CPU s on an empty file, "
          "taken off the rates):")
    for count, elapsed, peak, used in ((small_n, small_seconds, small_rss, small_cpu), (len(scored), seconds, rss, cpu)):
        print(f"  {count:,} consignments: {elapsed:.1f} s, {count / max(elapsed - startup, 1e-9):,.0f} consignments/s "
              f"wall, {count / max(used - startup_cpu, 1e-9):,.0f} per CPU second, peak RSS {peak:.0f} MiB")
    print(f"  peak RSS growth, {len(scored):,} vs {small_n:,} consignments: {rss / small_rss:.2f}x (flat: 1.00; "
          f"the velocity state fills its history window, {history_days()} days, then stays bounded by it)")


def history_days():
    from armstrace.screening.ruleset import load_rules

    return load_rules().rules["first_time_high_risk_flow"].get("history_days", 30)


if __name__ == "__main__":
    main()
