#!/usr/bin/env bash
# packaging/build-deb.sh OUTDIR: builds OUTDIR/promdeck_<version>_<arch>.deb with dpkg-deb from
# the static release binary (Swift runtime and Foundation linked in; needs only glibc and
# ncurses): the binary, its man page and bash/zsh/fish completions generated from the command
# definitions, and the example dashboards under /usr/share/promdeck/dashboards.
#
# SCRATCH (default: .build-release) is the release build directory, reused between runs.
# Needs: swift, dpkg-dev (dpkg-shlibdeps), libncurses-dev.
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: packaging/build-deb.sh OUTDIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
scratch=${SCRATCH:-$root/.build-release}

# The binary, and swift-argument-parser's manual generator built beside it.
build=(swift build --package-path "$root" --scratch-path "$scratch" -c release --static-swift-stdlib
  -Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now)
"${build[@]}" --product promdeck
"${build[@]}" --product generate-manual
bin=$scratch/release/promdeck
if ldd "$bin" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_Foundation'; then
  echo "build-deb: $bin links a Swift runtime library dynamically" >&2
  exit 1
fi

version=$("$bin" --version)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkg=$work/promdeck_${version}_${arch}
date=$(git -C "$root" log -1 --format=%cI 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)

install -D -m 0755 "$bin" "$pkg/usr/bin/promdeck"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "$pkg/usr/bin/promdeck"

# Man page: generate-manual's mdoc, with the blank lines of the help texts as paragraph breaks
# (mdoc warns about empty lines).
mkdir "$work/man"
"$scratch/release/generate-manual" "$bin" --date "${date%%T*}" --authors "The promdeck developers" -o "$work/man"
sed 's/^$/.Pp/' "$work/man/promdeck.1" > "$work/promdeck.1"
install -D -m 0644 "$work/promdeck.1" "$pkg/usr/share/man/man1/promdeck.1"
gzip -9n "$pkg/usr/share/man/man1/promdeck.1"

install -d "$pkg/usr/share/bash-completion/completions" "$pkg/usr/share/zsh/vendor-completions" \
  "$pkg/usr/share/fish/vendor_completions.d"
# bash-completion sources the file; a hashbang there is misleading (lintian).
"$bin" --generate-completion-script bash | sed '1{/^#!/d}' > "$pkg/usr/share/bash-completion/completions/promdeck"
"$bin" --generate-completion-script zsh > "$pkg/usr/share/zsh/vendor-completions/_promdeck"
"$bin" --generate-completion-script fish > "$pkg/usr/share/fish/vendor_completions.d/promdeck.fish"
chmod 0644 "$pkg/usr/share/bash-completion/completions/promdeck" "$pkg/usr/share/zsh/vendor-completions/_promdeck" \
  "$pkg/usr/share/fish/vendor_completions.d/promdeck.fish"

install -d "$pkg/usr/share/promdeck/dashboards"
install -m 0644 "$root"/dashboards/*.json "$pkg/usr/share/promdeck/dashboards/"

install -D -m 0644 "$root/packaging/copyright" "$pkg/usr/share/doc/promdeck/copyright"
printf 'promdeck (%s) unstable; urgency=medium\n\n  * Built from %s.\n\n -- %s  %s\n' \
  "$version" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "a source tree")" \
  "$(sed -n 's/^Maintainer: //p' "$root/packaging/control")" "$(date -R -d "$date")" > "$work/changelog"
gzip -9n -c "$work/changelog" > "$pkg/usr/share/doc/promdeck/changelog.gz"
chmod 0644 "$pkg/usr/share/doc/promdeck/changelog.gz"

# Depends from the libraries the binary really links (libc6, libncursesw6, libtinfo6).
mkdir -p "$work/src/debian"
printf 'Source: promdeck\n\nPackage: promdeck\nArchitecture: any\n' > "$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O -e"$pkg/usr/bin/promdeck" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[[ -n $depends ]] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

install -D -m 0644 "$root/packaging/lintian-overrides" "$pkg/usr/share/lintian/overrides/promdeck"

install -d "$pkg/DEBIAN"
(cd "$pkg" && find usr -type f -exec md5sum {} + | sort -k2) > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/md5sums"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" \
  -e "s/@SIZE@/$(du -sk "$pkg" | cut -f1)/" "$root/packaging/control" > "$pkg/DEBIAN/control"
deb=$out/promdeck_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" > /dev/null
echo "$deb"
