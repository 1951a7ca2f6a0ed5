#!/usr/bin/env bash
# Builds the simulation core (PromModel + Simulator without its HTTP server and
# swift-prometheus exposition) with -O, and times one hour of 15 s samples. Needs only swiftc.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -parse-as-library -module-name PromModel -emit-module -emit-module-path "$out/PromModel.swiftmodule" \
  -emit-library -static -o "$out/libPromModel.a" Sources/PromModel/*.swift
core=$(ls Sources/Simulator/*.swift | grep -v -e Exposition.swift -e MetricsServer.swift)
swiftc -O -module-name SimulatorSpeed -I "$out" -L "$out" -lPromModel -o "$out/speed" \
  $core Benchmarks/SimulatorSpeed/main.swift
"$out/speed"
