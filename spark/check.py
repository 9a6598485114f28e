"""claimcheck on Apache Spark: the report of `claimcheck check --format json
INPUT_DIR`, byte for byte, from a distributed run (README.md beside this file).

    spark-submit --master 'local[2]' spark/check.py INPUT_DIR report.json

The work is the binary's, run through RDD.pipe; this job only moves lines:

1. map: each article as a JSON line -> `claimcheck keys` (its fingerprint);
2. driver: every document's keys -> `claimcheck assign` (story, date, copies);
3. shuffle by story -> `claimcheck check --input story-jsonl` per partition;
4. driver: every part -> `claimcheck merge` (the report, written atomically).
"""

import argparse
import base64
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter

from pyspark import SparkConf, SparkContext, StorageLevel, TaskContext

ARTICLE_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
MANIFEST_NAMES = ("claimcheck.yaml", "sources.yaml")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input_dir", help="folder of articles (local, HDFS, S3...), walked recursively")
    p.add_argument("report", help="where the driver writes the JSON report")
    p.add_argument("--binary", default="claimcheck",
                   help="the claimcheck binary as the executors see it (default: on PATH)")
    p.add_argument("--rules", help="a YAML rule file or folder the executors can read (default: built-in rules)")
    p.add_argument("--manifest", help="source metadata file the executors can read "
                   "(default: claimcheck.yaml or sources.yaml in a local INPUT_DIR)")
    p.add_argument("--partitions", type=int, default=0,
                   help="partitions of the documents and of the stories (default: Spark's parallelism)")
    return p.parse_args(argv)


def is_local(input_dir):
    return "://" not in input_dir and not input_dir.startswith("file:")


def is_article(name):
    return (not name.startswith(".") and name not in MANIFEST_NAMES
            and name.lower().endswith(ARTICLE_EXTENSIONS))


def list_articles(sc, input_dir):
    """The folder as a prefix of its files' names, and the articles under it,
    as the binary walks a folder: by extension, no hidden files, no manifest."""
    if is_local(input_dir):
        base = input_dir.rstrip("/") or "/"
        found = []
        for folder, dirs, names in os.walk(input_dir, followlinks=True):
            found += [os.path.join(base, os.path.relpath(os.path.join(folder, n), input_dir))
                      for n in names if is_article(n)]
        return base, found
    jvm = sc._jvm
    root = jvm.org.apache.hadoop.fs.Path(input_dir)
    fs = root.getFileSystem(sc._jsc.hadoopConfiguration())
    base = fs.makeQualified(root).toString().rstrip("/")
    found = []
    it = fs.listFiles(root, True)
    while it.hasNext():
        uri = it.next().getPath().toString()
        if is_article(uri.rsplit("/", 1)[-1]):
            found.append(uri)
    return base, found


def read_local(uri):
    with open(uri, "rb") as f:
        return uri, f.read()


def ids_by_uri(base, input_dir, uris):
    """Each article's id and path as `claimcheck check INPUT_DIR` names it: its
    file name, or its path where two files share a name."""
    uses = Counter(u.rsplit("/", 1)[-1] for u in uris)
    named = {}
    for u in uris:
        path = os.path.join(input_dir, u[len(base) + 1:])
        name = u.rsplit("/", 1)[-1]
        named[u] = (name if uses[name] == 1 else path, path)
    return named


def document(named, uri, data):
    doc_id, path = named[uri]
    doc = {"id": doc_id, "path": path}
    try:
        doc["text"] = data.decode("utf-8")
    except UnicodeDecodeError:
        doc["base64"] = base64.b64encode(data).decode("ascii")
    return doc_id, json.dumps(doc)


def assignment(line):
    """(id, (story, the assignment's other fields as JSON text without braces))."""
    a = json.loads(line)
    doc_id = a.pop("id")
    return doc_id, (a["story"], json.dumps(a)[1:-1])


def fail_first_attempt(index, lines):
    """For the retry test (CLAIMCHECK_SPARK_FAIL_ONCE=1): the first attempt of
    the first story partition fails, as a lost executor would."""
    if (os.environ.get("CLAIMCHECK_SPARK_FAIL_ONCE") == "1" and index == 0
            and TaskContext.get().attemptNumber() == 0):
        raise RuntimeError("claimcheck: failing the first attempt on purpose")
    return lines


def on_driver(binary, args, lines, written=lambda: None):
    """Runs the binary on the driver over lines written to a local file;
    `written` is called once they all are."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for line in lines:
            f.write(line + "\n")
    written()
    try:
        run = subprocess.run([binary, *args, f.name], check=True, stdout=subprocess.PIPE, text=True)
        return run.stdout.splitlines()
    finally:
        os.unlink(f.name)


class Clock:
    """Seconds each step took, on stderr: where a run's time goes."""

    def __init__(self):
        self.last = time.monotonic()

    def lap(self, step):
        now = time.monotonic()
        print(f"claimcheck: {step} {now - self.last:.1f} s", file=sys.stderr)
        self.last = now


def main(argv):
    clock = Clock()
    args = parse_args(argv)
    sc = SparkContext(conf=SparkConf().setAppName("claimcheck"))
    sc.setLogLevel("WARN")
    parts = args.partitions or sc.defaultParallelism
    manifest = args.manifest
    if manifest is None and os.path.isdir(args.input_dir):
        manifest = next((os.path.join(args.input_dir, m) for m in MANIFEST_NAMES
                         if os.path.isfile(os.path.join(args.input_dir, m))), None)
    with_manifest = ["--manifest", manifest] if manifest else []
    env = {"RAYON_NUM_THREADS": "1"}  # one core a task: Spark runs one task a core

    clock.lap("spark started")
    base, uris = list_articles(sc, args.input_dir)
    if not uris:
        sc.stop()
        print(f"claimcheck: {args.input_dir}: no articles found ({', '.join(ARTICLE_EXTENSIONS)})", file=sys.stderr)
        sys.exit(2)  # as `claimcheck check` exits on a folder without articles
    named = sc.broadcast(ids_by_uri(base, args.input_dir, uris))
    if is_local(args.input_dir):
        # Read where the task runs: Hadoop's reader costs milliseconds a file.
        files = sc.parallelize(sorted(uris), parts).map(read_local)
    else:
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        files = sc.binaryFiles(args.input_dir, minPartitions=parts).filter(lambda kv: kv[0] in named.value)
    docs = files.map(lambda kv: document(named.value, kv[0], kv[1])).persist(StorageLevel.MEMORY_AND_DISK)

    # 1-2: keys on the executors, the corpus-wide stages on the driver.
    keys = docs.values().pipe(shlex.join([args.binary, "keys", "-", *with_manifest]), env=env, checkCode=True)
    sizes = {"keys": 0, "shuffled": sc.accumulator(0), "parts": 0, "articles": 0, "skipped": 0}

    def usable(lines):
        """The keys of documents that were read; the others logged."""
        for line in lines:
            sizes["keys"] += len(line) + 1
            # Only a line that may be an error is parsed here.
            error = json.loads(line).get("error") if '"error"' in line else None
            if error is not None:
                sizes["skipped"] += 1
                print("claimcheck: skipped: " + error, file=sys.stderr)
                continue
            sizes["articles"] += 1
            yield line

    # Written to the driver's disk as they come: never all held here.
    assigned = on_driver(args.binary, ["assign"], usable(keys.toLocalIterator()),
                         lambda: clock.lap("read and keys"))
    clock.lap("assign")
    assignments = sc.parallelize([assignment(a) for a in assigned], parts)

    # 3: whole stories to the executors.
    shuffled = sizes["shuffled"]

    def story_line(kv):
        doc, (story, fields) = kv[1]
        # The document's object with the assignment's fields added, as text:
        # no article is parsed again on its way to its story.
        line = doc[:-1] + ", " + fields + "}"
        # The document and its assignment meet in one shuffle (by id), then
        # go to their story in another.
        shuffled.add(len(doc) + len(fields) + len(line))
        return story, line

    check = [args.binary, "check", "--input", "story-jsonl", "-", *with_manifest]
    if args.rules:
        check += ["--rules", args.rules]
    results = (docs.join(assignments, parts)
               .map(story_line)
               .groupByKey(parts)
               .flatMap(lambda kv: kv[1])
               .mapPartitionsWithIndex(fail_first_attempt)
               .pipe(shlex.join(check), env=env, checkCode=True))

    # 4: the report.
    def counted(lines):
        for line in lines:
            sizes["parts"] += len(line) + 1
            yield line

    on_driver(args.binary, ["merge", "-o", args.report], counted(results.toLocalIterator()),
              lambda: clock.lap("check stories"))
    clock.lap("merge")
    docs.unpersist()
    sc.stop()
    n = max(sizes["articles"], 1)
    print(f"claimcheck: {sizes['articles']} articles, {sizes['skipped']} skipped -> {args.report}", file=sys.stderr)
    print(f"claimcheck: bytes an article: keys to the driver {sizes['keys'] / n:.0f}, "
          f"shuffled (by id, then by story) {sizes['shuffled'].value / n:.0f}, parts to the driver {sizes['parts'] / n:.0f}",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
