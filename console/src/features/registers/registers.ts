// What each register shows and edits. Field keys are paths into the record as the API returns it
// (`metrics.floors`), checked against the generated schema of the register's records (a field the
// server renames or drops fails the typecheck); the labels are the `field.*` messages.
import { termLabel, type TermGroup } from '../../shared/terms'
import { i18n } from '../../shared/i18n'
import type { RecordOf } from './api'

export type FieldType = 'text' | 'textarea' | 'int' | 'float' | 'select' | 'date' | 'bool' | 'uscc' | 'station'

export interface FieldDef {
  key: string
  type: FieldType
  group?: TermGroup
  required?: boolean
  min?: number
  max?: number
  /** Shown as a list column (and on the phone card when `card`). */
  list?: boolean
  card?: boolean
  width?: number
  /** Not editable (computed by the server). */
  readonly?: boolean
  /** Decimals shown and edited for a float (coordinates 6 ≈ 0.1 m, flow 1 L/s …); trailing zeros dropped. */
  decimals?: number
}

export interface FilterDef {
  param: 'kind' | 'status' | 'class' | 'station_id'
  label: string
  group?: TermGroup
}

export type RegisterKind = 'units' | 'water_sources' | 'stations' | 'vehicles'

export interface RegisterDef {
  kind: RegisterKind
  resource: string
  /** Spreadsheet import and export (the API has them for units and water sources). */
  io: boolean
  filters: FilterDef[]
  fields: FieldDef[]
  /** The record's title: its name, or the water source's code. */
  title: (r: Record<string, unknown>) => string
  /** A new record's starting values. */
  blank: () => Record<string, unknown>
}

/** A field path of a record: a field, or a field of an object field (`metrics.floors`). */
type FieldKey<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[] ? K
    : NonNullable<T[K]> extends object ? K | `${K}.${keyof NonNullable<T[K]> & string}` : K
}[keyof T & string]

/** A register's fields, their keys checked against the schema of its records. */
function fieldsOf<K extends RegisterKind>(fields: (FieldDef & { key: FieldKey<RecordOf[K]> })[]): FieldDef[] {
  return fields
}

const name = (r: Record<string, unknown>) => String(r.name ?? r.code ?? `#${r.id}`)

export const REGISTERS: Record<RegisterKind, RegisterDef> = {
  units: {
    kind: 'units',
    resource: 'unit',
    io: true,
    filters: [
      { param: 'class', label: 'reg.class', group: 'unit_class' },
      { param: 'kind', label: 'reg.useCategory', group: 'use_category' },
    ],
    fields: fieldsOf<'units'>([
      { key: 'name', type: 'text', required: true, list: true, card: true },
      { key: 'use_category', type: 'select', group: 'use_category', required: true, list: true, card: true, width: 150 },
      { key: 'classes', type: 'text', readonly: true, list: true, card: true, width: 200 },
      { key: 'address', type: 'text', list: true, card: true },
      { key: 'uscc', type: 'uscc', list: true, width: 190 },
      { key: 'safety_manager', type: 'text' },
      { key: 'phone', type: 'text' },
      { key: 'lon', type: 'float', required: true, min: -180, max: 180, decimals: 6 },
      { key: 'lat', type: 'float', required: true, min: -90, max: 90, decimals: 6 },
      { key: 'metrics.building_area_m2', type: 'float', min: 0, max: 10_000_000, decimals: 1 },
      { key: 'metrics.floors', type: 'int', min: 0, max: 200 },
      { key: 'metrics.height_m', type: 'float', min: 0, max: 1000, decimals: 1 },
      { key: 'metrics.beds', type: 'int', min: 0, max: 1_000_000 },
      { key: 'metrics.staff', type: 'int', min: 0, max: 1_000_000 },
    ]),
    title: name,
    blank: () => ({ name: '', use_category: 'shop', lon: null, lat: null, metrics: {}, classes: [], class_reasons: [] }),
  },
  water_sources: {
    kind: 'water_sources',
    resource: 'water_source',
    io: true,
    filters: [
      { param: 'kind', label: 'reg.kind', group: 'water_kind' },
      { param: 'status', label: 'reg.status', group: 'water_status' },
    ],
    fields: fieldsOf<'water_sources'>([
      { key: 'code', type: 'text', list: true, card: true, width: 130 },
      { key: 'kind', type: 'select', group: 'water_kind', required: true, list: true, card: true, width: 150 },
      { key: 'status', type: 'select', group: 'water_status', required: true, list: true, card: true, width: 100 },
      { key: 'address', type: 'text', list: true, card: true },
      { key: 'flow_lps', type: 'float', min: 0, max: 10_000, list: true, width: 110, decimals: 1 },
      { key: 'pressure_mpa', type: 'float', min: 0, max: 10, list: true, width: 110, decimals: 2 },
      { key: 'diameter_mm', type: 'float', min: 0, max: 10_000, decimals: 0 },
      { key: 'capacity_m3', type: 'float', min: 0, max: 100_000_000, decimals: 1 },
      { key: 'owner', type: 'text' },
      { key: 'last_inspected', type: 'date', list: true, width: 130 },
      { key: 'lon', type: 'float', required: true, min: -180, max: 180, decimals: 6 },
      { key: 'lat', type: 'float', required: true, min: -90, max: 90, decimals: 6 },
      { key: 'notes', type: 'textarea' },
    ]),
    title: (r) => String(r.code || `#${r.id}`),
    blank: () => ({ kind: 'hydrant_above', status: 'unverified', lon: null, lat: null }),
  },
  stations: {
    kind: 'stations',
    resource: 'station',
    io: false,
    filters: [
      { param: 'kind', label: 'reg.kind', group: 'station_kind' },
      { param: 'status', label: 'reg.status', group: 'station_status' },
    ],
    fields: fieldsOf<'stations'>([
      { key: 'name', type: 'text', required: true, list: true, card: true },
      { key: 'kind', type: 'select', group: 'station_kind', required: true, list: true, card: true, width: 150 },
      { key: 'status', type: 'select', group: 'station_status', required: true, list: true, card: true, width: 110 },
      { key: 'duty_strength', type: 'int', min: 0, max: 1000, list: true, card: true, width: 130 },
      { key: 'phone', type: 'text', list: true, width: 140 },
      { key: 'address', type: 'text', list: true },
      { key: 'lon', type: 'float', required: true, min: -180, max: 180, decimals: 6 },
      { key: 'lat', type: 'float', required: true, min: -90, max: 90, decimals: 6 },
    ]),
    title: name,
    blank: () => ({ name: '', kind: 'level1', status: 'on_duty', duty_strength: 0, lon: null, lat: null }),
  },
  vehicles: {
    kind: 'vehicles',
    resource: 'vehicle',
    io: false,
    filters: [
      { param: 'station_id', label: 'reg.station' },
      { param: 'kind', label: 'reg.family', group: 'vehicle_family' },
      { param: 'status', label: 'reg.status', group: 'vehicle_status' },
    ],
    fields: fieldsOf<'vehicles'>([
      { key: 'name', type: 'text', required: true, list: true, card: true, width: 220 },
      { key: 'station_id', type: 'station', required: true, list: true, card: true, width: 160 },
      { key: 'family', type: 'select', group: 'vehicle_family', required: true, list: true, width: 130 },
      { key: 'vehicle_type', type: 'text', required: true, list: true, card: true, width: 140 },
      { key: 'status', type: 'select', group: 'vehicle_status', required: true, list: true, card: true, width: 90 },
      { key: 'plate', type: 'text', list: true, width: 130 },
      { key: 'seats', type: 'int', min: 0, max: 60 },
      { key: 'water_l', type: 'float', min: 0, max: 60_000, decimals: 0 },
      { key: 'foam_l', type: 'float', min: 0, max: 30_000, decimals: 0 },
      { key: 'year_in_service', type: 'int', min: 1950, max: 2100 },
    ]),
    title: name,
    blank: () => ({ name: '', family: 'firefighting', vehicle_type: '', status: 'in_station', seats: 0, station_id: null }),
  },
}

export function getPath(r: Record<string, unknown>, path: string): unknown {
  let cur: unknown = r
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[k]
  }
  return cur
}

export function setPath(r: Record<string, unknown>, path: string, v: unknown) {
  const ks = path.split('.')
  let cur = r
  for (const k of ks.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {}
    cur = cur[k] as Record<string, unknown>
  }
  cur[ks[ks.length - 1]] = v
}

/** A field's value as the list and the detail show it: a term's label, a station's name, 是/否. */
export function cellText(r: Record<string, unknown>, f: FieldDef, stations: { id: number; name: string }[]): string {
  const v = getPath(r, f.key)
  if (v === null || v === undefined || v === '') return ''
  if (f.type === 'select') return termLabel(f.group!, String(v))
  if (f.type === 'station') return stations.find((s) => s.id === v)?.name || (v ? `#${v}` : '')
  if (f.type === 'bool') return v ? i18n.global.t('common.yes') : i18n.global.t('common.no')
  if (f.type === 'float' && typeof v === 'number') return roundTo(v, f.decimals)
  return String(v)
}

/** A float as users read and edit it: at most `decimals` decimals, trailing zeros dropped. */
export function roundTo(v: number, decimals: number | undefined): string {
  if (decimals === undefined || !Number.isFinite(v)) return String(v)
  return String(Number(v.toFixed(decimals)))
}

/** A unit's classes as tags, coloured by `CLASS_TAG_TYPE`. */
export function classTags(r: Record<string, unknown>): { code: string; label: string }[] {
  return ((r.classes as string[]) || []).map((c) => ({ code: c, label: termLabel('unit_class', c) }))
}
export const CLASS_TAG_TYPE: Record<string, 'danger' | 'warning' | 'primary' | 'success' | 'info'> = {
  key_unit: 'danger', high_risk: 'warning', nine_small: 'primary', three_in_one: 'success',
}

/**
 * Where a record came from, in the users' words: the demo's generated data, the Cambridge GIS
 * layers, OpenStreetMap, a spreadsheet … (`source_ref` as the importer wrote it: `demo:unit/1`,
 * `cambridge-hydrant:1`, `osm:node/123`). The raw reference stays available as a tooltip.
 */
export function sourceText(ref: string): string {
  const t = i18n.global.t
  const prefix = ref.split(':')[0]
  if (prefix === 'demo') return t('reg.source.demo')
  if (prefix.startsWith('cambridge')) return t('reg.source.cambridge')
  if (prefix === 'osm') return t('reg.source.osm')
  if (prefix === 'table' || prefix === 'xlsx' || prefix === 'csv') return t('reg.source.table')
  if (prefix === 'geojson') return t('reg.source.geojson')
  return t('reg.source.other')
}
