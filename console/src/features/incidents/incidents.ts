// Incidents (接处警) on the console: the shapes the server answers (routes/incidents.rs), the
// dispatch plans' categories and sub-types, the timeline's next stages, and display helpers
// (ETA as “3分20秒”, status colours). The screens are IncidentsView.vue (list and intake)
// and IncidentBoardView.vue (the board).
import type * as GJ from 'geojson'
import { api, type Page } from '../../shared/api/client'
import type { Answer, Body, Schema } from '../../shared/api/schema'
import { i18n } from '../../shared/i18n'
import { codeText, refusalText, type Coded } from '../../shared/validate'
import { termLabel } from '../../shared/terms'
import { shanghai } from '../../shared/format'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

export type Category = Schema<'IncidentCategory'>
export const CATEGORIES: Category[] = ['fire', 'rescue', 'social_assistance', 'security_duty', 'false_alarm']
export const LEVELS = [1, 2, 3, 4, 5]
export type IncidentStatus = Schema<'IncidentStatus'>
export type Incident = Schema<'Incident'>
export type Assignment = Schema<'Assignment'>
export type Unfilled = Schema<'Unfilled'>
export type Alert = Schema<'Alert'>
export type Recommendation = Schema<'Recommendation'>
export type TimelineEntry = Schema<'TimelineEntry'>
export type Stage = Schema<'Stage'>
export type DispatchStatus = Schema<'DispatchStatus'>
/** A dispatch as the board lists it: the register's row with its vehicle's and station's names. */
export type Dispatch = Schema<'Dispatch'> & { vehicle_name?: string | null; station_name?: string | null }
export type NearbyWater = Schema<'NearbyWater'>
export type PrePlanEntry = Schema<'Entry'>
export type PrePlan = Schema<'PrePlan'>
/** The schema says `match: string`; the server answers one of these three. */
export type IncidentPrePlan = Omit<Schema<'IncidentPrePlan'>, 'match'> & { match: 'unit' | 'nearest' | 'none' }

export interface RouteProps { station_id: number; station_name: string; station_kind: string; seconds: number; meters: number; label: string }
/**
 * GET /incidents/{id}/board, the board's one call. Written here from the generated parts: the
 * document types this answer only as an object (routes/incidents.rs builds it as JSON).
 */
export interface Board {
  incident: Incident
  timeline: TimelineEntry[]
  dispatches: Dispatch[]
  recommendation: Recommendation
  routes: GJ.FeatureCollection<GJ.LineString, RouteProps>
  preplan: IncidentPrePlan
  water: NearbyWater[]
  routing_problem: string | null
}

/** An intake's answer; the document leaves `timing` an object without fields. */
export type Intake = Omit<Answer<'/api/v1/incidents', 'post'>, 'timing'> & { timing: { recommendation_ms: number; total_ms: number } }
export type IncidentRequest = Body<'/api/v1/incidents', 'post'>
export type SubType = Schema<'SubType'>

/** 接警: the incident written and its recommendation (POST /api/v1/incidents). */
export function createIncident(body: IncidentRequest): Promise<Intake> {
  return api.post<Intake>('incidents', body)
}

/** The incidents of a list query (`open`, `status`, `limit`). */
export function listIncidents(query: Record<string, string | number>): Promise<Page<Incident>> {
  return api.get<Page<Incident>>('incidents', query)
}

export function getBoard(id: number): Promise<Board> {
  return api.get<Board>(`incidents/${id}/board`)
}

/**
 * 一键调派 (`{recommended: true}`) or the chosen vehicles and alerts; the document types the
 * answer only as an object: its `dispatches` are the rows written.
 */
export function dispatch(id: number, body: Body<'/api/v1/incidents/{id}/dispatch', 'post'>): Promise<{ dispatches: Dispatch[] }> {
  return api.post<{ dispatches: Dispatch[] }>(`incidents/${id}/dispatch`, body)
}

/** A sub-type's name in the console's language (the plan set's Chinese term, or its code in English). */
export function subTypeLabel(code: string | null | undefined, list: SubType[]): string {
  if (!code) return ''
  const s = list.find((x) => x.code === code)
  if (i18n.global.locale.value === 'en' || !s) return code.replace(/_/g, ' ')
  return s.zh
}

let subTypes: Promise<SubType[]> | null = null
/** The sub-types of the dispatch plan set in force (GET /api/v1/dispatch-plans), once. */
export function loadSubTypes(): Promise<SubType[]> {
  if (!subTypes) {
    subTypes = api.get<Answer<'/api/v1/dispatch-plans', 'get'>>('dispatch-plans').then((p) => p.in_force.sub_types ?? []).catch((e) => {
      subTypes = null
      throw e
    })
  }
  return subTypes
}

/** Travel time as the dispatcher reads it: “3分20秒”, “45秒” (English: “3 min 20 s”). */
export function etaLabel(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  const s = Math.round(seconds)
  const m = Math.floor(s / 60)
  const r = s % 60
  if (i18n.global.locale.value === 'en') return m ? `${m} min ${r} s` : `${r} s`
  return m ? `${m}分${r}秒` : `${r}秒`
}

/** A name without its bracketed aside (“剑桥消防2中队 (Fire Company 2)” → “剑桥消防2中队”), for map labels. */
export function shortName(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/, '') || name
}

/** A station's map label: “一站 3分20秒”. */
export function routeLabel(name: string, seconds: number): string {
  return `${name} ${etaLabel(seconds)}`
}

export const STATUS_TAG: Record<IncidentStatus, 'danger' | 'warning' | 'success' | 'info'> = {
  received: 'danger',
  dispatched: 'warning',
  on_scene: 'success',
  closed: 'info',
}

/** The vehicle status a dispatch stands for (the register's 在队/出动/途中/到场/返队). */
export function dispatchVehicleStatus(s: DispatchStatus): string | null {
  return ({ dispatched: 'dispatched', en_route: 'en_route', on_scene: 'on_scene', returning: 'returning', returned: 'in_station' } as Record<string, string>)[s] ?? null
}

/** The per-vehicle stages that may be recorded next for a dispatch (the server's `advance`). */
export function nextVehicleStages(s: DispatchStatus): Stage[] {
  switch (s) {
    case 'dispatched':
      return ['dispatch', 'arrival', 'midway_return']
    case 'en_route':
      return ['arrival', 'midway_return']
    case 'on_scene':
      return ['withdrawn']
    case 'returning':
      return ['returned']
    default:
      return []
  }
}

/** The incident's own stages, in the usual order (起火 first: it may be filled in late). */
export const INCIDENT_STAGES: Stage[] = ['deploy', 'water_on', 'controlled', 'extinguished', 'ended', 'closed', 'ignition']

/** Whether a dispatch holds its vehicle (the server's `is_active`). */
export function isActive(s: DispatchStatus): boolean {
  return ['dispatched', 'en_route', 'on_scene', 'returning'].includes(s)
}

const CJK = /[\u4e00-\u9fff]/

/**
 * A server text that is not a refusal — a recommendation's warnings and unfilled reasons, the
 * board's routing problem, the plausibility warnings stored with a timeline entry — for display.
 * The server writes Chinese first and English in brackets (“平均时速 … (…)”); in Chinese the
 * English brackets at the end of a clause are dropped (nested ones too), brackets inside a name
 * (“… (Fire Company 2) 水罐1”) stay. Refusals are translated by their codes (`refusal`).
 */
export function serverText(msg: string): string {
  if (i18n.global.locale.value === 'en' || !CJK.test(msg)) return msg
  let out = msg
  let prev
  do {
    prev = out
    out = out.replace(/\s*\(([^()]*)\)(?=\s*(?:$|[)；;，,。]))/g, (all: string, inner: string) => (CJK.test(inner) ? all : ''))
  } while (out !== prev)
  return out.replace(/[；;，,\s]+$/, '')
}

/** Vehicle names by id, for refusals that name a vehicle (`vehicle_id`). */
export type VehicleNames = ReadonlyMap<number, string>

/**
 * The params of the incidents' codes in the users' words: stages, statuses, why a point is
 * unroutable, times (the server's RFC 3339 in +08:00) as Asia/Shanghai `YYYY-MM-DD HH:mm:ss`, and
 * the vehicle a refusal is about by name (`who`: “西水罐1：”, empty when none).
 */
function incidentWords(p: Record<string, unknown>, names?: VehicleNames): Record<string, unknown> {
  const out = { ...p }
  for (const k of ['stage', 'before'] as const) if (typeof p[k] === 'string') out[k] = termLabel('timeline_stage', p[k] as string)
  if (typeof p.status === 'string') out.status = termLabel('vehicle_status', p.status)
  if (typeof p.problem === 'string') out.problem = i18n.global.t(`incident.unroutable.${p.problem}`)
  for (const k of ['at', 'before_at', 'alarm', 'now'] as const) if (typeof p[k] === 'string') out[k] = localTime(p[k] as string)
  if (typeof p.source !== 'string') out.source = ''
  const v = typeof p.vehicle_id === 'number' ? p.vehicle_id : null
  out.vehicle_name = v === null ? '' : names?.get(v) || `#${v}`
  out.who = v === null ? '' : `${out.vehicle_name}${i18n.global.locale.value === 'en' ? ': ' : '：'}`
  return out
}

/** A time as the dispatcher reads it: Asia/Shanghai, `YYYY-MM-DD HH:mm:ss`. */
export function localTime(at: string): string {
  return shanghai(at).replace(/\//g, '-')
}

/** A refusal of the incidents module (a field, or a coded 409) in the user's language. */
export function incidentText(f: Coded, names?: VehicleNames): string {
  return codeText(f, ['incident.code'], (p) => incidentWords(p, names))
}

/**
 * The message of a refused request: its codes in the user's language (with the vehicles' names
 * when given), or the server's message.
 */
export function refusal(e: unknown, names?: VehicleNames): string {
  return refusalText(e, ['incident.code'], (p) => incidentWords(p, names))
}

/** A stage to record on the timeline (POST …/timeline): one vehicle, several (`vehicle_ids`) or none. */
export type StageInput = Pick<Schema<'NewTimelineEntry'>, 'stage' | 'vehicle_id' | 'at' | 'note'> & { vehicle_ids?: number[] }

/**
 * Records a stage (for several vehicles at once: one entry each, all or none); says so, or shows
 * the plausibility warnings the server kept with it (an implausible value is recorded and flagged,
 * not refused). Refusals are thrown.
 */
export async function recordStage(incidentId: number, input: StageInput): Promise<TimelineEntry[]> {
  const body: Schema<'NewTimelineEntry'> = { stage: input.stage }
  if (input.vehicle_ids?.length) body.vehicle_ids = input.vehicle_ids
  else if (input.vehicle_id) body.vehicle_id = input.vehicle_id
  if (input.at) body.at = input.at
  if (input.note?.trim()) body.note = input.note.trim()
  const out = await api.post<Answer<'/api/v1/incidents/{id}/timeline', 'post'>>(`incidents/${incidentId}/timeline`, body)
  const entries = out.entries?.length ? out.entries : [out.entry]
  const t = i18n.global.t
  const w = entries.flatMap((e) => warningTexts(e))
  if (w.length) ElMessage.warning(`${t('incident.timeline.implausible')}：${w.join('；')}`)
  else if (entries.length > 1) ElMessage.success(t('incident.timeline.recordedMany', { stage: termLabel('timeline_stage', input.stage), n: entries.length }))
  else ElMessage.success(t('incident.timeline.recorded', { stage: termLabel('timeline_stage', input.stage) }))
  return entries
}

/** Whether the fire is out (扑灭 or 结束 recorded): no vehicle is sent any more (the server's `fire_out`). */
export function fireOut(timeline: TimelineEntry[]): boolean {
  return timeline.some((e) => e.stage === 'extinguished' || e.stage === 'ended' || e.stage === 'closed')
}

/** The warnings of a timeline entry as text. */
export function warningTexts(e: TimelineEntry): string[] {
  return e.warnings.map((w) => serverText(w))
}
