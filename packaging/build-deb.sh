#!/usr/bin/env bash
# Builds Fabrique's Debian package with cargo-deb (installed here if
# missing), then checks what it ships: the desktop entries with
# desktop-file-validate, the AppStream metainfo with appstreamcli.
#
#   packaging/build-deb.sh            # → target/debian/fabrique_VERSION-1_ARCH.deb
#
# Needs: a Rust toolchain, librsvg2-bin (rsvg-convert: the PNG icons are
# made here from the SVG, never kept in git), desktop-file-utils, appstream.
# The package's contents and Depends are listed in Cargo.toml,
# [package.metadata.deb]. Honours CARGO_TARGET_DIR.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
target=${CARGO_TARGET_DIR:-$root/target}

missing=()
for tool in rsvg-convert:librsvg2-bin desktop-file-validate:desktop-file-utils \
    appstreamcli:appstream gzip:gzip dpkg-deb:dpkg; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
    echo "build-deb: missing tools; install them with: apt-get install ${missing[*]}" >&2
    exit 1
fi
if ! cargo deb --version >/dev/null 2>&1; then
    echo "build-deb: installing cargo-deb from crates.io"
    cargo install --locked cargo-deb
fi

# What is shipped as written must be valid before spending a release build on it.
desktop-file-validate packaging/*.desktop
appstreamcli validate --no-net packaging/fr.fabrique.Fabrique.metainfo.xml

cargo build --release --locked -p fabrique

# Generated files go under target/release/deb, which Cargo.toml's assets
# call "target/release/deb" (cargo-deb maps that to the real target folder).
generated=$target/release/deb
rm -rf "$generated"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$generated/icons/$size"
    rsvg-convert -w "$size" -h "$size" packaging/fr.fabrique.Fabrique.svg \
        -o "$generated/icons/$size/fr.fabrique.Fabrique.png"
done
rsvg-convert -w 48 -h 48 packaging/application-x-fabrique.svg \
    -o "$generated/icons/48/application-x-fabrique.png"
"$target/release/fabrique" write-manuals "$generated"
gzip -9n "$generated"/man1/*.1

cargo deb --no-build -p fabrique
deb=$(ls -t "$target"/debian/fabrique_*.deb | head -1)

# Check the files as the package installs them.
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
desktop-file-validate "$unpacked"/usr/share/applications/*.desktop
appstreamcli validate --no-net "$unpacked"/usr/share/metainfo/*.metainfo.xml
echo
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
echo "build-deb: $deb"
