#!/bin/bash
# The resource-exhaustion suite (issue 14): tiny inputs that declare huge sizes, huge numbers of
# candidates, deep nesting or memory-hungry options. Each case runs the CLI under a 4 GiB
# address-space limit (ulimit -v 4194304) and a time limit, and must answer within seconds with
# the expected exit status and a message naming the problem: an unbounded allocation dies
# (SIGABRT / std::bad_alloc), an unbounded loop times out, and either fails the case.
#
# Usage: run.sh ACCORD_BINARY SOURCE_DIR
set -u
ACCORD=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
LIMIT_KB=${ACCORD_LIMITS_VMEM_KB:-4194304}
SECONDS_EACH=${ACCORD_LIMITS_SECONDS:-30}
failures=0
cases=0
start=$(date +%s.%N)

# expect NAME STATUS REGEX -- ARGS...: runs accord ARGS under the limits; the exit status must be
# STATUS and stderr (or stdout when STATUS is 0) must match the extended regex REGEX.
expect() {
    local name=$1 want=$2 regex=$3
    shift 4
    cases=$((cases + 1))
    local t0 t1 got out
    t0=$(date +%s.%N)
    out=$( (ulimit -v "$LIMIT_KB"; timeout "$SECONDS_EACH" "$ACCORD" "$@") 2>&1 >"$TMP/stdout")
    got=$?
    t1=$(date +%s.%N)
    local where=/dev/stdin
    [ "$want" = 0 ] && where=$TMP/stdout
    if [ "$got" != "$want" ] || ! grep -Eq -- "$regex" "$where" <<<"$out"; then
        failures=$((failures + 1))
        [ "$want" = 0 ] && out=$(head -c 400 "$TMP/stdout")
        printf 'FAIL %s: exit %s (want %s), output: %s\n' "$name" "$got" "$want" "$(head -c 400 <<<"$out")"
    else
        printf 'ok   %-48s %6.2f s\n' "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"
    fi
}

# ---- inputs -------------------------------------------------------------------------------
soi() { # soi FILE N: N candidates c1..cN, one ballot "1: 1,2"; plus a few for IRV/plurality
    local n=$2
    {
        echo "# NUMBER ALTERNATIVES: $n"
        seq 1 "$n" | awk '{print "# ALTERNATIVE NAME " $1 ": c" $1}'
        echo "5: 1,2"
        echo "4: 2,1"
        echo "3: 3"
    } >"$1"
}
soi "$TMP/c100k.soi" 100000
soi "$TMP/c2000.soi" 2000
# 30 candidates in one Condorcet cycle (every rotation of 1..30 once): one Smith component.
{
    echo "# NUMBER ALTERNATIVES: 30"
    seq 1 30 | awk '{print "# ALTERNATIVE NAME " $1 ": c" $1}'
    for r in $(seq 0 29); do seq 0 29 | awk -v r="$r" '{printf "%s%d", (NR > 1 ? "," : "1: "), (($1 + r) % 30) + 1} END {print ""}'; done
} >"$TMP/c30.soi"
printf '# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n3: 1,2\n2: 2,1\n' >"$TMP/ab.soi"
deep=$(head -c 100000 </dev/zero | tr '\0' '[')

# ---- cases ----------------------------------------------------------------------------------
expect "soi declaring 400,000,000 alternatives" 1 "NUMBER ALTERNATIVES is 400000000 but there is no" -- \
    info "$SRC/tests/bad_inputs/pl_declares_400m_alternatives.soi"
expect "blt declaring 4,000,000,000 candidates" 1 "blt_huge_candidate_count.blt:1" -- \
    info "$SRC/tests/bad_inputs/blt_huge_candidate_count.blt"
expect "schulze on 100,000 candidates" 1 "pairwise matrix of 100000 candidates needs about .*memory budget" -- \
    run schulze "$TMP/c100k.soi"
expect "copeland on 2,000 candidates, --max-memory 1M" 1 "pairwise matrix of 2000 candidates needs about .* 1.00 MiB" -- \
    --max-memory 1M run copeland "$TMP/c2000.soi"
expect "exact kemeny over 30 candidates" 1 "kemeny: the exact search over 30 candidates .*needs about 4.01 GiB of memory, above the memory budget of 4.00 GiB" -- \
    run kemeny "$TMP/c30.soi" --options '{"max_exact": 30}'
expect "plurality --json on 100,000 candidates" 0 '"winners": *\[' -- run plurality "$TMP/c100k.soi" --json
expect "irv on 2,000 candidates, 1,997 without votes" 0 'c1' -- run irv "$TMP/c2000.soi"
expect "options nested 100,000 deep" 2 "nests arrays and objects deeper than 64 levels" -- \
    run irv "$TMP/ab.soi" --options "{\"tie_break\": $deep}"
expect "--max-memory junk" 2 "max-memory" -- --max-memory lots run irv "$TMP/ab.soi"

# A refused conversion leaves the existing output file as it was.
echo precious >"$TMP/out.blt"
printf '# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n1: 1\n' >"$TMP/one.soi"
expect "convert -o onto an existing file, refused" 1 "." -- convert "$TMP/c100k.soi" --to debian -o "$TMP/out.blt"
cases=$((cases + 1))
if [ "$(cat "$TMP/out.blt")" != precious ] || ls -a "$TMP" | grep -q '\.accord-'; then
    failures=$((failures + 1))
    echo "FAIL convert -o: the existing file was changed or a temporary file was left"
else
    echo "ok   convert -o leaves the existing file untouched"
fi

# ---- a small thread limit ---------------------------------------------------------------------
# The Monte Carlo and power passes under a process limit that refuses every new thread
# (RLIMIT_NPROC 1, as an unprivileged user: the limit does not bind root): each must give the
# same answer as without the limit, on the calling thread, instead of dying in std::terminate.
# The unprivileged user may not be able to reach the source or build tree (a clone under a
# private home): the binary and the inputs are copied to the scratch folder it can read.
chmod 755 "$TMP"
cp "$ACCORD" "$TMP/accord"
cp "$SRC/tests/data/place_ballots.csv" "$SRC/tests/data/place_org.csv" "$TMP/"
chmod 755 "$TMP/accord"
chmod 644 "$TMP/place_ballots.csv" "$TMP/place_org.csv"
# The command prefix that runs a program under the limit (exec only, no fork of its own).
if [ "$(id -u)" = 0 ]; then
    limited=(setpriv --reuid=65534 --regid=65534 --clear-groups prlimit --nproc=1:1)
else
    limited=(prlimit "--nproc=$(ps -u "$(id -u)" --no-headers | wc -l)")
fi
same_under_thread_limit() { # NAME -- ARGS...
    local name=$1
    shift 2
    cases=$((cases + 1))
    local free_out limited_out free_rc limited_rc
    free_out=$(timeout "$SECONDS_EACH" "$TMP/accord" "$@" 2>&1)
    free_rc=$?
    limited_out=$(cd "$TMP" && timeout "$SECONDS_EACH" "${limited[@]}" "$TMP/accord" "$@" 2>&1)
    limited_rc=$?
    if [ "$free_rc" != 0 ] || [ "$limited_rc" != 0 ] || [ "$free_out" != "$limited_out" ]; then
        failures=$((failures + 1))
        printf 'FAIL %s: exit %s without the limit, %s with it; output with it: %s\n' "$name" "$free_rc" \
            "$limited_rc" "$(head -c 300 <<<"$limited_out")"
    else
        printf 'ok   %-48s\n' "$name (no thread can start)"
    fi
}
cases=$((cases + 1))
if "${limited[@]}" sh -c 'sleep 0 & wait' >/dev/null 2>&1; then
    failures=$((failures + 1))
    echo "FAIL the thread limit does not hold here: a process could still fork under it"
else
    echo "ok   the thread limit holds (fork refused under it)"
fi
weights=$(seq 1 70 | awk '{printf "%s%d", (NR > 1 ? "," : ""), ($1 * 37) % 11 + 1}')
same_under_thread_limit "SMAA, 3,000 samples on 8 threads" -- analyse smaa "$TMP/place_ballots.csv" \
    --org "$TMP/place_org.csv" --rule borda --samples 3000 --threads 8 --json
same_under_thread_limit "power, 70 players, residue passes on 8 threads" -- power --quota 210 \
    --weights "$weights" --threads 8 --indices banzhaf,shapley_shubik --json
same_under_thread_limit "power, Monte Carlo estimate on 8 threads" -- power --quota 210 \
    --weights "$weights" --threads 8 --method monte-carlo --samples 20000 --json

end=$(date +%s.%N)
printf '%d cases, %d failed, %.1f s in all (ulimit -v %s KiB)\n' "$cases" "$failures" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$LIMIT_KB"
[ "$failures" = 0 ]
