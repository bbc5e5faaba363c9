// Console benchmark in headless Chromium against a running huoyan (HUOYAN_URL, default
// http://127.0.0.1:8080, e.g. from `huoyan demo`):
//  1. first-load transfer: the JS and CSS that the login page and then the map page load, on the
//     wire (as the server sent them) and gzip -9 of the same files;
//  2. time to first map render: from navigation start of /map (logged in, cold cache, a new
//     browser context per run) until the map is idle with every layer's data drawn
//     (window.__huoyanMapReady, set by MapView on MapLibre's first `idle` after the data is in).
// Usage: HUOYAN_URL=http://127.0.0.1:8080 node e2e/bench.mjs [runs=7]
import { gzipSync } from 'node:zlib'
import { cpus } from 'node:os'
import { BASE, launch } from './lib.mjs'

const RUNS = Number(process.argv[2] || 7)
const browser = await launch()
const version = browser.version()

async function loginApi(ctx) {
  const r = await ctx.request.post(`${BASE}/api/v1/auth/login`, { data: { username: 'admin', password: 'admin@Huoyan2026' } })
  if (!r.ok()) throw new Error(`login: ${r.status()}`)
}

// —— 1. transfer size of login + map ——
const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 } })
const page = await ctx.newPage()
const cdp = await ctx.newCDPSession(page)
await cdp.send('Network.enable')
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
const types = new Map()
const assets = []
cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, url: e.response.url, enc: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '' }))
cdp.on('Network.loadingFinished', (e) => {
  const t = types.get(e.requestId)
  if (t && (t.type === 'Script' || t.type === 'Stylesheet')) assets.push({ ...t, wire: e.encodedDataLength })
})
// Log in from the login page straight to the map (as a bookmarked /map would).
await page.goto(`${BASE}/login?redirect=/map`)
await page.getByTestId('login-card').waitFor()
const loginAssets = assets.length
await page.getByTestId('login-username').fill('admin')
await page.getByTestId('login-password').fill('admin@Huoyan2026')
await page.getByTestId('login-password').press('Enter')
await page.getByTestId('shell').waitFor()
await page.locator('[data-testid=map][data-ready="1"]').waitFor({ timeout: 120_000 })
await ctx.close()

let wire = 0
let gz = 0
let raw = 0
const seen = new Set()
const rows = []
for (const a of assets) {
  const path = new URL(a.url).pathname
  if (seen.has(path)) continue
  seen.add(path)
  const body = Buffer.from(await (await fetch(`${BASE}${path}`)).arrayBuffer())
  const g = gzipSync(body, { level: 9 }).length
  wire += a.wire
  gz += g
  raw += body.length
  rows.push({ path, type: a.type, raw: body.length, gzip9: g, wire: a.wire, enc: a.enc })
}
const loginOnly = rows.slice(0, loginAssets)

// —— 2. time to first map render ——
const times = []
for (let i = 0; i < RUNS; i++) {
  const c = await browser.newContext({ viewport: { width: 1366, height: 860 } })
  await loginApi(c)
  const p = await c.newPage()
  await p.goto(`${BASE}/map`)
  await p.locator('[data-testid=map][data-ready="1"]').waitFor({ timeout: 120_000 })
  times.push(await p.evaluate(() => window.__huoyanMapReady))
  await c.close()
}
await browser.close()
times.sort((a, b) => a - b)
const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))]
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`

const result = {
  url: BASE,
  chromium: version,
  cpus: `${cpus().length} × ${cpus()[0]?.model}`,
  login_page: { files: loginOnly.length, raw: kb(loginOnly.reduce((s, r) => s + r.raw, 0)), gzip9: kb(loginOnly.reduce((s, r) => s + r.gzip9, 0)) },
  login_plus_map: { files: rows.length, raw: kb(raw), gzip9: kb(gz), wire: kb(wire), encodings: [...new Set(rows.map((r) => r.enc || 'identity'))] },
  time_to_map_ms: { runs: RUNS, min: Math.round(times[0]), median: Math.round(q(0.5)), max: Math.round(times[times.length - 1]) },
}
console.log(JSON.stringify(result, null, 2))
if (process.env.BENCH_VERBOSE) console.table(rows)
