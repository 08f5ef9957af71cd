#!/usr/bin/env bash
# Runs the benchmarks of a release build and prints their tables: bench/run-benchmarks.sh BUILD_DIR [NAME...] [--flags]
# NAME is store, sync, app or center (default: every benchmark that is built); other arguments go to each benchmark,
# e.g. --quick.
set -euo pipefail

usage() {
  echo "usage: $0 BUILD_DIR [store|sync|app|center|status ...] [benchmark flags, e.g. --quick]" >&2
}

[ $# -ge 1 ] || { usage; exit 2; }
build_dir=$1
shift
[ -d "$build_dir" ] || { echo "run-benchmarks: no build directory $build_dir" >&2; exit 2; }

known=(store sync app center status)
names=()
flags=()
for arg in "$@"; do
  case "$arg" in
    store|sync|app|center|status) names+=("$arg") ;;
    -h|--help) usage; exit 0 ;;
    -*) flags+=("$arg") ;;
    *)
      # A value for the previous flag (e.g. --dir DIR), or an unknown benchmark name.
      if [ ${#flags[@]} -gt 0 ] && [[ "${flags[-1]}" == --dir || "${flags[-1]}" == --seed ]]; then
        flags+=("$arg")
      else
        echo "run-benchmarks: unknown benchmark \"$arg\" (known: ${known[*]})" >&2
        exit 2
      fi
      ;;
  esac
done

binary() {
  # The sync benchmark drives the real programs through the netfault proxy, so it is a script.
  if [ "$1" = sync ]; then echo "$(dirname "$0")/sync/sync-benchmark.sh";
  elif [ "$1" = status ]; then echo "$(dirname "$0")/status/status-benchmark.sh"; else echo "$build_dir/bench/$1/fieldkit-bench-$1"; fi
}

explicit=1
if [ ${#names[@]} -eq 0 ]; then
  explicit=0
  names=("${known[@]}")
fi

ran=0
failed=0
for name in "${names[@]}"; do
  exe=$(binary "$name")
  if [ ! -x "$exe" ]; then
    echo "run-benchmarks: benchmark \"$name\" is not built yet (no $exe)" >&2
    [ $explicit -eq 1 ] && failed=1
    continue
  fi
  [ $ran -gt 0 ] && echo
  echo "== $name =="
    args=("${flags[@]}")
  [ "$name" = sync ] && args=("$build_dir" "${flags[@]}")
  [ "$name" = status ] && args=("$build_dir")
  if ! "$exe" "${args[@]}"; then
    echo "run-benchmarks: benchmark \"$name\" failed" >&2
    failed=1
  fi
  ran=$((ran + 1))
done

if [ $ran -eq 0 ]; then
  echo "run-benchmarks: no benchmark ran" >&2
  exit 1
fi
exit $failed
