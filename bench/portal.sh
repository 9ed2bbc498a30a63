#!/usr/bin/env bash
# Debtor portal page views over HTTP against the jar, on a database the demo generator filled to ~1,000,000 invoices.
#   bench/portal.sh [rate] [seconds] [debtors] [sessions]   # defaults: 500 views/s, 60 s measured, 180000 debtors, 2000
# Steps: demo generate (kept in target/bench-portal for reruns), portal-bench (signed links for a sample of debtors),
# the app on that data, then src/bench/java/PortalLoad.java (open loop; see its Javadoc).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
rate=${1:-500}; seconds=${2:-60}; debtors=${3:-180000}; sessions=${4:-2000}
jar=$(ls target/creditflow-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/creditflow-*.jar | head -1); fi
data=${DATA:-target/bench-portal}; port=18126
if [ ! -f "$data/generated-$debtors" ]; then
  rm -rf "$data"; mkdir -p "$data"
  "$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" demo generate --tenants 1 --debtors "$debtors" --data-dir "$data"
  touch "$data/generated-$debtors"
fi
"$JAVA_HOME/bin/java" -Xmx1g -jar "$jar" portal-bench --data-dir "$data" --sessions "$sessions" --out "$data/links.txt"
# sign-ins are limited per address (20 per 10 min); every simulated debtor comes from 127.0.0.1 here
"$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xmx1g -jar "$jar" --server.port=$port --creditflow.data-dir="$data" \
    --creditflow.demo.enabled=false --creditflow.portal.sign-ins-per-ip=1000000 \
    --management.metrics.distribution.percentiles-histogram.http.server.requests=true \
    --server.tomcat.threads.max=200 > "$data/app.log" 2>&1 &
echo $! > "$data/pid"
trap 'kill "$(cat "$data/pid")" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/actuator/health/readiness" | grep -q UP; do sleep 1; done
echo "ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" src/bench/java/PortalLoad.java --url "http://127.0.0.1:$port" --links "$data/links.txt" \
    --rate "$rate" --seconds "$seconds" --warmup "${WARMUP:-20}"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$(cat "$data/pid")"; while kill -0 "$(cat "$data/pid")" 2>/dev/null; do sleep 0.2; done
