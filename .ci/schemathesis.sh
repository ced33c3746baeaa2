#!/usr/bin/env bash
# The API contract (issue 22): schemathesis drives the real server from its own
# /api/openapi.json and checks that no response is a 5xx and that every response matches the
# document (status, content type, headers, body). Two passes: anonymous, and with an admin token
# (writes, deletes and /metrics), on a throwaway index built from the corpus.
# Every check runs, but for the exceptions .ci/schemathesis.toml gives with their reasons.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-target/debug/thb-caselaw}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check schemathesis==4.32.5

admin=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
THB_ADMIN_TOKEN=$admin RUST_LOG=warn "$binary" serve --index "$work/index" --corpus corpus \
  --addr 127.0.0.1:0 >"$work/stdout" 2>"$work/stderr" &
server=$!
for _ in $(seq 1 300); do
  grep -q '^listening on ' "$work/stdout" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/stderr"; exit 1; }
  sleep 0.5
done
url=$(sed -n 's/^listening on //p' "$work/stdout")
[ -n "$url" ] || { echo "the server did not start"; cat "$work/stderr"; exit 1; }

run() {
  "$work/venv/bin/st" --config-file .ci/schemathesis.toml run "$url/api/openapi.json" \
    --max-examples 30 --seed 20261206 --no-color "$@"
}
echo "schemathesis: anonymous"
run
echo "schemathesis: admin token"
run -H "Authorization: Bearer $admin"
kill -TERM "$server"
wait "$server"
