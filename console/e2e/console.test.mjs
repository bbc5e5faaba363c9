// End-to-end tests of the console in Debian's Chromium, headless, against a running `huoyan demo`
// (scripts/test-e2e.sh starts one and sets HUOYAN_URL). One browser; the steps run in order and
// share the logged-in page. Screenshots go to e2e/artifacts/.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { BASE, launch, login, shot } from './lib.mjs'

describe('火眼 console', { timeout: 240_000 }, () => {
  let browser
  let ctx
  let page
  const errors = []

  before(async () => {
    browser = await launch()
    ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })
    page = await ctx.newPage()
    page.setDefaultTimeout(20_000)
    page.on('pageerror', (e) => errors.push(e.message))
  })

  after(async () => {
    await browser?.close()
  })

  it('serves the console and logs in', async () => {
    await page.goto(`${BASE}/`)
    assert.match(await page.title(), /火眼/)
    await page.getByTestId('login-card').waitFor()
    await page.screenshot({ path: shot('01-login.png') })
    // A wrong password is refused with a message.
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('wrong-password')
    await page.getByTestId('login-password').press('Enter')
    await page.getByTestId('login-error').waitFor()
    await login(page, 'admin')
    await assert.doesNotReject(page.getByTestId('current-jurisdiction').filter({ hasText: '当前辖区：' }).waitFor())
    // The admin sees every screen, the reserved ones included.
    for (const n of ['home', 'map', 'units', 'water_sources', 'stations', 'vehicles', 'users', 'monitor', 'incidents']) {
      assert.equal(await page.getByTestId(`nav-${n}`).count(), 1, n)
    }
    await page.getByTestId('stat-units').filter({ hasText: /\b3\d{3}\b/ }).waitFor() // the demo's 3,000 units (more after imports)
    await page.getByTestId('chart-units').locator('canvas').first().waitFor()
    await page.screenshot({ path: shot('02-dashboard.png') })
  })

  it('tells the leader what is happening today; the cards lead to their lists and the totals agree (issue 14, defect 7)', async () => {
    const c = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const p = await c.newPage()
    p.on('pageerror', (e) => errors.push(e.message))
    await login(p, 'leader')
    await p.getByTestId('dashboard-now').waitFor()
    // The cards show what the server counts for the leader's jurisdiction.
    const summary = await p.evaluate(async () => (await fetch('/api/v1/incidents/summary?days=30')).json())
    const kpis = await p.evaluate(async () => {
      const beijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      return (await fetch(`/api/v1/alarms/kpis?since=${encodeURIComponent(`${beijing}T00:00:00+08:00`)}`)).json()
    })
    await p.locator(`[data-testid=stat-open-incidents][data-n="${summary.open}"]`).waitFor()
    assert.equal(Number(await p.getByTestId('stat-open-incidents').locator('.stat-value').innerText()), summary.open)
    assert.equal(Number(await p.getByTestId('stat-today-incidents').locator('.stat-value').innerText()), summary.today)
    const openAlarms = Object.values(kpis.open_by_kind).reduce((a, b) => a + b, 0)
    assert.ok(Math.abs(Number(await p.getByTestId('stat-open-alarms').locator('.stat-value').innerText()) - openAlarms) <= 5, 'unhandled alarms (the simulator keeps sending)')
    await p.getByTestId('chart-trend').locator('canvas').first().waitFor()
    assert.equal(summary.daily.length, 30)
    // The district table adds up to the card's total.
    await p.getByTestId('chart-units').locator('canvas').first().waitFor()
    const total = Number((await p.getByTestId('stat-units').locator('.stat-value').innerText()).replace(/,/g, ''))
    const rowTotals = await p.getByTestId('chart-units').locator('.el-table__body tr td:last-child').allInnerTexts()
    assert.equal(rowTotals.map(Number).reduce((a, b) => a + b, 0), total, `rows ${rowTotals.join('+')} vs card ${total}`)
    await p.screenshot({ path: shot('02b-leader-home.png') })
    // Each card leads to its list.
    await p.getByTestId('stat-open-incidents').click()
    await p.getByTestId('incidents-page').waitFor()
    await p.goBack()
    await p.getByTestId('stat-open-alarms').click()
    await p.waitForURL(/\/monitor$/)
    await p.goBack()
    await p.getByTestId('stat-water').click()
    await p.waitForURL(/\/water_sources$/)
    await c.close()
  })

  it('shows the map and toggles layers', async () => {
    await page.getByTestId('nav-map').click()
    await page.locator('[data-testid=map][data-ready="1"]').waitFor({ timeout: 60_000 })
    const visibility = (id) => page.evaluate((l) => window.__huoyanMap.getLayoutProperty(l, 'visibility') ?? 'visible', id)
    for (const [toggle, layer] of [['layer-water_sources', 'water-point'], ['layer-units', 'units-cluster'], ['layer-stations', 'stations-icon'], ['layer-boundaries', 'jur-line']]) {
      assert.equal(await visibility(layer), 'visible', layer)
      await page.getByTestId(toggle).click()
      assert.equal(await visibility(layer), 'none', `${layer} off`)
      await page.getByTestId(toggle).click()
      assert.equal(await visibility(layer), 'visible', `${layer} on`)
    }
    // Every layer holds its features: the demo's 1,960 hydrants, 3,000 units and 16 forces.
    const counts = await page.evaluate(() => {
      const m = window.__huoyanMap
      return Object.fromEntries(['stations', 'water_sources', 'units'].map((s) => [s, m.getSource(s)._data?.features?.length ?? m.getSource(s)._data?.geojson?.features?.length ?? -1]))
    })
    assert.ok(counts.water_sources >= 1900, JSON.stringify(counts))
    assert.ok(counts.units >= 2900, JSON.stringify(counts))
    assert.ok(counts.stations >= 8, JSON.stringify(counts))
    // A status filter thins the hydrants.
    await page.getByTestId('water-status-intact').click()
    const fewer = await page.evaluate(() => window.__huoyanMap.getSource('water_sources')._data?.features?.length ?? window.__huoyanMap.getSource('water_sources')._data?.geojson?.features?.length)
    assert.ok(fewer < counts.water_sources, `${fewer} < ${counts.water_sources}`)
    await page.getByTestId('water-status-intact').click()
    await page.waitForTimeout(1000) // clusters are recomputed in the worker
    await page.screenshot({ path: shot('03-map.png') })
  })

  it('draws the base map from the server\'s vector tiles', async () => {
    // Until the server has /api/v1/map/config, a stand-in config with empty tiles (204) checks the
    // console's side of the contract; once it has one, the real config and tiles are used.
    const real = (await page.request.get(`${BASE}/api/v1/map/config`)).status() === 200
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const p = await c.newPage()
    const tiles = []
    if (!real) {
      await p.route('**/api/v1/map/config', (r) => r.fulfill({ json: { tiles: '/tiles/{z}/{x}/{y}.mvt', minzoom: 10, maxzoom: 18, layers: [], external_raster: null, attribution: '© OpenStreetMap contributors (ODbL) · City of Cambridge GIS (PDDL 1.0)', center: [-71.11, 42.375], bounds: [-71.16, 42.35, -71.06, 42.40] } }))
      await p.route('**/tiles/**', (r) => r.fulfill({ status: 204 }))
    }
    p.on('response', (r) => r.url().includes('/tiles/') && tiles.push(r.status()))
    await login(p, 'admin')
    await p.goto(`${BASE}/map`)
    await p.locator('[data-testid=map][data-ready="1"]').waitFor({ timeout: 60_000 })
    const state = await p.evaluate(() => ({
      layers: window.__huoyanMap.getStyle().layers.map((l) => l.id),
      errors: window.__huoyanMapErrors || [],
    }))
    for (const id of ['base-roads', 'base-buildings', 'base-boundaries', 'water-point', 'units-point', 'stations-icon', 'jur-line']) {
      assert.ok(state.layers.includes(id), `${id} in ${state.layers}`)
    }
    assert.deepEqual(state.errors, [])
    assert.ok(tiles.length > 0 && tiles.every((s) => s === 200 || s === 204 || s === 304), `tiles: ${tiles}`)
    // The credit the licences require, as the server composes it from the data it holds (the
    // Cambridge demo holds no OpenStreetMap data, so it credits the city's GIS; an OSM import adds
    // the ODbL credit).
    const credit = real ? (await (await page.request.get(`${BASE}/api/v1/map/config`)).json()).attribution : 'OpenStreetMap'
    assert.ok(credit && credit.length > 0, 'the server names an attribution')
    const first = credit.split(' · ')[0].trim()
    await p.getByTestId('map').locator('.maplibregl-ctrl-attrib').filter({ hasText: first }).waitFor({ state: 'attached' })
    if (real) {
      await p.waitForTimeout(500)
      await p.screenshot({ path: shot('03b-map-basemap.png') })
    }
    await c.close()
  })

  it('names the streets offline and puts the markers up in one round of requests (issue 14, defect 5)', async () => {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const p = await c.newPage()
    const log = []
    const t0 = Date.now()
    p.on('request', (r) => log.push({ url: r.url(), at: Date.now() - t0, kind: 'start' }))
    p.on('requestfinished', (r) => log.push({ url: r.url(), at: Date.now() - t0, kind: 'end' }))
    const glyphs = []
    p.on('response', (r) => r.url().includes('/glyphs/') && glyphs.push([r.url(), r.status(), r.headers()['content-type'] || '']))
    await login(p, 'admin')
    await p.goto(`${BASE}/map`)
    await p.locator('[data-testid=map][data-ready="1"]').waitFor({ timeout: 60_000 })
    // The markers' request starts before the boundaries' answer is in: they run side by side.
    const first = (pred, kind) => log.find((e) => e.kind === kind && pred(e.url))
    const features = first((u) => u.includes('/api/v1/map/features'), 'start')
    const boundaries = first((u) => u.includes('/api/v1/jurisdictions?'), 'end')
    assert.ok(features && boundaries && features.at <= boundaries.at, JSON.stringify({ features, boundaries }))
    // Street names from the server's glyphs at street zoom.
    const cfg = await (await p.request.get(`${BASE}/api/v1/map/config`)).json()
    assert.equal(cfg.glyphs, '/glyphs/{fontstack}/{range}.pbf')
    await p.evaluate(() => window.__huoyanMap.jumpTo({ center: [-71.105, 42.373], zoom: 16 }))
    await p.waitForFunction(() => window.__huoyanMap.loaded() && window.__huoyanMap.queryRenderedFeatures({ layers: ['base-label-roads'] }).length > 0, null, { timeout: 30_000 })
    const named = await p.evaluate(() => window.__huoyanMap.queryRenderedFeatures({ layers: ['base-label-roads'] }).map((f) => f.properties.name))
    assert.ok(named.some((n) => /\w/.test(n)), named.join(', '))
    assert.ok(glyphs.length > 0 && glyphs.every(([, s, t]) => s === 200 && !t.includes('html')), JSON.stringify(glyphs))
    assert.deepEqual(await p.evaluate(() => window.__huoyanMapErrors || []), [])
    // A range that does not exist is a 404, never the console's page.
    assert.equal((await p.request.get(`${BASE}/glyphs/no-such-font/0-255.pbf`)).status(), 404)
    await p.screenshot({ path: shot('03c-map-labels.png') })
    await c.close()
  })

  it('finds a hydrant by its code and opens its panel', async () => {
    const r = await page.request.get(`${BASE}/api/v1/water_sources?limit=1&sort=-id`)
    const hydrant = (await r.json()).items[0]
    assert.ok(hydrant.code)
    const input = page.getByTestId('map-search-input')
    await input.fill(hydrant.code)
    await input.press('Enter')
    // An exact code gives one hit (opened at once) or a list with it first.
    const panel = page.locator(`[data-testid=map-detail][data-layer=water_sources][data-id="${hydrant.id}"]`)
    const list = page.getByTestId('map-search-hit').first()
    await Promise.race([panel.waitFor(), list.waitFor()])
    if (!(await panel.isVisible())) await list.click()
    await panel.waitFor()
    await page.getByTestId('map-detail-title').filter({ hasText: hydrant.code }).waitFor()
    await page.getByTestId('map-detail-status').waitFor()
    await page.waitForTimeout(1500) // the fly-to
    await page.screenshot({ path: shot('04-map-hydrant.png') })
    // Esc closes the panel; coordinates fly there.
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    await input.fill('-71.1,42.37')
    await input.press('Enter')
    await page.locator('[data-testid=map-detail][data-layer=point]').waitFor()
    // The measure tool adds up two clicks.
    await page.getByTestId('map-detail-close').click()
    await page.getByTestId('measure-toggle').click()
    const box = await page.getByTestId('map').boundingBox()
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.click(box.x + box.width / 2 + 200, box.y + box.height / 2)
    const total = await page.getByTestId('measure-total').textContent()
    assert.match(total, /\d+(\.\d+)? (m|km)/)
    await page.keyboard.press('Escape')
  })

  it('speaks the users\' language in a register: no raw ids, source refs or long decimals (issue 14, defect 6)', async () => {
    await page.getByTestId('nav-water_sources').click()
    await page.getByTestId('register-table').waitFor()
    // One column per meaning: the water source's own 编号, no second id column.
    const heads = await page.getByTestId('register-table').locator('thead th').allInnerTexts()
    assert.equal(heads.filter((h) => h.trim() === '编号').length, 1, heads.join('|'))
    // A hydrant of the Cambridge layer: flow to 0.1 L/s, coordinates to 6 decimals, its source in words.
    const r = await page.request.get(`${BASE}/api/v1/water_sources?limit=50&sort=id`)
    const h = (await r.json()).items.find((w) => w.flow_lps && String(w.source_ref || '').startsWith('cambridge'))
    assert.ok(h, 'a Cambridge hydrant with a flow')
    assert.ok(Number.isInteger(Math.round(h.flow_lps * 10)) && Math.abs(h.flow_lps * 10 - Math.round(h.flow_lps * 10)) < 1e-9, `flow ${h.flow_lps} kept to 0.1 L/s`)
    await page.goto(`${BASE}/water_sources?open=${h.id}`)
    const drawer = page.getByTestId('record-detail')
    await drawer.getByTestId('detail-source_ref').waitFor()
    assert.equal(await drawer.getByTestId('detail-source_ref').innerText(), '剑桥市 GIS 公开数据')
    assert.match(await drawer.getByTestId('detail-lon').innerText(), /^-?\d+\.\d{1,6}$/)
    const text = await drawer.innerText()
    assert.doesNotMatch(text, /cambridge-|demo:|jurisdiction_id|version/, text)
    await drawer.getByTestId('detail-jurisdiction_id').waitFor()
    // The edit form shows the same rounding; saving an untouched form changes nothing.
    await drawer.getByTestId('detail-edit').click()
    const dialog = page.getByTestId('record-dialog')
    await dialog.waitFor()
    assert.match(await page.getByTestId('input-lat').inputValue(), /^-?\d+\.\d{1,6}$/)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page.keyboard.press('Escape')
    // Vehicle names fit their column: the call sign, not the station's full name again.
    const v = await page.request.get(`${BASE}/api/v1/vehicles?limit=200`)
    const names = (await v.json()).items.map((x) => x.name)
    assert.ok(names.every((n) => n.length <= 18 && !/\(/.test(n)), names.filter((n) => n.length > 18 || /\(/.test(n)).join(', '))
    await page.getByTestId('nav-vehicles').click()
    const cell = page.getByTestId('register-table').locator('tbody tr').first().locator('td').first()
    await cell.waitFor()
    assert.ok(await cell.evaluate((td) => { const c = td.querySelector('.cell'); return c.scrollWidth <= c.clientWidth }), 'the first vehicle name is not cut off')
  })

  it('edits a unit with checked fields, and the change persists after reload', async () => {
    await page.getByTestId('nav-units').click()
    await page.getByTestId('register-table').waitFor()
    const row = page.getByTestId('register-row').first()
    await row.waitFor()
    const id = await row.getAttribute('data-id')
    await row.getByTestId('row-edit').click()
    const dialog = page.getByTestId('record-dialog')
    await dialog.waitFor()
    // Esc closes the dialog.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await row.getByTestId('row-edit').click()
    await dialog.waitFor()
    // A bad latitude is refused beside the field, in Chinese.
    await page.getByTestId('input-lat').fill('abc')
    await page.getByTestId('input-lat').press('Enter')
    await page.getByTestId('field-lat').locator('.el-form-item__error').filter({ hasText: '应为数字' }).waitFor()
    await page.waitForTimeout(500) // transitions
    await page.screenshot({ path: shot('05-unit-invalid.png') })
    // A bad credit code is refused by the check character (GB 32100-2015).
    await page.getByTestId('input-uscc').fill('91350100M000100Y44')
    await page.getByTestId('input-lat').fill('42.3736')
    await page.getByTestId('input-uscc').press('Enter')
    await page.getByTestId('field-uscc').locator('.el-form-item__error').filter({ hasText: '校验码' }).waitFor()
    await page.getByTestId('input-uscc').fill('')
    const phone = `0571-${String(Date.now()).slice(-8)}`
    await page.getByTestId('input-phone').fill(phone)
    // Enter submits the form.
    await page.getByTestId('input-phone').press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.reload()
    await page.getByTestId('register-table').waitFor()
    await page.locator(`[data-testid=register-row][data-id="${id}"]`).getByTestId('row-detail').click()
    await page.getByTestId('detail-phone').filter({ hasText: phone }).waitFor()
    await page.waitForTimeout(500) // transitions
    await page.screenshot({ path: shot('06-unit-detail.png') })
    const saved = await (await page.request.get(`${BASE}/api/v1/units/${id}`)).json()
    assert.equal(saved.phone, phone)
    await page.keyboard.press('Escape')
  })

  it('exports the register to Excel', async () => {
    await page.getByTestId('nav-water_sources').click()
    await page.getByTestId('register-export').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export').click()])
    const file = shot('water_sources.xlsx')
    await download.saveAs(file)
    const bytes = readFileSync(file)
    assert.ok(bytes.length > 10_000, `${bytes.length} bytes`)
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'an .xlsx is a zip')
    assert.match(download.suggestedFilename(), /\.xlsx$/)
  })

  it('imports units from a spreadsheet (CSV with Chinese headers)', async () => {
    await page.getByTestId('nav-units').click()
    await page.getByTestId('register-import').waitFor()
    const name = `导入测试商店${Date.now() % 100000}`
    await page.getByTestId('register-import-file').setInputFiles({
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`名称,经度,纬度,类型\n${name},-71.1,42.37,商店\n`),
    })
    await page.getByTestId('import-result').filter({ hasText: '导入 1 条' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('register-q').fill(name)
    await page.getByTestId('register-q').press('Enter')
    await page.getByTestId('register-table').filter({ hasText: name }).waitFor()
    assert.match(await page.getByTestId('register-total').textContent(), /1/)
  })

  it('switches to English and back, remembering the choice', async () => {
    await page.getByTestId('lang-toggle').click()
    await page.getByTestId('nav-units').filter({ hasText: 'Units' }).waitFor()
    await page.reload()
    await page.getByTestId('nav-units').filter({ hasText: 'Units' }).waitFor()
    await page.getByTestId('current-jurisdiction').filter({ hasText: 'Jurisdiction:' }).waitFor()
    await page.screenshot({ path: shot('07-english.png') })
    await page.getByTestId('lang-toggle').click()
    await page.getByTestId('nav-units').filter({ hasText: '社会单位' }).waitFor()
  })

  it('receives a pushed event in the live panel with a flash and a sound', async () => {
    await page.getByTestId('live-open').click()
    await page.locator('[data-testid=live-connected][data-connected="1"]').waitFor()
    const before = await page.locator('[data-testid=live-event][data-kind=test]').count()
    await page.getByTestId('live-test').click()
    await page.locator('[data-testid=live-event][data-kind=test]').nth(before).waitFor()
    assert.equal(await page.locator('[data-testid=live-event][data-kind=test]').count(), before + 1)
    assert.match(await page.getByTestId('live-events').locator('[data-testid=live-event]').first().textContent(), /声光测试/)
    assert.match((await page.getByTestId('live-unhandled-count').textContent()).trim(), /^\d+$/)
    assert.equal(await page.getByTestId('shell').getAttribute('data-flashing'), '1')
    assert.ok((await page.evaluate(() => window.__huoyanBeeps || 0)) >= 1, 'a beep was played')
    await page.waitForTimeout(500) // transitions
    await page.screenshot({ path: shot('08-live.png') })
    await page.keyboard.press('Escape')
  })

  it('shows each role only its screens and its jurisdiction', async () => {
    const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const p = await c.newPage()
    await login(p, 'township')
    await p.getByTestId('current-jurisdiction').filter({ hasText: 'Engine 1' }).waitFor()
    assert.equal(await p.getByTestId('nav-users').count(), 0)
    assert.equal(await p.getByTestId('nav-vehicles').count(), 0)
    assert.equal(await p.getByTestId('nav-units').count(), 1)
    await c.close()
    const c2 = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const p2 = await c2.newPage()
    await login(p2, 'unitmgr')
    await p2.getByTestId('register-units').waitFor()
    await p2.getByTestId('register-row').first().waitFor()
    assert.equal(await p2.getByTestId('nav-map').count(), 0)
    assert.equal(await p2.getByTestId('register-row').count(), 1)
    await c2.close()
  })

  it('works at phone width (390 px)', async () => {
    const c = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    const p = await c.newPage()
    await login(p, 'inspector')
    await p.goto(`${BASE}/map`)
    await p.locator('[data-testid=map][data-ready="1"]').waitFor({ timeout: 60_000 })
    await p.screenshot({ path: shot('09-phone-map.png') })
    await p.getByTestId('layers-toggle').click()
    await p.getByTestId('layer-panel').waitFor()
    await p.waitForTimeout(500) // transitions
    await p.screenshot({ path: shot('10-phone-map-layers.png') })
    await p.goto(`${BASE}/water_sources`)
    await p.getByTestId('register-cards').waitFor()
    await p.getByTestId('register-row').first().waitFor()
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`)
    await p.screenshot({ path: shot('11-phone-register.png') })
    // The edit form fits and works by touch.
    await p.getByTestId('row-edit').first().tap()
    await p.getByTestId('record-dialog').waitFor()
    await p.waitForTimeout(500) // transitions
    await p.screenshot({ path: shot('12-phone-form.png') })
    await c.close()
  })

  it('threw no errors in the page', () => {
    assert.deepEqual(errors, [])
  })
})
