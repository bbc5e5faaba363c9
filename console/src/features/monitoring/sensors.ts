// IoT sensors (物联网传感器) and the threshold rules (阈值规则) as the console uses them: the
// measurement types (the server's `huoyan_store::sensors::MEASUREMENTS`, which /api/v1/terms does
// not list), the rule set in force and loading one, registering UITDs and sensors, and the server's
// English reasons (rule set refused, device fields) put into the user's language.
import { ApiError, api, request } from '../../shared/api/client'
import { i18n } from '../../shared/i18n'
import type { Schema } from '../../shared/api/schema'

const t = (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p || {})
const zh = () => i18n.global.locale.value !== 'en'

/** What a sensor measures: code, unit, and whether it names the hydrant it watches. */
export interface Measurement {
  code: string
  unit: string
  needsWaterSource: boolean
}

/** As `huoyan_store::sensors::MEASUREMENTS` (names in the locale files, `sensor.m.<code>`). */
export const MEASUREMENTS: Measurement[] = [
  { code: 'hydrant_pressure', unit: 'MPa', needsWaterSource: true },
  { code: 'sprinkler_pressure', unit: 'MPa', needsWaterSource: false },
  { code: 'tank_level', unit: 'm', needsWaterSource: false },
  { code: 'residual_current', unit: 'mA', needsWaterSource: false },
  { code: 'cable_temperature', unit: '°C', needsWaterSource: false },
  { code: 'gas_lel', unit: '%LEL', needsWaterSource: false },
  { code: 'smoke', unit: 'state', needsWaterSource: false },
]

export function measurement(code: string | null | undefined): Measurement | undefined {
  return MEASUREMENTS.find((m) => m.code === code)
}

/** 市政消火栓水压 (or the code itself when unknown). */
export function measurementLabel(code: string | null | undefined): string {
  if (!code) return ''
  const k = `sensor.m.${code}`
  return i18n.global.te(k) ? t(k) : code
}

export type ThresholdRule = Schema<'ThresholdRule'>
/** How long a sensor may stay silent before it is offline (离线): a measurement's, or one sensor's. */
export type SilenceRule = Schema<'SilenceRule'>
/** The set in force; `origin` is shipped, api, cli or file:<path>. */
export type ThresholdsInForce = Schema<'ThresholdsInForce'>

export const CMP_SIGN: Record<string, string> = { lt: '<', le: '≤', gt: '>', ge: '≥' }

export function getThresholds(): Promise<ThresholdsInForce> {
  return api.get<ThresholdsInForce>('thresholds')
}

/** Loads a rule set (TOML). A refused set (422) throws an ApiError; nothing is written then. */
export function putThresholds(toml: string): Promise<ThresholdsInForce> {
  return request<ThresholdsInForce>('thresholds', { method: 'PUT', raw: { data: new Blob([toml]), type: 'application/toml' } })
}

/** Where the set in force came from: 出厂默认, 控制台/接口载入, 命令行载入, 文件 …. */
export function originLabel(origin: string): string {
  if (origin.startsWith('file:')) return t('sensor.rules.originFile', { path: origin.slice(5) })
  const k = `sensor.rules.origin.${origin}`
  return i18n.global.te(k) ? t(k) : origin
}

/** Why the server refused a rule set, in the user's language (English: the server's own text). */
export function rulesProblem(reason: string): string {
  const r = reason.trim()
  if (!zh()) return r
  let m: RegExpMatchArray | null
  if ((m = r.match(/^rule (\d+) \(([^)]*)\): ([\s\S]*)$/))) {
    return t('sensor.err.rule', { n: m[1], m: measurementLabel(m[2]), reason: ruleReason(m[3]) })
  }
  if ((m = r.match(/^not a threshold rule set: [\s\S]*?line (\d+), column (\d+)/))) return t('sensor.err.syntaxAt', { line: m[1], col: m[2] })
  if (/^not a threshold rule set/.test(r)) return t('sensor.err.syntax')
  if (/^id and name/.test(r)) return t('sensor.err.idName')
  if (/^a rule set has/.test(r)) return t('sensor.err.count')
  return r
}

function ruleReason(s: string): string {
  let m: RegExpMatchArray | null
  if (s === 'unknown measurement') return t('sensor.err.measurement')
  if ((m = s.match(/^unit "(.*)": readings of \S+ are in (.+)$/))) return t('sensor.err.unit', { unit: m[1], expected: m[2] })
  if (/^value must/.test(s)) return t('sensor.err.value')
  if (/^hysteresis/.test(s)) return t('sensor.err.hysteresis')
  if ((m = s.match(/^kind "(.*)" is not a sensor alarm kind/))) return t('sensor.err.kind', { kind: m[1] })
  if (/cites its source/.test(s)) return t('sensor.err.source')
  if (/^a fire is handled/.test(s)) return t('sensor.err.fire')
  if ((m = s.match(/^device "(.*)" is not a registered sensor/))) return t('sensor.err.unregistered', { device: m[1] })
  if ((m = s.match(/^device "(.*)" measures (\S+), not (\S+)/))) {
    return t('sensor.err.otherMeasurement', { device: m[1], has: measurementLabel(m[2]), want: measurementLabel(m[3]) })
  }
  if ((m = s.match(/^device "(.*)": a sensor address/))) return t('sensor.err.address', { device: m[1] })
  return s
}

/** A refused device field (422 reason or 409) in the user's language. */
export function deviceReason(message: string): string {
  const s = message.trim()
  if (!zh()) return s
  let m: RegExpMatchArray | null
  if (/12 hex digits/.test(s)) return t('sensor.reg.err.uitdAddress')
  if (/sensor address is 4/.test(s)) return t('sensor.reg.err.sensorAddress')
  if ((m = s.match(/^jurisdiction (\d+) does not exist/))) return t('sensor.reg.err.jurisdiction', { id: m[1] })
  if ((m = s.match(/^no record (\d+) in your jurisdiction/))) return t('sensor.reg.err.noRecord', { id: m[1] })
  if (/names the hydrant it watches/.test(s)) return t('sensor.reg.err.water')
  if (/is already registered/.test(s)) return t('sensor.reg.err.taken')
  if (/^1–200 characters/.test(s)) return t('sensor.reg.err.name')
  if (/^outside your jurisdiction/.test(s)) return t('sensor.reg.err.scope')
  return s
}

/**
 * The field errors of a refused registration: 422 reasons by field, a 409 (address taken) on the
 * address, a 403 (outside the caller's jurisdiction) on the jurisdiction; anything else is general.
 */
export function registrationErrors(e: unknown): { fields: Record<string, string>; general: string } {
  const fields: Record<string, string> = {}
  if (e instanceof ApiError) {
    for (const f of e.fields) fields[f.field] = f.message
    if (!e.fields.length && e.status === 409) fields.address = e.message
    if (!e.fields.length && e.status === 403 && /jurisdiction/.test(e.message)) fields.jurisdiction_id = e.message
    if (Object.keys(fields).length) return { fields, general: '' }
    return { fields, general: deviceReason(e.message) }
  }
  return { fields, general: (e as Error).message }
}

export type SensorRegistration = Schema<'SensorRegistration'>
export type NewUitd = Schema<'DeviceInput'>
export type NewSensor = Schema<'NewSensor'>

export const registerUitd = (d: NewUitd) => api.post<Schema<'Device'>>('devices', d)
export const registerSensor = (s: NewSensor) => api.post<SensorRegistration>('sensors', s)
export const rotateToken = (id: number) => api.post<SensorRegistration>(`sensors/${id}/token`)
