#!/bin/sh
# Node-monitor benchmarks on a fresh copy of the demo distribution (see ../PERFORMANCE.md).
#   bundles/org.jiandu.monitor/bench/run.sh [storm|ingest|all] [extra etc/org.jiandu.monitor.cfg lines ...]
# Needs `mvn -B -DskipTests install` first: the benchmark commands are in the feature jiandu-bench, which the
# distribution does not carry; Karaf installs it from the Maven repository that install wrote to (MAVEN_REPO,
# default ~/.m2/repository; pass the -Dmaven.repo.local you built with). Uses its own ports (HTTP 30281, SSH 30201,
# RMI 31199/31444) and BENCH_DIR (default /tmp/jiandu-monitor-bench), which it deletes and recreates.
set -eu
what=${1:-all}
[ $# -gt 0 ] && shift
root=$(cd "$(dirname "$0")/../../.." && pwd)
dir=${BENCH_DIR:-/tmp/jiandu-monitor-bench}
rm -rf "$dir"
cp -r "$root/distribution/target/assembly" "$dir"
rm -rf "$dir/data" "$dir/assembly"
cd "$dir"
sed -i 's/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = 30281/' etc/org.ops4j.pax.web.cfg
sed -i 's/^sshPort *=.*/sshPort = 30201/' etc/org.apache.karaf.shell.cfg
sed -i 's/^rmiRegistryPort *=.*/rmiRegistryPort = 31199/; s/^rmiServerPort *=.*/rmiServerPort = 31444/' \
  etc/org.apache.karaf.management.cfg
for line in "$@"; do echo "$line" >> etc/org.jiandu.monitor.cfg; done
repo=${MAVEN_REPO:-$HOME/.m2/repository}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
echo "org.ops4j.pax.url.mvn.localRepository = $repo" >> etc/org.ops4j.pax.url.mvn.cfg
nohup bin/karaf server > karaf.out 2>&1 &
# bin/karaf execs java, but stop it by the pid Karaf writes, whatever started it
trap 'kill "$(cat "$dir/karaf.pid" 2>/dev/null)" 2>/dev/null || true' EXIT
i=0
until curl -s -m 2 -o /dev/null http://127.0.0.1:30281/api/openapi.json; do
  i=$((i + 1)); [ $i -gt 90 ] && { echo "Karaf did not start"; exit 1; }; sleep 2
done
# let the demo load and the monitor evaluate it
sleep 20
shell() { echo "$1" | bin/client -a 30201 -u admin -p admin -b 2>&1 | grep -v 'JAVA_HOME not set'; }
shell "feature:repo-add mvn:org.jiandu/jiandu-bench-features/$version/xml/features
feature:install --no-auto-refresh jiandu-bench"
# its commands register once the bundle's services are bound
i=0
until shell 'jiandu:monitor-bench-seed --help' | grep -q monitor-bench-seed; do
  i=$((i + 1)); [ $i -gt 30 ] && { echo "feature jiandu-bench did not install from $repo"; exit 1; }; sleep 1
done
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
if [ "$what" = ingest ] || [ "$what" = all ]; then
  cases=${INGEST_CASES:-2000}
  shell 'jiandu:monitor-stats --reset' > /dev/null
  shell "jiandu:monitor-bench-ingest --cases $cases --sync"
  shell 'jiandu:monitor-stats --reset'
  shell "jiandu:monitor-bench-ingest --cases $cases"
  shell 'jiandu:monitor-stats --reset'
fi
if [ "$what" = storm ] || [ "$what" = all ]; then
  open=${STORM_OPEN:-1000000}; due=${STORM_DUE:-200000}
  shell "jiandu:monitor-bench-seed --open $open --due $due --in 90"
  shell "jiandu:monitor-bench-storm --expect $due --http http://127.0.0.1:30281/api --user host --password host"
  grep 'Sweep: ' data/log/karaf.log | tail -3 | sed 's/.*Sweep: /sweeper log: /'
fi
