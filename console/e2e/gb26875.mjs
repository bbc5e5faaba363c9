// A minimal GB/T 26875.3-2011 sender for the end-to-end tests: builds a component-state upload
// (command 2 发送数据, ADU type 2 上传建筑消防设施部件运行状态) as a UITD would, sends it to the
// gateway over TCP and waits for the centre's 确认 (command 3) with the same serial.
// Frame layout (Table 1): @@ | serial u16 LE | version 1.1 | time 6 | source 6 | destination 6 |
// ADU length u16 LE | command | ADU | checksum (sum of bytes 3…27+L mod 256) | ##.
import net from 'node:net'

/** The six time bytes (sec, min, hour, day, month, year − 2000) of `d` in Asia/Shanghai. */
function timeTag(d = new Date()) {
  const s = new Date(d.getTime() + 8 * 3600_000)
  return [s.getUTCSeconds(), s.getUTCMinutes(), s.getUTCHours(), s.getUTCDate(), s.getUTCMonth() + 1, s.getUTCFullYear() - 2000]
}

function hexBytes(hex) {
  if (!/^[0-9a-f]{12}$/i.test(hex)) throw new Error(`address ${hex}: 12 hex digits`)
  return [...Buffer.from(hex, 'hex')]
}

/**
 * The ADU of one component in 火警 (state bit 1): system type 1 (火灾报警系统) address 1,
 * component type 40 (感烟火灾探测器) at loop `loop`, point `point`, with an ASCII description
 * (≤ 31 bytes; the standard's text is GB 18030, of which ASCII is a subset).
 */
export function componentFireAdu({ loop, point, description }) {
  return componentAdu({ loop, point, description, state: 0x0002 })
}

/** The same component with another state word (bit 1 火警 0x0002, bit 2 故障 0x0004, bit 4 监管 0x0010). */
export function componentAdu({ loop, point, description, state }) {
  const desc = Buffer.alloc(31, 0x20)
  desc.write(description.slice(0, 30), 'ascii')
  desc[30] = 0
  return [2, 1, 1, 1, 40, loop & 0xff, 0, point & 0xff, 0, state & 0xff, state >> 8, ...desc, ...timeTag()]
}

export function frame({ serial, source, destination = '000000000000', command = 2, adu = [] }) {
  const head = [serial & 0xff, serial >> 8, 1, 1, ...timeTag(), ...hexBytes(source), ...hexBytes(destination), adu.length & 0xff, adu.length >> 8, command]
  const body = [...head, ...adu]
  const sum = body.reduce((s, b) => (s + b) & 0xff, 0)
  return Buffer.from([0x40, 0x40, ...body, sum, 0x23, 0x23])
}

/** Whether something listens on host:port. */
export function reachable(hostPort, timeoutMs = 2000) {
  const [host, port] = hostPort.split(':')
  return new Promise((resolve) => {
    const s = net.connect({ host, port: Number(port) })
    const done = (ok) => {
      s.destroy()
      resolve(ok)
    }
    s.setTimeout(timeoutMs, () => done(false))
    s.once('connect', () => done(true))
    s.once('error', () => done(false))
  })
}

/** A UITD connection: `send(frame)` resolves with the reply's command byte (3 = 确认, 6 = 否认). */
export async function connectUitd(hostPort) {
  const [host, port] = hostPort.split(':')
  const sock = net.connect({ host, port: Number(port) })
  await new Promise((resolve, reject) => {
    sock.once('connect', resolve)
    sock.once('error', reject)
  })
  let buf = Buffer.alloc(0)
  const waiting = new Map()
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d])
    // Frames: @@ … length at bytes 25–26 (1-based) … ##; total 30 + L.
    for (;;) {
      const at = buf.indexOf('@@')
      if (at < 0 || buf.length < at + 30) break
      const len = buf.readUInt16LE(at + 24)
      if (buf.length < at + 30 + len) break
      const f = buf.subarray(at, at + 30 + len)
      buf = buf.subarray(at + 30 + len)
      const serial = f.readUInt16LE(2)
      const command = f[26]
      if ((command === 3 || command === 6) && waiting.has(serial)) {
        waiting.get(serial)(command)
        waiting.delete(serial)
      }
    }
  })
  return {
    send(bytes, timeoutMs = 10_000) {
      const serial = bytes.readUInt16LE(2)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reply to serial ${serial} within ${timeoutMs} ms`)), timeoutMs)
        waiting.set(serial, (c) => {
          clearTimeout(timer)
          resolve(c)
        })
        sock.write(bytes)
      })
    },
    close() {
      sock.destroy()
    },
  }
}
