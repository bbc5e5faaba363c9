// The registers' API client: list, read, create and update records of units, water sources,
// stations and vehicles, and their spreadsheet import and export, typed with the generated schemas.
import { api, queryString, request, type Page, type Query } from '../../shared/api/client'
import type { Schema } from '../../shared/api/schema'
import type { RegisterKind } from './registers'

/** A register's record as the document describes it (`id` optional there: a new record has none). */
export interface RecordOf {
  units: Schema<'Unit'>
  water_sources: Schema<'WaterSource'>
  stations: Schema<'Station'>
  vehicles: Schema<'Vehicle'>
}

/**
 * A stored record as the screens handle it: the register view and form are one component for every
 * kind and reach fields by path (`metrics.floors`, registers.ts), so the record stays a loose object
 * here; the field paths themselves are checked against `RecordOf` in registers.ts.
 */
export type Rec = Record<string, unknown> & { id: number }

/** The answer to an import; the document leaves `report` an object without fields. */
export type ImportResult = Omit<Schema<'UploadResult'>, 'report'> & { report: { skipped: { location: string; reason: string }[] } }

export function listRecords(kind: RegisterKind, query: Query, signal?: AbortSignal): Promise<Page<Rec>> {
  return api.get<Page<Rec>>(kind, query, signal)
}

export function getRecord(kind: RegisterKind, id: number): Promise<Rec> {
  return api.get<Rec>(`${kind}/${id}`)
}

/** Creates the record (no `id`) or replaces it (PUT); the answer is the record as stored. */
export function saveRecord(kind: RegisterKind, record: Record<string, unknown>, id?: number): Promise<Rec> {
  return id === undefined ? api.post<Rec>(kind, record) : api.put<Rec>(`${kind}/${id}`, record)
}

/** Uploads an .xlsx or .csv to POST /{kind}/import. */
export function importRecords(kind: RegisterKind, file: File): Promise<ImportResult> {
  const type = /\.csv$/i.test(file.name) ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return request<ImportResult>(`${kind}/import`, { method: 'POST', raw: { data: file, type } })
}

/** GET /{kind}/export.xlsx with the list's filters. */
export function exportUrl(kind: RegisterKind, query: Query): string {
  return `/api/v1/${kind}/export.xlsx${queryString(query)}`
}
