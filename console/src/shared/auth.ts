// The signed-in account (`GET /api/v1/auth/me`): role, jurisdiction (当前辖区) and permissions,
// which decide the navigation.
import { reactive } from 'vue'
import { api, request } from './api/client'
import type { Answer, Schema } from './api/schema'
import { forgetJurisdictionNames } from './jurisdictions'

export type Permission = Schema<'Permission'>
export type User = Schema<'User'>
export type Me = Schema<'Me'>

export const session = reactive<{ me: Me | null; checked: boolean }>({ me: null, checked: false })

export async function loadMe(): Promise<Me | null> {
  try {
    session.me = await request<Me>('auth/me', { quiet401: true })
  } catch {
    session.me = null
  }
  session.checked = true
  return session.me
}

export async function login(username: string, password: string): Promise<Me> {
  const r = await request<Answer<'/api/v1/auth/login', 'post'>>('auth/login', { method: 'POST', body: { username, password }, quiet401: true })
  forgetJurisdictionNames()
  session.me = r.me
  session.checked = true
  return r.me
}

export async function logout() {
  try {
    await api.post('auth/logout')
  } catch {
    /* already gone */
  }
  forgetJurisdictionNames()
  session.me = null
}

/**
 * Whether the account may `read`, `write` (change) or `create` (新增, 导入, delete) records of
 * `resource`: the server's access table (`huoyan_domain::access`) as `GET /auth/me` answers it.
 * A unit manager may change its own unit but create nothing.
 */
export function can(resource: string, action: 'read' | 'write' | 'create' = 'read'): boolean {
  const p = session.me?.permissions.find((x) => x.resource === resource)
  return !!p && (action === 'read' ? p.read : action === 'write' ? p.write : p.create)
}
