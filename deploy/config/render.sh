#!/bin/sh
# Renders one config template: every {{NAME}} in TEMPLATE is replaced and the result written to OUTPUT.
#
#   render.sh TEMPLATE OUTPUT NAME=VALUE...    values from the arguments (deploy/local/*)
#   render.sh --env TEMPLATE OUTPUT            values from the environment variables of the same names (compose)
#
# A placeholder without a value is an error (an empty value is allowed), so a template and its callers cannot drift
# apart silently. POSIX sh + sed: it runs in the stack scripts and inside the Docker images alike.
set -eu

from_env=0
if [ "${1:-}" = --env ]; then from_env=1; shift; fi
[ $# -ge 2 ] || { echo "usage: render.sh [--env] TEMPLATE OUTPUT [NAME=VALUE...]" >&2; exit 2; }
tmpl=$1 out=$2
shift 2

escape() { printf '%s' "$1" | sed 's/[\\|&]/\\&/g'; }

script=''
if [ "$from_env" = 1 ]; then
  for name in $(grep -o '{{[A-Za-z0-9_]*}}' "$tmpl" | sort -u | tr -d '{}'); do
    eval "set_=\${$name+x}"
    [ -n "$set_" ] || { echo "render.sh: $tmpl needs \$$name (not set)" >&2; exit 1; }
    value=''
    eval "value=\$$name"
    script="$script s|{{$name}}|$(escape "$value")|g;"
  done
else
  for kv in "$@"; do
    case $kv in *=*) ;; *) echo "render.sh: '$kv' is not NAME=VALUE" >&2; exit 2 ;; esac
    script="$script s|{{${kv%%=*}}}|$(escape "${kv#*=}")|g;"
  done
fi

mkdir -p "$(dirname "$out")"
sed "$script" "$tmpl" >"$out.tmp"
left=$(grep -o '{{[A-Za-z0-9_]*}}' "$out.tmp" | sort -u | tr '\n' ' ') || true
if [ -n "$left" ]; then
  echo "render.sh: $tmpl: no value for $left" >&2
  rm -f "$out.tmp"
  exit 1
fi
mv "$out.tmp" "$out"
