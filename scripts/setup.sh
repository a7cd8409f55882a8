#!/usr/bin/env bash
# Installs what Pixhaven needs beyond the .NET SDK, only when it is missing:
#   runtime: heif-convert (libheif-examples) to decode iPhone/Samsung HEIC; ffmpeg for video; dcraw_emu (libraw-bin) for RAW without a usable preview; Node.js + npm to build the web app
#   tests (--tests): Debian's chromium for the browser tests; darktable, the optional RAW converter; litmus (the WebDAV compliance suite) and rclone (a real WebDAV client);
#                    PostgreSQL, the server the tests of the PostgreSQL catalog run on (also brings pg_dump for its backups)
# Safe to run again; does nothing when everything is there.
set -euo pipefail

want_tests=false
[[ "${1:-}" == "--tests" ]] && want_tests=true

packages=()
command -v heif-convert >/dev/null 2>&1 || packages+=(libheif-examples)
command -v ffprobe >/dev/null 2>&1 || packages+=(ffmpeg)
command -v dcraw_emu >/dev/null 2>&1 || packages+=(libraw-bin)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if $want_tests; then
  command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || packages+=(chromium)
  command -v darktable-cli >/dev/null 2>&1 || packages+=(darktable)
  command -v litmus >/dev/null 2>&1 || packages+=(litmus)
  command -v rclone >/dev/null 2>&1 || packages+=(rclone)
  command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
fi

if ((${#packages[@]})); then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Please install these Debian packages: ${packages[*]}" >&2
    exit 1
  fi
  echo "Installing ${packages[*]} ..."
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK 10 is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
