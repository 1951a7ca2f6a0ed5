#!/usr/bin/env bash
# packaging/check-deb.sh: builds the Debian package (build-deb.sh) and checks it as a user would
# meet it: exactly one .deb, lintian-clean, unpacked with dpkg -x into a throwaway root, whose
# /usr/bin/promdeck has no Swift runtime library to load, prints its version, runs `demo` under
# tmux from an empty directory (Service Health Overview with values), and whose man page
# renders without warnings and lists the viewer's keys.
#
# Needs: swift, dpkg-dev, lintian, man-db, tmux. Takes SCRATCH like build-deb.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
start=$SECONDS
work=$(mktemp -d)
socket=promdeck-check-deb-$$
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "check-deb: FAIL: $*" >&2
  exit 1
}
for tool in dpkg-deb dpkg-shlibdeps lintian man tmux; do
  command -v "$tool" > /dev/null || fail "$tool is not installed (apt-get install dpkg-dev lintian man-db tmux)"
done

"$root/packaging/build-deb.sh" "$work/out" > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "build-deb.sh failed"; }
debs=("$work"/out/*.deb)
[[ ${#debs[@]} -eq 1 ]] || fail "expected one .deb, got: ${debs[*]}"
deb=${debs[0]}
version=$(dpkg-deb --field "$deb" Version)
[[ $(basename "$deb") == "promdeck_${version}_$(dpkg --print-architecture).deb" ]] || fail "unexpected name $(basename "$deb")"
echo "package: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Depends

contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for path in ./usr/bin/promdeck ./usr/share/man/man1/promdeck.1.gz ./usr/share/bash-completion/completions/promdeck \
  ./usr/share/zsh/vendor-completions/_promdeck ./usr/share/fish/vendor_completions.d/promdeck.fish \
  ./usr/share/promdeck/dashboards/service-health-overview.json ./usr/share/doc/promdeck/copyright; do
  grep -qx "$path" <<< "$contents" || fail "$path is not in the package"
done

lintian --fail-on error,warning --display-info "$deb" > "$work/lintian.log" 2>&1 || { cat "$work/lintian.log"; fail "lintian"; }
echo "lintian: $(grep -c . "$work/lintian.log" || true) informational tags"
sed 's/^/  /' "$work/lintian.log"

dpkg -x "$deb" "$work/root"
bin=$work/root/usr/bin/promdeck
if ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime'; then fail "the binary loads a Swift runtime library"; fi
echo "links: $(ldd "$bin" | awk '{print $1}' | tr '\n' ' ')"
[[ $("$bin" --version) == "$version" ]] || fail "--version"
bash -n "$work/root/usr/share/bash-completion/completions/promdeck" || fail "bash completion does not parse"

# demo from an empty directory, with an environment that has no Swift in it.
mkdir "$work/empty"
tmux -L "$socket" new-session -d -x 160 -y 45 -c "$work/empty" \
  "env -i HOME=$work/empty TERM=xterm-256color LANG=C.UTF-8 PATH=/usr/bin:/bin $bin demo; sleep 30"
screen=""
for _ in $(seq 1 120); do
  screen=$(tmux -L "$socket" capture-pane -p 2>/dev/null || true)
  # A value drawn in a panel: a stat's UP or a rate.
  if grep -q "Service Health Overview" <<< "$screen" && grep -qE "UP|req/s" <<< "$screen"; then break; fi
  sleep 0.5
done
grep -q "Service Health Overview" <<< "$screen" && grep -qE "UP|req/s" <<< "$screen" || { echo "$screen"; fail "demo did not show Service Health Overview with values"; }
tmux -L "$socket" send-keys q
echo "demo: Service Health Overview with values"

manual=$(MANWIDTH=80 man --warnings -l "$work/root/usr/share/man/man1/promdeck.1.gz" 2> "$work/man.err")
[[ ! -s $work/man.err ]] || { cat "$work/man.err"; fail "man reports warnings"; }
# Every key the binary's own `view --help` lists, with its description, is in the manual.
keys=$("$bin" view --help | sed -n '/^Keys:/,/^$/p' | sed '1d;/^$/d')
[[ $(grep -c . <<< "$keys") -ge 10 ]] || fail "view --help lists no keys"
# A description too long for 80 columns goes on under itself: join it, and compare with the
# manual's words, however its lines break.
descriptions=$(awk '/^  [^ ]/ { if (d != "") print d; d = $0; sub(/^ +[^ ]+( [^ ]+)*  +/, "", d); next }
                    { sub(/^ +/, ""); d = d " " $0 } END { if (d != "") print d }' <<< "$keys")
flat=$(tr -s ' \n' '  ' <<< "$manual")
while IFS= read -r description; do
  grep -qF -- "$description" <<< "$flat" || fail "the man page lacks the key line: $description"
done <<< "$descriptions"
echo "man: $(wc -l <<< "$manual") lines, no warnings, all $(grep -c . <<< "$descriptions") keys of view --help"
echo "check-deb: OK in $((SECONDS - start)) s"
