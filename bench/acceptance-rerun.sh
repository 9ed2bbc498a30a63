#!/usr/bin/env bash
# Credit checks against an app started on an EXISTING data directory (one that bench/acceptance-cpu.sh or a first
# `java -jar ... --creditflow.demo.debtors=20000` filled), so two jars can be compared on the same data without
# generating the demo again: latency percentiles, and CPU per check of the app and of PostgreSQL from /proc.
#   bench/acceptance-rerun.sh <jar> <data dir> [rate] [seconds]        # defaults: 200 checks/s, 60 s
#   WARMUP=90 bench/acceptance-rerun.sh /tmp/before.jar /tmp/accx 200 60
# Extra JVM options for the app (a JFR recording, for instance) in JAVA_OPTS.
# The demo API key must be the one the data directory was made with (KEY, default the one used in docs/benchmarks.md).
# For PostgreSQL's per-statement times, start with
#   SETTINGS=shared_preload_libraries=pg_stat_statements,pg_stat_statements.track=all
# then, while it runs: psql -h localhost -p <port in <data dir>/postgres/postmaster.pid, line 4> -U postgres -d creditflow
#   -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()"
# and afterwards select calls, total_exec_time / calls, query from pg_stat_statements order by total_exec_time desc.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar=$1; data=$2; rate=${3:-200}; seconds=${4:-60}; port=${PORT:-18126}
key=${KEY:-cf_benchmark_0123456789abcdef0123456789abcdef}
CREDITFLOW_DB_POOL_SIZE=${POOL:-64} "$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xmx1g ${JAVA_OPTS:-} \
    ${SETTINGS:+-Dcreditflow.database.embedded.server-settings=$SETTINGS} -jar "$jar" \
    --server.port=$port --creditflow.data-dir="$data" --creditflow.demo.debtors=20000 \
    --creditflow.demo.api-key="$key" --server.tomcat.threads.max=200 > "$data/app-rerun.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/actuator/health/readiness" | grep -q UP; do sleep 1; done
sleep 15
pm=$(head -1 "$data/postgres/postmaster.pid")
ticks() { local s=0; for p in "$@"; do [ -r /proc/$p/stat ] && s=$((s + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $s; }
cp=target/classes:$(find ~/.m2/repository/org/iban4j -name 'iban4j-3.2.14-RELEASE.jar' | head -1)
cp=$cp:$(find ~/.m2/repository/com/googlecode/libphonenumber -name 'libphonenumber-9.0.25.jar' | head -1)
"$JAVA_HOME/bin/java" --class-path "$cp" src/bench/java/CreditCheckLoad.java --url "http://127.0.0.1:$port" \
    --key "$key" --rate "$rate" --seconds "$seconds" --warmup "${WARMUP:-30}" --debtors 20000 > "$data/load-rerun.log" &
load=$!
until grep -q '^measuring' "$data/load-rerun.log"; do sleep 0.2; done
a0=$(ticks $app); p0=$(ticks $pm $(pgrep -P $pm))
wait $load
a1=$(ticks $app); p1=$(ticks $pm $(pgrep -P $pm))
tail -3 "$data/load-rerun.log"
awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v hz="$(getconf CLK_TCK)" -v n=$((rate * seconds)) \
    'BEGIN { printf "CPU per check: app %.2f ms, PostgreSQL %.2f ms\n", a * 1000 / hz / n, p * 1000 / hz / n }'
