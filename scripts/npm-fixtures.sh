#!/usr/bin/env bash
# Installs the npm packages whose files the tests read (third-party webhook payload examples),
# exactly as pinned by test-fixtures/package-lock.json. Does nothing when they are installed.
# Installs nodejs and npm with apt-get first when npm is absent. Called by scripts/test-all.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="$root/test-fixtures"

if [ -d "$fixtures/node_modules" ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm-fixtures: npm not found, installing nodejs and npm with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm
fi

echo "npm-fixtures: npm ci in $fixtures" >&2
cd "$fixtures"
npm ci --no-audit --no-fund
