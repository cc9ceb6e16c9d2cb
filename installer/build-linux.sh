#!/usr/bin/env bash
# Build installer/firstask.spec on Linux (the same spec Windows builds) and run the built program
# with --selfcheck: it fails, naming what is missing, when the bundle lost a file or a module.
# CI (.ci/run) calls it after the tests.
#
#   installer/build-linux.sh               build in a temp folder, check, delete it
#   installer/build-linux.sh --dist DIR    keep the bundle in DIR/FirstAsk (bench/bundle_bench.py)
#
# Needs the build extra: python -m pip install -e ".[build]"
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
if [[ "${1:-}" == "--dist" ]]; then
    keep="$(realpath -m "${2:?--dist needs a folder}")"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/firstask-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
dist="${keep:-$work/dist}"

started=$SECONDS
python -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$dist" --workpath "$work/build" installer/firstask.spec
built=$SECONDS
bundle="$dist/FirstAsk"
echo "bundle: $bundle, $(du -sm "$bundle" | cut -f1) MB, built in $((built - started)) s"

# Run it the way a clerk's PC would: from elsewhere, without this checkout's Python settings,
# without a display (offscreen Qt) and never touching a real data folder.
(
    cd /
    env -u PYTHONPATH -u PYTHONHOME -u FIRSTASK_DATA_DIR -u DISPLAY -u WAYLAND_DISPLAY \
        QT_QPA_PLATFORM=offscreen "$bundle/FirstAsk" --selfcheck
)
echo "self-check passed in $((SECONDS - built)) s (build and check: $((SECONDS - started)) s)"
if [[ -n "$keep" ]]; then
    echo "kept: $bundle"
fi
