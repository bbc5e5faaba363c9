// A paged list loaded from the API (registers, the alarm queue): rows, total, loading and error,
// and a load that aborts the one it replaces (a quick second filter change wins).
import { reactive, ref, type Ref } from 'vue'
import type { Page } from './api/client'

export function usePagedList<T>(fetchPage: (limit: number, offset: number, signal: AbortSignal) => Promise<Page<T>>, limit = 20) {
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const error = ref('')
  const page = reactive({ offset: 0, limit })
  let aborter: AbortController | null = null

  async function load() {
    aborter?.abort()
    aborter = new AbortController()
    loading.value = true
    error.value = ''
    try {
      const r = await fetchPage(page.limit, page.offset, aborter.signal)
      rows.value = r.items
      total.value = r.total
    } catch (e) {
      if ((e as Error).name === 'AbortError') return
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  return { rows, total, loading, error, page, load, abort: () => aborter?.abort() }
}
