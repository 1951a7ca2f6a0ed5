#!/usr/bin/env bash
# Fuzz/run.sh TARGET SECONDS   (or: Fuzz/run.sh all SECONDS)
#
# Builds the libFuzzer executable with the fuzzer and address sanitizers into .build-fuzz
# (FUZZ_BUILD_JOBS=N passes -j N; the flags are in Package.swift under PROMDECK_FUZZ),
# runs each target for SECONDS on its corpus (Fuzz/Corpus/TARGET plus seeds made from the
# repository's fixtures), and merges the inputs that add coverage into Fuzz/Corpus/TARGET
# (-merge=1 keeps it small). A crash leaves its input in .build-fuzz/crashes/TARGET/ and
# fails the run; reproduce it with
#   FUZZ_TARGET=TARGET .build-fuzz/debug/PromdeckFuzz .build-fuzz/crashes/TARGET/crash-...
# Swift's `swift test --filter CorpusReplayTests` replays the corpus without sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(promql dashboard query-response exposition config keys reducer)
if [ $# -ne 2 ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 TARGET|all SECONDS   (targets: ${targets[*]})" >&2
    exit 64
fi
if [ "$1" = all ]; then
    selected=("${targets[@]}")
elif [[ " ${targets[*]} " == *" $1 "* ]]; then
    selected=("$1")
else
    echo "unknown target '$1' (targets: ${targets[*]})" >&2
    exit 64
fi
seconds=$2
scratch=.build-fuzz

PROMDECK_FUZZ=1 swift build -c debug ${FUZZ_BUILD_JOBS:+-j "$FUZZ_BUILD_JOBS"} --scratch-path "$scratch" --product PromdeckFuzz >&2
binary=$scratch/debug/PromdeckFuzz

# Seeds from the repository's fixtures, one input per file (regenerated each run; only
# those that add coverage reach the corpus).
make_seeds() {
    local target=$1 dir=$2
    rm -rf "$dir" && mkdir -p "$dir"
    case $target in
        promql)
            { grep -v -e '^##' -e '^=>' Tests/PromQLTests/Fixtures/parse_cases.txt
              grep -v '^##' Tests/PromQLTests/Fixtures/printer_cases.txt | grep -v '^=> '
              grep -v -e '^#' -e '^$' Tests/PromQLTests/Fixtures/differential_queries.txt
              sed -n 's/^ *"expr": "\(.*\)",\{0,1\}$/\1/p' dashboards/*.json | sed 's/\\"/"/g'
            } | awk -v dir="$dir" '{ file = sprintf("%s/seed-%04d", dir, NR); printf "%s", $0 > file; close(file) }'
            ;;
        dashboard)
            cp dashboards/*.json "$dir/"
            for f in Tests/DashboardsTests/Fixtures/*.json; do cp "$f" "$dir/fixture-$(basename "$f")"; done
            ;;
        reducer)
            # Fixed pseudo-random event programs of several lengths.
            LC_ALL=C awk -v dir="$dir" 'BEGIN { srand(15); for (n = 1; n <= 24; n++) {
                file = sprintf("%s/seed-%02d", dir, n); len = 16 * n
                for (i = 0; i < len; i++) printf "%c", int(rand() * 255) + 1 > file
                close(file) } }'
            ;;
    esac
}

status=0
for target in "${selected[@]}"; do
    corpus=Fuzz/Corpus/$target
    seeds=$scratch/seeds/$target
    found=$scratch/found/$target
    crashes=$scratch/crashes/$target
    mkdir -p "$corpus" "$found" "$crashes"
    make_seeds "$target" "$seeds"
    log=$scratch/$target.log
    echo "== $target: ${seconds}s" >&2
    set +e
    # New inputs go to the first directory; -max_len fits whole dashboards.
    FUZZ_TARGET=$target "$binary" "$found" "$corpus" "$seeds" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$crashes/" -print_final_stats=1 > "$log" 2>&1
    result=$?
    set -e
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashed=$(find "$crashes" -type f | wc -l)
    # Keep only what adds coverage to the checked-in corpus.
    FUZZ_TARGET=$target "$binary" -merge=1 "$corpus" "$found" "$seeds" > "$scratch/$target.merge.log" 2>&1 || true
    echo "$target: ${runs:-0} inputs run in ${seconds}s, exit $result, $crashed crash input(s), corpus $(ls "$corpus" | wc -l) files" >&2
    if [ "$result" -ne 0 ]; then
        grep -m 5 -e 'ERROR:' -e 'Fatal error' -e 'SUMMARY' "$log" >&2 || true
        status=1
    fi
done
exit $status
