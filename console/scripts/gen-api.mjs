// Generates src/shared/api/openapi.d.ts, the TypeScript types of huoyan's API, from its OpenAPI
// document with openapi-typescript. Usage (in console/):
//   npm run gen:api                                   # http://127.0.0.1:8080/api/v1/openapi.json
//   npm run gen:api -- http://127.0.0.1:18080/api/v1/openapi.json
//   npm run gen:api -- path/to/openapi.json --out /tmp/openapi.d.ts
// The output depends on the document only (no date, no source named), so the same document gives
// the same bytes: scripts/test-e2e.sh regenerates it from the server under test and fails when the
// committed file differs.
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const DEFAULT_SOURCE = 'http://127.0.0.1:8080/api/v1/openapi.json'
const DEFAULT_OUT = fileURLToPath(new URL('../src/shared/api/openapi.d.ts', import.meta.url))

const HEADER = `// Generated from huoyan's OpenAPI document (GET /api/v1/openapi.json) by openapi-typescript: do not edit.
// Regenerate against a running server (huoyan demo or serve) and commit the result:
//   cd console && npm run gen:api -- http://127.0.0.1:8080/api/v1/openapi.json
// scripts/test-e2e.sh fails while this file differs from what the server under test documents.
`

function usage(msg) {
  console.error(`gen:api: ${msg}\nusage: npm run gen:api -- [URL or file of openapi.json] [--out FILE]`)
  process.exit(2)
}

const args = process.argv.slice(2)
let source = DEFAULT_SOURCE
let out = DEFAULT_OUT
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') {
    out = args[++i] ?? usage('--out needs a file')
  } else if (args[i].startsWith('-')) {
    usage(`unknown option ${args[i]}`)
  } else {
    source = args[i]
  }
}

async function load(src) {
  if (/^https?:\/\//.test(src)) {
    let res
    try {
      res = await fetch(src, { headers: { Accept: 'application/json' } })
    } catch (e) {
      throw new Error(`cannot fetch ${src} (${e.cause?.code || e.message}): is huoyan running there?`)
    }
    if (!res.ok) throw new Error(`${src} answered ${res.status}`)
    return res.json()
  }
  return JSON.parse(await readFile(src, 'utf8'))
}

try {
  const doc = await load(source)
  const ast = await openapiTS(doc, { silent: true })
  const body = astToString(ast).replace(/[ \t]+$/gm, '')
  await writeFile(out, HEADER + '\n' + body.trimEnd() + '\n')
  if (out === DEFAULT_OUT) console.log(`gen:api: wrote ${out}`)
} catch (e) {
  console.error(`gen:api: ${e.message}`)
  process.exit(1)
}
