// Display helpers: times are stored UTC and shown in Asia/Shanghai.
export function shanghai(at: string | null | undefined, withDate = true): string {
  if (!at) return ''
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const opts: Intl.DateTimeFormatOptions = withDate
    ? { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
    : { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
  return new Intl.DateTimeFormat('zh-CN', opts).format(d)
}

export function pct(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return `${(n * 100).toFixed(digits)}%`
}

/** Great-circle distance in metres. */
export function haversine(a: [number, number], b: [number, number]): number {
  const R = 6371008.8
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLon = (b[0] - a[0]) * rad
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)))
}

export function distanceLabel(m: number): string {
  return m < 1000 ? `${m.toFixed(0)} m` : `${(m / 1000).toFixed(2)} km`
}

const LON_LAT = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，\s]\s*(-?\d{1,2}(?:\.\d+)?)\s*$/

/** A typed “经度,纬度” (comma, Chinese comma or space) within WGS84 range, or null. */
export function parseLonLat(q: string): [number, number] | null {
  const c = q.match(LON_LAT)
  if (!c) return null
  const lon = Number(c[1])
  const lat = Number(c[2])
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : null
}
