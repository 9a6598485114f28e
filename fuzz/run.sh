#!/usr/bin/env bash
# Runs one fuzz target (cargo-fuzz, libFuzzer) for SECONDS (default 600):
#   fuzz/run.sh TARGET [SECONDS]
# Targets: dates figures people statements clean html extract.
# Needs the nightly toolchain and `cargo install cargo-fuzz`. The corpus
# grows in fuzz/corpus/TARGET, seeded with the example articles; a crash is
# written to fuzz/artifacts/TARGET/ and makes the run fail.
set -euo pipefail
target=$1
seconds=${2:-600}
cd "$(dirname "$0")"
mkdir -p "corpus/$target"
max_len=4096
case $target in html | extract) max_len=65536 ;; esac
cargo +nightly fuzz run "$target" "corpus/$target" ../examples/harbour-strike -- \
    -max_total_time="$seconds" -dict=claimcheck.dict -max_len="$max_len" -timeout=10 -print_final_stats=1
