#!/usr/bin/env bash
# Developer inner loop: builds the plugin against the official SDK and pushes the assembly over the registered one.
# The plugin assembly id comes from --plugin-id or PAC_PLUGIN_ID (pac has no command that lists plug-in assemblies: pac plugin has only init and push, https://learn.microsoft.com/power-platform/developer/cli/reference/plugin; the id is the PluginAssemblyId of solution/src/PluginAssemblies/<Name>-<GUID>/*.dll.data.xml, kept when the solution is imported, so the same in every environment).
# Usage: pac-scripts/plugin-push.sh [--plugin-id GUID] [--plugin-file F] [--no-build] [--dry-run]
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() { sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

plugin_id="${PAC_PLUGIN_ID:-}"
plugin_file="$PLUGIN_ASSEMBLY"
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin-id) plugin_id="$(value_of "$1" "${2:-}")"; shift ;;
    --plugin-file) plugin_file="$(path_of "$1" "${2:-}")"; shift ;;
    --no-build) build=0 ;;
    -h | --help) usage; exit 0 ;;
    *) common_option "$1" || die "unknown option $1 (see --help)" ;;
  esac
  shift
done

if [ -z "$plugin_id" ]; then
  die "no plugin assembly id: pass --plugin-id GUID or set PAC_PLUGIN_ID (the id is the PluginAssemblyId in solution/src/PluginAssemblies/*/*.dll.data.xml)"
fi
if [[ ! "$plugin_id" =~ ^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$ ]]; then
  die "plugin id '$plugin_id' is not a GUID"
fi
require_dotnet
cd "$REPO_ROOT"
if [ "$build" = 1 ]; then
  run dotnet build "$PLUGIN_PROJECT" -c Release -f net462 -p:XrmSdk=Official
fi
if [ "$DRY_RUN" = 0 ] || [ "$build" = 0 ]; then
  require_file "$plugin_file" "the plugin assembly" "build it with dotnet build $PLUGIN_PROJECT -c Release -f net462 -p:XrmSdk=Official or pass --plugin-file"
fi
packer verify-assembly --assembly "$plugin_file"
require_pac
run pac plugin push --pluginId "$plugin_id" --pluginFile "$plugin_file"
