# Sourced by ./run-local and .ci/run: use a JDK 25 (the Lambda runtime is java25), or say clearly that there is none.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  candidate=$(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -name '*25*' 2>/dev/null | sort | head -n 1)  # no glob: mvnw runs with set -f
  if [ -z "$candidate" ]; then
    echo "error: JDK 25 not found. Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$candidate"
fi
export PATH="$JAVA_HOME/bin:$PATH"
