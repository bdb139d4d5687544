#!/usr/bin/env bash
# Set-up on a fresh machine, before `npm start`: the system package a native dependency needs, then the npm
# dependencies exactly as locked.
#   - office-addin-debugging (what `npm start` sideloads with) pulls in keytar, a native module that builds on
#     Debian/Ubuntu only with libsecret-1-dev present: installed here when missing (apt-get, as root or with sudo).
#     Windows and macOS need nothing more (keytar ships prebuilt binaries there).
#   - npm ci.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else "$@"; fi
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  if ! dpkg-query -W -f='${Status}' libsecret-1-dev 2>/dev/null | grep -q 'install ok installed'; then
    echo "tassei setup: installing libsecret-1-dev (keytar, a native module of office-addin-debugging, builds against it)" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsecret-1-dev
  fi
fi
npm ci
