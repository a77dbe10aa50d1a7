#!/bin/sh
# Lighthouse 12 audit of dist/ served as the deployments serve it (site/serve:
# the headers of site/hosting, precompressed brotli), in Debian's chromium.
# Writes tools/lighthouse/report.json and .html and prints the scores.
set -eu
cd "$(dirname "$0")/../.."
PORT=${PORT:-8097}
go build -o /tmp/nqp-serve ./site/serve
/tmp/nqp-serve -dir dist -addr 127.0.0.1:$PORT &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
for i in $(seq 50); do curl -fsS -o /dev/null http://127.0.0.1:$PORT/ && break; sleep 0.2; done
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
tools/lighthouse/node_modules/.bin/lighthouse http://127.0.0.1:$PORT/ \
  --quiet --output=json --output=html --output-path=tools/lighthouse/report \
  --only-categories=performance,accessibility,best-practices,seo \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
  --max-wait-for-load=90000
node -e '
const r = require("./tools/lighthouse/report.report.json");
for (const [k, c] of Object.entries(r.categories)) console.log(k.padEnd(16), Math.round(c.score * 100));
for (const id of ["first-contentful-paint","largest-contentful-paint","total-blocking-time","interactive","total-byte-weight"])
  if (r.audits[id]) console.log(id.padEnd(26), r.audits[id].displayValue);
'
