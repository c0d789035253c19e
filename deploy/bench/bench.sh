#!/usr/bin/env bash
# IOP Care's benchmark: raw baselines and the product's figures in one run, printed as one table and
# written to deploy/bench/target/bench-results.md (and .tsv). Options: deploy/bench/README.md.
#
#   deploy/bench/bench.sh                    every part, full sizes, on the running local run (or one it starts)
#   deploy/bench/bench.sh --only=relay       one part (baselines, inquiry, relay, enrollment, footprint)
#   deploy/bench/bench.sh --smoke            tiny sizes: does every part still work?
#   deploy/bench/bench.sh --only=instances --instances=2   the inquiry pipeline on two instances against one
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
else
  java="$(command -v java)"
fi

classes=deploy/bench/target/classes
# Built with the launcher it uses (deploy/local) from this checkout; rebuilt when either changed.
if [[ ! -d deploy/bench/target/lib || ! -d "$classes" \
      || -n "$(find deploy/bench/src/main deploy/bench/pom.xml deploy/local/src/main deploy/local/pom.xml \
                 -newer "$classes" -type f -print -quit)" ]]; then
  echo "Building the benchmark (deploy/bench and deploy/local) ..."
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl deploy/bench -am
  touch "$classes"
fi

exec "$java" -cp "$classes:deploy/bench/target/lib/*" -Diopcare.home="$(pwd)" org.iopcare.bench.PlatformBenchmark "$@"
