#!/usr/bin/env bash
# Scheduled crawl wrapper for cron and systemd: `deploy/crawl.sh SPIDER [scrapy crawl args...]`.
# - runs from the repository, with its .venv (created by `make` if missing), or with the
#   virtualenv named by CRAWL_VENV (never created: a missing one is an error);
# - never overlaps itself: a run still going when the next is due makes the new one exit (flock);
# - exits with the crawl's status (0 ok, 1 configuration or start error, 2 every request
#   failed, 3 output error, 4 stopped by a signal; README "Exit codes and errors"), so cron
#   mail and systemd show failed runs.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
spider="${1:?usage: deploy/crawl.sh SPIDER [scrapy crawl arguments]}"
shift
if [ -n "${CRAWL_VENV:-}" ]; then
  venv="$CRAWL_VENV"
  [ -x "$venv/bin/scrapy" ] || { echo "error: CRAWL_VENV=$venv has no bin/scrapy" >&2; exit 1; }
else
  venv="$repo/.venv"
  [ -x "$venv/bin/scrapy" ] || make -s .venv/.installed
fi
# One lock per command line: `sitemap -a source=A` and `sitemap -a source=B` are two jobs and
# may run side by side; the same job due again while it runs is skipped.
job="$(printf '%s\0' "$spider" "$@" | sha1sum | cut -c1-12)"
lock="${CRAWL_LOCK_DIR:-$repo/output}/.crawl-$spider-$job.lock"
mkdir -p "$(dirname "$lock")"
exec 9>"$lock"
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) $spider: previous run still active, skipping this one" >&2
  exit 0
fi
exec "$venv/bin/scrapy" crawl "$spider" "$@"
