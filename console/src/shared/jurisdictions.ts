// The names of the jurisdictions the signed-in account may read (GET /api/v1/jurisdictions), loaded
// once per session and shared, so that a screen shows 辖区 by name and never a raw id. A role that
// may not read jurisdictions (a unit manager) gets an empty map: the field is then not shown.
import { reactive } from 'vue'
import { api } from './api/client'

const names = reactive(new Map<number, string>())
let loading: Promise<void> | null = null

/** Loads the names (once); resolves even when the role may not read them. */
export function loadJurisdictionNames(): Promise<void> {
  loading ??= api
    .get<{ id: number; name: string }[]>('jurisdictions')
    .then((js) => {
      for (const j of js) names.set(j.id, j.name)
    })
    .catch(() => undefined)
  return loading
}

/** The name of jurisdiction `id`, or '' when it is not known here. */
export function jurisdictionName(id: unknown): string {
  return typeof id === 'number' ? names.get(id) || '' : ''
}

/** Forgets the names (on sign-out: another account may see others). */
export function forgetJurisdictionNames() {
  names.clear()
  loading = null
}
