#!/usr/bin/env python3
"""Scale benchmark: `check` and `extract` on generated corpora.

    cargo build --release && cargo build --release --examples
    python3 benches/scale.py [ARTICLES ...]      # default: 1000 4000 16000

Each corpus is made by the gen-corpus example (five outlets a story, seed 7)
under target/bench-corpus/, once. Every run is one process writing JSON to
/dev/null. Each row is the median of RUNS runs (3 unless the environment's
CLAIMCHECK_BENCH_RUNS says otherwise) after one untimed run that brings the
articles into the page cache: the table gives wall time, MB/s and
articles/s over the articles' bytes, the CPU time of all threads and MB/s a
core (MB over CPU seconds), and the process's peak resident memory (the
largest of the runs).
"""

import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "claimcheck")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen-corpus")
RUNS = int(os.environ.get("CLAIMCHECK_BENCH_RUNS", "3"))


def corpus(articles):
    out = os.path.join(ROOT, "target", "bench-corpus", str(articles))
    if not os.path.isdir(os.path.join(out, "articles")):
        subprocess.run([GEN, out, str(articles // 5)], check=True)
    return os.path.join(out, "articles")


def size(folder):
    names = os.listdir(folder)
    return len(names), sum(os.path.getsize(os.path.join(folder, n)) for n in names)


def run(args):
    """Wall seconds, CPU seconds (user and system, all threads) and peak
    resident memory (bytes) of one process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(args, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode(errors="replace")
    elapsed = time.perf_counter() - start
    # `check` exits 1 when it reports findings; 2 and above are failures.
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({p.returncode}): {err.strip()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def main():
    for path in (BIN, GEN):
        if not os.path.exists(path):
            sys.exit(f"missing {path}: cargo build --release && cargo build --release --examples")
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 4000, 16000]
    print(
        f"{'command':8} {'articles':>8} {'MB':>7} {'seconds':>8} {'MB/s':>6} {'articles/s':>10} "
        f"{'cpu s':>6} {'MB/s/core':>9} {'peak MB':>8} {'peak/corpus':>11}"
    )
    for n in sizes:
        folder = corpus(n)
        count, nbytes = size(folder)
        mb = nbytes / 1e6
        for command in ("check", "extract"):
            args = [BIN, command, "--format", "json", folder]
            run(args)
            timed = [run(args) for _ in range(RUNS)]
            secs = statistics.median(t[0] for t in timed)
            cpu = statistics.median(t[1] for t in timed)
            peak = max(t[2] for t in timed)
            print(
                f"{command:8} {count:8d} {mb:7.1f} {secs:8.2f} {mb / secs:6.2f} {count / secs:10.0f} "
                f"{cpu:6.2f} {mb / cpu:9.2f} {peak / 1e6:8.0f} {peak / nbytes:10.1f}x"
            )


if __name__ == "__main__":
    main()
