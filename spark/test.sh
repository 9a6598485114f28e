#!/usr/bin/env bash
# The Spark run against the direct run: byte-identical reports on the
# example corpus, 1,000 generated articles and a corpus of awkward cases,
# in local[2] mode. Installs pyspark into target/spark-venv on first use.
# Usage: spark/test.sh [BINARY]   (default target/release/claimcheck)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/claimcheck}")
venv=target/spark-venv
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r spark/requirements.txt
fi
export PATH="$PWD/$venv/bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

same() { # NAME DIR [spark-submit options...] [-- job options...]
  local name=$1 dir=$2; shift 2
  local submit=() job=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do submit+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  job=("$@")
  "$bin" check --format json --quiet "$dir" > "$work/direct.json" || [ $? -eq 1 ]
  spark-submit "${submit[@]}" spark/check.py --binary "$bin" "${job[@]}" \
    "$dir" "$work/spark.json" > "$work/spark.log" 2>&1 || { tail -30 "$work/spark.log"; exit 1; }
  if [ -n "${CLAIMCHECK_SPARK_FAIL_ONCE:-}" ] && ! grep -q "failing the first attempt on purpose" "$work/spark.log"; then
    echo "spark: $name: no task failed: the retry went untested"; exit 1
  fi
  if cmp -s "$work/direct.json" "$work/spark.json"; then
    echo "spark: $name: byte-identical ($(grep -c '"rule"' "$work/direct.json") findings)"
  else
    echo "spark: $name: reports differ"; diff "$work/direct.json" "$work/spark.json" | head -20; exit 1
  fi
}

same "example corpus" examples/harbour-strike --master 'local[2]'

[ -d target/bench-corpus/1000/articles ] ||
  cargo run --quiet --release --example gen-corpus -- target/bench-corpus/1000 200
same "1,000 generated articles" target/bench-corpus/1000/articles --master 'local[2]'

# Awkward cases: two files of one name in two folders, a file in
# Windows-1252, a binary file named as an article (skipped by both), a
# non-article; more partitions than documents (empty ones, every story
# split across input partitions); the first story task fails once and
# is retried (local[2,3] allows retries).
mixed="$work/mixed"
mkdir -p "$mixed/wire" "$mixed/web"
cp examples/harbour-strike/* "$mixed/"
cp examples/harbour-strike/harbour-daily.txt "$mixed/wire/harbour-daily.txt"
printf 'Valmora, 12 March 2024\n\nThe port\xe2\x80\x99s union said 300 cranes stood idle.\n' | iconv -f utf-8 -t windows-1252 > "$mixed/web/legacy.txt"
printf 'GIF89a\x00\x01\x00binary' > "$mixed/web/picture.txt"
echo "not an article" > "$mixed/notes.csv"
CLAIMCHECK_SPARK_FAIL_ONCE=1 same "awkward cases, 16 partitions, a failed task retried" "$mixed" \
  --master 'local[2,3]' -- --partitions 16

# A folder without articles: no report, exit status 2, as `check` gives.
mkdir "$work/empty"
status=0
spark-submit --master 'local[2]' spark/check.py --binary "$bin" "$work/empty" "$work/none.json" > "$work/spark.log" 2>&1 || status=$?
if [ "$status" -ne 2 ] || [ -e "$work/none.json" ]; then
  echo "spark: a folder without articles: exit $status"; tail -5 "$work/spark.log"; exit 1
fi
echo "spark: a folder without articles: exit 2, no report"
