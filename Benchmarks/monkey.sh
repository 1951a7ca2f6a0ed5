#!/usr/bin/env bash
# The tmux monkey test over many seeds: N runs of MonkeyEndToEndTests (seed n drives demo
# dashboard n % 4 at 160x45 or 40x12 with 300 random keys, then q), each checking exit 0
# and a sane terminal. Prints each failure and how many runs passed.
# Needs: swift, tmux. Usage: Benchmarks/monkey.sh N
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ] || ! [[ $1 =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
    echo "usage: $0 N   (number of seeds)" >&2
    exit 64
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT

if ! built=$(swift build --build-tests 2>&1); then echo "$built" | tail -30 >&2; exit 1; fi
start=$SECONDS
PROMDECK_MONKEY_SEEDS=$1 PROMDECK_MONKEY_REPORT=$report \
    swift test --skip-build --filter MonkeyEndToEndTests > /dev/null 2>&1 || true
grep '^FAIL' "$report" >&2 || true
passed=$(grep -c '^PASS' "$report" || true)
echo "monkey: $passed of $1 seeds passed ($((SECONDS - start)) s)"
[ "$passed" -eq "$1" ]
