#!/usr/bin/env bash
# Runs a command on a Linux CI runner as on a desktop with an unlocked keyring, for real Electron:
# Chromium's sandbox allowed (Ubuntu 24.04+ blocks the unprivileged user namespaces it needs), a D-Bus
# session with gnome-keyring's Secret Service unlocked (so --password-store=gnome-libsecret really seals
# with a keyring key, v11), and an X display from xvfb. No tray host: xvfb has none, like stock GNOME.
# Usage: scripts/ci-linux-desktop.sh <command> [args…]   (GitHub workflow, .github/workflows/build.yml)
set -euo pipefail

if [ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ]; then
  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0
fi
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
  sudo apt-get update -qq
  sudo apt-get install -y -qq --no-install-recommends gnome-keyring dbus xvfb xauth >/dev/null
fi

# --unlock reads the password from stdin and creates the login keyring (the default collection) if missing.
exec dbus-run-session -- bash -euo pipefail -c '
  printf "%s" "ci-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  echo "keyring: default collection $(gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.ReadAlias default 2>/dev/null || echo "(none)")" >&2
  exec xvfb-run --auto-servernum "$@"
' ci-linux-desktop "$@"
