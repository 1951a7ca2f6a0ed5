#!/usr/bin/env bash
# Node Exporter Full with every row open (issue #12/#18): from `promdeck view` starting to its
# first full frame, against a real Prometheus scraping a real node exporter, as a ratio to the
# slowest single query of that frame (both from the same run: `--trace-refreshes` records each
# refresh's slowest query and its wall time, queries started -> frame drawn).
#   - launch -> first full frame (the process start, config, dashboard load and variable
#     resolution included), and that over the slowest query;
#   - the refresh's own wall time over its slowest query.
# The viewer queries the panels on screen: at 160x45 a screenful, at --rows 1000 every panel
# of the dashboard (the terminal as tall as the whole dashboard).
# Needs: swift, prometheus, prometheus-node-exporter, tmux, python3, curl.
# Usage: Benchmarks/node-exporter-full.sh [--runs N] [--warm SECONDS] [--rows N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 warm=45 rows=45
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --warm) warm=$2; shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--warm SECONDS] [--rows N]" >&2; exit 64 ;;
  esac
done

socket_prefix=nef
source Benchmarks/viewer-bench-setup.sh

node_port=$(free_port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$node_port" >"$work/node.log" 2>&1 & pids+=($!)
cat >"$work/prometheus.yml" <<YAML
global: {scrape_interval: 5s}
scrape_configs:
  - job_name: node
    static_configs: [{targets: ['127.0.0.1:$node_port']}]
YAML
prom_port=$(free_port)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 & pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$prom_port/-/ready" >/dev/null && break; sleep 0.2; done
sleep "$warm"   # enough scrapes for rate() over $__rate_interval

mkdir "$work/dashboards"
cp Tests/Fixtures/PublicDashboards/rfmoz-node-exporter-full.json "$work/dashboards/"
panels=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
def walk(ps):
    n = 0
    for p in ps:
        if p.get("type") == "row": n += walk(p.get("panels", []))
        else: n += 1
    return n
print(walk(d["panels"]))' "$work/dashboards/rfmoz-node-exporter-full.json")
echo "== promdeck view (release) --expand-rows, 160x$rows, Node Exporter Full ($panels panels), Prometheus $(prometheus --version 2>&1 | awk 'NR==1{print $3}'), node exporter $(prometheus-node-exporter --version 2>&1 | awk 'NR==1{print $3}')"

# The tmux server runs before the clock starts, so its own start-up is not counted as the viewer's.
tmux -L "$socket" new-session -d -s holder -x 160 -y "$rows"
for run in $(seq "$runs"); do
  trace=$work/trace-$run.jsonl
  start=$(date +%s%N)
  tmux -L "$socket" new-session -d -s "run$run" -x 160 -y "$rows" -e TERM=tmux-256color \
    "exec $bin view --url http://127.0.0.1:$prom_port --dashboards $work/dashboards --dashboard rfmoz-node-exporter-full --expand-rows --from now-15m --refresh off --trace-refreshes $trace"
  # The first full frame: the trace's first record, written when every query of the first
  # refresh has answered and the frame is drawn.
  for _ in $(seq 30000); do [ -s "$trace" ] && break; sleep 0.002; done
  framed=$(date +%s%N)
  tmux -L "$socket" kill-session -t "run$run" 2>/dev/null || true
  python3 - "$trace" "$start" "$framed" "$run" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
start, framed, run = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
full = rows[0]
launch_ms = (framed - start) / 1e6
print(f"run {run}: {full['queries']} queries; slowest query {full['slowest_ms']:.1f} ms; "
      f"refresh wall {full['wall_ms']:.1f} ms ({full['ratio']:.2f}x the slowest); "
      f"launch to full frame {launch_ms:.0f} ms ({launch_ms / full['slowest_ms']:.2f}x the slowest)")
PY
done
