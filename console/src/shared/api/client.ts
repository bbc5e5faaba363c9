// The API client: same-origin fetch with the session cookie, JSON in and out, and errors that keep
// the server's code and its refused fields (422 `fields`, and the one field of a coded 409 or 403),
// each with its stable `code` and `params` for translation (shared/validate.ts `codeText`).

export interface FieldError {
  field: string
  /** The server's reason, in words (shown when the code is unknown). */
  message: string
  /** Stable code of the problem (docs/ARCHITECTURE.md, "Error codes"). */
  code?: string
  /** The code's parameters, e.g. `{min: 0, max: 300}`. */
  params?: Record<string, unknown>
}

export class ApiError extends Error {
  status: number
  code: string
  fields: FieldError[]
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message)
    this.status = status
    this.code = code
    this.fields = fields
  }
}

export interface Page<T> {
  items: T[]
  total: number
  limit: number
  offset: number
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>

/** Called on a 401 from any request but the login itself (the session ended). */
let onUnauthorized: (() => void) | null = null
export function setUnauthorizedHandler(f: () => void) {
  onUnauthorized = f
}

export function queryString(q?: Query): string {
  if (!q) return ''
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','))
    } else p.set(k, String(v))
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

export interface RequestOptions {
  method?: string
  body?: unknown
  query?: Query
  /** Raw body (file upload) with its content type. */
  raw?: { data: Blob | ArrayBuffer; type: string }
  /** Do not treat 401 as "session ended" (login, first `me`). */
  quiet401?: boolean
  signal?: AbortSignal
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  // X-Huoyan-Client: the server refuses changes made with the session cookie without it (CSRF).
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Huoyan-Client': 'console' }
  let body: BodyInit | undefined
  if (opts.raw) {
    headers['Content-Type'] = opts.raw.type
    body = opts.raw.data
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  const url = path.startsWith('/') ? path : `/api/v1/${path}`
  const res = await fetch(url + queryString(opts.query), {
    method: opts.method || (body ? 'POST' : 'GET'),
    headers,
    body,
    credentials: 'same-origin',
    signal: opts.signal,
  })
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown = undefined
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = text
    }
  }
  if (!res.ok) {
    const d = (data && typeof data === 'object' ? data : {}) as {
      error?: string
      message?: string
      fields?: { field: string; reason?: string; message?: string; code?: string; params?: Record<string, unknown> }[]
    }
    // The server names each refused field with its code, the code's params and its `reason`.
    const fields: FieldError[] = (d.fields || []).map((f) => ({ field: f.field, message: f.reason ?? f.message ?? '', code: f.code, params: f.params }))
    if (res.status === 401 && !opts.quiet401 && onUnauthorized) onUnauthorized()
    throw new ApiError(res.status, d.error || String(res.status), d.message || res.statusText || String(data || ''), fields)
  }
  return data as T
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  del: (path: string) => request<void>(path, { method: 'DELETE' }),
}
