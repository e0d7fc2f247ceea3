#!/usr/bin/env bash
# Refreshes the vendored Designsystemet (Digdir) CSS in vendor/ from the npm
# registry. The pages link these files; nothing is fetched at run time, so the
# server works offline and under a strict Content-Security-Policy.
#
# Usage: crates/render/static/refresh.sh [CSS_VERSION]
# Then rebuild: the files are embedded in the binary with include_bytes!.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-latest}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
# @digdir/designsystemet-theme is deprecated; its README points to the
# default theme that @digdir/designsystemet-css now ships under `./theme`.
# It is still packed so that its version is recorded next to the CSS's, and
# its default theme is kept only if the CSS package stops shipping one.
npm pack --silent "@digdir/designsystemet-css@${version}" >/dev/null
npm pack --silent "@digdir/designsystemet-theme" >/dev/null
mkdir css theme
tar xzf digdir-designsystemet-css-*.tgz -C css
tar xzf digdir-designsystemet-theme-*.tgz -C theme

css_version="$(node -p 'require("./css/package/package.json").version')"
theme_version="$(node -p 'require("./theme/package/package.json").version')"

out="$here/vendor"
mkdir -p "$out"
cp css/package/dist/src/index.css "$out/designsystemet.css"
if [ -f css/package/dist/theme/designsystemet.css ]; then
  cp css/package/dist/theme/designsystemet.css "$out/theme.css"
  theme_from="@digdir/designsystemet-css@${css_version} (dist/theme/designsystemet.css)"
else
  cp theme/package/src/themes/designsystemet.css "$out/theme.css"
  theme_from="@digdir/designsystemet-theme@${theme_version} (src/themes/designsystemet.css)"
fi
cp css/package/LICENSE "$out/LICENSE.designsystemet-css"
cp theme/package/LICENSE "$out/LICENSE.designsystemet-theme"

cat >"$out/VERSIONS" <<END
designsystemet.css: @digdir/designsystemet-css@${css_version} (dist/src/index.css)
theme.css: ${theme_from}
(@digdir/designsystemet-theme latest: ${theme_version}, deprecated)
Licence: MIT, see the LICENSE.* files.
END
echo "vendored Designsystemet CSS ${css_version} into $out"
