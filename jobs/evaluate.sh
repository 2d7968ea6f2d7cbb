#!/usr/bin/env bash
# Scores the theme rules against hand labels: precision, recall and F1 per theme, then each wrong document with its
# evidence. Builds the jar first when needed, like run-local.sh.
#   jobs/evaluate.sh data/labels/news2022-dev.jsonl --input ../shared/corpora/nl-news-2022.jsonl.gz [--themes FILE]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEWS_THEMES_MAIN=nl.newsthemes.EvaluateThemes exec "$root/jobs/run-local.sh" "$@"
