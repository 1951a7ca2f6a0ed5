#!/usr/bin/env bash
# Builds the query-response decoder with -O from its sources and compares it with Python's
# json.load on the same generated ~50 MB query_range response. Usage: decode-benchmark.sh [BYTES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -wmo -parse-as-library -module-name PromModel -emit-module -emit-module-path "$out/PromModel.swiftmodule" \
    -emit-library -static -o "$out/libPromModel.a" "$root"/Sources/PromModel/*.swift
swiftc -O -wmo -module-name DecodeBenchmark -I "$out" -L "$out" -lPromModel \
    "$root"/Sources/PrometheusAPI/Decoding/*.swift "$root"/Benchmarks/DecodeBenchmark/main.swift -o "$out/decode-benchmark"
"$out/decode-benchmark" "$@"
