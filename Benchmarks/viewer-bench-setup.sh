# Sourced by the viewer's benchmark scripts (viewer-figures.sh, node-exporter-full.sh), from the
# repository root: a release promdeck in $bin (or $PROMDECK_BIN), a temporary $work, a private tmux socket
# $socket, and every process whose PID is added to $pids stopped on exit.
# PROMDECK_BIN measures a binary built otherwise (the static install build, say) instead.
if [ -n "${PROMDECK_BIN:-}" ]; then
  bin=$(realpath "$PROMDECK_BIN")
else
  if ! built=$(swift build -c release --product promdeck 2>&1); then echo "$built" | tail -30 >&2; exit 1; fi
  bin=$PWD/.build/release/promdeck
fi
work=$(mktemp -d)
socket=${socket_prefix:-bench}-$$
pids=()
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"  # tmux leaves its socket file behind
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
