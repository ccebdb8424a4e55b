#!/usr/bin/env bash
# Installs what the browser tests (*E2E) drive: Debian's chromium and its chromedriver, at
# /usr/bin/chromium and /usr/bin/chromedriver. Does nothing when both are there. Uses sudo when
# not root. Called by the test script before the E2E tier.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "ui-deps: installing chromium and chromium-driver with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
