#!/usr/bin/env bash
# Prepare this machine for Rapport's tests, offline except for the npm
# registry and Debian's apt (see /work/shared/VSCODE-TESTING.md):
#   1. Debian packages: chromium (browser tests), libkrb5-dev + build-essential
#      (code-server's native modules build from source), ripgrep (stands in for
#      @vscode/ripgrep's GitHub download), python3-icalendar and
#      python3-vobject (read exports back), python3-yaml (reads notes back as
#      YAML 1.1 readers do), graphviz (renders graph output),
#      bsdutils (`script`: CLI tests at a terminal) and util-linux (`setpriv`:
#      the read-only folder test drops root). CI fails on any skipped test, so
#      every tool a test needs is listed here, and checked below.
#   2. code-server@4.100.3 (VS Code 1.100.3, last release on Node 20) in
#      <repo>/.vscode-test/code-server, which git ignores.
# Idempotent: does nothing (in well under a second) when all is in place.
#
# Env overrides: CODE_SERVER_VERSION, CODE_SERVER_PREFIX, SKIP_APT=1.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
PREFIX="${CODE_SERVER_PREFIX:-$REPO/.vscode-test/code-server}"
RG_VERSION="1.15.11"                                   # @vscode/ripgrep version code-server pins
RG_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
APT_PACKAGES=(chromium libkrb5-dev ripgrep python3-icalendar python3-vobject python3-yaml graphviz build-essential bsdutils util-linux)

log() { printf '[setup-test-env] %s\n' "$*"; }
die() { printf '[setup-test-env] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- apt packages
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
for p in "${APT_PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done

if [ "${#missing[@]}" -eq 0 ]; then
  log "apt: all present (${APT_PACKAGES[*]})"
elif [ "${SKIP_APT:-0}" = 1 ]; then
  log "apt: SKIP_APT=1, not installing: ${missing[*]}"
elif [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
    die "missing Debian packages (${missing[*]}) and not root; run: sudo apt-get install -y ${missing[*]}"
  fi
else
  SUDO=
fi
if [ "${#missing[@]}" -gt 0 ] && [ "${SKIP_APT:-0}" != 1 ]; then
  log "apt: installing ${missing[*]}"
  t0=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  log "apt: done in $((SECONDS - t0)) s"
fi

# The commands the tests call, whatever package provides them on this system.
for tool in script setpriv dot python3 chromium rg; do
  command -v "$tool" >/dev/null 2>&1 || [ "${SKIP_APT:-0}" = 1 ] || die "$tool not found after installing ${APT_PACKAGES[*]}"
done

# ---------------------------------------------------------------- code-server
CS_BIN="$PREFIX/node_modules/.bin/code-server"
MARKER="$PREFIX/.installed-$CODE_SERVER_VERSION"

if [ -f "$MARKER" ] && [ -x "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION: present at $PREFIX"
  exit 0
fi

command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"
command -v rg >/dev/null || die "rg (Debian ripgrep) not found; install it with apt-get install ripgrep"

# @vscode/ripgrep's postinstall downloads rg from api.github.com, unreachable
# here. It first looks in $TMPDIR/vscode-ripgrep-cache-<version>/<asset>; put
# Debian's rg there as a gzip tarball holding just the binary.
TMP="${TMPDIR:-/tmp}"
RG_CACHE="$TMP/vscode-ripgrep-cache-$RG_VERSION"
if [ ! -s "$RG_CACHE/$RG_ASSET" ]; then
  mkdir -p "$RG_CACHE"
  stage="$(mktemp -d)"
  cp "$(command -v rg)" "$stage/rg"
  tar -czf "$RG_CACHE/$RG_ASSET.tmp" -C "$stage" rg
  mv "$RG_CACHE/$RG_ASSET.tmp" "$RG_CACHE/$RG_ASSET"
  rm -rf "$stage"
  log "ripgrep: cached Debian rg at $RG_CACHE/$RG_ASSET"
fi

log "code-server $CODE_SERVER_VERSION: installing into $PREFIX (about 1-2 min)"
t0=$SECONDS
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
npmlog="$(dirname "$PREFIX")/code-server-install.log"
printf '{\n  "name": "rapport-code-server",\n  "private": true\n}\n' >"$PREFIX/package.json"
# A plain local install in the prefix folder, not `npm i -g --prefix`: npm
# exports npm_config_global=true to lifecycle scripts, and code-server's
# postinstall runs `npm install` in lib/vscode, which then turns into a global
# install of lib/vscode over code-server itself and fails with tar ENOENTs.
# For the same reason, drop the npm_* variables inherited from a calling
# package manager (pnpm run exports npm_config_user_agent=pnpm/..., which the
# postinstall rejects), keeping only network/cache settings.
# unsafe_perm: postinstall scripts run as root. yes=true: node-pty runs
# `npx node-gyp`, which this machine's npm config (yes=false) would cancel.
if ! (cd "$PREFIX" && \
      for v in $(compgen -e); do
        case "${v,,}" in
          npm_config_registry|npm_config_cache|npm_config_cafile|npm_config_ca|npm_config_strict_ssl|\
          npm_config_proxy|npm_config_https_proxy|npm_config_http_proxy|npm_config_noproxy|\
          npm_config_userconfig|npm_config_nodedir|npm_config_fetch_*) ;;
          npm_*) unset "$v" ;;
        esac
      done && \
      export npm_config_unsafe_perm=true npm_config_yes=true \
             npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false && \
      npm install --loglevel=warn "code-server@$CODE_SERVER_VERSION") \
      >"$npmlog" 2>&1; then
  tail -n 40 "$npmlog" >&2
  die "code-server install failed (full log: $npmlog)"
fi
[ -x "$CS_BIN" ] || die "code-server binary missing after install: $CS_BIN"
[ -e "$PREFIX/node_modules/code-server/lib/vscode/node_modules.asar" ] \
  || die "code-server postinstall did not finish (no lib/vscode/node_modules.asar); see $npmlog"
# --version writes a default config under $XDG_CONFIG_HOME: point it at a temp dir.
xdg="$(mktemp -d)"
ver="$(XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1 || true)"
rm -rf "$xdg"
case "$ver" in
  "$CODE_SERVER_VERSION "*) ;;
  *) tail -n 40 "$npmlog" >&2; die "code-server --version printed '$ver', expected $CODE_SERVER_VERSION" ;;
esac
touch "$MARKER"
log "code-server $ver: installed in $((SECONDS - t0)) s (log: $npmlog)"
