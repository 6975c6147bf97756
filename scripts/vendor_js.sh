#!/usr/bin/env bash
# Fetches the dashboard's chart libraries from npm and copies their minified
# builds, licences and versions into src/eventwire/serve/static/vendor/.
# The dashboard serves these files itself: no page loads anything from a CDN.
#
#   bash scripts/vendor_js.sh            # the pinned versions below
#
# vega, vega-lite and vega-embed ship browser builds (UMD, globals vega,
# vegaLite, vegaEmbed). vega-interpreter (Vega's CSP-safe expression
# evaluator, so the page needs no 'unsafe-eval') ships only an ES module: it is
# bundled with esbuild into one script that sets the global vegaInterpreter.
set -euo pipefail
VEGA=6.4.0
VEGA_LITE=6.4.3
VEGA_EMBED=7.3.0
VEGA_INTERPRETER=2.3.2
ESBUILD=0.28.2

here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/eventwire/serve/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund "vega@$VEGA" "vega-lite@$VEGA_LITE" "vega-embed@$VEGA_EMBED" \
    "vega-interpreter@$VEGA_INTERPRETER" "esbuild@$ESBUILD" >/dev/null
mkdir -p "$out"
cp node_modules/vega/build/vega.min.js "$out/"
cp node_modules/vega-lite/build/vega-lite.min.js "$out/"
cp node_modules/vega-embed/build/vega-embed.min.js "$out/"
npx esbuild node_modules/vega-interpreter/build/vega-interpreter.js --bundle --minify \
    --format=iife --global-name=vegaInterpreter --outfile="$out/vega-interpreter.min.js" 2>/dev/null
for p in vega vega-lite vega-embed vega-interpreter; do
    cp "node_modules/$p/LICENSE" "$out/LICENSE.$p"
done
# vega-interpreter's bundle includes vega-util (same licence, same authors).
cp node_modules/vega-util/LICENSE "$out/LICENSE.vega-util"
{
    echo "# Vendored JavaScript (written by scripts/vendor_js.sh; do not edit by hand)"
    echo
    echo "| file | npm package | version | licence |"
    echo "| --- | --- | --- | --- |"
    for p in vega vega-lite vega-embed vega-interpreter vega-util; do
        v=$(node -p "require('./node_modules/$p/package.json').version")
        l=$(node -p "require('./node_modules/$p/package.json').license")
        case $p in
            vega-util) f="(inside vega-interpreter.min.js)";;
            *) f="$p.min.js";;
        esac
        echo "| $f | $p | $v | $l (LICENSE.$p) |"
    done
} > "$out/VERSIONS.md"
echo "vendored into $out:"
ls -l "$out"
