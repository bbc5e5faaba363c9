// The distance measure of 一张图: points clicked on the map while it is on, their great-circle total,
// and the dashed line drawn on its own source; a double-click (or Esc, handled by the map view) ends it.
import { computed, ref, type ShallowRef } from 'vue'
import type maplibregl from 'maplibre-gl'
import type { GeoJSONSource } from 'maplibre-gl'
import { haversine } from '../../shared/format'
import { fc } from './layers'

export function useMeasure(map: ShallowRef<maplibregl.Map | null>) {
  const measuring = ref(false)
  const points = ref<[number, number][]>([])
  const total = computed(() => {
    let d = 0
    for (let i = 1; i < points.value.length; i++) d += haversine(points.value[i - 1], points.value[i])
    return d
  })

  function draw() {
    const pts = points.value
    const feats: unknown[] = pts.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: {} }))
    if (pts.length > 1) feats.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: pts }, properties: {} })
    ;(map.value?.getSource('measure') as GeoJSONSource | undefined)?.setData(fc(feats))
  }

  /** Its source and layers (on top of what is there) and the double-click that ends it. */
  function install(m: maplibregl.Map) {
    m.addSource('measure', { type: 'geojson', data: fc([]) })
    m.addLayer({ id: 'measure-line', type: 'line', source: 'measure', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#212121', 'line-width': 2.5, 'line-dasharray': [2, 1] } })
    m.addLayer({ id: 'measure-pts', type: 'circle', source: 'measure', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4.5, 'circle-color': '#fff', 'circle-stroke-color': '#212121', 'circle-stroke-width': 2 } })
    m.on('dblclick', () => {
      if (measuring.value) toggle()
    })
  }

  function add(lon: number, lat: number) {
    points.value = [...points.value, [lon, lat]]
    draw()
  }

  /** Starts (from no points, a crosshair, no double-click zoom) or ends measuring. */
  function toggle() {
    measuring.value = !measuring.value
    const m = map.value
    if (!m) return
    if (measuring.value) {
      points.value = []
      draw()
      m.doubleClickZoom.disable()
      m.getCanvas().style.cursor = 'crosshair'
    } else {
      m.doubleClickZoom.enable()
      m.getCanvas().style.cursor = ''
    }
  }

  function clear() {
    points.value = []
    draw()
  }

  return { measuring, points, total, install, add, toggle, clear }
}

export type Measure = ReturnType<typeof useMeasure>
