#!/bin/sh
# Make sure a Chromium for the end-to-end tests exists. Playwright's own browser
# download cannot work on our machines, so we use Debian's chromium package.
# CHROMIUM_PATH overrides the binary.
set -e
if [ -n "$CHROMIUM_PATH" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
  exit 1
fi
for bin in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$bin" ] && exit 0
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium with apt-get (one time)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && { echo "ensure-chromium: $(/usr/bin/chromium --version)"; exit 0; }
fi
echo "ensure-chromium: Chromium not found. Install it with 'sudo apt-get install -y chromium' or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
