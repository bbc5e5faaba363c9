import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The dev server proxies the API and tiles to a running `huoyan` (default 127.0.0.1:8080;
// HUOYAN_API=http://127.0.0.1:8181 npm run dev for another one).
const api = process.env.HUOYAN_API || 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components (and only their CSS) are imported where they are used.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/tiles': { target: api, changeOrigin: false },
    },
  },
  build: {
    target: 'es2020',
    chunkSizeWarningLimit: 1100,
    // Source maps stay out of dist: the server ships dist as is.
    sourcemap: false,
    // No manualChunks: the map library and the chart library are imported only by the lazy map and
    // dashboard routes, so they land in those routes' chunks and never in the first load (a manual
    // chunk pulled a shared CommonJS helper along and with it the whole map library into index).
  },
})
