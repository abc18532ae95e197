#!/usr/bin/env bash
# The import rule of src/ (README, "Layout"): text <- page <- data <- analysis <- present <- web.
# A module may use only its own folder and the folders before it; web_sys, js_sys and
# wasm_bindgen appear only under src/web/ (and in the cfg'd clock of analysis/budget.rs).
set -euo pipefail
cd "$(dirname "$0")/../src"
order=(text page data analysis present web)
rank() { local i; for i in "${!order[@]}"; do [ "${order[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }
bad=0
for f in $(find . -name '*.rs' -not -path './bin/*' -not -name lib.rs | sort); do
  layer=$(echo "$f" | cut -d/ -f2); own=$(rank "$layer")
  # every crate:: path and every name inside a `use crate::{...}` group
  for used in $(perl -0ne 'while(/crate::\{([^;]*?)\};/sg){my $g=$1; while($g=~/(?:^|[,{\s])([a-z_]+)::/g){print "$1\n"}} while(/crate::([a-z_]+)/g){print "$1\n"}' "$f" | sort -u); do
    r=$(rank "$used"); [ "$r" -lt 0 ] && continue
    if [ "$r" -gt "$own" ]; then echo "layers: $f ($layer) uses crate::$used"; bad=1; fi
  done
  if [ "$layer" != web ] && grep -nE '\b(web_sys|js_sys|wasm_bindgen)\b' "$f" >/dev/null; then
    if [ "$f" != ./analysis/budget.rs ]; then echo "layers: $f uses a browser binding outside src/web/"; bad=1; fi
  fi
done
[ "$bad" = 0 ] && echo "layers: imports follow text <- page <- data <- analysis <- present <- web"
exit $bad
