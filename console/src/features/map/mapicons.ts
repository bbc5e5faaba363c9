// Map symbols drawn on canvas and registered with `map.addImage` (no sprite file, nothing fetched),
// and the same drawings as data URLs for the legend. Text on the map (station names, cluster
// counts) is drawn the same way, so the map needs no glyph server: see docs/CONSOLE.md.

export const RATIO = Math.min(2, Math.max(1, Math.ceil(window.devicePixelRatio || 1)))
export const FONT = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif"

export const STATION_KINDS = ['special', 'level1', 'level2', 'small', 'logistics', 'gov_full_time', 'enterprise', 'volunteer', 'micro']
const STATION_GLYPH: Record<string, string> = {
  special: '特', level1: '一', level2: '二', small: '小', logistics: '保', gov_full_time: '专', enterprise: '企', volunteer: '志', micro: '微',
}
const STATION_COLOUR: Record<string, string> = {
  special: '#b71c1c', level1: '#d32f2f', level2: '#e53935', small: '#ef5350', logistics: '#6a1b9a',
  gov_full_time: '#ef6c00', enterprise: '#795548', volunteer: '#2e7d32', micro: '#ff7043',
}
export const WATER_KINDS = ['hydrant_above', 'hydrant_below', 'water_crane', 'pool', 'natural_intake', 'dock']
export const WATER_STATUSES = ['intact', 'damaged', 'disabled', 'unverified']
export const WATER_COLOUR: Record<string, string> = { intact: '#1e88e5', damaged: '#e53935', disabled: '#616161', unverified: '#f9a825' }
export const UNIT_CLASSES = ['key_unit', 'high_risk', 'nine_small', 'three_in_one', 'none']
export const UNIT_COLOUR: Record<string, string> = { key_unit: '#d32f2f', high_risk: '#ef6c00', nine_small: '#1565c0', three_in_one: '#7b1fa2', none: '#78909c' }
/** A unit with several classes is drawn with the most severe. */
export const CLASS_PRIORITY = ['high_risk', 'key_unit', 'three_in_one', 'nine_small']

export function canvas(w: number, h: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const c = document.createElement('canvas')
  c.width = Math.ceil(w * RATIO)
  c.height = Math.ceil(h * RATIO)
  const ctx = c.getContext('2d')!
  ctx.scale(RATIO, RATIO)
  return [c, ctx]
}

export function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

function star(ctx: CanvasRenderingContext2D, cx: number, cy: number, R: number, r: number) {
  ctx.beginPath()
  for (let i = 0; i < 10; i++) {
    const a = (Math.PI / 5) * i - Math.PI / 2
    const rad = i % 2 ? r : R
    ctx.lineTo(cx + rad * Math.cos(a), cy + rad * Math.sin(a))
  }
  ctx.closePath()
}

function poly(ctx: CanvasRenderingContext2D, pts: [number, number][]) {
  ctx.beginPath()
  pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)))
  ctx.closePath()
}

export function stationIcon(kind: string): HTMLCanvasElement {
  const s = kind === 'micro' ? 20 : 26
  const [c, ctx] = canvas(s + 4, s + 4)
  roundRect(ctx, 2, 2, s, s, 5)
  ctx.fillStyle = STATION_COLOUR[kind] || '#d32f2f'
  ctx.fill()
  ctx.lineWidth = 2
  ctx.strokeStyle = '#fff'
  ctx.stroke()
  ctx.fillStyle = '#fff'
  ctx.font = `bold ${Math.round(s * 0.58)}px ${FONT}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(STATION_GLYPH[kind] || '站', 2 + s / 2, 2 + s / 2 + 1)
  return c
}

export function waterIcon(kind: string, status: string): HTMLCanvasElement {
  const s = 16
  const [c, ctx] = canvas(s, s)
  const m = s / 2
  ctx.fillStyle = WATER_COLOUR[status] || '#1e88e5'
  ctx.strokeStyle = '#fff'
  ctx.lineWidth = 2
  switch (kind) {
    case 'water_crane':
      poly(ctx, [[m, 1.5], [s - 1.5, s - 2], [1.5, s - 2]])
      break
    case 'pool':
      ctx.beginPath()
      ctx.rect(2, 2, s - 4, s - 4)
      break
    case 'natural_intake':
    case 'dock':
      poly(ctx, [[m, 1], [s - 1, m], [m, s - 1], [1, m]])
      break
    default:
      ctx.beginPath()
      ctx.arc(m, m, m - 1.5, 0, Math.PI * 2)
  }
  ctx.fill()
  ctx.stroke()
  if (kind === 'hydrant_below' || kind === 'dock') {
    ctx.beginPath()
    ctx.arc(m, m, 2.2, 0, Math.PI * 2)
    ctx.fillStyle = '#fff'
    ctx.fill()
  }
  return c
}

export function unitIcon(cls: string): HTMLCanvasElement {
  const s = cls === 'none' ? 10 : 18
  const [c, ctx] = canvas(s, s)
  const m = s / 2
  ctx.fillStyle = UNIT_COLOUR[cls] || UNIT_COLOUR.none
  ctx.strokeStyle = '#fff'
  ctx.lineWidth = 1.5
  switch (cls) {
    case 'key_unit':
      star(ctx, m, m + 0.5, m - 0.5, m * 0.45)
      break
    case 'high_risk':
      poly(ctx, [[m, 1], [s - 1, s - 1.5], [1, s - 1.5]])
      break
    case 'three_in_one':
      ctx.beginPath()
      ctx.rect(2, 2, s - 4, s - 4)
      break
    default:
      ctx.beginPath()
      ctx.arc(m, m, m - 1.5, 0, Math.PI * 2)
  }
  ctx.fill()
  ctx.stroke()
  return c
}

/** A cluster bubble with its count; a red ring when it holds damaged water sources. */
export function clusterIcon(layer: string, count: string, alert: boolean): HTMLCanvasElement {
  const n = Number(count.replace(/k$/, '000')) || 0
  const r = n >= 1000 ? 22 : n >= 100 ? 18 : n >= 10 ? 15 : 12
  const s = r * 2 + 4
  const [c, ctx] = canvas(s, s)
  ctx.beginPath()
  ctx.arc(s / 2, s / 2, r, 0, Math.PI * 2)
  ctx.fillStyle = layer === 'w' ? 'rgba(21,101,192,0.85)' : 'rgba(94,53,177,0.85)'
  ctx.fill()
  ctx.lineWidth = alert ? 3.5 : 2
  ctx.strokeStyle = alert ? '#e53935' : '#fff'
  ctx.stroke()
  ctx.fillStyle = '#fff'
  ctx.font = `bold ${r >= 18 ? 13 : 12}px ${FONT}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(count, s / 2, s / 2 + 1)
  return c
}

/** A text label with a white halo (station names). */
export function labelIcon(text: string): HTMLCanvasElement {
  const probe = document.createElement('canvas').getContext('2d')!
  probe.font = `600 12px ${FONT}`
  const w = Math.ceil(probe.measureText(text).width) + 8
  const [c, ctx] = canvas(w, 18)
  ctx.font = `600 12px ${FONT}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.lineJoin = 'round'
  ctx.lineWidth = 3
  ctx.strokeStyle = 'rgba(255,255,255,0.95)'
  ctx.strokeText(text, w / 2, 9)
  ctx.fillStyle = '#8e1b1b'
  ctx.fillText(text, w / 2, 9)
  return c
}

export function toImageData(c: HTMLCanvasElement): ImageData {
  return c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
}

export interface LegendImages {
  station: { k: string; src: string }[]
  waterStatus: { s: string; src: string }[]
  waterKind: { k: string; src: string }[]
  unit: { c: string; src: string }[]
}
let legend: LegendImages | null = null

/** The legend's pictures: the symbols drawn on the map, as data URLs (made once). */
export function legendImages(): LegendImages {
  legend ||= {
    station: STATION_KINDS.map((k) => ({ k, src: stationIcon(k).toDataURL() })),
    waterStatus: WATER_STATUSES.map((s) => ({ s, src: waterIcon('hydrant_above', s).toDataURL() })),
    waterKind: WATER_KINDS.map((k) => ({ k, src: waterIcon(k, 'intact').toDataURL() })),
    unit: UNIT_CLASSES.map((c) => ({ c, src: unitIcon(c).toDataURL() })),
  }
  return legend
}
