// End-to-end tests of the operator's queue (issue 14, defect 3) and of the unit manager's console
// (defect 9), in Chromium against the running demo. A small queue of this run's own is seeded at one
// unit through the demo's GB/T 26875.3 gateway (a fire, then three newer faults from four UITDs) and
// the queue is filtered to that unit, so the simulator's alarms elsewhere do not interfere:
// - the unhandled 火警 is on top of the newer faults, and stays there once overdue (超时未处理);
// - three faults ticked and handled as 误报 with one note: the header's count drops by 3;
// - the last one handled: the count reaches 0.
// The unit manager visits every menu page: no 新增/导入, its alarms and devices only, no request
// answered 403, no route that bounces. The gateway is HUOYAN_GATEWAY (scripts/test-e2e.sh sets it).
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, apiJson, apiToken, launch, login, shot } from './lib.mjs'
import { componentAdu, connectUitd, frame, reachable } from './gb26875.mjs'

const GATEWAY = process.env.HUOYAN_GATEWAY || '127.0.0.1:9026'
const FIRE = 0x0002
const FAULT = 0x0004

/** A fresh UITD address of this run (`e2e1` + 8 hex digits). */
function newAddress(n) {
  return `e2e1${((Date.now() + n * 7919) % 0xffffffff).toString(16).padStart(8, '0')}`
}

/** Registers a UITD at `unit` and sends one component state from it; resolves once confirmed. */
async function seed(admin, unit, address, state, description) {
  const d = await apiJson(admin, 'devices', { method: 'POST', body: JSON.stringify({ jurisdiction_id: unit.jurisdiction_id, unit_id: unit.id, address, name: `${unit.name} 队列测试 ${address.slice(-4)}` }) })
  assert.equal(d.status, 201, JSON.stringify(d.body))
  const uitd = await connectUitd(GATEWAY)
  try {
    const reply = await uitd.send(frame({ serial: 1, source: address, adu: componentAdu({ loop: 3, point: 7, description, state }) }))
    assert.equal(reply, 3, 'the centre confirms (确认) the upload')
  } finally {
    uitd.close()
  }
}

/** Polls `f` until it returns a truthy value (at most `ms`). */
async function until(f, ms, what) {
  const end = Date.now() + ms
  for (;;) {
    const v = await f()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 1000))
  }
}

describe('报警队列 the operator’s queue', { timeout: 300_000 }, () => {
  let browser
  let page
  let admin
  let unit
  const errors = []

  before(async () => {
    assert.ok(await reachable(GATEWAY), `the demo's GB/T 26875.3 gateway on ${GATEWAY} (set HUOYAN_GATEWAY)`)
    browser = await launch()
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    page = await ctx.newPage()
    page.setDefaultTimeout(20_000)
    page.on('pageerror', (e) => errors.push(e.message))
    admin = await apiToken('admin')
    // A unit far down the list: the simulator's UITDs sit at the first key units.
    const units = await apiJson(admin, 'units?limit=1&offset=400&sort=name')
    unit = units.body.items[0]
    assert.ok(unit, 'the demo has units')
  })

  after(async () => {
    await browser?.close()
  })

  it('puts the unhandled fire on top of newer faults, also once it is overdue', async () => {
    await seed(admin, unit, newAddress(0), FIRE, 'QUEUE-FIRE')
    for (let i = 1; i <= 3; i++) await seed(admin, unit, newAddress(i), FAULT, `QUEUE-FAULT-${i}`)
    await login(page, 'dispatcher')
    await page.goto(`${BASE}/monitor?unit=${unit.id}`)
    const rows = page.getByTestId('alarm-row')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=alarm-row]').length === 4)
    const kinds = await rows.evaluateAll((els) => els.map((e) => e.dataset.kind))
    assert.deepEqual(kinds, ['fire', 'fault', 'fault', 'fault'], 'the fire first, though the faults are newer')
    const ids = await rows.evaluateAll((els) => els.map((e) => Number(e.dataset.id)))
    assert.ok(ids.slice(1).every((id) => id > ids[0]), `the faults are newer: ${ids}`)
    const counts = page.getByTestId('alarm-counts')
    await page.locator('[data-testid=alarm-counts][data-total="4"]').waitFor()
    assert.equal(await page.getByTestId('count-fire').getAttribute('data-n'), '1')
    assert.equal(await page.getByTestId('count-fault').getAttribute('data-n'), '3')
    // The engine marks an unhandled fire overdue after 60 s (the centre's setting): still on top.
    await page.locator(`[data-testid=alarm-row][data-id="${ids[0]}"][data-status="escalated"]`).waitFor({ timeout: 100_000 })
    await page.getByTestId('alarm-reload').click()
    await page.locator(`[data-testid=alarm-row][data-id="${ids[0]}"][data-status="escalated"]`).waitFor()
    assert.equal(await rows.first().getAttribute('data-id'), String(ids[0]))
    assert.match(await counts.innerText(), /超时 1/)
    await page.screenshot({ path: shot('q01-priority.png') })
  })

  it('handles three faults at once as 误报 with one note, and the count drops by 3', async () => {
    const faults = await page.locator('[data-testid=alarm-row][data-kind=fault]').evaluateAll((els) => els.map((e) => Number(e.dataset.id)))
    assert.equal(faults.length, 3)
    for (const id of faults) await page.locator(`[data-testid=alarm-select][data-id="${id}"]`).click()
    await page.locator('[data-testid=alarm-batch][data-count="3"]').waitFor()
    // 确认真实 is not offered for a batch.
    assert.equal(await page.getByTestId('alarm-batch-real').count(), 0)
    await page.getByTestId('alarm-batch-false').click()
    await page.getByTestId('alarm-batch-note').fill('联动调试，已电话核实')
    await page.getByTestId('alarm-batch-submit').click()
    await page.locator('[data-testid=alarm-counts][data-total="1"]').waitFor()
    assert.equal(await page.getByTestId('count-fault').getAttribute('data-n'), '0')
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=alarm-row]').length === 1)
    assert.equal(await page.getByTestId('alarm-batch').count(), 0, 'the selection is cleared')
    const dispatcher = await apiToken('dispatcher')
    for (const id of faults) {
      const a = await apiJson(dispatcher, `alarms/${id}`)
      assert.deepEqual([a.body.status, a.body.result, a.body.note, a.body.handled_by], ['handled', 'false', '联动调试，已电话核实', 'dispatcher'])
    }
    await page.screenshot({ path: shot('q02-batch.png') })
  })

  it('reaches zero when the last one is handled', async () => {
    await page.getByTestId('alarm-select-all').click()
    await page.locator('[data-testid=alarm-batch][data-count="1"]').waitFor()
    await page.getByTestId('alarm-batch-test').click()
    await page.getByTestId('alarm-batch-submit').click()
    await page.locator('[data-testid=alarm-counts][data-total="0"]').waitFor()
    await page.getByTestId('count-zero').waitFor()
    for (const k of ['fire', 'fault', 'other']) assert.equal(await page.getByTestId(`count-${k}`).getAttribute('data-n'), '0', k)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=alarm-row]').length === 0)
    await page.screenshot({ path: shot('q03-zero.png') })
    assert.deepEqual(errors, [])
  })
})

describe('单位管理人 the unit manager’s console', { timeout: 240_000 }, () => {
  let browser
  let page
  const refused = []
  const errors = []
  let mine
  let other

  before(async () => {
    assert.ok(await reachable(GATEWAY), `the demo's GB/T 26875.3 gateway on ${GATEWAY} (set HUOYAN_GATEWAY)`)
    const admin = await apiToken('admin')
    const me = await apiJson(await apiToken('unitmgr'), 'auth/me')
    mine = (await apiJson(admin, `units/${me.body.user.unit_id}`)).body
    // Another unit of the same township: its alarm must not reach the unit manager.
    const list = await apiJson(admin, `units?limit=20&jurisdiction_id=${mine.jurisdiction_id}`)
    other = list.body.items.find((u) => u.id !== mine.id && u.jurisdiction_id === mine.jurisdiction_id)
    assert.ok(other, 'another unit in the unit manager’s township')
    await seed(admin, mine, newAddress(11), FAULT, 'MINE-FAULT')
    await seed(admin, other, newAddress(12), FAULT, 'OTHER-FAULT')
    browser = await launch()
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    page = await ctx.newPage()
    page.setDefaultTimeout(20_000)
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('response', (r) => {
      if (r.status() === 403 && r.url().includes('/api/')) refused.push(`${r.request().method()} ${r.url()}`)
    })
  })

  after(async () => {
    await browser?.close()
  })

  it('visits every menu page without a button it cannot use', async () => {
    await login(page, 'unitmgr')
    const items = await page.locator('[data-testid^=nav-]').evaluateAll((els) => els.map((e) => e.dataset.testid))
    const pages = [...new Set(items)].filter((n) => n !== 'nav-toggle')
    assert.ok(pages.includes('nav-units') && pages.includes('nav-monitor'), `menu: ${pages}`)
    for (const nav of ['nav-map', 'nav-incidents', 'nav-stations', 'nav-vehicles', 'nav-users']) assert.ok(!pages.includes(nav), `${nav} is not offered`)
    for (const nav of pages) {
      await page.getByTestId(nav).first().click()
      await page.waitForTimeout(1500)
      const path = new URL(page.url()).pathname
      assert.equal(`nav-${path.split('/')[1] || 'home'}`, nav, `${nav} opens its own page, not a bounce: ${path}`)
      assert.equal(await page.getByTestId('register-create').count(), 0, `${nav}: no 新增`)
      assert.equal(await page.getByTestId('register-import').count(), 0, `${nav}: no 导入`)
      assert.equal(await page.locator('.el-message--error').count(), 0, `${nav}: no error message`)
    }
    assert.deepEqual(refused, [], 'no request was refused')
  })

  it('sees its own unit, alarms and devices only, and each button does something', async () => {
    await page.goto(`${BASE}/units`)
    await page.getByTestId('register-row').first().waitFor()
    const units = await page.getByTestId('register-row').count()
    assert.equal(units, 1, 'its unit only')
    await page.getByTestId('row-detail').first().click()
    assert.equal(await page.getByTestId('detail-map').count(), 0, 'no 地图 button: the unit manager has no map')
    await page.keyboard.press('Escape')
    await page.goto(`${BASE}/monitor`)
    await page.locator('[data-testid=alarm-row]').first().waitFor()
    await page.getByTestId('alarm-table').getByText('MINE-FAULT').first().waitFor()
    const unitsSeen = await page.getByTestId('alarm-row').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.unit))])
    assert.deepEqual(unitsSeen, [String(mine.id)], 'its unit’s alarms only')
    assert.equal(await page.getByTestId('alarm-table').getByText('OTHER-FAULT').count(), 0)
    assert.equal(await page.getByTestId('alarm-select').count(), 0, 'it handles no alarm: nothing to tick')
    // Its alarm's detail: read only, links only to what it may open.
    await page.getByTestId('alarm-open').first().click()
    await page.getByTestId('detail-summary').waitFor()
    assert.equal(await page.getByTestId('detail-unit-map').count(), 0)
    assert.equal(await page.getByTestId('handle-submit').count(), 0)
    await page.keyboard.press('Escape')
    for (const tab of ['stats', 'devices']) {
      await page.getByTestId(`tab-${tab}`).click()
      await page.waitForTimeout(800)
    }
    assert.equal(await page.getByTestId('tab-register').count(), 0)
    assert.equal(await page.getByTestId('tab-rules').count(), 0)
    await page.getByTestId('device-frames').first().waitFor()
    const deviceUnits = await page.getByTestId('device-row').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.unit))])
    assert.deepEqual(deviceUnits, [String(mine.id)], 'its unit’s devices only')
    // Its UITD of this run: the fault frame it sent.
    await page.getByTestId('device-table').locator('tr', { hasText: '队列测试' }).getByTestId('device-frames').first().click()
    await page.getByTestId('device-frames-drawer').getByTestId('frame-summary').filter({ hasText: /3回路7号/ }).first().waitFor()
    await page.screenshot({ path: shot('q04-unitmgr.png') })
    assert.deepEqual(refused, [], 'no request was refused')
    assert.deepEqual(errors, [])
  })
})
