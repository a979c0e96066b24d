#!/usr/bin/env bash
# Regenerates docs/report-accounts.png: the HTML report of the built-in sample (dvrel preview --report), its
# "All accounts" section as headless Chromium draws it 1400 px wide; with SECTION=backtest, docs/report-backtest.png
# ("Does the score predict?").
#
# Chromium's --screenshot captures the top of the page, and a page scrolled to an anchor came out blank, so the
# script draws a copy of the report in which everything in <main> but the one section is hidden (the header
# stays: data set, policy, currency). A first Chromium run measures the copy's height, the second takes the
# screenshot at that height, at most MAX_HEIGHT (the sample's 36 accounts with their explanations are about 4,000 px
# and a 1.5 MB PNG; the first 2,400 px show the header and the first twenty accounts), so nothing blank is added.
#
# Usage: scripts/report-screenshot.sh [OUT.png]     (default: docs/report-accounts.png, or docs/report-SECTION.png)
# Environment: CHROMIUM (the browser; default chromium or chromium-browser on PATH), WIDTH (default 1400),
# MAX_HEIGHT (default 2400; 0 for the whole section), SECTION (the id of a section of <main>: accounts-section, the
# default, or backtest, at-risk, rejections).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECTION="${SECTION:-accounts-section}"
if [[ "$SECTION" == accounts-section ]]; then DEFAULT_OUT="$REPO_ROOT/docs/report-accounts.png"; else DEFAULT_OUT="$REPO_ROOT/docs/report-$SECTION.png"; fi
OUT="${1:-$DEFAULT_OUT}"
WIDTH="${WIDTH:-1400}"
MAX_HEIGHT="${MAX_HEIGHT:-2400}"

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

BROWSER="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[[ -n "$BROWSER" ]] || die "Chromium is not installed: apt-get install -y chromium (or set CHROMIUM to the browser)"
command -v dotnet >/dev/null || die "the .NET SDK is not on PATH (see global.json)"
[[ "$WIDTH" =~ ^[0-9]+$ ]] || die "WIDTH must be a number of pixels, not '$WIDTH'"
[[ "$MAX_HEIGHT" =~ ^[0-9]+$ ]] || die "MAX_HEIGHT must be a number of pixels (0: no limit), not '$MAX_HEIGHT'"
[[ "$SECTION" =~ ^[a-z][a-z-]*$ ]] || die "SECTION must be the id of a section of the report (e.g. backtest), not '$SECTION'"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

chromium() {
  "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$WORK/profile" "$@"
}

printf 'Replaying the built-in sample (about a minute)...\n' >&2
dotnet run -c Release --project "$REPO_ROOT/src/DataverseRelationship.Cli" -- preview --report "$WORK/report.html" >/dev/null
grep -q "<section id=\"$SECTION\">" "$WORK/report.html" || die "the report has no section with the id '$SECTION'"

# The copy: hide every child of <main> but the section; at the end, a script writes the page's height
# into the title, which --dump-dom shows.
HIDE="<style>main > :not(#$SECTION) { display: none !important; }</style>"
MEASURE='<script>document.title = "height=" + document.documentElement.scrollHeight;</script>'
sed -e "s|</head>|${HIDE}</head>|" -e "s|</body>|${MEASURE}</body>|" "$WORK/report.html" >"$WORK/accounts.html"
grep -q "$SECTION) { display" "$WORK/accounts.html" || die "could not add the style to the report's <head>"

PAGE="file://$WORK/accounts.html"
HEIGHT="$(chromium --window-size="$WIDTH,1000" --dump-dom "$PAGE" 2>/dev/null | sed -n 's#.*<title>height=\([0-9]*\)</title>.*#\1#p' | head -n 1)"
[[ -n "$HEIGHT" ]] || die "Chromium did not report the page's height"
if ((MAX_HEIGHT > 0 && HEIGHT > MAX_HEIGHT)); then
  printf 'The section %s is %s px tall; the screenshot shows its first %s px.\n' "$SECTION" "$HEIGHT" "$MAX_HEIGHT" >&2
  HEIGHT="$MAX_HEIGHT"
fi

chromium --window-size="$WIDTH,$HEIGHT" --screenshot="$WORK/accounts.png" "$PAGE" 2>/dev/null
[[ -s "$WORK/accounts.png" ]] || die "Chromium wrote no screenshot"
mkdir -p "$(dirname "$OUT")"
cp "$WORK/accounts.png" "$OUT"
printf 'Wrote %s (%s x %s px).\n' "$OUT" "$WIDTH" "$HEIGHT" >&2
