#!/usr/bin/env bash
# Makes the API jar just built (target/org.jiandu.api-*.jar) the baseline that the build checks the API against
# (bnd-baseline-maven-plugin, see this module's pom.xml). Run it when a version of the API is released to courts
# and integrators, and commit the result: from then on an incompatible change to a package, or a change without
# the package version bump it needs, fails the build. Each update takes a new version (Maven keeps a release
# version it has fetched once and never fetches it again).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/org.jiandu.api-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
version=${1:?usage: baseline/update.sh NEW-VERSION (e.g. 0.1.0-baseline.2; never reuse one)}
dir=baseline/repo/org/jiandu/org.jiandu.api/$version
rm -rf baseline/repo
mkdir -p "$dir"
cp "$jar" "$dir/org.jiandu.api-$version.jar"
cat > "$dir/org.jiandu.api-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.jiandu</groupId>
  <artifactId>org.jiandu.api</artifactId>
  <version>$version</version>
  <description>The released Jiandu API that the build baselines against (not a dependency of anything).</description>
</project>
POM
for f in "$dir"/*; do sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"; done
sed -i "s|<api.baseline.version>.*</api.baseline.version>|<api.baseline.version>$version</api.baseline.version>|" pom.xml
echo "baseline is now $jar as org.jiandu:org.jiandu.api:$version"
