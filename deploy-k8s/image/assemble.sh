#!/usr/bin/env bash
# Lays out the runtime tree of an image from a packaged module, with the class path bin/router uses:
#   OUT/classes           the module's target/classes
#   OUT/lib/*.jar         every entry of the module's target/classpath.txt (written by mvn package)
#   OUT/classpath.argfile a java @-file: "-cp APP_HOME/classes:APP_HOME/lib/a.jar:..." in classpath.txt order
# usage: assemble.sh MODULE_DIR OUT_DIR [APP_HOME]   (APP_HOME: where OUT_DIR lands in the image, default /app)
set -euo pipefail
if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: assemble.sh MODULE_DIR OUT_DIR [APP_HOME]" >&2
  exit 2
fi
module="$1"
out="$2"
app_home="${3:-/app}"
classpath_file="$module/target/classpath.txt"
[[ -d "$module/target/classes" ]] || { echo "assemble.sh: $module/target/classes missing: run mvn package first" >&2; exit 1; }
[[ -f "$classpath_file" ]] || { echo "assemble.sh: $classpath_file missing: run mvn package first" >&2; exit 1; }

mkdir -p "$out/lib"
cp -R "$module/target/classes" "$out/classes"
classpath="$app_home/classes"
mapfile -t entries < <(tr ':' '\n' < "$classpath_file" | sed '/^$/d')
for entry in "${entries[@]}"; do
  # A directory here means a reactor module that was compiled but not packaged.
  [[ -f "$entry" ]] || { echo "assemble.sh: class path entry '$entry' is not a jar file: run mvn package" >&2; exit 1; }
  name="$(basename "$entry")"
  [[ ! -e "$out/lib/$name" ]] || { echo "assemble.sh: two class path entries are named $name" >&2; exit 1; }
  cp "$entry" "$out/lib/$name"
  classpath+=":$app_home/lib/$name"
done
printf -- '-cp\n%s\n' "$classpath" > "$out/classpath.argfile"
echo "assemble.sh: ${#entries[@]} jars -> $out" >&2
