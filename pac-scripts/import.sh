#!/usr/bin/env bash
# Imports the managed zip into the environment of the current pac auth profile (see auth.sh), activating plugins
# and publishing, with the deployment settings file. Refuses a TEST-DO-NOT-IMPORT package and any zip whose plugin
# assembly was not built against the official SDK (the packer's verify-package runs first).
# Usage: pac-scripts/import.sh [--zip Z] [--settings-file out/deployment-settings.json] [--stage-and-upgrade] [--source solution/src] [--out out] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

zip=""
settings=""
upgrade=0
while [ $# -gt 0 ]; do
  case "$1" in
    --zip) zip="$(path_of "$1" "${2:-}")"; shift ;;
    --settings-file) settings="$(path_of "$1" "${2:-}")"; shift ;;
    --stage-and-upgrade) upgrade=1 ;;
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
case "$(basename "$zip")" in
  *TEST-DO-NOT-IMPORT*) die "'$zip' is a TEST package built against the offline SDK stand-in: it must never be imported; build with pac-scripts/pack.sh (official SDK)" ;;
esac
require_file "$zip" "the solution zip" "run pac-scripts/pack.sh first or pass --zip"
require_file "$settings" "the deployment settings file" "run pac-scripts/create-settings.sh first and fill in its values, or pass --settings-file"
require_dotnet
cd "$REPO_ROOT"
packer verify-package --zip "$zip"
require_pac
args=(pac solution import --path "$zip" --activate-plugins --publish-changes --async --settings-file "$settings")
if [ "$upgrade" = 1 ]; then
  args+=(--stage-and-upgrade)
fi
run "${args[@]}"
