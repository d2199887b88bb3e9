#!/usr/bin/env bash
# The README's test command: install what the tests need (Debian packages for real media and a real
# browser, mediafeed with its test extras), lint and type-check, and run the whole suite. Extra arguments go
# to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in ffmpeg:ffmpeg ffprobe:ffmpeg espeak-ng:espeak-ng lame:lame sox:sox chromium:chromium chromedriver:chromium-driver rsync:rsync npm:npm java:default-jre-headless strace:strace newsboat:newsboat go:golang-go; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
# nginx, serving a published folder with docs/publish.md's configuration (tests/test_publish_served.py); in /usr/sbin,
# off a user's PATH
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)
# gofeed, the Go feed parser tests/test_client_gofeed.py builds against (GOPATH mode, no module download)
[ -d /usr/share/gocode/src/github.com/mmcdole/gofeed ] || need+=(golang-github-mmcdole-gofeed-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${need[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# the quick start's virtual environment, when this shell has none active (a new shell after the first command)
if [ -z "${VIRTUAL_ENV:-}" ] && [ -x .venv/bin/python3 ]; then
  export VIRTUAL_ENV="$PWD/.venv" PATH="$PWD/.venv/bin:$PATH"
fi
python3 -m pip install -q --disable-pip-version-check -e '.[test]'
python3 -m ruff check mediafeed tests bench
python3 -m mypy mediafeed
python3 -m pytest -q "$@"
