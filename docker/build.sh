#!/usr/bin/env sh
# The build stage of the image (docker/Dockerfile runs exactly this), also run without Docker by
# .ci/run on a clean clone: checks the tools, builds the jar, leaves it at app/target/madoguchi.jar.
set -eu
cd "$(dirname "$0")/.."

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "docker/build.sh: $1 is missing ($2)" >&2; exit 1; }
}
need java "a JDK 17"
need node "Node.js 20.19 or newer"
need npm "npm, which comes with Node.js"
node -e 'const [a, b] = process.versions.node.split(".").map(Number);
  if (a < 20 || (a === 20 && b < 19) || a === 21 || (a === 22 && b < 12)) {
    console.error(`docker/build.sh: Node.js ${process.version} is too old for the front end (20.19+ or 22.12+)`);
    process.exit(1);
  }'

# @carbon/* (under form-js) run IBM's telemetry from npm ci unless this is set
export IBM_TELEMETRY_DISABLED=true
./mvnw -B -ntp -DskipTests package "$@"
test -s app/target/madoguchi.jar
echo "docker/build.sh: app/target/madoguchi.jar ($(du -h app/target/madoguchi.jar | cut -f1))"
