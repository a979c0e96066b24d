# shellcheck shell=bash
# Sourced by every pac script: strict mode, the --dry-run switch, command echo with secrets masked, and the checks
# that stop with a message saying what to install or set.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
DRY_RUN=0
SECRETS=()
# The scripts that source this file read these settings; shellcheck cannot see that from common.sh alone.
# shellcheck disable=SC2034
SOURCE_DIR="$REPO_ROOT/solution/src"
# shellcheck disable=SC2034
OUT_DIR="$REPO_ROOT/out"
# shellcheck disable=SC2034
PLUGIN_PROJECT="src/DataverseRelationship.Plugins"
# shellcheck disable=SC2034
PLUGIN_ASSEMBLY="$REPO_ROOT/src/DataverseRelationship.Plugins/bin/Release/net462/DataverseRelationship.Plugins.dll"
# shellcheck disable=SC2034
PACKER_PROJECT="src/DataverseRelationship.SolutionPackager"
PAC_INSTALL_HINT="install the Power Platform CLI: dotnet tool install --global Microsoft.PowerApps.CLI.Tool (and put ~/.dotnet/tools on PATH), or see https://aka.ms/PowerPlatformCLI"

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

note() {
  printf 'note: %s\n' "$*" >&2
}

# Registers a value that must never be printed.
secret() {
  if [ -n "${1:-}" ]; then
    SECRETS+=("$1")
  fi
}

# Prints one argument as a shell word, with secrets replaced by ***.
shell_word() {
  local word="$1" s
  for s in ${SECRETS[@]+"${SECRETS[@]}"}; do
    word="${word//"$s"/***}"
  done
  if [[ "$word" =~ ^[A-Za-z0-9_./:=@%+,*-]+$ ]]; then
    printf '%s' "$word"
  else
    printf "'%s'" "${word//\'/\'\\\'\'}"
  fi
}

# Prints a command line (secrets masked).
show_command() {
  local first=1 arg
  for arg in "$@"; do
    if [ "$first" = 1 ]; then first=0; else printf ' '; fi
    shell_word "$arg"
  done
  printf '\n'
}

# Runs a command; with --dry-run only prints it on stdout.
run() {
  if [ "$DRY_RUN" = 1 ]; then
    show_command "$@"
  else
    printf '+ ' >&2
    show_command "$@" >&2
    "$@"
  fi
}

require_pac() {
  if command -v pac >/dev/null 2>&1; then
    return 0
  fi
  if [ "$DRY_RUN" = 1 ]; then
    note "pac is not on PATH (dry run only prints the commands); to run them, $PAC_INSTALL_HINT"
    return 0
  fi
  die "pac (the Power Platform CLI) is not on PATH; $PAC_INSTALL_HINT"
}

require_dotnet() {
  if command -v dotnet >/dev/null 2>&1 || [ "$DRY_RUN" = 1 ]; then
    return 0
  fi
  die "dotnet (the .NET SDK 10) is not on PATH; install it from https://dot.net"
}

# require_var NAME "what it is": stops when the environment variable is unset or empty.
require_var() {
  local name="$1" what="$2"
  if [ -z "${!name:-}" ]; then
    die "environment variable $name is not set: set it to $what"
  fi
}

# require_file PATH "what it is" "how to get it"
require_file() {
  if [ ! -f "$1" ]; then
    die "$2 '$1' does not exist: $3"
  fi
}

# Runs the project's packer (pack, verify-assembly, verify-package): a prebuilt
# DataverseRelationship.SolutionPackager.dll when PACKER_DLL names one, else through dotnet run.
packer() {
  if [ -n "${PACKER_DLL:-}" ]; then
    run dotnet "$PACKER_DLL" "$@"
  else
    run dotnet run --project "$PACKER_PROJECT" -c Release -- "$@"
  fi
}

# solution_field NAME: the text of <NAME> in the source's Other/Solution.xml (UniqueName, Version).
solution_field() {
  local file="$SOURCE_DIR/Other/Solution.xml" line
  require_file "$file" "the solution manifest" "pass --source with an unpacked solution folder (pac solution unpack layout)"
  line="$(grep -m1 -o "<$1>[^<]*</$1>" "$file" || true)"
  if [ -z "$line" ]; then
    die "$file has no <$1> element"
  fi
  line="${line#<"$1">}"
  printf '%s' "${line%</"$1">}"
}

# zip_name [managed]: the file name pac and the packer give the zip, e.g. DataverseRelationship_1.0.0.0_managed.zip.
zip_name() {
  local name version
  name="$(solution_field UniqueName)"
  version="$(solution_field Version)"
  if [ "${1:-}" = managed ]; then
    printf '%s_%s_managed.zip' "$name" "$version"
  else
    printf '%s_%s.zip' "$name" "$version"
  fi
}

# Handles an option every script has; returns 1 when the option is not a common one.
common_option() {
  case "$1" in
    --dry-run) DRY_RUN=1 ;;
    *) return 1 ;;
  esac
}

# path_of OPTION VALUE: like value_of, made absolute against the caller's directory (the scripts cd to the repository).
path_of() {
  local value
  value="$(value_of "$1" "${2:-}")"
  case "$value" in
    /*) printf '%s' "$value" ;;
    *) printf '%s/%s' "$PWD" "$value" ;;
  esac
}

# value_of OPTION VALUE: stops when an option that needs a value has none.
value_of() {
  if [ -z "${2:-}" ] || [[ "$2" == --* ]]; then
    die "$1 needs a value"
  fi
  printf '%s' "$2"
}
