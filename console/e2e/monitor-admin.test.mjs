// End-to-end tests of the administrator's screens of 监控中心 in Chromium against the running demo:
// 阈值规则 (the rules in force with their sources, a broken set refused with the rule named in
// Chinese and English and nothing changed, a set with a single-sensor rule loaded) and 设备登记 (a
// sensor registered with its token shown once and copied, a new token, a UITD registered and found
// in the device list, the server's refusals beside the fields); no edit controls for roles the API
// refuses; 390 px phone width. Own browser, own logins; screenshots in e2e/artifacts/.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, apiJson, apiToken, launch, login, shot } from './lib.mjs'

/** The select whose test id is `id`: types `text`, picks the option matching `option`. */
async function pick(page, id, text, option) {
  await page.getByTestId(id).click()
  if (text) await page.getByTestId(id).locator('input').fill(text)
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Sends one reading with a sensor's token: the status code. */
async function sendReading(address, token, value) {
  const r = await fetch(`${BASE}/api/v1/sensors/readings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Huoyan-Device-Token': token },
    body: JSON.stringify({ address, readings: [{ at: new Date().toISOString(), value }] }),
  })
  return r.status
}

const BROKEN = `
[[rule]]
measurement = "hydrant_pressure"
device = "hp-x"
comparison = "lt"
value = 0.2
unit = "MPa"
kind = "low_pressure"
source = "本地设定"
verified = false
`

describe('监控中心 阈值规则 and 设备登记', { timeout: 300_000 }, () => {
  let browser
  let ctx
  let page
  let admin
  const errors = []
  const stamp = (Date.now() % 0xffffffff).toString(16).padStart(8, '0')
  const sensorAddress = `e2e-hp-${stamp}`
  const uitdAddress = `e2e1${stamp}`
  let token1

  before(async () => {
    browser = await launch()
    ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE })
    page = await ctx.newPage()
    page.setDefaultTimeout(20_000)
    page.on('pageerror', (e) => errors.push(e.message))
    admin = await apiToken('admin')
  })

  after(async () => {
    await browser?.close()
  })

  it('shows the threshold rules with their sources', async () => {
    await login(page, 'admin')
    await page.getByTestId('nav-monitor').click()
    await page.getByTestId('tab-rules').click()
    await page.waitForURL(/tab=rules/)
    const table = page.getByTestId('rules-table')
    const hydrant = table.locator('tr', { has: page.locator('[data-testid=rule-row][data-measurement=hydrant_pressure]') })
    await hydrant.first().waitFor()
    assert.match(await hydrant.first().innerText(), /市政消火栓水压[\s\S]*低于 0\.14 MPa[\s\S]*低压[\s\S]*GB 50974-2014 7\.2\.8[\s\S]*已核实/)
    // Every rule shows its source; the unverified ones say so.
    const api = await apiJson(admin, 'thresholds')
    assert.equal(api.status, 200)
    const n = api.body.rules.rule.length
    assert.equal(await table.getByTestId('rule-row').count(), n)
    const sources = await table.getByTestId('rule-source').allInnerTexts()
    assert.deepEqual(sources.map((s) => s.trim()), api.body.rules.rule.map((r) => r.source))
    assert.equal(await table.getByTestId('rule-verified').filter({ hasText: '⚠ 未核实' }).count(), api.body.rules.rule.filter((r) => !r.verified).length)
    assert.equal(await page.getByTestId('rules-origin').getAttribute('data-origin'), 'shipped')
    assert.match(await page.getByTestId('rules-origin-label').innerText(), /出厂默认/)
    // The silence rules (离线判定): the shipped one for smoke alarms, 25 h, with its source.
    const silence = api.body.rules.silence
    assert.equal(await page.getByTestId('silence-row').count(), silence.length)
    const smoke = page.locator('[data-testid=silence-row][data-measurement=smoke]')
    assert.equal(silence.find((r) => r.measurement === 'smoke').after_secs, 90000)
    assert.match(await smoke.innerText(), /感烟[\s\S]*25 小时无读数判离线[\s\S]*本地设定/)
    await page.screenshot({ path: shot('a01-rules.png') })
  })

  it('refuses a broken set with the rule named, keeps the text and changes nothing', async () => {
    const before = await apiJson(admin, 'thresholds')
    await page.getByTestId('rules-edit').click()
    const area = page.getByTestId('rules-toml')
    assert.equal(await area.inputValue(), before.body.toml, 'the editor starts from the set in force')
    await area.fill(before.body.toml + BROKEN)
    await page.getByTestId('rules-load').click()
    const refused = page.getByTestId('rules-refused')
    await refused.waitFor()
    assert.match(await refused.innerText(), /规则集未载入，当前规则未改变/)
    assert.equal((await page.getByTestId('rules-error').innerText()).trim(), '第 8 条规则（市政消火栓水压）：传感器“hp-x”未登记')
    assert.match(await page.getByTestId('rules-error-raw').innerText(), /rule 8 \(hydrant_pressure\): device "hp-x" is not a registered sensor/)
    assert.match(await area.inputValue(), /device = "hp-x"/, 'the text is kept')
    const after = await apiJson(admin, 'thresholds')
    assert.deepEqual(after.body, before.body, 'nothing written')
    assert.equal(await page.getByTestId('rules-table').getByTestId('rule-row').count(), before.body.rules.rule.length)
    assert.equal(await page.locator('[data-testid=rule-row][data-device="hp-x"]').count(), 0)
    await page.screenshot({ path: shot('a02-rules-refused.png') })
    // In English the server's own words.
    await page.getByTestId('lang-toggle').click()
    await page.getByTestId('rules-refused').filter({ hasText: 'Rule set not loaded; the rules in force are unchanged' }).waitFor()
    assert.equal((await page.getByTestId('rules-error').innerText()).trim(), 'rule 8 (hydrant_pressure): device "hp-x" is not a registered sensor')
    assert.match(await page.getByTestId('rules-table').innerText(), /Hydrant pressure[\s\S]*below 0\.14 MPa/)
    await page.getByTestId('lang-toggle').click()
    await page.getByTestId('rules-error').filter({ hasText: '第 8 条规则' }).waitFor()
  })

  it('registers a sensor, shows its token once, and gives it a new one', async () => {
    await page.getByTestId('tab-register').click()
    const form = page.getByTestId('register-sensor')
    await form.waitFor()
    // Checked here first: a hydrant pressure sensor names its hydrant.
    await page.getByTestId('sensor-submit').click()
    await form.locator('.el-form-item__error', { hasText: '市政消火栓水压传感器须指定所监测的消火栓' }).waitFor()
    await form.locator('.el-form-item__error', { hasText: '传感器地址应为 4–64 位' }).waitFor()
    const water = (await apiJson(admin, 'water_sources?limit=1&sort=id')).body.items[0]
    await pick(page, 'sensor-water', water.code, water.code)
    await page.getByTestId('sensor-address').fill(sensorAddress)
    await page.getByTestId('sensor-name').fill(`E2E 消火栓压力 ${water.code}`)
    // Then by the server: an unknown building, beside its field.
    await page.getByTestId('sensor-building').fill('99999999')
    await page.getByTestId('sensor-submit').click()
    await form.locator('.el-form-item__error', { hasText: '您的辖区内没有编号为 99999999 的记录' }).waitFor()
    assert.equal((await apiJson(admin, 'devices')).body.filter((d) => d.address === sensorAddress).length, 0)
    await page.getByTestId('sensor-building').fill('')
    await page.getByTestId('sensor-submit').click()
    const dialog = page.getByTestId('token-dialog')
    await dialog.getByTestId('token-warning').filter({ hasText: '令牌只显示这一次，关闭后无法再次查看' }).waitFor()
    token1 = (await page.getByTestId('sensor-token').innerText()).trim()
    assert.match(token1, /^[0-9a-f]{64}$/)
    await page.getByTestId('token-copy').click()
    await dialog.getByTestId('token-copy').filter({ hasText: '已复制' }).waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token1)
    await page.screenshot({ path: shot('a03-sensor-token.png') })
    await page.getByTestId('token-done').click()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await page.getByTestId('sensor-token').count(), 0, 'not shown again')
    // The token is the sensor's: a reading is accepted.
    assert.equal(await sendReading(sensorAddress, token1, 0.3), 200)
    const reg = (await apiJson(admin, 'devices')).body.find((d) => d.address === sensorAddress)
    assert.equal(reg.kind, 'sensor')
    assert.equal(reg.measurement, 'hydrant_pressure')
    assert.equal(reg.water_source_id, water.id)
    // A new token: the old one stops working.
    const row = page.locator(`[data-testid=sensor-row][data-address="${sensorAddress}"]`)
    await row.getByTestId('sensor-rotate').click()
    await page.locator('.el-popconfirm:visible').getByRole('button', { name: '更换令牌' }).click()
    await dialog.getByTestId('token-warning').waitFor()
    const token2 = (await page.getByTestId('sensor-token').innerText()).trim()
    assert.match(token2, /^[0-9a-f]{64}$/)
    assert.notEqual(token2, token1)
    await page.getByTestId('token-done').click()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await sendReading(sensorAddress, token1, 0.3), 401)
    assert.equal(await sendReading(sensorAddress, token2, 0.31), 200)
  })

  it('loads a set with a rule for that sensor and marks it in the table', async () => {
    await page.getByTestId('tab-rules').click()
    const own = `
[[rule]]
measurement = "hydrant_pressure"
device = "${sensorAddress}"
comparison = "lt"
value = 0.25
unit = "MPa"
hysteresis = 0.02
kind = "low_pressure"
source = "本地设定（E2E 测试管段设计压力）"
verified = false
note = "该消火栓所在管段平时压力较高，单独设定"
`
    const area = page.getByTestId('rules-toml')
    await page.getByTestId('rules-revert').click()
    await area.fill((await area.inputValue()) + own)
    await page.getByTestId('rules-load').click()
    const marked = page.getByTestId('rules-table').locator('tr', { has: page.locator(`[data-testid=rule-row][data-device="${sensorAddress}"]`) })
    await marked.waitFor()
    // Numbered as the server numbers rules in its refusals: the 8th.
    assert.match(await marked.innerText(), /^\s*8\s/)
    assert.match(await marked.innerText(), new RegExp(`单个传感器规则[\\s\\S]*${sensorAddress}[\\s\\S]*低于 0\\.25 MPa[\\s\\S]*本地设定（E2E 测试管段设计压力）[\\s\\S]*⚠ 未核实`))
    assert.equal(await page.getByTestId('rules-refused').count(), 0)
    await page.locator('[data-testid=rules-origin][data-origin=api]').waitFor()
    assert.match(await page.getByTestId('rules-loaded').innerText(), /由 admin 于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} 载入/)
    // The general hydrant rule is still there for the other sensors.
    assert.equal(await page.locator('[data-testid=rules-table] [data-testid=rule-row][data-measurement=hydrant_pressure][data-device=""]').count(), 1)
    const api = await apiJson(admin, 'thresholds')
    assert.equal(api.body.origin, 'api')
    assert.equal(api.body.loaded_by, 'admin')
    assert.equal(api.body.rules.rule.filter((r) => r.device === sensorAddress).length, 1)
    await page.reload()
    await page.locator(`[data-testid=rules-table] [data-testid=rule-row][data-device="${sensorAddress}"]`).waitFor()
    await page.screenshot({ path: shot('a04-rules-own-sensor.png') })
  })

  it('registers a UITD and shows it in the device list', async () => {
    await page.getByTestId('tab-register').click()
    const unit = (await apiJson(admin, 'units?limit=1&sort=name')).body.items[0]
    const form = page.getByTestId('register-uitd')
    await pick(page, 'uitd-unit', unit.name, unit.name)
    await page.getByTestId('uitd-name').fill(`${unit.name} E2E 传输装置`)
    // Checked here: 12 hex digits.
    await page.getByTestId('uitd-address').fill('12345')
    await page.getByTestId('uitd-submit').click()
    await form.locator('.el-form-item__error', { hasText: '设备地址应为 12 位十六进制数' }).waitFor()
    // Refused by the server: the address of a demo UITD is taken.
    const taken = (await apiJson(admin, 'devices')).body.find((d) => d.kind === 'uitd').address
    await page.getByTestId('uitd-address').fill(taken)
    await page.getByTestId('uitd-submit').click()
    await form.locator('.el-form-item__error', { hasText: '该地址的设备已登记' }).waitFor()
    await page.getByTestId('uitd-address').fill(uitdAddress)
    await page.getByTestId('uitd-submit').click()
    await page.getByTestId('uitd-done').filter({ hasText: uitdAddress }).waitFor()
    const d = (await apiJson(admin, 'devices')).body.find((x) => x.address === uitdAddress)
    assert.equal(d.kind, 'uitd')
    assert.equal(d.unit_id, unit.id)
    assert.equal(d.jurisdiction_id, unit.jurisdiction_id)
    await page.getByTestId('uitd-show').click()
    await page.waitForURL(/tab=devices/)
    const row = page.getByTestId('device-table').locator('tr', { hasText: uitdAddress })
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(`E2E 传输装置[\\s\\S]*${unit.name}`))
    assert.equal(await page.getByTestId('device-table').getByTestId('device-row').count(), 1, 'filtered to the new device')
    // The sensor is in the list too, marked as one.
    await page.getByTestId('device-q').fill(sensorAddress)
    await page.getByTestId('device-table').locator('tr', { hasText: sensorAddress }).getByTestId('device-sensor').filter({ hasText: '传感器 · 市政消火栓水压' }).waitFor()
    await page.screenshot({ path: shot('a05-devices-new.png') })
  })

  it('shows no edit controls to roles the API refuses', async () => {
    for (const user of ['dispatcher', 'leader', 'inspector']) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
      const p = await c.newPage()
      await login(p, user)
      await p.goto(`${BASE}/monitor?tab=rules`)
      await p.locator('[data-testid=rule-row][data-measurement=hydrant_pressure]').first().waitFor()
      await p.getByTestId('rules-readonly').waitFor()
      assert.equal(await p.getByTestId('rules-edit').count(), 0, `${user}: no rule editing`)
      assert.equal(await p.getByTestId('rules-toml').count(), 0)
      const tok = await apiToken(user)
      const put = await apiJson(tok, 'thresholds', { method: 'PUT', headers: { 'Content-Type': 'application/toml' }, body: 'id = "x"' })
      assert.equal(put.status, 403, `${user}: the API refuses too`)
      // 设备登记 only where the API lets the role write devices (the inspector may).
      const me = await apiJson(tok, 'auth/me')
      const writes = me.body.permissions.some((x) => x.resource === 'device' && x.write)
      assert.equal(await p.getByTestId('tab-register').count(), writes ? 1 : 0, `${user}: 设备登记 tab`)
      if (!writes) {
        await p.goto(`${BASE}/monitor?tab=register`)
        await p.getByTestId('monitor-queue').waitFor()
        assert.equal(await p.getByTestId('device-register').count(), 0)
      }
      await c.close()
    }
  })

  it('works at phone width (390 px)', async () => {
    const c = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const p = await c.newPage()
    await login(p, 'admin')
    const overflow = () => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    await p.goto(`${BASE}/monitor?tab=rules`)
    await p.getByTestId('rules-cards').locator(`[data-testid=rule-row][data-device="${sensorAddress}"]`).getByTestId('rule-one-sensor').waitFor()
    assert.ok((await overflow()) <= 0, `rules: ${await overflow()} px sideways`)
    await p.screenshot({ path: shot('a06-phone-rules.png') })
    await p.goto(`${BASE}/monitor?tab=register`)
    await p.getByTestId('register-sensor').waitFor()
    assert.ok((await overflow()) <= 0, `register: ${await overflow()} px sideways`)
    await p.screenshot({ path: shot('a07-phone-register.png'), fullPage: true })
    await c.close()
  })

  it('raised no page errors', () => {
    assert.deepEqual(errors, [])
  })
})
