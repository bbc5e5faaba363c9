// The base map shared by every map screen (一张图, the incident board, the intake picker): the
// server's map config (`GET /api/v1/map/config`), the style drawing its own vector tiles (roads
// by class, buildings, water, boundaries) or a configured external raster, and a MapLibre map with
// the usual controls, the attribution and the test hooks (`window.__huoyanMap`, map errors in
// `window.__huoyanMapErrors`). Labels (street, water, place and building names) when the server
// has glyphs (`glyphs` in the map config, made at build time and served by huoyan): Latin from
// those PBFs, Chinese drawn with the browser's fonts (`localIdeographFontFamily`). No sprite: the
// icons are drawn on canvas (docs/CONSOLE.md).
import maplibregl, { type ExpressionSpecification, type StyleSpecification } from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import { api } from '../../shared/api/client'

/** GET /map/config (the schema `MapConfig`, written here with `center` and `bounds` as the tuples MapLibre takes). */
export interface MapConfig {
  tiles?: string | null
  minzoom?: number
  maxzoom?: number
  external_raster?: string | null
  attribution?: string | null
  /** Glyph URL template on this server (`/glyphs/{fontstack}/{range}.pbf`); none: no labels. */
  glyphs?: string | null
  /** The font stack of the glyphs. */
  fontstack?: string
  center?: [number, number]
  bounds?: [number, number, number, number]
}

export const DEFAULT_ATTRIBUTION = '© OpenStreetMap contributors (ODbL) · City of Cambridge GIS (PDDL 1.0)'

/** The server's map config; `null` when it has none (the base map is then empty). */
export async function loadMapConfig(): Promise<MapConfig | null> {
  try {
    return await api.get<MapConfig>('map/config')
  } catch {
    return null
  }
}

function roadWidth(scale: number): ExpressionSpecification {
  const w = (z: number): ExpressionSpecification => [
    'match', ['get', 'class'],
    'motorway', 3.2 * z, 'trunk', 2.8 * z, 'primary', 2.4 * z, 'secondary', 2 * z, 'tertiary', 1.6 * z,
    ['residential', 'unclassified', 'living_street'], 1.1 * z, 'service', 0.7 * z, 'track', 0.6 * z, 0.8 * z,
  ]
  return ['interpolate', ['exponential', 1.5], ['zoom'], 10, w(0.35 * scale), 13, w(0.9 * scale), 16, w(2.6 * scale), 18, w(6 * scale)]
}

/** The layers of the base map: ids start with `base-`. */
export function baseStyle(cfg: MapConfig): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } }],
  }
  if (cfg.external_raster) {
    style.sources.base = { type: 'raster', tiles: [cfg.external_raster], tileSize: 256, attribution: cfg.attribution || '' }
    style.layers.push({ id: 'base-raster', type: 'raster', source: 'base' })
  } else if (cfg.tiles) {
    const url = cfg.tiles.startsWith('http') ? cfg.tiles : `${location.origin}${cfg.tiles}`
    style.sources.base = { type: 'vector', tiles: [url], minzoom: cfg.minzoom ?? 10, maxzoom: cfg.maxzoom ?? 18 }
    const roadColour: ExpressionSpecification = [
      'match', ['get', 'class'],
      'motorway', '#e892a2', 'trunk', '#f9b29c', 'primary', '#fcd6a4', 'secondary', '#f7fabf', 'track', '#d8c8a8', '#ffffff',
    ]
    style.layers.push(
      { id: 'base-water', type: 'fill', source: 'base', 'source-layer': 'water', paint: { 'fill-color': '#aad3df' } },
      { id: 'base-buildings', type: 'fill', source: 'base', 'source-layer': 'buildings', minzoom: 13, paint: { 'fill-color': '#ddd6cd', 'fill-outline-color': '#c8beb2', 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.4, 16, 1] } },
      { id: 'base-road-casing', type: 'line', source: 'base', 'source-layer': 'roads', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#bfb6aa', 'line-width': roadWidth(1.35) } },
      { id: 'base-roads', type: 'line', source: 'base', 'source-layer': 'roads', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': roadColour, 'line-width': roadWidth(1) } },
      { id: 'base-boundaries', type: 'line', source: 'base', 'source-layer': 'boundaries', paint: { 'line-color': '#9e8fb2', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
    )
    if (cfg.glyphs) {
      style.glyphs = cfg.glyphs.startsWith('http') ? cfg.glyphs : `${location.origin}${cfg.glyphs}`
      style.layers.push(...labelLayers([cfg.fontstack || 'huoyan-sans']))
    }
  }
  return style
}

/** The font families the browser draws Chinese labels with (MapLibre's `localIdeographFontFamily`). */
export const CJK_FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"

/** Street, water, place and building names: ids start with `base-label-`. */
function labelLayers(font: string[]): StyleSpecification['layers'] {
  const named: ExpressionSpecification = ['!=', ['coalesce', ['get', 'name'], ''], '']
  const halo = { 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 }
  return [
    {
      id: 'base-label-water', type: 'symbol', source: 'base', 'source-layer': 'water', minzoom: 13, filter: named,
      layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': 12, 'text-max-width': 8 },
      paint: { 'text-color': '#4a7d96', ...halo },
    },
    {
      id: 'base-label-roads', type: 'symbol', source: 'base', 'source-layer': 'roads', minzoom: 13, filter: named,
      layout: {
        'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 13, 10, 16, 12.5, 18, 14], 'symbol-spacing': 320, 'text-max-angle': 35,
      },
      paint: { 'text-color': '#4b4b4b', ...halo },
    },
    {
      id: 'base-label-buildings', type: 'symbol', source: 'base', 'source-layer': 'buildings', minzoom: 16.5, filter: named,
      layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': 11, 'text-max-width': 7 },
      paint: { 'text-color': '#7a6d60', ...halo },
    },
    {
      id: 'base-label-places', type: 'symbol', source: 'base', 'source-layer': 'boundaries', minzoom: 11, maxzoom: 16, filter: named,
      layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': ['interpolate', ['linear'], ['zoom'], 11, 12, 15, 15], 'text-max-width': 8 },
      paint: { 'text-color': '#6d5a8c', ...halo },
    },
  ]
}

export interface BaseMapOptions {
  center?: [number, number]
  zoom?: number
  /** Compact attribution (phone width). */
  compact?: boolean
  /** Start a compact attribution folded to its (i) button (small maps it would cover). */
  fold?: boolean
}

/**
 * A MapLibre map on the server's base map with zoom buttons, a scale, the attribution and the test
 * hooks; resolves once the style is loaded.
 */
export async function createBaseMap(container: HTMLElement, cfg: MapConfig, opts: BaseMapOptions = {}): Promise<maplibregl.Map> {
  const center = opts.center || cfg.center
  const m = new maplibregl.Map({
    container,
    style: baseStyle(cfg),
    center: center || [0, 0],
    zoom: opts.zoom ?? (center ? 13 : 1),
    maxZoom: 19,
    attributionControl: false,
    localIdeographFontFamily: CJK_FONTS,
    // Keep the canvas for screenshots in tests.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  })
  ;(window as unknown as { __huoyanMap?: maplibregl.Map }).__huoyanMap = m
  m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right')
  m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left')
  m.addControl(new maplibregl.AttributionControl({ compact: !!opts.compact, customAttribution: cfg.attribution || DEFAULT_ATTRIBUTION }), 'bottom-right')
  // Missing tiles are not fatal; other errors (a bad style) are kept for the tests.
  m.on('error', (e: { error?: Error; tile?: unknown; sourceId?: string }) => {
    if (e.tile || e.sourceId) return
    const w = window as unknown as { __huoyanMapErrors?: string[] }
    ;(w.__huoyanMapErrors ||= []).push(String(e.error?.message || e.error || 'map error'))
  })
  await new Promise<void>((res) => (m.loaded() ? res() : m.once('load', () => res())))
  // A compact attribution starts open and would cover a small map: fold it to its (i) button.
  if (opts.compact && opts.fold) container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show')
  return m
}

/** Removes a map made by [`createBaseMap`] and its test hook. */
export function removeBaseMap(m: maplibregl.Map | null) {
  m?.remove()
  const w = window as unknown as { __huoyanMap?: maplibregl.Map }
  if (w.__huoyanMap === m) delete w.__huoyanMap
}
