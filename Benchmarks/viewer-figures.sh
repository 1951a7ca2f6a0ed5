#!/usr/bin/env bash
# The viewer's figures (issue #8), from a release build, against a real Prometheus that scrapes
# `promdeck simulate` live on top of a backfilled hour:
#   - CPU over 60 s of `view` at a 2 s refresh, 160x45, Service Health Overview;
#   - bytes written to the tty per steady refresh vs a full repaint (Ctrl-L), same run, and
#     the write calls of that repaint;
#   - refresh wall time (queries start -> frame drawn) vs the slowest query of that refresh,
#     from `--trace-refreshes`;
#   - RssAnon and VmRSS after warm-up and after --minutes (default 10);
#   - `promdeck demo`: time to its first frame.
# Needs: swift, prometheus + promtool, tmux, python3. Usage: Benchmarks/viewer-figures.sh [--minutes N]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=10
[ "${1:-}" = "--minutes" ] && minutes=$2

socket_prefix=figures
source Benchmarks/viewer-bench-setup.sh

# The simulator on shifted ports, scraped as the canonical instances so the live series carry on
# from the backfilled ones.
offset=$(( $(free_port) % 20000 + 20000 ))
"$bin" simulate --port-offset "$offset" >"$work/simulate.log" 2>&1 & pids+=($!)
{
  echo "global: {scrape_interval: 15s}"
  echo "scrape_configs:"
  for service in ai-engine:8001 execution:8002 risk-safety:8003 portfolio-intelligence:8004 monitoring-health:8080; do
    job=${service%%:*} port=${service##*:}
    echo "  - job_name: $job"
    echo "    static_configs: [{targets: ['127.0.0.1:$((port + offset))']}]"
    echo "    relabel_configs: [{target_label: instance, replacement: 'localhost:$port'}]"
  done
} >"$work/prometheus.yml"
now=$(date +%s)
"$bin" simulate --openmetrics "$work/backfill.om" --start $((now - 3600)) --duration 58m
promtool tsdb create-blocks-from openmetrics "$work/backfill.om" "$work/data" >/dev/null
prom_port=$(free_port)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$prom_port/-/ready" >/dev/null && break; sleep 0.2; done

proc_stat() { awk '{print $14 + $15}' "/proc/$1/stat"; }
memory() { awk '/^(VmRSS|RssAnon):/ {printf "%s %.1f MB  ", $1, $2 / 1024}' "/proc/$1/status"; }
bytes() { stat -c %s "$work/tty.out"; }
writes() { awk '/^syscw:/ {print $2}' "/proc/$1/io"; }
refreshes() { wc -l <"$work/trace.jsonl"; }

tmux -L "$socket" new-session -d -x 160 -y 45 -e TERM=tmux-256color \
  "exec $bin view --url http://127.0.0.1:$prom_port --dashboard 'Service Health Overview' --refresh 2s --trace-refreshes $work/trace.jsonl"
tmux -L "$socket" pipe-pane -O "cat >>$work/tty.out"
pid=$(tmux -L "$socket" display -p '#{pane_pid}')
sleep 15
echo "== promdeck view (release), 160x45, 2 s refresh, Service Health Overview, Prometheus $(prometheus --version 2>&1 | awk 'NR==1{print $3}')"
echo "after warm-up: $(memory "$pid")"

ticks0=$(proc_stat "$pid") bytes0=$(bytes) lines0=$(refreshes)
sleep 60
ticks1=$(proc_stat "$pid") bytes1=$(bytes) lines1=$(refreshes)
hz=$(getconf CLK_TCK)
steady=$(( (bytes1 - bytes0) / (lines1 - lines0) ))
echo "CPU over 60 s: $(awk -v t=$((ticks1 - ticks0)) -v hz="$hz" 'BEGIN {printf "%.2f %% of a core", t / hz / 60 * 100}') ($((lines1 - lines0)) refreshes)"

# A full repaint: everything drawn again, the same frame otherwise.
tmux -L "$socket" send-keys p; sleep 1
# Paused, nothing else writes: the write calls are the repaint's (ncurses once flushed at
# every cursor move, a write per row).
before=$(bytes) calls=$(writes "$pid"); tmux -L "$socket" send-keys C-l; sleep 1; full=$(( $(bytes) - before )) calls=$(( $(writes "$pid") - calls ))
tmux -L "$socket" send-keys p
echo "tty bytes: $steady per steady refresh, $full for a full repaint ($(awk -v s="$steady" -v f="$full" 'BEGIN {printf "%.1f %%", s / f * 100}')) in $calls write calls"

tail -n +"$((lines0 + 1))" "$work/trace.jsonl" | head -n $((lines1 - lines0)) | python3 -c '
import json, sys, statistics
rows = [json.loads(line) for line in sys.stdin]
ratios = sorted(r["ratio"] for r in rows if r["slowest_ms"] > 0)
slowest = statistics.median(r["slowest_ms"] for r in rows)
wall = statistics.median(r["wall_ms"] for r in rows)
p90 = ratios[int(0.9 * (len(ratios) - 1))]
queries = rows[0]["queries"]
print(f"refresh wall time / slowest query: median {statistics.median(ratios):.2f}x, p90 {p90:.2f}x "
      f"(median slowest query {slowest:.1f} ms, median refresh {wall:.1f} ms, {queries} queries)")'

# Memory over the run, a line every two minutes: it should level off, not climb.
elapsed=80
while [ $(( elapsed + 120 )) -le $(( minutes * 60 )) ]; do
  sleep 120; elapsed=$(( elapsed + 120 ))
  echo "after $(( elapsed / 60 )) min: $(memory "$pid")"
done
if [ "$minutes" -gt 1 ]; then
  sleep $(( minutes * 60 - elapsed ))
  echo "after $minutes minutes: $(memory "$pid")"
fi
# kill-server returns before the server has gone: a new session on its socket meanwhile can
# reach the exiting server ("server exited unexpectedly"), so wait for its process to end.
server_pid=$(tmux -L "$socket" display -p '#{pid}')
tmux -L "$socket" kill-server
for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done

# The demo's first frame: from launch until the dashboard title is on screen.
start=$(date +%s%N)
tmux -L "$socket" new-session -d -x 160 -y 45 -e TERM=tmux-256color "exec $bin demo"
until tmux -L "$socket" capture-pane -p | grep -q "Service Health Overview"; do sleep 0.01; done
echo "== promdeck demo (release): first frame after $(( ($(date +%s%N) - start) / 1000000 )) ms"
