import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { can, loadMe, session } from './auth'

// Every screen but the login is lazy: the first load carries only the shell.
const Layout = () => import('./views/MainLayout.vue')

declare module 'vue-router' {
  interface RouteMeta {
    /** The resource the route needs read access to. */
    resource?: string
    public?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: Layout,
    children: [
      { path: '', name: 'home', component: () => import('./views/DashboardView.vue'), meta: { resource: 'map' } },
      { path: 'map', name: 'map', component: () => import('./views/MapView.vue'), meta: { resource: 'map' } },
      { path: 'units', name: 'units', component: () => import('./views/RegisterView.vue'), props: { kind: 'units' }, meta: { resource: 'unit' } },
      { path: 'water_sources', name: 'water_sources', component: () => import('./views/RegisterView.vue'), props: { kind: 'water_sources' }, meta: { resource: 'water_source' } },
      { path: 'stations', name: 'stations', component: () => import('./views/RegisterView.vue'), props: { kind: 'stations' }, meta: { resource: 'station' } },
      { path: 'vehicles', name: 'vehicles', component: () => import('./views/RegisterView.vue'), props: { kind: 'vehicles' }, meta: { resource: 'vehicle' } },
      { path: 'users', name: 'users', component: () => import('./views/UsersView.vue'), meta: { resource: 'user' } },
      { path: 'monitor', name: 'monitor', component: () => import('./views/MonitorView.vue'), meta: { resource: 'alarm' } },
      { path: 'incidents', name: 'incidents', component: () => import('./views/IncidentsView.vue'), meta: { resource: 'incident' } },
      { path: 'incidents/:id(\\d+)', name: 'incident', component: () => import('./views/IncidentBoardView.vue'), meta: { resource: 'incident' } },
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
