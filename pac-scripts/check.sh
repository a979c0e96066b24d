#!/usr/bin/env bash
# Runs the Power Apps solution checker on the managed zip; results go to out/checker.
# Usage: pac-scripts/check.sh [--zip out/<Name>_<Version>_managed.zip] [--source solution/src] [--out out] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,3p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

zip=""
while [ $# -gt 0 ]; do
  case "$1" in
    --zip) zip="$(path_of "$1" "${2:-}")"; shift ;;
    --source) SOURCE_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    --out) OUT_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) common_option "$1" || die "unknown option $1 (see --help)" ;;
  esac
  shift
done

if [ -z "$zip" ]; then
  zip="$OUT_DIR/$(zip_name managed)"
fi
require_file "$zip" "the solution zip" "run pac-scripts/pack.sh first or pass --zip"
require_pac
run pac solution check --path "$zip" --outputDirectory "$OUT_DIR/checker"
