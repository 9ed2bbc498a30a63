#!/usr/bin/env bash
# Startup time and idle memory of Creditflow on the embedded database, as a user runs it (the README's ./run, the demo).
#   bench/startup.sh            # ./run builds the jar and its class cache if needed (timed apart), then measures the
#                               # first start (new data dir) and a restart
# Prints: first start (new database + demo data), restart on the existing data directory, JVM RSS after 60 s idle
# with the demo loaded, and the embedded PostgreSQL's RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
data=$(mktemp -d); port=18123
# one-time preparation of this build (jar, extracted layout, class cache): ./run does it before its first start
t0=$(date +%s.%N); ./run --prepare > "$data/prepare.txt" 2>&1
printf 'preparing this build for ./run (jar if stale, extract, class cache; once per build): %.1f s\n' \
    "$(echo "$(date +%s.%N) - $t0" | bc)"
start() {
  local t0; t0=$(date +%s.%N)
  CREDITFLOW_DATA_DIR="$data" PORT=$port ./run > "$data/log-$1.txt" 2>&1 &
  echo $! > "$data/pid"
  until curl -fs "http://localhost:$port/actuator/health/readiness" | grep -q UP; do sleep 0.1; done
  echo "$(date +%s.%N) - $t0" | bc
}
stop() { kill "$(cat "$data/pid")"; while kill -0 "$(cat "$data/pid")" 2>/dev/null; do sleep 0.2; done; }
first=$(start first)
printf 'first start (new database, demo data): %.1f s\n' "$first"
stop
second=$(start second)
printf 'restart on the existing data directory: %.1f s\n' "$second"
for _ in $(seq 1 20); do curl -fs -o /dev/null "http://localhost:$port/login"; done
sleep 60
pid=$(cat "$data/pid")
printf 'JVM RSS after 60 s idle with the demo loaded: %d MiB\n' $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
pg=$(head -1 "$data/postgres/postmaster.pid")
pgrss=0; for p in $pg $(pgrep -P "$pg"); do pgrss=$(( pgrss + $(awk '/VmRSS/ {print $2}' /proc/$p/status 2>/dev/null || echo 0) )); done
printf 'embedded PostgreSQL RSS (postmaster + backends, shared pages counted per process): %d MiB\n' $(( pgrss / 1024 ))
stop; rm -rf "$data"
