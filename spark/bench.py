"""The Spark run against the direct run on generated corpora: wall seconds,
articles a second, each step's time and the bytes an article moves.

    cargo build --release && cargo build --release --examples
    python3 spark/bench.py [ARTICLES...]        # default: 4000 16000

pyspark comes from target/spark-venv (spark/test.sh makes it)."""

import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "claimcheck")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen-corpus")
VENV = os.path.join(ROOT, "target", "spark-venv", "bin")


def corpus(articles):
    out = os.path.join(ROOT, "target", "bench-corpus", str(articles))
    if not os.path.isdir(os.path.join(out, "articles")):
        subprocess.run([GEN, out, str(articles // 5)], check=True)
    return os.path.join(out, "articles")


def timed(args, env=None):
    start = time.perf_counter()
    # spark-submit passes the job's standard error on as its output.
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    if p.returncode > 1:
        sys.exit(f"{' '.join(args)} failed:\n{p.stdout[-2000:]}")
    return time.perf_counter() - start, p.stdout


def main(sizes):
    env = dict(os.environ, PATH=VENV + os.pathsep + os.environ["PATH"])
    report = os.path.join(ROOT, "target", "spark-bench.json")
    print(f"{'run':8} {'articles':>8} {'seconds':>8} {'articles/s':>10}")
    for n in sizes:
        folder = corpus(n)
        direct, _ = timed([BIN, "check", "--format", "json", folder])
        print(f"{'direct':8} {n:8} {direct:8.2f} {n / direct:10.0f}")
        spark, log = timed(["spark-submit", "--master", "local[2]", os.path.join(ROOT, "spark", "check.py"),
                            "--binary", BIN, folder, report], env)
        print(f"{'spark':8} {n:8} {spark:8.2f} {n / spark:10.0f}")
        for line in log.splitlines():
            if line.startswith("claimcheck: ") and "->" not in line:
                print("         " + line[len("claimcheck: "):])


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [4000, 16000])
