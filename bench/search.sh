#!/usr/bin/env bash
# The search index at scale: its size (raw and gzipped) for each profile, and
# the time from a keystroke to the results list in headless Chromium.
#
#   bench/search.sh                  # 10,000 persons, seed 42
#   bench/search.sh --n 1000
#   CARNET=/path/to/carnet bench/search.sh --no-build
#   bench/search.sh --keep /tmp/s    # keeps (and reuses) the corpus and builds in /tmp/s
#
# It generates the corpus with ../shared/bench/gen_corpus.py (CORPUS_GEN to
# use another copy), builds carnet in release (unless --no-build), builds the
# corpus for both profiles without PDF, then opens a copy of the interne
# personnes/index.html with a probe: the index is loaded as the box loads it
# (a script), then each query is typed one character at a time, each
# keystroke timed from the input event to the results laid out. The probe
# runs before the load event, with the real clock: --virtual-time-budget
# would freeze performance.now().
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
n=10000
seed=42
build=1
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

gen="${CORPUS_GEN:-$here/../shared/bench/gen_corpus.py}"
if [ -n "$keep" ]; then
  work="$keep"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
[ -d "$work/corpus" ] || python3 "$gen" --n "$n" --seed "$seed" --out "$work/corpus" --force --no-zola >/dev/null
if [ "$build" = 1 ]; then
  (cd "$here" && cargo build --release --quiet)
fi
carnet="${CARNET:-$here/target/release/carnet}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome)"

for profile in public interne; do
  [ -f "$work/$profile/recherche/index.js" ] ||
    "$carnet" build "$work/corpus/carnet" --profile "$profile" --sans-pdf --force --out "$work/$profile" >/dev/null 2>&1
  index="$work/$profile/recherche/index.js"
  raw=$(stat -c %s "$index")
  gz=$(gzip -9 -c "$index" | wc -c)
  entries=$(grep -o '\],\[' "$index" | wc -l)
  printf '%-8s index: %d entries, %6.2f MiB raw, %6.2f MiB gzipped\n' \
    "$profile" $((entries + 1)) "$(echo "$raw / 1048576" | bc -l)" "$(echo "$gz / 1048576" | bc -l)"
done

site="$work/interne"
cat > "$work/probe.html" <<'PROBE'
<script>var loading = performance.now();</script>
<script src="../recherche/index.js"></script>
<script>
var parsed = performance.now();
document.addEventListener("DOMContentLoaded", function () {
  var input = document.getElementById("recherche-champ");
  var list = document.getElementById("recherche-resultats");
  input.dispatchEvent(new FocusEvent("focus"));
  /* The first search also prepares the entries: timed apart. */
  var t = performance.now();
  input.value = "a"; input.dispatchEvent(new Event("input")); void list.offsetHeight;
  var lines = ["index parsed in " + (parsed - loading).toFixed(0) + " ms; first search (prepares the entries) " + (performance.now() - t).toFixed(1) + " ms"];
  var all = [];
  ["martin", "jerome masson", "boulangerie", "lefevre", "stagiaire paris", "zzzz"].forEach(function (query) {
    var times = [];
    for (var i = 1; i <= query.length; i++) {
      input.value = query.slice(0, i);
      var t0 = performance.now();
      input.dispatchEvent(new Event("input"));
      void list.offsetHeight;
      times.push(performance.now() - t0);
    }
    all = all.concat(times);
    lines.push(query + ": " + times.map(function (x) { return x.toFixed(1); }).join(" ") + " ms; " + document.getElementById("recherche-statut").textContent);
  });
  all.sort(function (a, b) { return a - b; });
  lines.push("keystrokes " + all.length + ", median " + all[all.length >> 1].toFixed(1) + " ms, max " + all[all.length - 1].toFixed(1) + " ms");
  var pre = document.createElement("pre");
  pre.id = "mesure";
  pre.textContent = lines.join("\n");
  document.body.appendChild(pre);
});
</script>
PROBE
python3 - "$site/personnes/index.html" "$work/probe.html" "$site/personnes/mesure.html" <<'PY'
import sys
page, probe, out = sys.argv[1:]
html = open(page, encoding="utf-8").read()
open(out, "w", encoding="utf-8").write(html.replace("</body>", open(probe).read() + "</body>"))
PY
"$browser" --headless --no-sandbox --disable-gpu \
  --user-data-dir="$work/chromium" --dump-dom "file://$site/personnes/mesure.html" 2>/dev/null |
  sed -n '/<pre id="mesure">/,/<\/pre>/p' | sed -e 's/<[^>]*>//g'
