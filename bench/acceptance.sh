#!/usr/bin/env bash
# Credit-check throughput over HTTP against the jar on a demo-sized embedded database (fsync and synchronous_commit
# on, as the app runs its embedded server), plus the raw insert rate of the check-log row alone (the physical limit).
#   bench/acceptance.sh [rate] [seconds] [debtors]      # defaults: 2000 checks/s, 60 s measured, 20000 demo debtors
# Load generator: src/bench/java/CreditCheckLoad.java (open loop, latency from the scheduled start; see its Javadoc).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
rate=${1:-2000}; seconds=${2:-60}; debtors=${3:-20000}
jar=$(ls target/creditflow-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/creditflow-*.jar | head -1); fi
cp=target/classes:$(find ~/.m2/repository/org/iban4j -name 'iban4j-3.2.14-RELEASE.jar' | head -1)
cp=$cp:$(find ~/.m2/repository/com/googlecode/libphonenumber -name 'libphonenumber-9.0.25.jar' | head -1)
pgjar=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)
data=$(mktemp -d); port=18124; key=cf_benchmark_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
# the pool is sized for group commit: with synchronous_commit each transaction waits for the WAL flush, so
# throughput needs enough transactions in flight to share one flush
CREDITFLOW_DB_POOL_SIZE=${POOL:-64} "$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xmx1g -jar "$jar" --server.port=$port \
    --creditflow.data-dir="$data" --creditflow.demo.debtors="$debtors" --creditflow.demo.api-key="$key" \
    --server.tomcat.threads.max=200 > "$data/app.log" 2>&1 &
echo $! > "$data/pid"
trap 'kill "$(cat "$data/pid")" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/actuator/health/readiness" | grep -q UP; do sleep 1; done
# the demo's dunning and collection history is made in the background after readiness: not part of the figures
until grep -q "Demo history ready" "$data/app.log"; do sleep 1; done
echo "demo tenant with $debtors debtors ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" --class-path "$cp" src/bench/java/CreditCheckLoad.java --url "http://127.0.0.1:$port" \
    --key "$key" --rate "$rate" --seconds "$seconds" --warmup "${WARMUP:-30}" --debtors "$debtors"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" --class-path "$cp:$pgjar" src/bench/java/CreditCheckLoad.java --raw-insert \
    --pgdata "$data/postgres" --seconds 30 --connections 64
kill "$(cat "$data/pid")"; while kill -0 "$(cat "$data/pid")" 2>/dev/null; do sleep 0.2; done
rm -rf "$data"
