#!/usr/bin/env bash
# Start-up of `promdeck view` to its first frame: the static release binary (Swift runtime and
# Foundation linked in, as packaged) against the dynamically linked one, same sources, same run.
# Each run starts the viewer in a fresh tmux session against `promdeck simulate --api` and
# polls the pane until the dashboard's title is drawn; runs alternate between the binaries so a
# busy machine slows both alike. Prints each median and the ratio static / dynamic.
#
# Usage: Benchmarks/startup-static-vs-dynamic.sh [RUNS] (default 15)
# Builds both into SCRATCH (default .build-release): --static-swift-stdlib changes only the
# link, so the second configuration costs a relink. Needs: swift, tmux, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
scratch=${SCRATCH:-$PWD/.build-release}
work=$(mktemp -d)
socket=startup-$$
server=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"  # tmux leaves its socket file behind
  [[ -n $server ]] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

build() {
  if ! out=$(swift build --scratch-path "$scratch" -c release --product promdeck "$@" 2>&1); then echo "$out" | tail -30 >&2; exit 1; fi
}
build
cp "$scratch/release/promdeck" "$work/dynamic"
build --static-swift-stdlib
cp "$scratch/release/promdeck" "$work/static"
for kind in static dynamic; do
  echo "$kind: $(du -h "$work/$kind" | cut -f1), $(ldd "$work/$kind" | grep -c 'libswift\|libFoundation\|libdispatch') Swift runtime libraries loaded"
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
"$work/static" simulate --port-offset $(( port % 20000 + 20000 )) --api "127.0.0.1:$port" >"$work/simulate.log" 2>&1 &
server=$!
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null && break; sleep 0.1; done

now_ms() { date +%s%3N; }
# One start: milliseconds from launching the session to the title on screen.
first_frame() {
  local binary=$1 start
  start=$(now_ms)
  tmux -L "$socket" new-session -d -s run -x 160 -y 45 -e TERM=tmux-256color \
    "exec $binary view --url http://127.0.0.1:$port --dashboard 'Service Health Overview'"
  until tmux -L "$socket" capture-pane -p -t run 2>/dev/null | grep -q "Service Health Overview"; do
    (( $(now_ms) - start < 20000 )) || { echo "no first frame from $binary" >&2; exit 1; }
  done
  echo $(( $(now_ms) - start ))
  tmux -L "$socket" kill-session -t run
}
first_frame "$work/static" >/dev/null  # warm the page cache for both
first_frame "$work/dynamic" >/dev/null
for _ in $(seq "$runs"); do
  first_frame "$work/static" >>"$work/static.ms"
  first_frame "$work/dynamic" >>"$work/dynamic.ms"
done
python3 - "$work/static.ms" "$work/dynamic.ms" <<'PY'
import statistics, sys
static, dynamic = ([int(l) for l in open(p)] for p in sys.argv[1:3])
s, d = statistics.median(static), statistics.median(dynamic)
q = lambda xs: statistics.quantiles(xs, n=4)
print(f"view to first frame, {len(static)} runs each: static {s:.0f} ms (p25-p75 {q(static)[0]:.0f}-{q(static)[2]:.0f}), "
      f"dynamic {d:.0f} ms (p25-p75 {q(dynamic)[0]:.0f}-{q(dynamic)[2]:.0f}); static / dynamic = {s / d:.2f}")
PY
