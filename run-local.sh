#!/usr/bin/env bash
# Runs IOP Care on this machine: a Kafka node, PostgreSQL, the four services and the staff console.
#
#   ./run-local.sh            build what is missing, start everything, Ctrl-C stops it
#   ./run-local.sh --build    rebuild the services and the launcher first
#   ./run-local.sh --fresh    start from an empty data folder (.local-data)
#   ./run-local.sh stop       stop a run started from another terminal
#   ./run-local.sh --help     all options
#
# Needs only a JDK 17 or newer: Maven comes through ./mvnw, Kafka and PostgreSQL from Maven Central.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$(pwd)"

build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then
    build=true
  else
    args+=("$arg")
  fi
done

# JAVA_HOME wins over the PATH, as it does for ./mvnw, so both use the same JDK.
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java="$(command -v java)"
else
  echo "No java found: install a JDK 17 or newer, or set JAVA_HOME." >&2
  exit 1
fi

launcher_classes="deploy/local/target/classes/org/iopcare/local/LocalPlatform.class"
needs_build() {
  [[ ! -f "$launcher_classes" ]] && return 0
  [[ ! -d deploy/local/target/lib || ! -d deploy/local/target/kafka-libs ]] && return 0
  local service
  [[ " ${args[*]:-} " == *" --infra-only "* ]] && return 1
  for service in intake-service scheduling-service treatment-plan-service notification-service staff-console; do
    [[ ! -f "$service/target/$service-0.1.0-SNAPSHOT-exec.jar" ]] && return 0
  done
  # the local run's tools (token desk, movable clock, SMS sandbox), on the services' classpath only here
  [[ ! -f deploy/local-tools/target/local-tools-0.1.0-SNAPSHOT.jar ]] && return 0
  return 1
}

# stop and --help need no build.
quick=false
case " ${args[*]:-} " in
  *" stop "*|*" --help "*|*" -h "*) quick=true ;;
  *) if needs_build; then build=true; fi ;;
esac

if [[ "$quick" == true ]]; then
  if [[ ! -f "$launcher_classes" ]]; then
    echo "The launcher is not built, so no local run can be running; ./run-local.sh builds and starts one." >&2
    exit 0
  fi
elif [[ "$build" == true ]]; then
  echo "Building IOP Care (./mvnw -q -B -DskipTests install) ..."
  ./mvnw -q -B -DskipTests install
elif [[ -n "$(find deploy/local/src/main deploy/local/pom.xml common/postgres-binaries/src/main \
    common/postgres-binaries/pom.xml -newer "$launcher_classes" -type f -print -quit)" ]]; then
  # The launcher or its PostgreSQL binaries changed since it was built (a pull, an edit): rebuilding
  # them alone takes seconds.
  echo "Rebuilding the launcher (deploy/local) ..."
  ./mvnw -q -B -pl common/postgres-binaries -am -DskipTests -Dspotless.check.skip=true install
  ./mvnw -q -B -f deploy/local/pom.xml -DskipTests -Dspotless.check.skip=true package
fi

exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp "$repo/deploy/local/target/classes:$repo/deploy/local/target/lib/*" \
  -Diopcare.home="$repo" \
  org.iopcare.local.LocalPlatform ${args[@]+"${args[@]}"}
