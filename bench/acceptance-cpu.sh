#!/usr/bin/env bash
# CPU per credit check: the app's and PostgreSQL's CPU time (from /proc) over a fixed-rate run that the machine can
# keep up with, divided by the checks answered. On a machine shared with other work this is a steadier measure of the
# work a check costs than throughput, which mostly measures the neighbours. Optional JFR profile of the app.
#   bench/acceptance-cpu.sh [rate] [seconds] [debtors]      # defaults: 100 checks/s, 60 s, 20000 demo debtors
#   JFR=/tmp/check.jfr bench/acceptance-cpu.sh               # also record a JFR profile of the measured part
#                                                            # (read it with: jfr view hot-methods /tmp/check.jfr)
# The load generator warms up for WARMUP (default 30) seconds at the same rate; CPU is counted over the measured part.
# The app's idle background (outbox dispatch of the demo's reminders, audit sealing, schedulers) is measured for 10 s
# before the load and reported, and subtracted in the second figure.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
rate=${1:-100}; seconds=${2:-60}; debtors=${3:-20000}
jar=${JAR:-$(ls target/creditflow-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
if [ -z "$jar" ]; then ./mvnw -q -DskipTests package; jar=$(ls target/creditflow-*.jar | head -1); fi
cp=target/classes:$(find ~/.m2/repository/org/iban4j -name 'iban4j-3.2.14-RELEASE.jar' | head -1)
cp=$cp:$(find ~/.m2/repository/com/googlecode/libphonenumber -name 'libphonenumber-9.0.25.jar' | head -1)
data=$(mktemp -d); port=${PORT:-18126}; key=cf_benchmark_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
CREDITFLOW_DB_POOL_SIZE=${POOL:-64} "$JAVA_HOME/bin/java" -XX:+UseParallelGC -Xmx1g -jar "$jar" \
    --server.port=$port --creditflow.data-dir="$data" --creditflow.demo.debtors="$debtors" \
    --creditflow.demo.api-key="$key" --server.tomcat.threads.max=200 > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/actuator/health/readiness" | grep -q UP; do sleep 1; done
# the demo's dunning and collection history is made in the background after readiness: not part of the figures
until grep -q "Demo history ready" "$data/app.log"; do sleep 1; done
hz=$(getconf CLK_TCK)
ticks() { # utime+stime of a process and, for postgres, of all its backends (children of the postmaster)
    local total=0
    for p in "$@"; do
        [ -r /proc/$p/stat ] && total=$((total + $(awk '{print $14+$15}' /proc/$p/stat)))
    done
    echo $total
}
pg_pids() { # the postmaster of this data directory and its children (backends, WAL writer, checkpointer, ...)
    local pm; pm=$(pgrep -f -- "$data/postgres" | head -1)
    echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"
}
echo "demo tenant with $debtors debtors ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# background work of an idle app (outbox dispatcher, sealer, schedulers), to set it apart from the checks
idle0=$(ticks $app); pgidle0=$(ticks $(pg_pids)); sleep 10; idle1=$(ticks $app); pgidle1=$(ticks $(pg_pids))
"$JAVA_HOME/bin/java" --class-path "$cp" src/bench/java/CreditCheckLoad.java --url "http://127.0.0.1:$port" \
    --key "$key" --rate "$rate" --seconds "$seconds" --warmup "${WARMUP:-30}" --debtors "$debtors" > "$data/load.log" &
load=$!
until grep -q '^measuring' "$data/load.log"; do sleep 0.2; done
if [ -n "${JFR:-}" ]; then "$JAVA_HOME/bin/jcmd" $app JFR.start settings=profile filename="$JFR" > /dev/null; fi
app0=$(ticks $app); pg0=$(ticks $(pg_pids))
echo "measuring from load average $(cut -d' ' -f1-3 /proc/loadavg)"
wait $load
app1=$(ticks $app); pg1=$(ticks $(pg_pids))
if [ -n "${JFR:-}" ]; then "$JAVA_HOME/bin/jcmd" $app JFR.stop > /dev/null; fi
cat "$data/load.log"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v hz=$hz -v n=$((rate * seconds)) -v s=$seconds \
    -v ia=$((idle1 - idle0)) -v ip=$((pgidle1 - pgidle0)) 'BEGIN {
    printf "idle background CPU: app %.0f ms/s, PostgreSQL %.0f ms/s\n", ia * 100 / hz, ip * 100 / hz
    printf "CPU per check over %d offered checks: app %.2f ms, PostgreSQL %.2f ms (minus idle background: app %.2f ms, PostgreSQL %.2f ms)\n",
        n, a * 1000 / hz / n, p * 1000 / hz / n, (a - ia * s / 10) * 1000 / hz / n, (p - ip * s / 10) * 1000 / hz / n }'
kill $app; wait $app 2>/dev/null || true
rm -rf "$data"
