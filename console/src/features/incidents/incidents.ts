// Incidents (接处警) on the console: the shapes the server answers (routes/incidents.rs), the
// dispatch plans' categories and sub-types, the timeline's next stages, and display helpers
// (ETA as “3分20秒”, status colours). The screens are IncidentsView.vue (list and intake)
// and IncidentBoardView.vue (the board).
import type * as GJ from 'geojson'
import { ApiError, api } from '../../shared/api/client'
import { i18n } from '../../shared/i18n'
import { serverReason } from '../../shared/validate'
import { termLabel } from '../../shared/terms'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'

export type Category = 'fire' | 'rescue' | 'social_assistance' | 'security_duty' | 'false_alarm'
export const CATEGORIES: Category[] = ['fire', 'rescue', 'social_assistance', 'security_duty', 'false_alarm']
export const LEVELS = [1, 2, 3, 4, 5]
export type IncidentStatus = 'received' | 'dispatched' | 'on_scene' | 'closed'

export interface Incident {
  id: number
  jurisdiction_id: number
  category: Category
  sub_type: string | null
  level: number
  lon: number
  lat: number
  address: string
  unit_id: number | null
  source: { kind: 'call' } | { kind: 'alarm'; alarm_id: number }
  caller_name: string | null
  caller_phone: string | null
  status: IncidentStatus
  fire_grade: string | null
  reported_at: string
  notes: string | null
  plan_id: string | null
  created_by: string
  created_at: string
  updated_at: string
  version: number
}

export interface Assignment {
  requirement: number
  label: string
  vehicle_id: number
  vehicle_name: string
  vehicle_type: string
  family: string
  station_id: number
  station_name: string
  station_kind: string
  eta_s: number
  within_target: boolean
}
export interface Unfilled { requirement: number; label: string; wanted: number; filled: number; reason: string }
export interface Alert { station_id: number; name: string; kind: string; eta_s: number | null; reason: 'own_micro' | 'joint'; text: string }
export interface Recommendation {
  plan_id: string
  plan_title: string
  plan_source: string
  plan_verified: boolean
  assignments: Assignment[]
  unfilled: Unfilled[]
  alerts: Alert[]
  warnings: string[]
}

export interface TimelineEntry {
  id: number
  incident_id: number
  stage: string
  stage_zh: string
  at: string
  vehicle_id: number | null
  actor: string
  note: string | null
  /** Plausibility warnings given when it was recorded (implausible, not refused). */
  warnings: string[]
  recorded_at: string
}

export type DispatchStatus = 'alerted' | 'dispatched' | 'en_route' | 'on_scene' | 'returning' | 'returned' | 'cancelled'
export interface Dispatch {
  id: number
  incident_id: number
  vehicle_id: number | null
  station_id: number
  requirement: string | null
  eta_s: number | null
  distance_m: number | null
  status: DispatchStatus
  created_at: string
  updated_at: string
  vehicle_name?: string | null
  station_name?: string | null
}

export interface NearbyWater {
  water_source: { id: number; code: string; kind: string; status: string; address: string | null; lon: number; lat: number }
  status_zh: string
  usable: boolean
  straight_m: number
  road_m: number | null
  road_s: number | null
}

export interface PrePlanEntry { name: string; location?: string | null; quantity?: string | null; notes?: string | null }
export interface PrePlan {
  id: number
  unit_id: number
  unit_name: string
  doc: {
    building?: { structure?: string | null; fire_resistance?: string | null; height_m?: number | null; floors_above?: number | null; floors_below?: number | null; area_m2?: number | null; notes?: string | null } | null
    floors?: { floor: string; usage: string }[]
    occupancy?: { day?: number | null; night?: number | null; notes?: string | null } | null
    hazardous_materials?: PrePlanEntry[] | null
    fire_facilities?: PrePlanEntry[] | null
    key_parts?: PrePlanEntry[]
    water_sources?: { description: string; distance_m?: number | null }[] | null
    access_routes?: PrePlanEntry[]
    attack_notes?: string | null
    evacuation_notes?: string | null
  }
  attachments: { id: number; name: string }[]
  completeness: { percent: number; missing_zh: string[] }
  updated_at: string
}
export interface IncidentPrePlan { match: 'unit' | 'nearest' | 'none'; unit_id: number | null; distance_m: number | null; preplan: PrePlan | null }

export interface RouteProps { station_id: number; station_name: string; station_kind: string; seconds: number; meters: number; label: string }
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

export interface Intake { incident: Incident; recommendation: Recommendation; timing: { recommendation_ms: number; total_ms: number } }

export interface SubType { code: string; zh: string; category: Category }
interface PlanSets { in_force: { name: string; sub_types: SubType[] } }

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
    subTypes = api.get<PlanSets>('dispatch-plans').then((p) => p.in_force.sub_types).catch((e) => {
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
export function nextVehicleStages(s: DispatchStatus): string[] {
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
export const INCIDENT_STAGES = ['deploy', 'water_on', 'controlled', 'extinguished', 'ended', 'closed', 'ignition']

/** Whether a dispatch holds its vehicle (the server's `is_active`). */
export function isActive(s: DispatchStatus): boolean {
  return ['dispatched', 'en_route', 'on_scene', 'returning'].includes(s)
}

const CJK = /[\u4e00-\u9fff]/

/**
 * A server message for display. The server writes Chinese first and English in brackets (“出水时间
 * 不能早于接警时间 (water_on … < alarm …)”); in Chinese the English brackets at the end of a clause
 * are dropped (nested ones too), brackets inside a name (“… (Fire Company 2) 水罐1”) stay.
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

/** The message of a refused request: the server's per-field reasons or its message. */
export function refusal(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.fields.length) return e.fields.map((f) => (CJK.test(f.message) ? serverText(f.message) : serverReason(f.message))).join('；')
    return serverText(e.message)
  }
  return (e as Error)?.message || String(e)
}

/** A stage to record on the timeline (POST …/timeline). */
export interface StageInput { stage: string; vehicle_id?: number | null; at?: string | null; note?: string }

/**
 * Records a stage; says so, or shows the plausibility warnings the server kept with it (an
 * implausible value is recorded and flagged, not refused). Refusals are thrown.
 */
export async function recordStage(incidentId: number, input: StageInput): Promise<TimelineEntry> {
  const body: Record<string, unknown> = { stage: input.stage }
  if (input.vehicle_id) body.vehicle_id = input.vehicle_id
  if (input.at) body.at = input.at
  if (input.note?.trim()) body.note = input.note.trim()
  const { entry } = await api.post<{ entry: TimelineEntry }>(`incidents/${incidentId}/timeline`, body)
  const t = i18n.global.t
  const w = warningTexts(entry)
  if (w.length) ElMessage.warning(`${t('incident.timeline.implausible')}：${w.join('；')}`)
  else ElMessage.success(t('incident.timeline.recorded', { stage: termLabel('timeline_stage', input.stage) }))
  return entry
}

/** The warnings of a timeline entry as text. */
export function warningTexts(e: TimelineEntry): string[] {
  return e.warnings.map((w) => serverText(w))
}
