// Client-side checks with Chinese messages (the same rules the server applies in
// huoyan-domain's validate.rs), and the server's refusals put into the user's language by their
// stable `code` and `params` (docs/ARCHITECTURE.md, "Error codes"); the server's own words only
// when a code is unknown here.
import { ApiError } from './api/client'
import { i18n } from './i18n'
import { termLabel, type TermGroup } from './terms'

const t = (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p || {})

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** GB 32100-2015 §5: the 18th character checks the first 17 (the server's codes' messages). */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return t('valid.code.uscc_length', { n: code.length })
  let sum = 0
  for (let i = 0; i < 18; i++) {
    const v = USCC_ALPHABET.indexOf(code[i])
    if (v < 0) return t('valid.code.uscc_character', { position: i + 1, character: code[i] })
    if (i < 17) sum += v * USCC_WEIGHTS[i]
  }
  const check = (31 - (sum % 31)) % 31
  if (USCC_ALPHABET[check] !== code[17]) return t('valid.code.uscc_check_character', { expected: USCC_ALPHABET[check] })
  return null
}

/** A refusal with its code: a refused field, or the field of a coded 409/403. */
export interface Coded {
  code?: string
  params?: Record<string, unknown>
  /** The server's words. */
  message: string
}

/** Puts a feature's words into the params (a stage's or a measurement's name for its code …). */
export type ParamWords = (params: Record<string, unknown>) => Record<string, unknown>

/** The kernel's params that are vocabulary codes, shown as the users' terms. */
const TERM_PARAMS: Record<string, Record<string, TermGroup>> = {
  vehicle_status: { status: 'vehicle_status', expected: 'vehicle_status' },
  level_order: { level: 'jurisdiction_level', parent: 'jurisdiction_level' },
}

/** `min`..`max` as the user reads it: “0–300”, “≥ 0”, “≤ 1000000”. */
function range(p: Record<string, unknown>): string {
  const has = (v: unknown) => v !== undefined && v !== null
  if (has(p.min) && has(p.max)) return `${p.min}–${p.max}`
  if (has(p.min)) return `≥ ${p.min}`
  if (has(p.max)) return `≤ ${p.max}`
  return ''
}

/**
 * A coded refusal in the user's language: the first of `<prefix>.<code>` for the feature's
 * prefixes (e.g. `incident.code`), then `valid.code.<code>`, with the params interpolated (and
 * `range` made of `min` and `max`); null when no message knows the code.
 */
export function codeMessage(f: Coded, prefixes: string[] = [], words?: ParamWords): string | null {
  if (!f.code) return null
  const key = [...prefixes, 'valid.code'].map((p) => `${p}.${f.code}`).find((k) => i18n.global.te(k))
  if (!key) return null
  const params = { ...(f.params || {}) }
  params.range = range(params)
  for (const [name, group] of Object.entries(TERM_PARAMS[f.code] || {})) params[name] = termLabel(group, params[name] as string)
  return t(key, words ? words(params) : params)
}

/** A coded refusal in the user's language ([`codeMessage`]), else the server's words. */
export function codeText(f: Coded, prefixes: string[] = [], words?: ParamWords): string {
  return codeMessage(f, prefixes, words) ?? f.message
}

/** The message of a refused request: its fields' codes in the user's language, or its message. */
export function refusalText(e: unknown, prefixes: string[] = [], words?: ParamWords): string {
  if (e instanceof ApiError) {
    if (e.fields.length) return e.fields.map((f) => codeText(f, prefixes, words)).join('；')
    return e.message
  }
  return (e as Error)?.message || String(e)
}
