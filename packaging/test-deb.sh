#!/usr/bin/env bash
# Proves the Debian package installs and runs on a clean system: makes a
# fresh Debian root with debootstrap (minbase: no X, no fonts, no Mesa),
# installs the package with apt so that its Depends are really resolved
# from Debian's archive, then inside it runs `fabrique --version`, CLI
# exports of the sample keychain, and the app itself, whose window is shown
# on an Xvfb server of the host (so nothing but the package's own
# dependencies is installed in the root) and photographed.
#
#   packaging/build-deb.sh && sudo packaging/test-deb.sh [fabrique.deb]
#
# Needs: root, debootstrap, xvfb, imagemagick, network access to the Debian
# mirror ($MIRROR, default deb.debian.org). SUITE (default bookworm) picks
# the release. Writes target/test-deb/ (the screenshot, the exports, the
# app's log). Takes a few minutes, mostly downloading: not part of .ci/run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
deb=${1:-$(ls -t "$target"/debian/fabrique_*.deb 2>/dev/null | head -1)}
suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
out=${OUT:-$target/test-deb}
cache=${DEBOOTSTRAP_CACHE:-/var/cache/fabrique-test-deb}

say() { echo "test-deb: $*"; }
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }

[[ $(id -u) == 0 ]] || fail "run as root (debootstrap and chroot need it)"
[[ -f $deb ]] || fail "no package found; build it first with packaging/build-deb.sh"
for tool in debootstrap Xvfb import; do
    command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install debootstrap xvfb imagemagick"
done

chroot_dir=$(mktemp -d /var/tmp/fabrique-test-deb.XXXXXX)
xvfb_pid=
cleanup() {
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    for m in dev/pts dev proc sys; do
        mountpoint -q "$chroot_dir/$m" && umount -l "$chroot_dir/$m"
    done
    rm -rf "$chroot_dir"
}
trap cleanup EXIT
rm -rf "$out"
mkdir -p "$out" "$cache"

say "making a fresh $suite root in $chroot_dir"
debootstrap --variant=minbase --cache-dir="$cache" "$suite" "$chroot_dir" "$mirror" \
    >"$out/debootstrap.log" 2>&1 || fail "debootstrap (see $out/debootstrap.log)"
mount -t proc proc "$chroot_dir/proc"
mount -t sysfs sys "$chroot_dir/sys"
mount --bind /dev "$chroot_dir/dev"
mount --bind /dev/pts "$chroot_dir/dev/pts"
in_root() { chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

say "installing $(basename "$deb") with apt"
cp "$deb" "$chroot_dir/tmp/fabrique.deb"
in_root apt-get update -qq >"$out/apt.log" 2>&1
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y /tmp/fabrique.deb \
    >>"$out/apt.log" 2>&1 || fail "apt could not install the package (see $out/apt.log)"
grep -E '^(Setting up|Unpacking) ' "$out/apt.log" | sed 's/ (.*//' | sort -u >"$out/installed.txt"
say "apt installed $(grep -c '^Setting up' "$out/installed.txt") packages (list in $out/installed.txt)"

say "fabrique --version"
in_root fabrique --version | tee "$out/version.txt"
grep -q '^fabrique ' "$out/version.txt" || fail "fabrique --version printed nothing usable"

say "CLI exports of the sample keychain"
cp "$root/scripts/sample-keychain.fabrique" "$chroot_dir/tmp/porte-cles.fabrique"
in_root fabrique extrude /tmp/porte-cles.fabrique -o /tmp/porte-cles.stl
in_root fabrique laser /tmp/porte-cles.fabrique -o /tmp/porte-cles.svg
for file in porte-cles.stl porte-cles.svg; do
    [[ -s $chroot_dir/tmp/$file ]] || fail "$file was not written"
    cp "$chroot_dir/tmp/$file" "$out/"
done
say "exports: $(for f in "$out"/porte-cles.*; do printf '%s %s bytes; ' "$(basename "$f")" "$(stat -c %s "$f")"; done)"

say "the app under the host's Xvfb"
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 2
# The X socket is the only thing the root borrows from the host.
mkdir -p "$chroot_dir/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$chroot_dir/tmp/.X11-unix"
in_root env DISPLAY="$display" LANG=fr_FR.UTF-8 fabrique /tmp/porte-cles.fabrique \
    >"$out/app.log" 2>&1 &
app_pid=$!
sleep "${APP_WAIT:-8}"
kill -0 "$app_pid" 2>/dev/null || { cat "$out/app.log" >&2; fail "the app stopped (log above)"; }
DISPLAY=$display import -window root "$out/app.png"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
umount -l "$chroot_dir/tmp/.X11-unix"
say "screenshot: $out/app.png ($(identify -format '%wx%h, %k colours' "$out/app.png"))"

say "desktop integration: MIME type and 'open with'"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y shared-mime-info desktop-file-utils \
    >>"$out/apt.log" 2>&1 || fail "shared-mime-info (see $out/apt.log)"
[[ -f $chroot_dir/usr/share/mime/application/x-fabrique.xml ]] \
    || fail "the MIME database does not know application/x-fabrique"
grep -q '^application/x-fabrique=fr.fabrique.Fabrique.desktop' \
    "$chroot_dir/usr/share/applications/mimeinfo.cache" \
    || fail ".fabrique files are not opened with Fabrique"
say "application/x-fabrique is known and opens with fr.fabrique.Fabrique.desktop"
say "all passed; look at $out/app.png"
