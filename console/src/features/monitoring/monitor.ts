// The monitoring centre (监控中心): the API's alarms, devices, frames and KPIs as the console uses
// them, the alarm terms (kinds with their levels, results; from /api/v1/terms), the queue's
// priority order and filters applied to alarms that arrive live over SSE, its unhandled counts and
// batch handling.
import { api, type Page } from '../../shared/api/client'
import type { Schema } from '../../shared/api/schema'
import { i18n } from '../../shared/i18n'
import { terms, termLabel } from '../../shared/terms'

/**
 * An alarm. The document leaves `detail` untyped (a JSON object the monitor writes); the console
 * reads its unit name and merged components.
 */
export type Alarm = Omit<Schema<'Alarm'>, 'detail'> & { detail: { unit_name?: string | null; components?: AlarmComponent[] } & Record<string, unknown> }

export interface AlarmComponent {
  text?: string
  bits?: string[]
  time?: unknown
}

/** A device as GET /devices lists it (with its unit's name). */
export type Device = Schema<'DeviceListing'>

/** A frame of GET /devices/{id}/frames: the document gives this answer no schema. */
export interface FrameLine {
  id: number
  received_at: string
  device_address: string
  serial: number
  command: number
  adu_type: number | null
  raw: string
  quarantined: boolean
  summary: string
}

export type Kpis = Schema<'MonitoringKpis'>

/** The queue header's unhandled counts (GET /alarms/counts). */
export type AlarmCounts = Schema<'AlarmCounts'>

/** The queue's filters (the URL keeps them). `status` is a view: unhandled = open + escalated. */
export interface AlarmQuery {
  status: 'unhandled' | 'escalated' | 'handled' | 'all'
  kind: string
  level: string
  unit_id: number | null
}

const STATUS_PARAM: Record<AlarmQuery['status'], string | undefined> = {
  unhandled: 'open,escalated',
  escalated: 'escalated',
  handled: 'handled',
  all: undefined,
}

export function listAlarms(q: AlarmQuery, limit: number, offset: number, signal?: AbortSignal): Promise<Page<Alarm>> {
  return api.get<Page<Alarm>>(
    'alarms',
    { status: STATUS_PARAM[q.status], kind: q.kind || undefined, level: q.level || undefined, unit_id: q.unit_id ?? undefined, sort: 'priority', limit, offset },
    signal,
  )
}

/** Whether an alarm belongs in the queue under these filters (for alarms arriving live). */
export function matches(a: Alarm, q: AlarmQuery): boolean {
  if (q.status === 'unhandled' && a.status === 'handled') return false
  if (q.status === 'escalated' && a.status !== 'escalated') return false
  if (q.status === 'handled' && a.status !== 'handled') return false
  if (q.kind && a.kind !== q.kind) return false
  if (q.level && a.level !== q.level) return false
  if (q.unit_id && a.unit_id !== q.unit_id) return false
  return true
}

/**
 * An alarm's place in the queue, as the server's `sort=priority` (`priority_rank` in
 * huoyan-monitor's store): unhandled 火警 first (overdue ones first among them), then the other
 * overdue (超时未处理), then the other unhandled by level, then the handled.
 */
export function priorityRank(a: Pick<Alarm, 'status' | 'level'>): number {
  if (a.status === 'handled') return 5
  if (a.level === 'fire') return a.status === 'escalated' ? 0 : 1
  if (a.status === 'escalated') return 2
  return a.level === 'warning' ? 3 : 4
}

/** The queue order: by [priorityRank], then newest first. */
export function queueOrder(a: Alarm, b: Alarm): number {
  return priorityRank(a) - priorityRank(b) || b.id - a.id
}

export function alarmCounts(unitId: number | null, signal?: AbortSignal): Promise<AlarmCounts> {
  return api.get<AlarmCounts>('alarms/counts', { unit_id: unitId ?? undefined }, signal)
}

export const LEVELS = ['fire', 'warning', 'info'] as const

/** Element Plus tag type of a level: 火警 red, 预警 amber, 信息 grey. */
export function levelType(level: string): 'danger' | 'warning' | 'info' {
  return level === 'fire' ? 'danger' : level === 'warning' ? 'warning' : 'info'
}

export function kindLabel(kind: string): string {
  return termLabel('alarm_kind', kind)
}

export function kindOptions(): { value: string; label: string; level: string }[] {
  return (terms.groups.alarm_kind || []).map((k) => ({ value: k.code, label: kindLabel(k.code), level: k.level || 'warning' }))
}

/** A result in the users' words: 火警 has its own (确认真实火警), other kinds say 确认属实. */
export function resultLabel(kind: string, result: string | null | undefined): string {
  if (!result) return ''
  if (i18n.global.locale.value === 'en') {
    const key = kind === 'fire' && result === 'real' ? 'monitor.result.real_fire' : `monitor.result.${result}`
    return i18n.global.te(key) ? i18n.global.t(key) : result
  }
  const r = terms.groups.alarm_result?.find((x) => x.code === result)
  if (!r) return result
  return kind === 'fire' ? r.zh_fire || r.zh : r.zh
}

/** Results an operator may give (the API's `Handling.result`). */
export const HANDLE_RESULTS = ['real', 'false', 'test', 'ignored'] as const

export function handleAlarm(id: number, result: string, note: string): Promise<Alarm> {
  const body: Schema<'Handling'> = { result, note: note.trim() || undefined }
  return api.post<Alarm>(`alarms/${id}/handle`, body)
}

/** Results a batch may give: 确认真实 is one alarm at a time (POST /alarms/handle refuses it). */
export const BATCH_RESULTS = ['false', 'test', 'ignored'] as const

/** The most alarms one batch may handle (the server's `MAX_BATCH`). */
export const MAX_BATCH = 100

/** Many alarms, one result, one note: all handled or none (the server names the first refused). */
export function handleAlarms(ids: number[], result: string, note: string): Promise<Alarm[]> {
  const body: Schema<'BatchHandling'> = { ids, result, note: note.trim() || undefined }
  return api.post<Alarm[]>('alarms/handle', body)
}

/** Seconds as 12 秒 / 3 分 20 秒 / 1 时 5 分. */
export function duration(s: number | null | undefined): string {
  if (s === null || s === undefined || Number.isNaN(s)) return '—'
  const t = i18n.global.t
  if (s < 60) return t('monitor.sec', { n: s < 10 ? s.toFixed(1) : Math.round(s) })
  const m = Math.floor(s / 60)
  if (m < 60) return t('monitor.minSec', { m, s: Math.round(s % 60) })
  return t('monitor.hourMin', { h: Math.floor(m / 60), m: m % 60 })
}
