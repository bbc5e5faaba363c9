// Shared helpers of the end-to-end tests and the benchmark: Debian's Chromium driven by
// playwright-core (never a downloaded browser), the server's address, login, API calls beside the
// browser.
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BASE = (process.env.HUOYAN_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

// Headless, no GPU, no network chatter of its own. WebGL (the map) runs on SwiftShader, which
// newer Chromium only enables on request.
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
]

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}

export function shot(name) {
  return join(ARTIFACTS, name)
}

/** Logs in through the form; resolves once the shell is shown. */
export async function login(page, user = 'admin', password = `${user}@Huoyan2026`) {
  await page.goto(`${BASE}/login`)
  // Element Plus puts the attributes of <el-input> on its <input>.
  await page.getByTestId('login-username').fill(user)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-password').press('Enter')
  await page.getByTestId('shell').waitFor({ timeout: 20000 })
}

/** A bearer token of a demo account, for API calls beside the browser. */
export async function apiToken(user) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: user, password: `${user}@Huoyan2026` }) })
  assert.equal(r.status, 200, `login ${user}`)
  return (await r.json()).token
}

/** An API call with a bearer token: `{status, body}` (body parsed as JSON, or null). */
export async function apiJson(tok, path, init = {}) {
  const r = await fetch(`${BASE}/api/v1/${path}`, { ...init, headers: { Authorization: `Bearer ${tok}`, 'Content-Type': 'application/json', ...(init.headers || {}) } })
  const body = await r.json().catch(() => null)
  return { status: r.status, body }
}
