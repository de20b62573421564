#!/usr/bin/env bash
# Installs the third-party tools the tests check our output with, each only when it is missing:
#   rapper (Debian raptor2-utils), an independent Turtle/N-Triples parser;
#   Virtuoso open source 7 (Debian virtuoso-opensource), a SPARQL server the tests start on their own
#     ports (tests/servers.py); the package's system service is kept from starting, or stopped and
#     disabled, so that it never holds ports 1111/8890;
#   Apache Jena 4.5 (Debian libapache-jena-java), riot and shacl on the command line (tests/servers.py).
# Never fails the run: a tool that could not be installed is reported here, and the tests that need it
# are skipped with the reason.
set -u
JAVA_DIR=/usr/share/java
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
want_virtuoso=0
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
  want_virtuoso=1
  need+=(virtuoso-opensource)
fi
for jar in jena-core jena-arq jena-shacl jena-cmds; do
  if [ ! -f "$JAVA_DIR/$jar.jar" ]; then need+=(libapache-jena-java); break; fi
done
# libapache-jena-java does not depend on a Java runtime
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
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
export DEBIAN_FRONTEND=noninteractive

# Keep package scripts from starting services while we install: Debian's invoke-rc.d (and
# deb-systemd-invoke) ask /usr/sbin/policy-rc.d first, and exit status 101 means "do not".
# Only when no policy is in place already; ours is removed again on exit.
policy=/usr/sbin/policy-rc.d
if [ "$want_virtuoso" -eq 1 ] && [ ! -e "$policy" ]; then
  if printf '#!/bin/sh\n# written by autokg tests/setup-tools.sh for the duration of an install\nexit 101\n' \
      | $sudo tee "$policy" >/dev/null && $sudo chmod 755 "$policy"; then
    trap '$sudo rm -f "$policy"' EXIT
  fi
fi

if [ "$want_virtuoso" -eq 1 ] && command -v debconf-set-selections >/dev/null 2>&1; then
  printf '%s\n' \
    'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba' \
    'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba' \
    | $sudo debconf-set-selections \
    || echo "setup-tools: could not preseed the Virtuoso DBA password; installing anyway" >&2
fi

# Stops and disables the system Virtuoso service if the package started it (or it runs from an
# earlier install): we only ever use our own instances on our own ports.
stop_virtuoso_service() {
  local service=virtuoso-opensource-7 lock=/var/lib/virtuoso-opensource-7/db/virtuoso.lck pid=""
  [ -e "/etc/init.d/$service" ] || return 0
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
  fi
  $sudo invoke-rc.d "$service" stop >/dev/null 2>&1 || $sudo "/etc/init.d/$service" stop >/dev/null 2>&1 || true
  $sudo update-rc.d "$service" disable >/dev/null 2>&1 || true
  # Still running (no init system to ask)? The server writes its PID into its lock file.
  if [ -f "$lock" ]; then
    pid=$(sed -n 's/^VIRT_PID=\([0-9][0-9]*\).*/\1/p' "$lock" | head -n 1)
  fi
  if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = virtuoso-t ]; then
    echo "setup-tools: stopping the system Virtuoso service (PID $pid)" >&2
    $sudo kill "$pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -d "/proc/$pid" ] || break; sleep 0.5; done
    [ -d "/proc/$pid" ] && { $sudo kill -9 "$pid" 2>/dev/null || true; }
  fi
  return 0
}

echo "setup-tools: installing ${need[*]}" >&2
$sudo apt-get update -qq >/dev/null 2>&1 || true
if ! $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
  # One broken package should not cost the others: try them one at a time.
  for pkg in "${need[@]}"; do
    if ! $sudo apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null; then
      echo "setup-tools: could not install $pkg; tests needing it will be skipped" >&2
    fi
  done
fi
[ "$want_virtuoso" -eq 1 ] && stop_virtuoso_service
exit 0
