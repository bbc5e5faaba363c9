// Names for the API types generated from the server's OpenAPI document (openapi.d.ts, `npm run
// gen:api`): a schema by its name, and the JSON a path takes or answers, for the features' clients.
import type { components, paths } from './openapi'

export type Schemas = components['schemas']
/** A schema of the OpenAPI document by its name: `Schema<'Incident'>`. */
export type Schema<N extends keyof Schemas> = Schemas[N]

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never
type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M]

/** The JSON a path answers on success (200 or 201): `Answer<'/api/v1/alarms', 'get'>`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { responses: infer R } ? Json<R[200 & keyof R]> | Json<R[201 & keyof R]> : never

/** The JSON body a path takes: `Body<'/api/v1/incidents', 'post'>`. */
export type Body<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody: infer B } ? Json<B> : Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never
