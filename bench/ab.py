"""A/B-measure an isolet setting over HTTP: `isolet dev` with environment A vs B, wrk, interleaved runs.

    .venv/bin/python bench/ab.py --a ISOLET_SYNC_DISPATCH=0 --b ISOLET_SYNC_DISPATCH=1 \\
        [--workload hello] [--concurrency 1,16,64] [--runs 5] [--duration 3]
    .venv/bin/python bench/ab.py --a-isolet /tmp/old/.venv/bin/isolet     # another checkout as A

`--a-isolet`/`--b-isolet` run a side with another `isolet` executable, e.g. an
older commit (`git worktree add /tmp/old HEAD~1`, then a venv there with
`pip install -e /tmp/old`).

Each run starts a fresh server per side (A then B, alternating), warms it up for 1 s, then runs wrk at
each concurrency. Prints the median req/s (and p50/p99, MiB/s, peak RSS) of each side and the B/A
ratio, plus every run's figures, so noise on the shared machine is visible. Uses bench/run.py's helpers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--b", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--a-isolet", type=Path, default=bench.ISOLET, help="the isolet executable of side A")
    ap.add_argument("--b-isolet", type=Path, default=bench.ISOLET, help="the isolet executable of side B")
    ap.add_argument("--isolet-arg", action="append", default=[], help="an extra `isolet dev` argument (both sides)")
    ap.add_argument("--workload", default="hello")
    ap.add_argument("--concurrency", default="1,16,64")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--duration", type=int, default=3)
    args = ap.parse_args()
    wl = bench.load_workload(args.workload)
    bench.ISOLET_ARGS.extend(args.isolet_arg)
    concs = [int(c) for c in args.concurrency.split(",")]
    sides = {"A": args.a, "B": args.b}
    res: dict[str, dict[int, list[dict]]] = {s: {c: [] for c in concs} for s in sides}
    try:
        for run in range(args.runs):
            for side, env in sides.items():
                bench.ISOLET_ENV.clear()
                bench.ISOLET_ENV.update(dict(e.split("=", 1) for e in env))
                bench.ISOLET = args.a_isolet if side == "A" else args.b_isolet
                srv = bench.start_server("isolet", wl, Path("/nonexistent"), f"ab{side}{run}")
                try:
                    bench.wait_ready(srv, wl.seed or wl.path)
                    if wl.seed:
                        bench.probe(srv.port, wl.seed)
                    bench.run_wrk(srv.port, wl.path, max(concs), 1)
                    for c in concs:
                        r = bench.run_wrk(srv.port, wl.path, c, args.duration, pid=srv.proc.pid)
                        res[side][c].append(r)
                        print(
                            f"run {run} {side} c={c:<3} {r['rps']:9.0f} req/s p50 {bench.fmt(r['p50'])} "
                            f"p99 {bench.fmt(r['p99'])} ms {bench.fmt(r['mb_s'], 1)} MiB/s "
                            f"rss {bench.fmt(r['peak_rss_mib'], 0)} other {bench.fmt((r['other_cpu'] or 0) * 100, 0)}%",
                            file=sys.stderr,
                        )
                finally:
                    bench._kill(srv.proc)
    finally:
        bench._kill_all()
    print(f"A = {' '.join(args.a) or '(default)'}; B = {' '.join(args.b) or '(default)'}; workload {wl.name}; "
          f"{args.runs} runs x {args.duration} s, medians")
    print(
        "| conc | A req/s | B req/s | B/A | A p50/p99 ms | B p50/p99 ms | A / B MiB/s "
        "| A runs (req/s / MiB/s) | B runs |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---|---|")
    ratio = lambda b, a: f"{b / a:.2f}" if a else "n/a"  # noqa: E731
    for c in concs:
        a, b = res["A"][c], res["B"][c]
        ma, mb = statistics.median(r["rps"] for r in a), statistics.median(r["rps"] for r in b)
        def lat(rs: list[dict]) -> str:
            return f"{bench.fmt(bench.med([r['p50'] for r in rs]))} / {bench.fmt(bench.med([r['p99'] for r in rs]))}"

        mbs = f"{bench.fmt(bench.med([r['mb_s'] for r in a]), 1)} / {bench.fmt(bench.med([r['mb_s'] for r in b]), 1)}"
        runs = lambda rs: " ".join(f"{r['rps']:.0f}/{bench.fmt(r['mb_s'], 0)}" for r in rs)  # noqa: E731
        print(
            f"| {c} | {ma:,.0f} | {mb:,.0f} | {ratio(mb, ma)} | {lat(a)} | {lat(b)} | {mbs} "
            f"| {runs(a)} | {runs(b)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
