// The live channel: Server-Sent Events from /api/v1/events/stream (the browser reconnects and
// resends Last-Event-ID itself), the kept events from /api/v1/events/recent for the first paint,
// the count of unhandled ones, and the cues — a flash and a WebAudio beep (no audio file) for
// level `fire`.
import { reactive } from 'vue'
import { api } from './api/client'

/** An event (the schema `LiveEvent`, written here: the document leaves `data` untyped). */
export interface LiveEvent {
  seq: number
  kind: string
  at: string
  title: string
  level: 'fire' | 'warning' | 'info' | string
  unhandled: boolean
  data: Record<string, unknown> | null
}

const KINDS = ['alarm', 'alarm_update', 'incident', 'incident_update', 'incident_request', 'device', 'test']
const MAX = 200

export const live = reactive({
  events: [] as LiveEvent[],
  connected: false,
  /** Bumped on every fire-level event: the layout flashes while `flashing`. */
  flashing: false,
  /** Events that arrived since the panel was last opened. */
  unseen: 0,
  muted: false,
  panelOpen: false,
})

/**
 * Alarms and incidents are updated by later events about the same object: the latest counts. An
 * `incident_request` (a confirmed fire to take in) is about its alarm: the alarm's update when an
 * incident is made from it settles the request.
 */
function objectKey(e: LiveEvent): string {
  if (e.kind === 'incident_request') {
    const a = (e.data as { alarm?: { id?: unknown } } | null)?.alarm?.id
    if (a !== undefined && a !== null) return `alarm:${a}`
  }
  const id = e.data && (e.data as { id?: unknown }).id
  if (id !== undefined && id !== null) {
    if (e.kind.startsWith('alarm')) return `alarm:${id}`
    if (e.kind.startsWith('incident')) return `incident:${id}`
  }
  return `${e.kind}:${e.seq}`
}

/** Whether an event is the latest about its object and still unhandled (e.g. a 接警请求 not taken in). */
export function stillOpen(e: LiveEvent): boolean {
  const k = objectKey(e)
  return e.unhandled && live.events.find((x) => objectKey(x) === k)?.seq === e.seq
}

export function unhandledCount(): number {
  const latest = new Map<string, LiveEvent>()
  // events are newest first: the first seen per object is its latest state
  for (const e of live.events) {
    const k = objectKey(e)
    if (!latest.has(k)) latest.set(k, e)
  }
  let n = 0
  for (const e of latest.values()) if (e.unhandled) n++
  return n
}

/** Screens that follow the stream (the monitoring centre's queue): each new event as it arrives,
 * or `'resync'` when too much was missed and lists must be reloaded. */
export type LiveListener = (e: LiveEvent | 'resync') => void
const listeners = new Set<LiveListener>()
export function onLive(f: LiveListener): () => void {
  listeners.add(f)
  return () => listeners.delete(f)
}

let source: EventSource | null = null
let audio: AudioContext | null = null
let flashTimer: number | undefined

/** Browsers allow sound only after a user gesture: the first click anywhere unlocks it. */
export function unlockAudio() {
  try {
    if (!audio) {
      const Ctx = window.AudioContext || (window as unknown as { webkitAudioContext: typeof AudioContext }).webkitAudioContext
      if (!Ctx) return
      audio = new Ctx()
    }
    if (audio.state === 'suspended') void audio.resume()
  } catch {
    audio = null
  }
}

/** Three short two-tone beeps (a fire-alarm cue), synthesised. */
export function beep() {
  if (live.muted) return
  unlockAudio()
  if (!audio) return
  const t0 = audio.currentTime + 0.02
  for (let i = 0; i < 3; i++) {
    for (const [j, f] of [880, 660].entries()) {
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.type = 'square'
      osc.frequency.value = f
      const s = t0 + i * 0.5 + j * 0.22
      gain.gain.setValueAtTime(0.0001, s)
      gain.gain.exponentialRampToValueAtTime(0.15, s + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, s + 0.2)
      osc.connect(gain).connect(audio.destination)
      osc.start(s)
      osc.stop(s + 0.21)
    }
  }
  ;(window as unknown as { __huoyanBeeps?: number }).__huoyanBeeps = ((window as unknown as { __huoyanBeeps?: number }).__huoyanBeeps || 0) + 1
}

function flash() {
  live.flashing = true
  window.clearTimeout(flashTimer)
  flashTimer = window.setTimeout(() => (live.flashing = false), 3000)
}

function add(e: LiveEvent, cue: boolean) {
  if (live.events.some((x) => x.seq === e.seq)) return
  live.events.unshift(e)
  live.events.sort((a, b) => b.seq - a.seq)
  if (live.events.length > MAX) live.events.length = MAX
  if (!live.panelOpen) live.unseen++
  if (cue && e.level === 'fire') {
    flash()
    beep()
  }
  if (cue) for (const f of listeners) f(e)
}

async function loadRecent() {
  try {
    const list = await api.get<LiveEvent[]>('events/recent')
    for (const e of list.slice(-MAX)) add(e, false)
    live.unseen = 0
  } catch {
    /* the stream still works */
  }
}

export function startLive() {
  if (source) return
  void loadRecent()
  source = new EventSource('/api/v1/events/stream')
  source.onopen = () => (live.connected = true)
  source.onerror = () => (live.connected = false)
  const on = (ev: MessageEvent) => {
    try {
      add(JSON.parse(ev.data) as LiveEvent, true)
    } catch {
      /* ignore malformed */
    }
  }
  for (const k of KINDS) source.addEventListener(k, on as EventListener)
  source.addEventListener('hello', () => (live.connected = true))
  source.addEventListener('resync', () => {
    void loadRecent()
    for (const f of listeners) f('resync')
  })
}

export function stopLive() {
  source?.close()
  source = null
  live.connected = false
  live.events = []
  live.unseen = 0
}

export async function sendTest(): Promise<LiveEvent> {
  unlockAudio()
  return api.post<LiveEvent>('events/test')
}
