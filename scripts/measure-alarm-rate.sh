#!/usr/bin/env bash
# Measures the alarm rate an operator of the demo faces (issue 14, defect 3): starts `huoyan demo`
# (its simulated UITDs at their default rate) over a fresh data directory, then acts as one
# operator who keeps the queue at zero — every 15 s it lists the unhandled alarms and handles them
# all (测试, POST /alarms/handle) — and prints how many alarms it had to handle, by kind, as alarms
# per hour. An alarm left open merges further signals of its device and kind, so this is the most
# a diligent operator meets; a slower one meets fewer, bigger alarms.
#   ./scripts/measure-alarm-rate.sh [MINUTES]   (default 10; HUOYAN_BIN=path tests that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
bin="${HUOYAN_BIN:-${CARGO_TARGET_DIR:-target}/debug/huoyan}"
[ -x "$bin" ] || { echo "measure-alarm-rate: $bin is missing (cargo build -p huoyan-cli)" >&2; exit 1; }
data=$(mktemp -d "${TMPDIR:-/tmp}/huoyan-rate.XXXXXX")
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
port=$(free_port)
HUOYAN_GATEWAY_LISTEN="127.0.0.1:$(free_port)" "$bin" --data "$data" demo --listen "127.0.0.1:${port}" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
  node -e "fetch('http://127.0.0.1:${port}/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" && break
  kill -0 "$server" 2>/dev/null || { tail -20 "$data/server.log" >&2; exit 1; }
  sleep 1
done
URL="http://127.0.0.1:${port}/api/v1" MINUTES="$minutes" node --input-type=module -e '
const base = process.env.URL
const minutes = Number(process.env.MINUTES)
const login = await fetch(`${base}/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "dispatcher", password: "dispatcher@Huoyan2026" }) })
const { token } = await login.json()
const h = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }
const handled = new Map()
const started = Date.now()
const end = started + minutes * 60_000
while (Date.now() < end) {
  const r = await (await fetch(`${base}/alarms?status=open,escalated&limit=500&sort=priority`, { headers: h })).json()
  const ids = r.items.map((a) => a.id)
  for (let i = 0; i < ids.length; i += 100) {
    const res = await fetch(`${base}/alarms/handle`, { method: "POST", headers: h, body: JSON.stringify({ ids: ids.slice(i, i + 100), result: "test", note: "rate measurement" }) })
    if (res.ok) for (const a of await res.json()) handled.set(a.id, a.kind)
  }
  await new Promise((res) => setTimeout(res, 15_000))
}
const hours = (Date.now() - started) / 3_600_000
const byKind = {}
for (const k of handled.values()) byKind[k] = (byKind[k] || 0) + 1
const rate = (n) => (n / hours).toFixed(1)
console.log(`measured ${(hours * 60).toFixed(1)} min: ${handled.size} alarms handled by one operator = ${rate(handled.size)} alarms/hour`)
for (const [k, n] of Object.entries(byKind).sort()) console.log(`  ${k}: ${n} (${rate(n)}/h)`)
'
