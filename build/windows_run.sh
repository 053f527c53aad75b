#!/usr/bin/env bash
# The Windows run under Wine: the app, its suite (tests marked `windows`; --full for all) and,
# with --bundle, the PyInstaller bundle, on the official embeddable Windows CPython 3.13.
#   build/windows_run.sh [REPO] [--full | --pytest-args "..."] [--bundle]
# Needs Debian's wine64 (apt-get install wine64). Downloads are cached in
# ${CCHC_WINE_CACHE:-~/.cache/cchc-wine}; see build/windows_run.py.
set -euo pipefail
if ! command -v wine >/dev/null && [ ! -x /usr/lib/wine/wine64 ]; then
  echo "wine is missing: apt-get install -y wine wine64 (Debian) first" >&2
  exit 2
fi
exec python3 "$(dirname "$0")/windows_run.py" "$@"
