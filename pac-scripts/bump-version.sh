#!/usr/bin/env bash
# Sets the build part of the solution version (a.b.BUILD.d) in the source's Other/Solution.xml.
# The build number comes from --build-number, else BUILD_NUMBER, else GITHUB_RUN_NUMBER.
# Usage: pac-scripts/bump-version.sh [--build-number N] [--source solution/src] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

build_number="${BUILD_NUMBER:-${GITHUB_RUN_NUMBER:-}}"
while [ $# -gt 0 ]; do
  case "$1" in
    --build-number) build_number="$(value_of "$1" "${2:-}")"; shift ;;
    --source) SOURCE_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) common_option "$1" || die "unknown option $1 (see --help)" ;;
  esac
  shift
done

if [ -z "$build_number" ]; then
  die "no build number: pass --build-number N or set BUILD_NUMBER (GitHub Actions sets GITHUB_RUN_NUMBER)"
fi
if [[ ! "$build_number" =~ ^[0-9]+$ ]]; then
  die "build number '$build_number' must be a whole number"
fi
manifest="$SOURCE_DIR/Other/Solution.xml"
require_file "$manifest" "the solution manifest" "pass --source with an unpacked solution folder"
require_pac
run pac solution version --buildversion "$build_number" --solutionPath "$manifest"
