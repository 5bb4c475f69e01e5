#!/usr/bin/env bash
# Builds the pool and its plugins, then runs the key pool benchmarks (JMH) and the memory
# footprint (JOL). Results: target/jmh.txt, target/footprint.txt. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
MVN="./mvnw -q ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}"
$MVN -o install -DskipTests -pl plugin-api,plugins/testkit,plugins/strategies,plugins/gemini,gateway-war
# JMH and JOL come from Maven Central the first time (not offline).
$MVN -f bench/keypool/pom.xml package
cd bench/keypool
CP="target/classes:$(cat target/classpath.txt)"
java -cp "$CP" org.openjdk.jmh.Main "${@:-LeaseBenchmark|AffinityBenchmark}" -rf text -rff target/jmh.txt
java -Djdk.attach.allowAttachSelf=true -cp "$CP" dev.clauderelay.bench.keypool.Footprint | tee target/footprint.txt
