// A register's filters (keyword, type, status, class, station, sort) as the API's list query, and
// their place in the URL (`/units?class=key_unit&offset=20`): a filtered list can be bookmarked and
// survives a reload.
import { reactive } from 'vue'
import { useRoute, useRouter } from 'vue-router'

const EMPTY = { q: '', kind: [] as string[], status: [] as string[], class: '', station_id: '', sort: 'id' }

/** The filters of a paged list whose position is `page.offset`. */
export function useRegisterFilters(page: { offset: number }) {
  const route = useRoute()
  const router = useRouter()
  const q = reactive({ ...EMPTY, kind: [] as string[], status: [] as string[] })

  /** The list query (also the export's). */
  function params() {
    return {
      q: q.q.trim() || undefined,
      kind: q.kind,
      status: q.status,
      class: q.class || undefined,
      station_id: q.station_id || undefined,
      sort: q.sort,
    }
  }

  function clear() {
    Object.assign(q, { ...EMPTY, kind: [], status: [] })
  }

  /** Writes the filters and the offset to the URL (replacing the history entry). */
  function toUrl() {
    const query: Record<string, string> = {}
    if (q.q) query.q = q.q
    if (q.kind.length) query.kind = q.kind.join(',')
    if (q.status.length) query.status = q.status.join(',')
    if (q.class) query.class = q.class
    if (q.station_id) query.station_id = q.station_id
    if (q.sort !== 'id') query.sort = q.sort
    if (page.offset) query.offset = String(page.offset)
    void router.replace({ query })
  }

  function fromUrl() {
    const s = (k: string) => (typeof route.query[k] === 'string' ? (route.query[k] as string) : '')
    q.q = s('q')
    q.kind = s('kind') ? s('kind').split(',') : []
    q.status = s('status') ? s('status').split(',') : []
    q.class = s('class')
    q.station_id = s('station_id')
    q.sort = s('sort') || 'id'
    page.offset = Number(s('offset')) || 0
  }

  return { q, params, clear, toUrl, fromUrl }
}
