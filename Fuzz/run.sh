#!/usr/bin/env bash
# Fuzzing with libFuzzer: builds .build/fuzz/dkq-fuzz (the Query sources and
# Fuzz/FuzzMain.swift, -sanitize=fuzzer,address), seeds each target's corpus from the
# golden files and fixtures, and runs each target for SECONDS. Fails on a crash, on one
# input running over FUZZ_TIMEOUT seconds (default 10: the unoptimised ASan build runs about
# ten times slower than release, and the machine may be shared; release times of hostile
# inputs are measured by bench/hostile.sh), or on memory over the limit.
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]   targets: query talportal pcaxis statbank comments outcomes sagsemne
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(query talportal pcaxis statbank comments outcomes sagsemne)
out=.build/fuzz
bin=$out/dkq-fuzz
mkdir -p "$out/artifacts"

sources=$(find Sources/Query -name '*.swift' | sort)
if [ ! -x "$bin" ] || [ -n "$(find Sources/Query Fuzz -name '*.swift' -newer "$bin" | head -1)" ]; then
  echo "building $bin"
  # -Onone: an optimised ASan build of the whole module takes over 12 minutes on two
  # cores; unoptimised it takes about 3, and finds the same crashes (more slowly).
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -Onone -j2 -parse-as-library -module-name Query $sources Fuzz/FuzzMain.swift -o "$bin" \
    > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fi

# Seeds: every golden query, every fixture of the importer's kind.
seed() {
  local target=$1 dir=$out/seeds/$1
  rm -rf "$dir"; mkdir -p "$dir"
  case $target in
    query)
      python3 - "$dir" Tests/Golden/*.test <<'PY'
import sys, os, hashlib
out = sys.argv[1]
for path in sys.argv[2:]:
    for block in open(path, encoding="utf-8").read().split("\n====\n"):
        if "\n----" not in block and not block.startswith("----"):
            continue
        query = "\n".join(l for l in block.split("\n----")[0].split("\n") if not l.startswith(("#", "@format ")))
        if query.strip() and len(query) < 4000:
            open(os.path.join(out, hashlib.sha1(query.encode()).hexdigest()), "w", encoding="utf-8").write(query)
PY
      ;;
    talportal) cp Tests/Fixtures/import/talportal.csv Tests/Fixtures/import/bad/*.csv Tests/Fixtures/robust/talportal_*.csv "$dir"/ ;;
    pcaxis) cp Tests/Fixtures/import/*.px Tests/Fixtures/import/bad/*.px Tests/Fixtures/robust/*.px "$dir"/ ;;
    statbank) cp Tests/Fixtures/import/statbank_*.csv Tests/Fixtures/import/bad/statbank_*.csv "$dir"/ ;;
    comments) cp Tests/Fixtures/import/comments.csv Tests/Fixtures/import/bad/comments_*.csv "$dir"/ ;;
    outcomes)
      cp Tests/Fixtures/import/canonical.csv "$dir"/
      for f in datasets/outcomes/*.csv; do head -c 20000 "$f" > "$dir/$(basename "$f")"; done ;;
    sagsemne) cp Tests/Fixtures/import/talportal_sagsemne.csv Tests/Fixtures/import/bad/Sagsemner.csv "$dir"/ ;;
    *) echo "unknown target $target"; exit 2 ;;
  esac
}

# The importer targets query what they loaded beside the shipped data: with one year of
# shipped outcomes instead of ten each input stays well under a second unoptimised (the limit is FUZZ_TIMEOUT).
small=$out/data-one-year
rm -rf "$small"; mkdir -p "$small"; cp -R datasets/. "$small"/
find "$small/outcomes" -name '20*.csv' ! -name 2014.csv -delete

status=0
: > "$out/summary.txt"
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p "$out/corpus/$target"
  echo "fuzzing $target for $seconds s"
  data=$small; [ "$target" = query ] && data=datasets   # the goldens' queries need every year
  if DKQ_FUZZ=$target DKQ_DATA=$data DKQ_FUZZ_SAGSEMNE=Tests/Fixtures/import/talportal_sagsemne.csv \
     ASAN_OPTIONS=detect_leaks=0 \
     "$bin" "$out/corpus/$target" "$out/seeds/$target" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
       -rss_limit_mb=1024 -malloc_limit_mb=256 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$out/artifacts/$target-" > "$out/$target.log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    grep -E "ERROR|SUMMARY|timeout|out-of-memory|Test unit written" "$out/$target.log" | head -20
  fi
  slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$out/$target.log" | grep -o '[0-9]*$' || echo '?')
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$target.log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$out/$target.log" | tail -1 || true)
  echo "$target: $result, $runs executions, $cov, slowest input ${slowest} s" | tee -a "$out/summary.txt"
done
exit $status
