// The routes (every screen but the login lazy, each from its feature folder) and the guard that sends
// a visitor to the login and a role to the screens it may read.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { can, loadMe, session } from './auth'

// Every screen but the login is lazy: the first load carries only the shell.
const Layout = () => import('./components/MainLayout.vue')

declare module 'vue-router' {
  interface RouteMeta {
    /** The resource the route needs read access to. */
    resource?: string
    public?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('../features/auth/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', name: 'home', component: () => import('../features/dashboard/DashboardView.vue'), meta: { resource: 'map' } },
      { path: 'map', name: 'map', component: () => import('../features/map/MapView.vue'), meta: { resource: 'map' } },
      { path: 'units', name: 'units', component: () => import('../features/registers/RegisterView.vue'), props: { kind: 'units' }, meta: { resource: 'unit' } },
      { path: 'water_sources', name: 'water_sources', component: () => import('../features/registers/RegisterView.vue'), props: { kind: 'water_sources' }, meta: { resource: 'water_source' } },
      { path: 'stations', name: 'stations', component: () => import('../features/registers/RegisterView.vue'), props: { kind: 'stations' }, meta: { resource: 'station' } },
      { path: 'vehicles', name: 'vehicles', component: () => import('../features/registers/RegisterView.vue'), props: { kind: 'vehicles' }, meta: { resource: 'vehicle' } },
      { path: 'users', name: 'users', component: () => import('../features/users/UsersView.vue'), meta: { resource: 'user' } },
      { path: 'monitor', name: 'monitor', component: () => import('../features/monitoring/MonitorView.vue'), meta: { resource: 'alarm' } },
      { path: 'incidents', name: 'incidents', component: () => import('../features/incidents/IncidentsView.vue'), meta: { resource: 'incident' } },
      { path: 'incidents/:id(\\d+)', name: 'incident', component: () => import('../features/incidents/IncidentBoardView.vue'), meta: { resource: 'incident' } },
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHistory(), routes })

/** The first screen a role may open (a unit manager sees only units). */
export function homeFor(): string {
  if (can('map')) return '/'
  if (can('unit')) return '/units'
  return '/login'
}

router.beforeEach(async (to) => {
  if (!session.checked) await loadMe()
  if (to.meta.public) {
    if (to.name === 'login' && session.me) return homeFor()
    return true
  }
  if (!session.me) return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  if (to.meta.resource && !can(to.meta.resource)) {
    const home = homeFor()
    return home === to.path ? true : home
  }
  return true
})
