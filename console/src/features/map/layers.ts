// The thematic layers of 一张图 on a MapLibre map: stations, water sources by type and status, units
// by class (from /api/v1/map/features, water and units as clustered GeoJSON), the jurisdiction
// boundaries and the selection highlight; their icons (drawn on canvas, cluster counts and labels on
// demand), the toggles and filters, a click on a point or a cluster, and loading by the visible area
// once a layer reaches the limit.
import { reactive, ref, type ShallowRef } from 'vue'
import type maplibregl from 'maplibre-gl'
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl'
import type * as GJ from 'geojson'
import { api } from '../../shared/api/client'
import { can } from '../../shared/auth'
import {
  CLASS_PRIORITY, RATIO, STATION_KINDS, UNIT_CLASSES, WATER_KINDS, WATER_STATUSES,
  clusterIcon, labelIcon, stationIcon, toImageData, unitIcon, waterIcon,
} from './mapicons'

export type Layer = 'stations' | 'water_sources' | 'units'
export const LAYERS: Layer[] = ['stations', 'water_sources', 'units']
export interface Feature {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: Record<string, unknown> & { layer: Layer; id: number }
}
/** What the detail panel shows: a record of a layer (with a station's vehicles), or a typed point. */
export interface Selected { layer: Layer | 'point'; id: number; record: Record<string, unknown> | null; vehicles?: Record<string, unknown>[]; lon: number; lat: number }
/** A search hit (GET /api/v1/search). */
export interface SearchHit { layer: Layer; id: number; name: string; sub?: string; lon: number; lat: number }
export type BBox = [number, number, number, number]

const LIMIT = 5000

/** The map layers each toggle shows or hides. */
const GROUPS: Record<string, string[]> = {
  base: ['base-raster', 'base-water', 'base-buildings', 'base-road-casing', 'base-roads', 'base-boundaries'],
  boundaries: ['jur-line'],
  stations: ['stations-icon', 'stations-label'],
  water_sources: ['water-cluster', 'water-point'],
  units: ['units-cluster', 'units-point'],
}

/** The layers a click opens (points) or zooms into (clusters). */
export const CLICKABLE = ['stations-icon', 'water-point', 'units-point', 'water-cluster', 'units-cluster']

function primaryClass(classes: unknown): string {
  const list = Array.isArray(classes) ? (classes as string[]) : []
  return CLASS_PRIORITY.find((c) => list.includes(c)) || 'none'
}

export function fc(features: unknown[]): GJ.FeatureCollection {
  return { type: 'FeatureCollection', features } as GJ.FeatureCollection
}

function registerIcons(m: maplibregl.Map) {
  const add = (id: string, c: HTMLCanvasElement) => {
    if (!m.hasImage(id)) m.addImage(id, toImageData(c), { pixelRatio: RATIO })
  }
  for (const k of STATION_KINDS) add(`st-${k}`, stationIcon(k))
  for (const k of WATER_KINDS) for (const s of WATER_STATUSES) add(`w-${k}-${s}`, waterIcon(k, s))
  for (const c of UNIT_CLASSES) add(`u-${c}`, unitIcon(c))
  add('hl', (() => {
    const c = document.createElement('canvas')
    c.width = c.height = 1
    return c
  })())
}

/** Images made on demand: cluster counts (`cl:w:123:1`) and labels (`lbl:名称`). */
function missingImage(m: maplibregl.Map, id: string) {
  if (m.hasImage(id)) return
  let c: HTMLCanvasElement | null = null
  if (id.startsWith('cl:')) {
    const [, layer, count, alert] = id.split(':')
    c = clusterIcon(layer, count, alert === '1')
  } else if (id.startsWith('lbl:')) {
    c = labelIcon(id.slice(4))
  } else if (id.startsWith('w-')) {
    c = waterIcon('hydrant_above', 'unverified')
  } else if (id.startsWith('st-')) {
    c = stationIcon('level1')
  }
  if (c) m.addImage(id, toImageData(c), { pixelRatio: RATIO })
}

function addOverlays(m: maplibregl.Map) {
  m.addSource('jurisdictions', { type: 'geojson', data: fc([]) })
  m.addLayer({ id: 'jur-line', type: 'line', source: 'jurisdictions', paint: { 'line-color': '#c62828', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 16, 2.5], 'line-dasharray': [4, 2], 'line-opacity': 0.8 } })

  m.addSource('units', {
    type: 'geojson', data: fc([]), cluster: true, clusterRadius: 45, clusterMaxZoom: 15,
  })
  m.addLayer({
    id: 'units-cluster', type: 'symbol', source: 'units', filter: ['has', 'point_count'],
    layout: { 'icon-image': ['concat', 'cl:u:', ['get', 'point_count_abbreviated'], ':0'], 'icon-allow-overlap': true },
  })
  m.addLayer({
    id: 'units-point', type: 'symbol', source: 'units', filter: ['!', ['has', 'point_count']],
    layout: { 'icon-image': ['concat', 'u-', ['get', 'pc']], 'icon-allow-overlap': true, 'symbol-sort-key': ['match', ['get', 'pc'], 'none', 5, 1] },
  })

  m.addSource('water_sources', {
    type: 'geojson', data: fc([]), cluster: true, clusterRadius: 45, clusterMaxZoom: 15,
    clusterProperties: { bad: ['+', ['case', ['==', ['get', 'status'], 'damaged'], 1, 0]] },
  })
  m.addLayer({
    id: 'water-cluster', type: 'symbol', source: 'water_sources', filter: ['has', 'point_count'],
    layout: { 'icon-image': ['concat', 'cl:w:', ['get', 'point_count_abbreviated'], ':', ['case', ['>', ['get', 'bad'], 0], '1', '0']], 'icon-allow-overlap': true },
  })
  m.addLayer({
    id: 'water-point', type: 'symbol', source: 'water_sources', filter: ['!', ['has', 'point_count']],
    layout: { 'icon-image': ['concat', 'w-', ['get', 'kind'], '-', ['get', 'status']], 'icon-allow-overlap': true },
  })

  m.addSource('stations', { type: 'geojson', data: fc([]) })
  m.addLayer({ id: 'stations-icon', type: 'symbol', source: 'stations', layout: { 'icon-image': ['concat', 'st-', ['get', 'kind']], 'icon-allow-overlap': true } })
  m.addLayer({
    id: 'stations-label', type: 'symbol', source: 'stations', minzoom: 12.5,
    layout: { 'icon-image': ['concat', 'lbl:', ['get', 'name']], 'icon-anchor': 'top', 'icon-offset': [0, 15], 'icon-optional': true },
  })

  m.addSource('highlight', { type: 'geojson', data: fc([]) })
  m.addLayer({ id: 'highlight', type: 'circle', source: 'highlight', paint: { 'circle-radius': 16, 'circle-color': 'rgba(255,23,68,0.15)', 'circle-stroke-color': '#ff1744', 'circle-stroke-width': 3 } })
}

/** The thematic layers of the map in `map`: their state for the layer panel and what to do with them. */
export function useMapLayers(map: ShallowRef<maplibregl.Map | null>) {
  const show = reactive({ base: true, stations: true, water_sources: true, units: true, boundaries: true })
  const waterStatus = reactive<Record<string, boolean>>(Object.fromEntries(WATER_STATUSES.map((s) => [s, true])))
  const unitClass = reactive<Record<string, boolean>>(Object.fromEntries(UNIT_CLASSES.map((c) => [c, true])))
  const counts = reactive({ stations: 0, water_sources: 0, units: 0 })
  const loadingData = ref(false)
  const viewportMode = ref(false)
  const mayRead: Record<Layer, boolean> = {
    stations: can('station'),
    water_sources: can('water_source'),
    units: can('unit'),
  }
  const raw: Record<Layer, Feature[]> = { stations: [], water_sources: [], units: [] }
  let moveTimer: number | undefined

  const source = (id: string) => map.value?.getSource(id) as GeoJSONSource | undefined

  function refreshSources() {
    if (!map.value) return
    source('stations')?.setData(fc(raw.stations))
    source('water_sources')?.setData(fc(raw.water_sources.filter((f) => waterStatus[String(f.properties.status)] !== false)))
    source('units')?.setData(fc(raw.units.filter((f) => unitClass[String(f.properties.pc)] !== false)))
  }

  function applyVisibility() {
    const m = map.value
    if (!m) return
    for (const [g, ids] of Object.entries(GROUPS)) {
      for (const id of ids) if (m.getLayer(id)) m.setLayoutProperty(id, 'visibility', show[g as keyof typeof show] ? 'visible' : 'none')
    }
  }

  type BoundaryFeature = { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }

  /** The jurisdiction boundaries (fetched without the map: started before it is made). */
  async function fetchBoundaries(): Promise<BoundaryFeature[]> {
    try {
      const js = await api.get<{ id: number; name: string; level: string; boundary: unknown }[]>('jurisdictions', { boundary: 'true' })
      return js.filter((j) => j.boundary).map((j) => ({ type: 'Feature', geometry: j.boundary, properties: { id: j.id, name: j.name, level: j.level } }))
    } catch {
      return []
    }
  }

  /** Draws the boundaries; the area they cover (null without any). */
  function showBoundaries(feats: BoundaryFeature[]): BBox | null {
    source('jurisdictions')?.setData(fc(feats as Feature[]))
    let b: BBox | null = null
    const visit = (c: unknown) => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        const [x, y] = c as number[]
        b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y]
      } else if (Array.isArray(c)) c.forEach(visit)
    }
    for (const f of feats) visit((f.geometry as { coordinates: unknown }).coordinates)
    return b
  }

  /** The jurisdiction boundaries drawn, and the area they cover (null without any). */
  async function loadBoundaries(): Promise<BBox | null> {
    return showBoundaries(await fetchBoundaries())
  }

  /** The records of every readable layer in `bbox`, in one request (null when no layer is readable). */
  function fetchFeatures(bbox: BBox): Promise<Feature[]> | null {
    const layers = LAYERS.filter((l) => mayRead[l])
    if (!layers.length) return null
    return api
      .get<{ features: Feature[] }>('map/features', { bbox: bbox.map((v) => v.toFixed(6)).join(','), layers: layers.join(','), limit: LIMIT })
      .then((r) => r.features)
  }

  /** Puts fetched records on the map, by layer. */
  function showFeatures(features: Feature[]) {
    const layers = LAYERS.filter((l) => mayRead[l])
    const next: Record<Layer, Feature[]> = { stations: [], water_sources: [], units: [] }
    for (const f of features) {
      const l = f.properties.layer
      if (l === 'units') f.properties.pc = primaryClass(f.properties.classes)
      next[l]?.push(f)
    }
    for (const l of layers) {
      raw[l] = next[l]
      counts[l] = next[l].length
      if (next[l].length >= LIMIT) viewportMode.value = true
    }
    refreshSources()
  }

  /** Loads and shows the records in `bbox`; `pending` is a fetch already started for it. */
  async function loadFeatures(bbox: BBox, pending: Promise<Feature[]> | null = null) {
    const req = pending || fetchFeatures(bbox)
    if (!req) return
    loadingData.value = true
    try {
      showFeatures(await req)
    } finally {
      loadingData.value = false
    }
  }

  function onMoveEnd() {
    if (!viewportMode.value || !map.value) return
    window.clearTimeout(moveTimer)
    moveTimer = window.setTimeout(() => {
      const b = map.value!.getBounds()
      void loadFeatures([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()])
    }, 300)
  }

  /** Icons, sources and layers on a new map, and its listeners. */
  function install(m: maplibregl.Map) {
    m.on('styleimagemissing', (e: { id: string }) => missingImage(m, e.id))
    m.on('moveend', onMoveEnd)
    registerIcons(m)
    addOverlays(m)
  }

  /**
   * The record under a click, or null; a cluster is zoomed into until it splits (and is not a
   * record).
   */
  async function clicked(e: MapMouseEvent): Promise<{ layer: Layer; id: number; lon: number; lat: number } | null> {
    const m = map.value!
    const feats = m.queryRenderedFeatures(e.point, { layers: CLICKABLE.filter((l) => m.getLayer(l)) })
    if (!feats.length) return null
    const f = feats[0]
    const p = f.properties as Record<string, unknown>
    if (p.cluster) {
      const src = m.getSource(f.layer.id.startsWith('water') ? 'water_sources' : 'units') as GeoJSONSource
      const zoom = await src.getClusterExpansionZoom(p.cluster_id as number)
      m.easeTo({ center: (f.geometry as GJ.Point).coordinates as [number, number], zoom: Math.min(zoom + 0.5, 18) })
      return null
    }
    const [lon, lat] = (f.geometry as GJ.Point).coordinates
    return { layer: p.layer as Layer, id: Number(p.id), lon, lat }
  }

  /** Rings the selected point (or nothing, without a point). */
  function highlight(at: [number, number] | null) {
    source('highlight')?.setData(fc(at ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: {} }] : []))
  }

  function dispose() {
    window.clearTimeout(moveTimer)
  }

  return {
    show, waterStatus, unitClass, counts, loadingData, viewportMode, mayRead,
    install, refreshSources, applyVisibility, fetchBoundaries, showBoundaries, loadBoundaries, fetchFeatures, loadFeatures, clicked, highlight, dispose,
  }
}

export type MapLayers = ReturnType<typeof useMapLayers>
