#!/usr/bin/env bash
# Installs the third-party command-line tools the tests check our output with:
#   rapper (Debian raptor2-utils), an independent Turtle/N-Triples parser.
# Tests that need a tool which could not be installed are skipped with the reason.
set -u
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-tools: apt-get is not available; tests needing ${need[*]} will be skipped" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "setup-tools: not root and no sudo; tests needing ${need[*]} will be skipped" >&2
    exit 0
  fi
fi
echo "setup-tools: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null 2>&1 || true
if ! $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
  echo "setup-tools: could not install ${need[*]}; tests needing them will be skipped" >&2
fi
exit 0
