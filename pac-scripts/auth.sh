#!/usr/bin/env bash
# Creates a pac authentication profile for the target environment and shows who it signs in as.
#   Service principal: set PAC_ENVIRONMENT_URL, PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID.
#   Interactive:       set PAC_ENVIRONMENT_URL and pass --interactive (or leave the other three unset outside CI).
# Usage: pac-scripts/auth.sh [--interactive] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

interactive=0
while [ $# -gt 0 ]; do
  case "$1" in
    --interactive) interactive=1 ;;
    -h | --help) usage; exit 0 ;;
    *) common_option "$1" || die "unknown option $1 (see --help)" ;;
  esac
  shift
done

require_var PAC_ENVIRONMENT_URL "the Dataverse environment URL, e.g. https://contoso.crm.dynamics.com"
if [[ ! "$PAC_ENVIRONMENT_URL" =~ ^https:// ]]; then
  die "PAC_ENVIRONMENT_URL '$PAC_ENVIRONMENT_URL' must be an https:// URL"
fi

if [ "$interactive" = 0 ] && [ -z "${PAC_APPLICATION_ID:-}${PAC_CLIENT_SECRET:-}${PAC_TENANT_ID:-}" ]; then
  if [ "${CI:-}" = true ]; then
    die "no credentials: in CI set PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID (service principal)"
  fi
  note "PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID are unset: signing in interactively"
  interactive=1
fi

require_pac
if [ "$interactive" = 1 ]; then
  run pac auth create --environment "$PAC_ENVIRONMENT_URL"
else
  require_var PAC_APPLICATION_ID "the service principal's application (client) id"
  require_var PAC_CLIENT_SECRET "the service principal's client secret"
  require_var PAC_TENANT_ID "the Microsoft Entra tenant id"
  secret "$PAC_CLIENT_SECRET"
  run pac auth create --environment "$PAC_ENVIRONMENT_URL" --applicationId "$PAC_APPLICATION_ID" \
    --clientSecret "$PAC_CLIENT_SECRET" --tenant "$PAC_TENANT_ID"
fi
run pac org who
