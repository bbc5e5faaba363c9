// The console's entry: i18n, the router, a 401 from any request back to the login, then the app.
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './shared/i18n'
import { router } from './shared/router'
import { setUnauthorizedHandler } from './shared/api/client'
import { session } from './shared/auth'
import './style.css'

setUnauthorizedHandler(() => {
  session.me = null
  if (router.currentRoute.value.name !== 'login') {
    void router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
  }
})

document.documentElement.lang = i18n.global.locale.value
createApp(App).use(i18n).use(router).mount('#app')
