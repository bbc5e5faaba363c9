// Vocabularies (codes and the users' Chinese terms) from /api/v1/terms, with English labels from
// the English messages when the console is switched to English.
import { reactive } from 'vue'
import { api } from './api/client'
import { i18n } from './i18n'
import en from './locale.en'

export interface Term {
  code: string
  zh: string
  /** alarm_kind: its level (fire, warning, info). */
  level?: string
  /** alarm_result: the term for a 火警 (e.g. 确认真实火警 where other kinds say 确认属实). */
  zh_fire?: string
}
export type TermGroup =
  | 'station_kind' | 'station_status' | 'vehicle_family' | 'vehicle_status' | 'water_kind' | 'water_status'
  | 'road_class' | 'use_category' | 'unit_class' | 'role' | 'jurisdiction_level' | 'alarm_kind' | 'alarm_result'
  | 'incident_category' | 'incident_status' | 'timeline_stage' | 'dispatch_status'

export const terms = reactive<{ loaded: boolean; groups: Partial<Record<TermGroup, Term[]>> }>({ loaded: false, groups: {} })

let loading: Promise<void> | null = null
export function loadTerms(): Promise<void> {
  if (!loading) {
    loading = api
      .get<Record<TermGroup, Term[]>>('terms')
      .then((g) => {
        terms.groups = g
        terms.loaded = true
      })
      .catch((e) => {
        loading = null
        throw e
      })
  }
  return loading
}

const enTerms = (en as unknown as { terms: Record<string, Record<string, string>> }).terms

/** The label of a code in the current language. */
export function termLabel(group: TermGroup, code: string | null | undefined): string {
  if (!code) return ''
  if (i18n.global.locale.value === 'en') {
    const e = enTerms[group]?.[code]
    if (e) return e
    return code.replace(/_/g, ' ')
  }
  return terms.groups[group]?.find((t) => t.code === code)?.zh || code
}

export function termOptions(group: TermGroup): { value: string; label: string }[] {
  return (terms.groups[group] || []).map((t) => ({ value: t.code, label: termLabel(group, t.code) }))
}
