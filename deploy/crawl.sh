#!/usr/bin/env bash
# Scheduled crawl wrapper for cron and systemd: `deploy/crawl.sh SPIDER [scrapy crawl args...]`.
# - runs from the repository, with its .venv (created by `make` if missing);
# - never overlaps itself: a run still going when the next is due makes the new one exit (flock);
# - exits with scrapy's status, so cron mail / systemd show failed runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
spider="${1:?usage: deploy/crawl.sh SPIDER [scrapy crawl arguments]}"
shift
[ -x .venv/bin/scrapy ] || make -s .venv/.installed
lock="${CRAWL_LOCK_DIR:-$repo/output}/.crawl-$spider.lock"
mkdir -p "$(dirname "$lock")"
exec 9>"$lock"
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) $spider: previous run still active, skipping this one" >&2
  exit 0
fi
exec .venv/bin/scrapy crawl "$spider" "$@"
