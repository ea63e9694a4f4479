#!/usr/bin/env bash
# Instructions per measure, counted by callgrind: load-independent, so the figures repeat on a
# busy machine. Each measure runs examples/instructions.rs twice (0 and N repetitions) and
# reports the difference divided by N; the first frame is the whole run of a first frame.
#
#   benches/callgrind.sh            # bundled data, and 10,000 metrics + 100,000 lines
#   KEYS=20 RELOADS=3 benches/callgrind.sh
#
# Needs valgrind (Debian: apt-get install valgrind). Takes about five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYS="${KEYS:-20}"
RELOADS="${RELOADS:-3}"
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
cargo build --release --example instructions --example generate -q
big="$(mktemp -d)"
trap 'rm -rf "$big"' EXIT
target/release/examples/generate "$big" 10000 100000 >/dev/null
mkdir -p "$big/bundled/assets" && cp metrics.toml "$big/bundled/" && cp assets/article.md "$big/bundled/assets/"

# Instructions of one run: `instructions ARGS...`.
count() {
    local out="$big/callgrind.out"
    valgrind --tool=callgrind --callgrind-out-file="$out" target/release/examples/instructions "$@" 2>/dev/null
    awk '/^summary:/ { print $2 }' "$out"
}

# Instructions per repetition of measure $1 ($2 repetitions) on dataset $3 (empty: built in).
per() {
    local base more
    base=$(count "$1" 0 ${3:+"$3"})
    more=$(count "$1" "$2" ${3:+"$3"})
    echo $(((more - base) / $2))
}

millions() { awk -v n="$1" 'BEGIN { printf "%.2f M", n / 1e6 }'; }

printf '| Measure | bundled | 10k metrics + 100k lines |\n| --- | --- | --- |\n'
printf '| first frame (the whole run) | %s | %s |\n' \
    "$(millions "$(count first-frame)")" "$(millions "$(count first-frame "$big/metrics.toml")")"
printf '| key Down/Up → frame (dashboard) | %s | %s |\n' \
    "$(millions "$(per keys "$KEYS")")" "$(millions "$(per keys "$KEYS" "$big/metrics.toml")")"
printf '| reload of one changed value → frame | %s | %s |\n' \
    "$(millions "$(per reload "$RELOADS" "$big/bundled/metrics.toml")")" \
    "$(millions "$(per reload "$RELOADS" "$big/metrics.toml")")"

# One more view of the same content (a follower, an SSH viewer): 11 views against 1, through
# SLIDES slide changes, per view and change.
SLIDES="${SLIDES:-10}"
viewer() {
    # Opening a view and its first frame are not a slide change: counted with 0 changes, taken off.
    local one one_idle eleven eleven_idle
    one_idle=$(count viewers 1 0 ${1:+"$1"})
    one=$(count viewers 1 "$SLIDES" ${1:+"$1"})
    eleven_idle=$(count viewers 11 0 ${1:+"$1"})
    eleven=$(count viewers 11 "$SLIDES" ${1:+"$1"})
    echo $((((eleven - eleven_idle) - (one - one_idle)) / 10 / SLIDES))
}
bytes() { target/release/examples/instructions viewers 1 "$SLIDES" ${1:+"$1"} 2>&1 | awk '{ print $4 }'; }
printf '| one more viewer, a slide change (instructions; bytes sent) | %s; %s B | %s; %s B |\n' \
    "$(millions "$(viewer)")" "$(bytes)" \
    "$(millions "$(viewer "$big/metrics.toml")")" "$(bytes "$big/metrics.toml")"
# Opening one more view and drawing its first frame: 11 views against 1, with no slide change.
opening() {
    local one eleven
    one=$(count viewers 1 0 ${1:+"$1"})
    eleven=$(count viewers 11 0 ${1:+"$1"})
    echo $(((eleven - one) / 10))
}
printf '| one more viewer, opening its view and first frame | %s | %s |\n' \
    "$(millions "$(opening)")" "$(millions "$(opening "$big/metrics.toml")")"
