#!/usr/bin/env bash
# Install Debian packages that are missing, and nothing else.
#
#   scripts/apt-install.sh PACKAGE...
#
# Quick when everything is already there: no apt-get update, no lock. When something is
# missing it runs apt-get update once, then one noninteractive apt-get install, waiting for
# another apt (for instance an unattended upgrade) to release the lock rather than failing.
set -euo pipefail

missing=()
for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
    echo "apt-install: missing ${missing[*]} and this is not a Debian-like system; install them by hand." >&2
    exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        echo "apt-install: missing ${missing[*]}; run as root or install them by hand." >&2
        exit 1
    fi
fi

echo "apt-install: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600)
"${apt[@]}" update
"${apt[@]}" install --no-install-recommends "${missing[@]}" </dev/null
