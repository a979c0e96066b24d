#!/usr/bin/env bash
# Writes the deployment settings file (environment variable values, connection references) for the managed zip.
# Usage: pac-scripts/create-settings.sh [--zip Z] [--settings-file out/deployment-settings.json] [--source solution/src] [--out out] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,3p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

zip=""
settings=""
while [ $# -gt 0 ]; do
  case "$1" in
    --zip) zip="$(path_of "$1" "${2:-}")"; shift ;;
    --settings-file) settings="$(path_of "$1" "${2:-}")"; shift ;;
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
settings="${settings:-$OUT_DIR/deployment-settings.json}"
require_file "$zip" "the solution zip" "run pac-scripts/pack.sh first or pass --zip"
require_pac
run pac solution create-settings --solution-zip "$zip" --settings-file "$settings"
