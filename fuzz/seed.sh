#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/, not committed) from the bundled article and the test
# fixtures: one input per article folder for `load` (its files joined by 0xFF bytes, in the
# order the target splits them), and one input per paragraph of the bundled text for `wrap`, at
# widths 1, 24 and 80, French on.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/load corpus/wrap

folder() {
  local dir=$1 out=$2 first=1
  for name in article.toml text.md annotations.toml sources.toml tour.toml; do
    if [ $first = 0 ]; then printf '\xff'; fi
    first=0
    if [ -f "$dir/$name" ]; then cat "$dir/$name"; fi
  done >"$out"
}

folder ../article corpus/load/bundled
for dir in ../tests/fixtures/*/; do
  [ -f "$dir/article.toml" ] && folder "$dir" "corpus/load/$(basename "$dir")"
done

n=0
while IFS= read -r -d '' paragraph; do
  for width in '\x01' '\x18' '\x50'; do
    printf "$width"'\x01%s' "$paragraph" >"corpus/wrap/bundled-$n-$(printf "$width" | od -An -tu1 | tr -d ' ')"
  done
  n=$((n + 1))
done < <(awk 'BEGIN { RS = "" } { printf "%s%c", $0, 0 }' ../article/text.md)

echo "seeded $(ls corpus/load | wc -l) load inputs and $(ls corpus/wrap | wc -l) wrap inputs"
