// IoT sensors (物联网传感器) and the threshold rules (阈值规则) as the console uses them: the
// measurement types (the server's `huoyan_store::sensors::MEASUREMENTS`, which /api/v1/terms does
// not list), the rule set in force and loading one, registering UITDs and sensors, and the server's
// refusals (rule set, device fields, readings) in the user's language by their codes.
import { ApiError, api, request } from '../../shared/api/client'
import { i18n } from '../../shared/i18n'
import type { Schema } from '../../shared/api/schema'
import { codeMessage, codeText, refusalText, type Coded } from '../../shared/validate'

const t = (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p || {})

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

/** The params of the monitoring codes in the users' words: measurements by their names (`m`, `has`, `want`). */
function sensorWords(p: Record<string, unknown>): Record<string, unknown> {
  const out = { ...p }
  if (typeof p.measurement === 'string') out.m = measurementLabel(p.measurement)
  for (const k of ['has', 'want'] as const) if (typeof p[k] === 'string') out[k] = measurementLabel(p[k] as string)
  if (typeof p.list === 'string') out.list = t(`sensor.list.${p.list}`)
  return out
}

/** A refused device field, reading or request of the monitoring module in the user's language. */
export function sensorText(f: Coded): string {
  return codeText(f, ['sensor.code'], sensorWords)
}

/** The message of a refused request (a token rotation …). */
export function sensorRefusal(e: unknown): string {
  return refusalText(e, ['sensor.code'], sensorWords)
}

/**
 * Why the server refused a rule set (its field `rules`), in the user's language: the rule's number
 * and measurement (“第 8 条规则（市政消火栓水压）：”), then what is wrong; the server's words for a code
 * not known here.
 */
export function rulesProblem(f: Coded): string {
  const p = f.params || {}
  if (f.code === 'rules_syntax' && p.line == null) return t('sensor.syntax')
  const reason = codeMessage(f, ['sensor.ruleCode', 'sensor.code'], sensorWords)
  if (reason === null) return f.message
  if (p.rule != null) return t('sensor.ruleAt', { ...sensorWords(p), reason })
  if (p.silence_rule != null) return t('sensor.silenceAt', { ...sensorWords(p), reason })
  return reason
}

/**
 * The field errors of a refused registration, in the user's language: the 422 fields, and the
 * field of a 409 (address taken) or 403 (outside the caller's jurisdiction); anything else is general.
 */
export function registrationErrors(e: unknown): { fields: Record<string, string>; general: string } {
  const fields: Record<string, string> = {}
  if (e instanceof ApiError) {
    for (const f of e.fields) fields[f.field] = sensorText(f)
    if (Object.keys(fields).length) return { fields, general: '' }
    return { fields, general: e.message }
  }
  return { fields, general: (e as Error).message }
}

export type SensorRegistration = Schema<'SensorRegistration'>
export type NewUitd = Schema<'DeviceInput'>
export type NewSensor = Schema<'NewSensor'>

export const registerUitd = (d: NewUitd) => api.post<Schema<'Device'>>('devices', d)
export const registerSensor = (s: NewSensor) => api.post<SensorRegistration>('sensors', s)
export const rotateToken = (id: number) => api.post<SensorRegistration>(`sensors/${id}/token`)
