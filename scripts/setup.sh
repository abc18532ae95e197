#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh machine, skipping whatever is
# already present: Debian's Chromium, ChromeDriver and Firefox ESR; the Rust wasm target;
# wasm-pack, geckodriver and the wasm-bindgen CLI at the exact version Cargo.lock pins;
# the npm packages of package-lock.json (binaryen's wasm-opt, playwright-core, web-ext...).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "setup: $*"; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox >/dev/null || missing+=(firefox-esr)
command -v zip >/dev/null || true
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }

wb=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb"; then
  # wasm-bindgen-cli only builds without --locked (its lockfile pins a yanked crate).
  say "cargo install wasm-bindgen-cli $wb"
  cargo install -q --force wasm-bindgen-cli --version "$wb"
fi
command -v wasm-pack >/dev/null || { say "cargo install wasm-pack"; cargo install -q --locked wasm-pack --version 0.15.1; }
command -v geckodriver >/dev/null || { say "cargo install geckodriver"; cargo install -q --locked geckodriver --version 0.37.1; }

if [ -f package-lock.json ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules/.package-lock.json
  fi
fi
