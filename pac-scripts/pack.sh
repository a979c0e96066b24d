#!/usr/bin/env bash
# Builds the plugin against the OFFICIAL SDK and packs the solution into out/ (unmanaged and managed zips) with the
# freshly built signed assembly mapped in: through pac solution pack when pac is on PATH, otherwise through the
# project's own packer (same zip layout). --test-package builds against the offline stand-in and always uses the
# project's packer, which names the zips *_TEST-DO-NOT-IMPORT* (never import them).
# --assembly FILE packs a prebuilt plugin assembly instead of building one (e.g. a CI artifact); it is checked all the same.
# Usage: pac-scripts/pack.sh [--type Both|Unmanaged|Managed] [--source solution/src] [--out out] [--assembly FILE] [--test-package] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

type=Both
test_package=0
assembly=""
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="$(value_of "$1" "${2:-}")"; shift ;;
    --source) SOURCE_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    --out) OUT_DIR="$(path_of "$1" "${2:-}")"; shift ;;
    --assembly) assembly="$(path_of "$1" "${2:-}")"; shift ;;
    --test-package) test_package=1 ;;
    -h | --help) usage; exit 0 ;;
    *) common_option "$1" || die "unknown option $1 (see --help)" ;;
  esac
  shift
done

case "$type" in
  Both | Unmanaged | Managed) ;;
  *) die "--type '$type' must be Both, Unmanaged or Managed" ;;
esac
require_file "$SOURCE_DIR/Other/Solution.xml" "the solution manifest" "pass --source with an unpacked solution folder"
require_dotnet
cd "$REPO_ROOT"

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
  run pac solution pack --zipfile "$zip" --folder "$SOURCE_DIR" --packagetype "$type" --map "$map"
else
  if [ "$test_package" = 0 ]; then
    note "pac is not on PATH: packing with the project's own packer"
  fi
  args=(pack --source "$SOURCE_DIR" --assembly "$PLUGIN_ASSEMBLY" --out "$OUT_DIR" --type "$type")
  if [ "$test_package" = 1 ]; then
    args+=(--test-package)
  fi
  packer "${args[@]}"
fi
