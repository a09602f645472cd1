#!/usr/bin/env bash
# Installs what Continuum needs and does not find: the wasm target, pinned cargo-leptos and wasm-bindgen-cli,
# the npm packages (NHS.UK styles, axe-core, binaryen), and, when run as root and asked for, Debian packages.
# Idempotent and quick once everything is in place. Sourced by scripts/run and scripts/test.
#
#   setup_tools             Rust tools, npm packages, the NHS.UK assets in public/
#   setup_debian PKG...     apt-get install the packages whose commands are missing (root only)

CONTINUUM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.10"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'continuum setup: %s\n' "$*" >&2; exit 1; }

# apt-get install, retried once: Debian's chromium sometimes fails the first time with a dpkg "cannot stat".
apt_install() {
  [ "$(id -u)" = 0 ] || fail "these Debian packages are missing: $*. Install them (as root: apt-get install $*) and run this again."
  step "Installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${CONTINUUM_APT_UPDATED:-}" ]; then apt-get update -qq || true; CONTINUUM_APT_UPDATED=1; fi
  apt-get install -y -qq "$@" >/dev/null || apt-get install -y -qq "$@" >/dev/null || fail "apt-get install $* failed"
}

# setup_debian postgresql chromium ... : installs each package whose program is not already present.
setup_debian() {
  local missing=()
  for pkg in "$@"; do
    case "$pkg" in
      postgresql) compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql) ;;
      chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
      chromium-driver) command -v chromedriver >/dev/null || missing+=(chromium-driver) ;;
      nodejs) command -v node >/dev/null || missing+=(nodejs) ;;
      npm) command -v npm >/dev/null || missing+=(npm) ;;
      *) dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg") ;;
    esac
  done
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
}

setup_tools() {
  cd "$CONTINUUM_ROOT" || fail "cannot enter $CONTINUUM_ROOT"
  command -v cargo >/dev/null || fail "Rust is not installed: see https://rustup.rs"

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    step "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 13 minutes the first time)"
    cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi

  # wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock; cargo-leptos would otherwise try to
  # download one from GitHub. Installed without --locked: its own lock file does not build on this toolchain.
  local wb_version
  wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
    step "Installing wasm-bindgen-cli $wb_version"
    cargo install wasm-bindgen-cli --version "=$wb_version"
  fi

  if ! command -v npm >/dev/null; then setup_debian nodejs npm; fi
  # npm ci again only when package-lock.json has changed since the last install.
  local lock_hash
  lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat node_modules/.continuum-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
    step "Installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_hash" > node_modules/.continuum-lock-hash
  fi
  # binaryen's wasm-opt for release builds (Debian's is too old and produces a bundle that fails to hydrate).
  export PATH="$CONTINUUM_ROOT/node_modules/.bin:$PATH"

  # The NHS.UK stylesheet and the images it refers to (as /assets/images/...), copied into the site assets.
  local nhsuk="node_modules/nhsuk-frontend/dist/nhsuk"
  # Its @font-face rules are left out: they load the NHS's Frutiger from assets.nhs.uk, which the content
  # security policy (font-src 'self') refuses, so every page logged errors. Without them the stylesheet's own
  # fallback, Arial, is used and no font is requested.
  if [ ! -f public/vendor/nhsuk-frontend.min.css ] || [ "$nhsuk/nhsuk-frontend.min.css" -nt public/vendor/nhsuk-frontend.min.css ] \
    || grep -q "@font-face" public/vendor/nhsuk-frontend.min.css; then
    step "Copying NHS.UK frontend assets into public/"
    mkdir -p public/vendor public/assets/images
    node -e '
      const fs = require("fs");
      const css = fs.readFileSync(process.argv[1], "utf8").replace(/@font-face\{[^}]*\}/g, "");
      fs.writeFileSync(process.argv[2], css);
    ' "$nhsuk/nhsuk-frontend.min.css" public/vendor/nhsuk-frontend.min.css
    cp "$nhsuk"/assets/images/* public/assets/images/
  fi
  # Compressed once, at the highest settings, beside the file: the server sends these (ServeDir's precompressed
  # files) instead of compressing on every request at a fast, weaker setting (brotli 24 KB instead of 31 KB).
  if [ ! -f public/vendor/nhsuk-frontend.min.css.br ] || [ public/vendor/nhsuk-frontend.min.css -nt public/vendor/nhsuk-frontend.min.css.br ]; then
    node -e '
      const zlib = require("zlib"), fs = require("fs"), file = process.argv[1], data = fs.readFileSync(file);
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(file + ".gz", zlib.gzipSync(data, { level: 9 }));
    ' public/vendor/nhsuk-frontend.min.css
  fi
}
