// Client-side checks with Chinese messages (the same rules the server applies in
// huoyan-domain's validate.rs), and the server's 422 reasons put into the user's language.
import { i18n } from './i18n'

const t = (k: string, p?: Record<string, unknown>) => i18n.global.t(k, p || {})

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** GB 32100-2015 §5: the 18th character checks the first 17. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return t('valid.server.usccLen', { n: code.length })
  let sum = 0
  for (let i = 0; i < 18; i++) {
    const v = USCC_ALPHABET.indexOf(code[i])
    if (v < 0) return t('valid.server.usccChar', { n: i + 1, c: code[i] })
    if (i < 17) sum += v * USCC_WEIGHTS[i]
  }
  const check = (31 - (sum % 31)) % 31
  if (USCC_ALPHABET[check] !== code[17]) return t('valid.server.usccCheck', { expected: USCC_ALPHABET[check] })
  return null
}

/** A server reason (English, from the domain's checks) in the console's language. */
export function serverReason(message: string): string {
  const m = message.trim()
  let r: RegExpMatchArray | null
  if (m === 'must not be empty') return t('valid.server.empty')
  if (/^longer than/.test(m)) return t('valid.server.tooLong')
  if (m === 'contains control characters') return t('valid.server.control')
  if (/^longitude/.test(m)) return t('valid.server.lon')
  if (/^latitude/.test(m)) return t('valid.server.lat')
  if ((r = m.match(/is outside (-?[\d.]+)\.\.(-?[\d.]+)/))) return t('valid.server.outside', { range: `${r[1]}–${r[2]}` })
  if (/existing record/.test(m)) return t('valid.server.reference')
  if (/is not a date/.test(m)) return t('valid.server.date')
  if ((r = m.match(/must have 18 characters, got (\d+)/))) return t('valid.server.usccLen', { n: r[1] })
  if ((r = m.match(/check character is .*expected "?'?(.)"?'?/))) return t('valid.server.usccCheck', { expected: r[1] })
  if ((r = m.match(/character (.+) at position (\d+) is not allowed/))) return t('valid.server.usccChar', { n: Number(r[2]) + 1, c: r[1] })
  if (/already|duplicate|unique/i.test(m)) return t('valid.server.duplicate')
  return m
}
