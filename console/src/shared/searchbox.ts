// A search box's state and flow, shared by the map and the incident intake: typed “经度,纬度” goes
// straight to a point; anything else is looked up (`find`), one hit is taken at once, several are
// listed for the user to pick.
import { ref, type Ref } from 'vue'
import { parseLonLat } from './format'

export interface SearchBoxOptions<H> {
  /** Looks the words up. */
  find: (q: string) => Promise<H[]>
  /** A typed coordinate. */
  onPoint: (lon: number, lat: number) => void
  /** A hit taken (the only one, or the one picked). */
  onPick: (h: H) => void
  /** A failed lookup (default: thrown). */
  onError?: (e: unknown) => void
}

export function useSearchBox<H>(o: SearchBoxOptions<H>) {
  const query = ref('')
  const hits = ref([]) as Ref<H[]>
  /** A lookup finished (with or without hits); not for a typed point. */
  const searched = ref(false)
  const searching = ref(false)

  function clear() {
    query.value = ''
    hits.value = []
    searched.value = false
  }

  function pick(h: H) {
    hits.value = []
    searched.value = false
    o.onPick(h)
  }

  async function run() {
    const q = query.value.trim()
    hits.value = []
    searched.value = false
    if (!q) return
    const pt = parseLonLat(q)
    if (pt) {
      o.onPoint(pt[0], pt[1])
      return
    }
    searching.value = true
    try {
      hits.value = await o.find(q)
    } catch (e) {
      if (!o.onError) throw e
      o.onError(e)
    } finally {
      searching.value = false
      searched.value = true
    }
    if (hits.value.length === 1) pick(hits.value[0])
  }

  return { query, hits, searched, searching, run, pick, clear }
}
