// vue-i18n with the shared messages and each feature's own (`features/*/locale.<lang>.ts`, each a
// set of top-level namespaces), and the language choice kept in localStorage.
import { createI18n } from 'vue-i18n'
import sharedZh from './locale.zh-CN'
import sharedEn from './locale.en'
import authZh from '../features/auth/locale.zh-CN'
import authEn from '../features/auth/locale.en'
import dashboardZh from '../features/dashboard/locale.zh-CN'
import dashboardEn from '../features/dashboard/locale.en'
import mapZh from '../features/map/locale.zh-CN'
import mapEn from '../features/map/locale.en'
import registersZh from '../features/registers/locale.zh-CN'
import registersEn from '../features/registers/locale.en'
import usersZh from '../features/users/locale.zh-CN'
import usersEn from '../features/users/locale.en'
import monitoringZh from '../features/monitoring/locale.zh-CN'
import monitoringEn from '../features/monitoring/locale.en'
import incidentsZh from '../features/incidents/locale.zh-CN'
import incidentsEn from '../features/incidents/locale.en'

export type Locale = 'zh-CN' | 'en'

type Messages = Record<string, unknown>
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** The namespaces of the parts as one message tree; a namespace defined twice is a mistake. */
function merge<P extends Messages[]>(...parts: P): Intersect<P[number]> {
  const out: Messages = {}
  for (const part of parts) {
    for (const [ns, v] of Object.entries(part)) {
      if (ns in out) throw new Error(`locale namespace "${ns}" is defined twice`)
      out[ns] = v
    }
  }
  return out as Intersect<P[number]>
}

const zhCN = merge(sharedZh, authZh, dashboardZh, mapZh, registersZh, usersZh, monitoringZh, incidentsZh)
const en = merge(sharedEn, authEn, dashboardEn, mapEn, registersEn, usersEn, monitoringEn, incidentsEn)

const KEY = 'huoyan.locale'

function initial(): Locale {
  try {
    const v = localStorage.getItem(KEY)
    if (v === 'en' || v === 'zh-CN') return v
  } catch {
    /* private mode */
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initial(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(l: Locale) {
  i18n.global.locale.value = l
  try {
    localStorage.setItem(KEY, l)
  } catch {
    /* ignore */
  }
  document.documentElement.lang = l
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}
