#!/usr/bin/env bash
# Builds the plugin against the OFFICIAL SDK and packs the solution into out/ (unmanaged and managed zips) with the
# freshly built signed assembly mapped in: through pac solution pack when pac is on PATH, otherwise through the
# project's own packer (same zip layout). --test-package builds against the offline stand-in and always uses the
# project's packer, which names the zips *_TEST-DO-NOT-IMPORT* (never import them).
# --assembly FILE packs a prebuilt plugin assembly instead of building one (e.g. a CI artifact); it is checked all the same.
# Steps on the Win and Lose messages of opportunity get the environment's sdkmessage ids in a staged copy
# (out/staged-src): read with pac env fetch from the current pac auth profile's environment, or given with
# --message-ids WIN_GUID,LOSE_GUID (or DVR_WIN_MESSAGE_ID and DVR_LOSE_MESSAGE_ID), which the project's packer needs.
# --stage-only writes that staged copy, prints its path and stops (for pipelines that pack with their own action).
# Usage: pac-scripts/pack.sh [--type Both|Unmanaged|Managed] [--source solution/src] [--out out] [--assembly FILE] [--message-ids WIN,LOSE] [--stage-only] [--test-package] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

# The platform's sdkmessage rows for Win and Lose: their ids are the same in every environment that has them
# (Dynamics 365 Sales installs them), but no public source lists them, so they are read from the environment.
MESSAGE_FETCH="<fetch><entity name='sdkmessage'><attribute name='sdkmessageid'/><attribute name='name'/><filter><condition attribute='name' operator='in'><value>Win</value><value>Lose</value></condition></filter></entity></fetch>"
GUID_PATTERN='^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
MANAGED_FROM_SOURCE="the managed zip is packed from unmanaged source (forms reuse their unmanaged XML, as pac solution pack --useUnmanagedFileForMissingManaged does); Dataverse's own managed export can differ, so for deployment export it managed from a build environment (.github/workflows/deploy.yml: import the unmanaged zip there, then export-solution with managed: true)"
MESSAGE_HINT="check that the current pac auth profile (pac auth list; pac-scripts/auth.sh signs in) points at the target environment and that Dynamics 365 Sales (which adds the Win and Lose messages of opportunity) is installed there, or pass --message-ids WIN_GUID,LOSE_GUID"

# message_steps MESSAGE: the source's step files whose Name ends with ": MESSAGE of opportunity", one a line.
message_steps() {
  local file
  for file in "$SOURCE_DIR"/SdkMessageProcessingSteps/*.xml; do
    if [ -f "$file" ] && grep -q -E "<SdkMessageProcessingStep [^>]*Name=\"[^\"]*: $1 of opportunity\"" "$file"; then
      printf '%s\n' "${file#"$SOURCE_DIR"/}"
    fi
  done
}

# message_id_from_fetch OUTPUT MESSAGE: the GUID on the row of the pac env fetch table whose name is MESSAGE, whatever
# the column order; empty when no row has it; stops when rows disagree.
message_id_from_fetch() {
  local output="$1" message="$2" line field found="" row_has_name row_ids
  local -a fields
  while IFS= read -r line; do
    IFS=$' \t\r|,;"'"'" read -r -a fields <<<"$line" || true
    row_has_name=0
    row_ids=()
    for field in ${fields[@]+"${fields[@]}"}; do
      field="${field#\{}"
      field="${field%\}}"
      if [ "$field" = "$message" ]; then
        row_has_name=1
      elif [[ "$field" =~ $GUID_PATTERN ]]; then
        row_ids+=("$field")
      fi
    done
    if [ "$row_has_name" = 1 ] && [ "${#row_ids[@]}" = 1 ]; then
      if [ -n "$found" ] && [ "$found" != "${row_ids[0]}" ]; then
        die "the environment has more than one sdkmessage named $message ($found, ${row_ids[0]}): pass the right one with --message-ids WIN_GUID,LOSE_GUID"
      fi
      found="${row_ids[0]}"
    fi
  done <<<"$output"
  printf '%s' "$found"
}

# set_message_id FILE GUID: replaces the text of FILE's <SdkMessageId>, leaving every other byte as it is.
set_message_id() {
  local file="$1" id="$2" content replacement
  IFS= read -r -d '' content <"$file" || true
  if ! [[ "$content" =~ \<SdkMessageId\>[^\<]*\</SdkMessageId\> ]]; then
    die "$file has no <SdkMessageId> element"
  fi
  replacement="<SdkMessageId>$id</SdkMessageId>"
  content="${content/"${BASH_REMATCH[0]}"/"$replacement"}"
  printf '%s' "$content" >"$file"
}

# stage_message_ids VIA: copies the source to out/staged-src and gives its Win and Lose steps the environment's
# sdkmessage ids (VIA is pac or packer: only pac can query the environment). Sets PACK_SOURCE to the staged copy;
# leaves it alone when the source has no step on Win or Lose.
stage_message_ids() {
  local via="$1" win_steps lose_steps steps win="" lose="" output staged="$OUT_DIR/staged-src" step
  win_steps="$(message_steps Win)"
  lose_steps="$(message_steps Lose)"
  if [ -z "$win_steps$lose_steps" ]; then
    return 0
  fi
  if [ -n "$message_ids" ]; then
    if [[ "$message_ids" != *,* ]]; then
      die "--message-ids '$message_ids' must be WIN_GUID,LOSE_GUID (the sdkmessage ids of Win and Lose, comma-separated)"
    fi
    win="${message_ids%%,*}"
    lose="${message_ids#*,}"
  elif [ -n "${DVR_WIN_MESSAGE_ID:-}${DVR_LOSE_MESSAGE_ID:-}" ]; then
    require_var DVR_WIN_MESSAGE_ID "the sdkmessage id of Win (DVR_LOSE_MESSAGE_ID is set)"
    require_var DVR_LOSE_MESSAGE_ID "the sdkmessage id of Lose (DVR_WIN_MESSAGE_ID is set)"
    win="$DVR_WIN_MESSAGE_ID"
    lose="$DVR_LOSE_MESSAGE_ID"
  elif [ "$via" = packer ]; then
    steps="$win_steps"$'\n'"$lose_steps"
    steps="${steps//$'\n'/, }"
    die "the steps on Win and Lose of opportunity (${steps#, }) need the target environment's sdkmessage ids (the ids in the source were generated for this repository and an import fails on them; the project's packer cannot query an environment): pass --message-ids WIN_GUID,LOSE_GUID (or set DVR_WIN_MESSAGE_ID and DVR_LOSE_MESSAGE_ID), read with: pac env fetch --xml \"$MESSAGE_FETCH\""
  fi
  if [ -n "$win$lose" ]; then
    [[ "$win" =~ $GUID_PATTERN ]] || die "the sdkmessage id of Win '$win' is not a GUID"
    [[ "$lose" =~ $GUID_PATTERN ]] || die "the sdkmessage id of Lose '$lose' is not a GUID"
  elif [ "$DRY_RUN" = 1 ]; then
    show_command pac env fetch --xml "$MESSAGE_FETCH"
    win="<the sdkmessageid of Win from the fetch>"
    lose="<the sdkmessageid of Lose from the fetch>"
  else
    printf '+ ' >&2
    show_command pac env fetch --xml "$MESSAGE_FETCH" >&2
    if ! output="$(pac env fetch --xml "$MESSAGE_FETCH" 2>&1)"; then
      die "pac env fetch failed: $output; $MESSAGE_HINT"
    fi
    win="$(message_id_from_fetch "$output" Win)"
    lose="$(message_id_from_fetch "$output" Lose)"
    if [ -z "$win" ] || [ -z "$lose" ]; then
      die "could not read the sdkmessage id of $([ -z "$win" ] && printf 'Win')$([ -z "$win$lose" ] && printf ' and ')$([ -z "$lose" ] && printf 'Lose') from pac env fetch; $MESSAGE_HINT. pac answered: $output"
    fi
    # The platform's message ids are the same in every environment that has them: print them once for committing.
    note "the environment's sdkmessage ids: Win $win, Lose $lose; to pack without a lookup, pass --message-ids $win,$lose or set DVR_WIN_MESSAGE_ID=$win and DVR_LOSE_MESSAGE_ID=$lose (e.g. as repository variables of the deploy workflow)"
  fi

  case "$staged/" in
    "$SOURCE_DIR"/*) die "--out '$OUT_DIR' is inside --source '$SOURCE_DIR': the staged copy $staged must be outside the source" ;;
  esac
  if [ "$DRY_RUN" = 1 ]; then
    printf '# copy %s to %s\n' "$SOURCE_DIR" "$staged"
  else
    rm -rf "$staged"
    mkdir -p "$staged"
    cp -R "$SOURCE_DIR/." "$staged"
  fi
  while IFS= read -r step; do
    [ -n "$step" ] || continue
    if [ "$DRY_RUN" = 1 ]; then
      printf '# %s/%s: SdkMessageId = %s (Win)\n' "$staged" "$step" "$win"
    else
      set_message_id "$staged/$step" "$win"
      note "$staged/$step: SdkMessageId = $win (Win)"
    fi
  done <<<"$win_steps"
  while IFS= read -r step; do
    [ -n "$step" ] || continue
    if [ "$DRY_RUN" = 1 ]; then
      printf '# %s/%s: SdkMessageId = %s (Lose)\n' "$staged" "$step" "$lose"
    else
      set_message_id "$staged/$step" "$lose"
      note "$staged/$step: SdkMessageId = $lose (Lose)"
    fi
  done <<<"$lose_steps"
  PACK_SOURCE="$staged"
}

type=Both
test_package=0
assembly=""
message_ids=""
stage_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="$(value_of "$1" "${2:-}")"; shift ;;
    --source) SOURCE_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    --out) OUT_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    --assembly) assembly="$(path_of "$1" "${2:-}")"; shift ;;
    --message-ids) message_ids="$(value_of "$1" "${2:-}")"; shift ;;
    --test-package) test_package=1 ;;
    --stage-only) stage_only=1 ;;
    -h | --help) usage; exit 0 ;;
    *) common_option "$1" || die "unknown option $1 (see --help)" ;;
  esac
  shift
done

if [ "$stage_only" = 1 ] && [ "$test_package" = 1 ]; then
  die "--stage-only stages the source for an official pack; it does not go with --test-package"
fi
case "$type" in
  Both | Unmanaged | Managed) ;;
  *) die "--type '$type' must be Both, Unmanaged or Managed" ;;
esac
require_file "$SOURCE_DIR/Other/Solution.xml" "the solution manifest" "pass --source with an unpacked solution folder"
require_dotnet
cd "$REPO_ROOT"

# The folder that gets packed: the source, or its staged copy with the environment's Win and Lose message ids.
PACK_SOURCE="$SOURCE_DIR"
if [ "$test_package" = 0 ]; then
  if command -v pac >/dev/null 2>&1; then
    stage_message_ids pac
  else
    stage_message_ids packer
  fi
fi
if [ "$stage_only" = 1 ]; then
  printf '%s\n' "$PACK_SOURCE"
  exit 0
fi

if [ "$test_package" = 1 ]; then
  sdk=StandIn
else
  sdk=Official
fi
if [ -n "$assembly" ]; then
  require_file "$assembly" "the plugin assembly" "pass the path of a built DataverseRelationship.Plugins.dll to --assembly"
  PLUGIN_ASSEMBLY="$assembly"
else
  run dotnet build "$PLUGIN_PROJECT" -c Release -f net462 "-p:XrmSdk=$sdk"
fi
if [ "$DRY_RUN" = 0 ]; then
  require_file "$PLUGIN_ASSEMBLY" "the built plugin assembly" "the dotnet build above should have written it"
  mkdir -p "$OUT_DIR"
fi

if [ "$test_package" = 0 ] && command -v pac >/dev/null 2>&1; then
  # pac knows nothing of the stand-in: check the assembly first, then map it over the source's copy.
  packer verify-assembly --assembly "$PLUGIN_ASSEMBLY"
  map="$OUT_DIR/pack-map.xml"
  if [ "$DRY_RUN" = 1 ]; then
    printf '# %s maps PluginAssemblies/**/DataverseRelationship.Plugins.dll to %s\n' "$map" "$PLUGIN_ASSEMBLY"
  else
    cat >"$map" <<MAP
<?xml version="1.0" encoding="utf-8"?>
<Mapping>
  <FileToFile map="PluginAssemblies/**/DataverseRelationship.Plugins.dll" to="$PLUGIN_ASSEMBLY" />
</Mapping>
MAP
  fi
  if [ "$type" = Managed ]; then
    zip="$OUT_DIR/$(zip_name managed)"
  else
    zip="$OUT_DIR/$(zip_name)"
  fi
  if [ "$type" = Unmanaged ]; then
    run pac solution pack --zipfile "$zip" --folder "$PACK_SOURCE" --packagetype "$type" --map "$map"
  else
    # The source has no *_managed.xml form files (it was not unpacked from a managed export), and pac packs a managed
    # zip from those files: --useUnmanagedFileForMissingManaged reuses the unmanaged XML for FormXml, AppModule and
    # AppModuleSiteMap (https://learn.microsoft.com/power-platform/developer/cli/reference/solution#pac-solution-pack).
    note "$MANAGED_FROM_SOURCE"
    run pac solution pack --zipfile "$zip" --folder "$PACK_SOURCE" --packagetype "$type" --map "$map" --useUnmanagedFileForMissingManaged
  fi
else
  if [ "$test_package" = 0 ]; then
    note "pac is not on PATH: packing with the project's own packer"
  fi
  args=(pack --source "$PACK_SOURCE" --assembly "$PLUGIN_ASSEMBLY" --out "$OUT_DIR" --type "$type")
  if [ "$test_package" = 1 ]; then
    args+=(--test-package)
  fi
  packer "${args[@]}"
fi
