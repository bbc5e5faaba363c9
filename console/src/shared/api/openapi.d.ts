// Generated from huoyan's OpenAPI document (GET /api/v1/openapi.json) by openapi-typescript: do not edit.
// Regenerate against a running server (huoyan demo or serve) and commit the result:
//   cd console && npm run gen:api -- http://127.0.0.1:8080/api/v1/openapi.json
// scripts/test-e2e.sh fails while this file differs from what the server under test documents.

export interface paths {
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alarms (远程监控): the operator's queue (sort=priority) or the history (sort=time, the default) */
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated: open (未处理), escalated (超时未处理), handled (已处理); default all */
                    status?: string;
                    /** @description fire, fault, power_fault, supervise, offline, low_pressure, … */
                    kind?: "fire" | "fault" | "power_fault" | "supervise" | "offline" | "low_pressure" | "low_level" | "over_limit" | "shield" | "started" | "feedback";
                    /** @description comma-separated: fire (火警), warning (预警), info (信息) */
                    level?: string;
                    /** @description the monitored unit */
                    unit_id?: number;
                    /** @description device address (a UITD's 12 hex digits or a sensor's address) */
                    device?: string;
                    /** @description first signal at or after (RFC 3339) */
                    since?: string;
                    /** @description 1–500 (default 50) */
                    limit?: number;
                    /** @description rows to skip */
                    offset?: number;
                    /** @description time (newest first, the default: the history) or priority (the operator's queue: unhandled 火警 first, overdue ones first among them, then other overdue alarms, then the other unhandled by level, then the handled; newest first within each); -id and queue are the older names of time and priority */
                    sort?: "time" | "priority" | "-id" | "queue";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Alarm"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unhandled alarms now (火警, 故障 incl. 电源故障, other; how many overdue): the queue's header, which handling brings to zero */
        get: {
            parameters: {
                query?: {
                    /** @description only this unit's */
                    unit_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlarmCounts"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Handle 1–100 alarms at once with one result — false (误报) | test (测试) | ignored (忽略), never real — and one note; all or nothing (the first refusal names ids[i] and nothing is written); audited per alarm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BatchHandling"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Online rate, intact rate, false-alarm rate, time to handle */
        get: {
            parameters: {
                query?: {
                    /** @description period start (RFC 3339; default 30 days ago) */
                    since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MonitoringKpis"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alarm with its merged components */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Handle an alarm: real (确认真实火警) | false (误报) | test (测试) | ignored (忽略) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Handling"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description table name */
                    entity?: string;
                    /** @description record id */
                    entity_id?: number;
                    /** @description 1–1000, default 100 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditRecord"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; returns a bearer token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequest"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResponse"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description wrong user name or password, or the account is disabled */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description too many failed logins for this user name or from this address: wait Retry-After seconds */
                429: {
                    headers: {
                        /** @description seconds to wait */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, jurisdiction and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buildings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List buildings (建筑) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Building"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a buildings record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Building"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/buildings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one buildings record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a buildings record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Building"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a buildings record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a buildings record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Home dashboard: units by class and jurisdiction, water-source intact rate by type, stations and vehicles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Dashboard"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered UITDs and sensors with online state and their units' names */
        get: {
            parameters: {
                query?: {
                    /** @description only this unit's */
                    unit_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeviceListing"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Register a UITD by its 6-byte address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeviceInput"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a device's name or the source addresses its GB/T 26875.3 connections must come from (allowed_sources) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeviceUpdate"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/devices/{id}/frames": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The device's last 100 frames, decoded, each with a one-line Chinese summary */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dispatch-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dispatch plans (调派方案) in force and the load history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanSets"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Load a dispatch plan set (TOML or JSON); in force at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PlanSet"];
                    "application/toml": string;
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlanSetInfo"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/eta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Travel time of every force you may see to a point, fastest first */
        get: {
            parameters: {
                query: {
                    /** @description LON,LAT */
                    at: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no road near the point (no_road_near) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events kept for reconnecting consoles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LiveEvent"][];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events for the console (alarm, alarm_update, incident, incident_request, device, test); resumes after Last-Event-ID */
        get: {
            parameters: {
                query?: {
                    /** @description resume after this event id (the `id:` of an event received) */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a test event (声光测试) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LiveEvent"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health of the server and database */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents (警情) in your jurisdiction, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description comma-separated: received, dispatched, on_scene, closed */
                    status?: string;
                    /** @description fire, rescue, social_assistance, security_duty, false_alarm (or the Chinese term) */
                    category?: "fire" | "rescue" | "social_assistance" | "security_duty" | "false_alarm";
                    /** @description true: only those not closed */
                    open?: boolean;
                    /** @description 接警编号 (2026-000123) or its sequence alone (123: digits match numbers only), or a part of the address or of the unit's name */
                    q?: string;
                    /** @description 1–1000, default 50 */
                    limit?: number;
                    /** @description rows to skip */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Incident"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Take an incident in (接警) from coordinates, a unit id or a unit search, or from a fire alarm confirmed as real (source.kind = alarm; its unit is the default place; 409 when the alarm is already an incident); answers with the recommendation and the server time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IncidentRequest"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Intake"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents now and today (the leader's home page): open by status, with people trapped, vehicles committed, today's intake by category (today: 00:00 Asia/Shanghai), and a daily series ending today */
        get: {
            parameters: {
                query?: {
                    /** @description days of the daily series, 1–366, default 30 */
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentSummary"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Escalate or correct an incident (level, category, sub-type, address, notes, deaths/injuries/loss) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IncidentPatch"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Incident"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/incidents/{id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident screen in one call: incident, timeline, dispatches (with names and ETA labels), fresh recommendation, routes as GeoJSON with ETA labels, pre-plan, nearby water */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 一键调派 {"recommended": true}, or a chosen set of vehicles and stations to alert; committed vehicles answer 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DispatchRequest"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/preplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pre-plan of the incident's unit or of the nearest key unit within 300 m */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IncidentPrePlan"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/recommendation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A fresh recommendation: the plan in force filled by road travel time, 1–3–5 minute alerts, what is missing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Recommendation"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The timeline, in time order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TimelineEntry"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Record a stage (出动, 到场, 出水, 撤离, 归队 …) for the incident, one vehicle (`vehicle_id`) or several at once (`vehicle_ids`: one entry each, all recorded or none; the answer's `entries`). Each vehicle's own stages are checked in its own order, the incident's stages against the incident's first 出动/到场 (a reinforcement may arrive after 出水): impossible orders 422 (`timeline_order`, `timeline_before_received`; times in Asia/Shanghai's offset; refusals about one vehicle name `vehicle_id`), implausible values flagged; moves each vehicle's status (409 `vehicle_state`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewTimelineEntry"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TimelineOutcome"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents/{id}/water": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Water sources near the incident with status and road distance */
        get: {
            parameters: {
                query?: {
                    /** @description metres, 10–3000, default 500 */
                    radius_m?: number;
                };
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NearbyWater"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The jurisdiction tree of your subtree */
        get: {
            parameters: {
                query?: {
                    /** @description include boundaries: true|false */
                    boundary?: "true" | "false" | "1" | "0";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a node under a parent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Jurisdiction"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jurisdictions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a node */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Change a node */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Jurisdiction"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete an empty node */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/map/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to draw the base map: vector tile URL, zooms, layers, attribution, initial view */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MapConfig"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/map/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Map features in a bounding box as GeoJSON */
        get: {
            parameters: {
                query: {
                    /** @description minLon,minLat,maxLon,maxLat (the minimum not above the maximum) */
                    bbox: string;
                    /** @description comma-separated: stations, water_sources, units, roads, buildings */
                    layers?: string;
                    /** @description features per layer, 1–5000 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List personnel (人员) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Person"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a personnel record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personnel/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one personnel record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a personnel record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a personnel record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a personnel record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/preplan-attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an attachment */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/preplans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Digital pre-plans (数字化预案) with completeness, least complete first */
        get: {
            parameters: {
                query?: {
                    /** @description 1–1000 */
                    limit?: number;
                    /** @description rows to skip */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PrePlanSummary"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create (201) or replace (200) the pre-plan of a key unit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PrePlanInput"];
                };
            };
            responses: {
                /** @description replaced the unit's pre-plan */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrePlan"];
                    };
                };
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrePlan"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/preplans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One pre-plan with attachments and completeness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrePlan"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a pre-plan's document */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PrePlanDoc"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrePlan"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a pre-plan and its attachments */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/preplans/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a floor plan: PNG, JPEG, WebP or PDF as the raw body, at most 10 MiB */
        post: {
            parameters: {
                query: {
                    /** @description file name */
                    name: string;
                };
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PrePlan"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List roads (道路) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Road"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a roads record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Road"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Road"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one roads record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Road"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a roads record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Road"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Road"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a roads record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a roads record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Road"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Travel time, distance and path by road for a fire engine */
        get: {
            parameters: {
                query: {
                    /** @description LON,LAT */
                    from: string;
                    /** @description LON,LAT */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no road near a point (no_road_near), or no road between them (unreachable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Classification rule sets and the one in force */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleSets"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Load a province's rule set (TOML or JSON); reclassifies units */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RuleSet"];
                    "application/toml": string;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RuleSetLoaded"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find units, water sources and stations by name, code or address */
        get: {
            parameters: {
                query: {
                    /** @description text to find */
                    q: string;
                    /** @description comma-separated: water_sources, units, stations */
                    layers?: string;
                    /** @description results per layer, 1–100, default 10 */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchResult"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register an IoT sensor (物联网传感器) bound to a unit, building and (pressure) water source; answers its ingestion token once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewSensor"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SensorRegistration"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sensor readings in (device token in X-Huoyan-Device-Token, not a session): stored before the answer, then evaluated against the threshold rules */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReadingsPayload"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResult"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors/{id}/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sensor's recent readings, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1–1000, default 100 */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Reading"][];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a sensor's ingestion token (the old one stops working); answers the new token once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SensorRegistration"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stations (消防站/队) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Station"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a stations record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Station"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Station"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one stations record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Station"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a stations record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Station"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Station"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a stations record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a stations record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Station"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of what your jurisdiction holds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Stats"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vocabularies: codes and Chinese terms (registers, roles, incident categories and statuses, timeline stages, dispatch statuses, alarm kinds and results) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sensor threshold rules in force, each with its source (standard and clause) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ThresholdsInForce"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Load a threshold rule set (TOML, or JSON) without code changes; in force for readings from now on (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ThresholdRules"];
                    "application/toml": string;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ThresholdsInForce"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List units (社会单位) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Unit"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a units record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export units to .xlsx (same filters as the list) */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import units from .xlsx or CSV with Chinese headers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadResult"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one units record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a units record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a units record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a units record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Unit"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts in your subtree (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"][];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create an account (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserInput"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Change an account */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserInput"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete an account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vehicles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List vehicles (消防车辆) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Vehicle"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a vehicles record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Vehicle"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vehicle"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vehicles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one vehicles record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vehicle"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a vehicles record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Vehicle"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vehicle"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a vehicles record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a vehicles record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vehicle"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/vehicles/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a vehicle 在队 or 检修 by hand, or call off a dispatch before the vehicle leaves */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StatusChange"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vehicle"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/water_sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List water_sources (消防水源) in your jurisdiction */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WaterSource"][];
                            limit?: number;
                            offset?: number;
                            total: number;
                        };
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        /** Create a water_sources record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WaterSource"];
                };
            };
            responses: {
                /** @description success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WaterSource"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/water_sources/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export water_sources to .xlsx (same filters as the list) */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name or code, case-insensitive */
                    q?: string;
                    /** @description type codes, comma-separated (station kind, water kind, road class, use category …) */
                    kind?: string;
                    /** @description status codes, comma-separated */
                    status?: string;
                    /** @description unit class code: key_unit, high_risk, nine_small, three_in_one (units) */
                    class?: string;
                    /** @description the station of vehicles and personnel (alias parent_id) */
                    station_id?: number;
                    /** @description only this jurisdiction's subtree */
                    jurisdiction_id?: number;
                    /** @description minLon,minLat,maxLon,maxLat (WGS84; the minimum not above the maximum) */
                    bbox?: string;
                    /** @description page size, 1–5000, default 50 */
                    limit?: number;
                    /** @description rows to skip, default 0 */
                    offset?: number;
                    /** @description id, -id, name or -updated_at */
                    sort?: "id" | "-id" | "name" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description jurisdiction_id names no jurisdiction in your subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/water_sources/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import water_sources from .xlsx or CSV with Chinese headers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadResult"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/water_sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one water_sources record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WaterSource"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        /** Replace a water_sources record */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WaterSource"];
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WaterSource"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a water_sources record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some fields of a water_sources record (JSON merge patch, RFC 7396) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description record id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/merge-patch+json": Record<string, never>;
                };
            };
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WaterSource"];
                    };
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description conflicts with the current state (the code in `fields`) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description body too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description unsupported Content-Type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description invalid fields (each named in `fields` with its code) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/tiles/{z}/{x}/{y}.mvt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A base-map vector tile (Mapbox Vector Tile 2.1: roads, buildings, boundaries); outside /api/v1; session cookie or bearer token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description zoom, 0–22 (content at 10–18) */
                    z: number;
                    /** @description column, 0 ≤ x < 2^z, west to east (404 beyond) */
                    x: number;
                    /** @description row, 0 ≤ y < 2^z, north to south (XYZ scheme), followed by `.mvt` (404 beyond) */
                    y: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.mapbox-vector-tile": string;
                    };
                };
                /** @description nothing in this tile */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description unchanged since the ETag in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description malformed request: a parameter or the body is not what this document says */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not logged in, or the session expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description not allowed for your role or jurisdiction (or a cookie session without X-Huoyan-Client) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
                /** @description no such record, or outside your jurisdiction */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorBody"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An alarm. */
        Alarm: {
            /**
             * Format: int64
             * @description Signals merged into it.
             */
            count: number;
            /** @description `{ "components": [...], "unit_name": ... }`. */
            detail: unknown;
            /** @description Its address. */
            device_address: string;
            /**
             * Format: int64
             * @description The device.
             */
            device_id?: number | null;
            /** @description When it became overdue. */
            escalated_at?: string | null;
            /** @description First signal (UTC RFC 3339). */
            first_at: string;
            /**
             * Format: int64
             * @description First frame.
             */
            first_frame_id?: number | null;
            /** @description When handled. */
            handled_at?: string | null;
            /** @description Who handled it. */
            handled_by?: string | null;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description The incident a confirmed fire became.
             */
            incident_id?: number | null;
            /**
             * Format: int64
             * @description Jurisdiction node (the device's).
             */
            jurisdiction_id: number;
            /** @description Kind code. */
            kind: string;
            /** @description Latest signal. */
            last_at: string;
            /**
             * Format: int64
             * @description Latest frame.
             */
            last_frame_id?: number | null;
            /** @description `fire`, `warning`, `info`. */
            level: string;
            /** @description The operator's note. */
            note?: string | null;
            /**
             * @description The operator's finding once handled: `real`, `false`, `test`, `ignored`, or `recovered`
             *     (resolved by the system).
             */
            result?: string | null;
            /** @description `open` (未处理), `escalated` (超时未处理) or `handled` (已处理). */
            status: string;
            /** @description Headline detail in Chinese. */
            summary: string;
            /**
             * Format: int64
             * @description The monitored unit.
             */
            unit_id?: number | null;
        };
        /** @description Unhandled (未处理: open or escalated) alarms, as the queue's header shows them. */
        AlarmCounts: {
            /**
             * Format: int64
             * @description Of all of them, those overdue (超时未处理).
             */
            escalated: number;
            /**
             * Format: int64
             * @description 故障: faults and power faults (故障, 电源故障).
             */
            fault: number;
            /**
             * Format: int64
             * @description 火警.
             */
            fire: number;
            /**
             * Format: int64
             * @description Every other kind (监管, 离线, sensor thresholds, 屏蔽/启动/反馈 …).
             */
            other: number;
            /**
             * Format: int64
             * @description fire + fault + other.
             */
            total: number;
        };
        /** @description A station to alert (联动通知). */
        Alert: {
            /**
             * Format: double
             * @description Road travel time, seconds (`None`: unknown or unreachable by road).
             */
            eta_s?: number | null;
            /** @description Kind. */
            kind: components["schemas"]["StationKind"];
            /** @description Name. */
            name: string;
            /** @description Rule that alerted it. */
            reason: components["schemas"]["AlertReason"];
            /**
             * Format: int64
             * @description Station id.
             */
            station_id: number;
            /** @description The rule in words. */
            text: string;
        };
        /**
         * @description Why a station is alerted.
         * @enum {string}
         */
        AlertReason: "own_micro" | "joint";
        /** @description One recommended vehicle. */
        Assignment: {
            /**
             * Format: double
             * @description Road travel time, seconds.
             */
            eta_s: number;
            /** @description Family. */
            family: components["schemas"]["VehicleFamily"];
            /** @description The requirement's label. */
            label: string;
            /** @description Index of the requirement in the plan. */
            requirement: number;
            /**
             * Format: int64
             * @description Station id.
             */
            station_id: number;
            /** @description Station kind. */
            station_kind: components["schemas"]["StationKind"];
            /** @description Station name. */
            station_name: string;
            /**
             * Format: int64
             * @description Vehicle id.
             */
            vehicle_id: number;
            /** @description Call sign. */
            vehicle_name: string;
            /** @description Type. */
            vehicle_type: string;
            /** @description Within the 5-minute target. */
            within_target: boolean;
        };
        /** @description An attachment's metadata. */
        AttachmentMeta: {
            /** @description `image/png`, `image/jpeg`, `image/webp` or `application/pdf`. */
            content_type: string;
            /** @description Uploaded (UTC). */
            created_at: string;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /** @description File name. */
            name: string;
            /** @description SHA-256, hex. */
            sha256: string;
            /**
             * Format: int64
             * @description Size, bytes.
             */
            size_bytes: number;
        };
        /** @description A stored audit entry. */
        AuditRecord: {
            /** @description What was done. */
            action: string;
            /** @description any JSON value, or null */
            after?: unknown;
            /** @description When (UTC). */
            at: string;
            /** @description any JSON value, or null */
            before?: unknown;
            /** @description Table. */
            entity: string;
            /**
             * Format: int64
             * @description Record id.
             */
            entity_id?: number | null;
            /**
             * Format: int64
             * @description Sequence number.
             */
            id: number;
            /**
             * Format: int64
             * @description The record's jurisdiction.
             */
            jurisdiction_id?: number | null;
            /**
             * Format: int64
             * @description Account id (0 = the system).
             */
            user_id: number;
            /** @description Login name. */
            username: string;
        };
        /**
         * @description Which database.
         * @enum {string}
         */
        Backend: "sqlite" | "postgres";
        /** @description Many alarms handled at once with one result and one note (`POST /alarms/handle`). */
        BatchHandling: {
            /** @description The alarms (1–100; a repeated id counts once). */
            ids: number[];
            /** @description Note for every one of them (at most 2,000 characters). */
            note?: string | null;
            /**
             * @description `false` (误报), `test` (测试) or `ignored` (忽略); never `real`: a real fire is confirmed
             *     one by one (`POST /alarms/{id}/handle`).
             */
            result: string;
        };
        /** @description A building footprint. */
        Building: {
            /**
             * Format: int64
             * @description Floors above ground, when known.
             */
            floors?: number | null;
            /** @description Footprint, Polygon or MultiPolygon in WGS84. */
            footprint: Record<string, never>;
            /**
             * Format: double
             * @description Height in metres, when known.
             */
            height_m?: number | null;
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id?: number;
            /** @description Name, when the building has one. */
            name?: string;
            /** @description Source reference, e.g. `osm:way/123`. */
            source_ref?: string | null;
            /**
             * Format: int64
             * @description Floors below ground, when known.
             */
            underground_floors?: number | null;
            /** @description Use as given by the source (OSM `building=*` value or the GIS layer's), free text. */
            usage?: string | null;
        };
        /** @description Building facts. */
        BuildingFacts: {
            /**
             * Format: double
             * @description Total floor area, m².
             */
            area_m2?: number | null;
            /** @description Fire-resistance rating, e.g. 一级. */
            fire_resistance?: string | null;
            /**
             * Format: int64
             * @description Floors above ground.
             */
            floors_above?: number | null;
            /**
             * Format: int64
             * @description Floors below ground.
             */
            floors_below?: number | null;
            /**
             * Format: double
             * @description Height, m.
             */
            height_m?: number | null;
            /** @description Other facts. */
            notes?: string | null;
            /** @description Structure, e.g. 钢筋混凝土框架. */
            structure?: string | null;
        };
        /** @description Why a unit was given a class (stored with the unit, shown in the UI). */
        ClassReason: {
            /** @description The class. */
            class: components["schemas"]["UnitClass"];
            /** @description `ruleset-id/rule-id`. */
            rule: string;
            /** @description Its source. */
            source: string;
            /** @description The rule in words. */
            text: string;
        };
        /** @description A class code (road class, jurisdiction level) with its term and the zoom it appears from. */
        CodeInfo: {
            /** @description The code (`class` of `roads`, `level` of `boundaries`). */
            code: string;
            /**
             * Format: int32
             * @description First zoom with features of this code.
             */
            minzoom: number;
            /** @description Chinese term. */
            zh: string;
        };
        /**
         * @description The alarm condition `value <comparison> threshold`.
         * @enum {string}
         */
        Comparison: "lt" | "le" | "gt" | "ge";
        /** @description How complete a pre-plan is. */
        Completeness: {
            /** @description Sections missing. */
            missing: components["schemas"]["Section"][];
            /** @description The missing sections' Chinese terms, for display. */
            missing_zh: string[];
            /**
             * Format: double
             * @description Share of sections present, 0–100, one decimal.
             */
            percent: number;
            /** @description Sections present. */
            present: components["schemas"]["Section"][];
        };
        /** @description A comparison of one metric with a value. */
        Condition: {
            /** @description A field of [`UnitMetrics`], e.g. `building_area_m2`. */
            metric: string;
            /** @description `>=`, `>`, `<=`, `<`, `=` or `!=`. */
            op: string;
            /** @description A number, a boolean or a string */
            value: number | boolean | string;
        };
        /** @description The home dashboard. */
        Dashboard: {
            /** @description Stations and vehicles. */
            stations: components["schemas"]["StationsSummary"];
            /** @description Social units. */
            units: components["schemas"]["UnitsSummary"];
            /** @description Water sources. */
            water: components["schemas"]["WaterSummary"];
        };
        /** @description Incidents of one day (Asia/Shanghai). */
        DayCount: {
            /** @description The day, `YYYY-MM-DD` in Asia/Shanghai. */
            day: string;
            /**
             * Format: int64
             * @description Of which 火灾扑救.
             */
            fires: number;
            /**
             * Format: int64
             * @description Incidents taken in that day.
             */
            total: number;
        };
        /** @description A registered device. */
        Device: {
            /** @description Address, 12 lower-case hex digits. */
            address: string;
            /**
             * @description The source addresses a UITD's connections must come from (CIDRs as `address/prefix`);
             *     empty = no binding (any source, unless the gateway requires one).
             */
            allowed_sources: string[];
            /**
             * Format: int64
             * @description The building it is in.
             */
            building_id?: number | null;
            /**
             * Format: int64
             * @description Row id.
             */
            id: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id: number;
            /** @description `uitd` (用户信息传输装置) or `sensor` (物联网传感器). */
            kind: string;
            /** @description The last refusal (UTC RFC 3339). */
            last_refused_at?: string | null;
            /** @description The source address of the last refused connection. */
            last_refused_from?: string | null;
            /** @description Why: `source_not_allowed`, `binding_required` or `duplicate_session`. */
            last_refused_reason?: string | null;
            /** @description Last frame stored or last online transition (UTC RFC 3339). */
            last_seen_at?: string | null;
            /**
             * Format: double
             * @description A sensor's latest value of its measurement.
             */
            last_value?: number | null;
            /** @description A sensor's measurement code (hydrant_pressure, sprinkler_pressure, tank_level …). */
            measurement?: string | null;
            /** @description Display name. */
            name: string;
            /** @description Online (by the gateway's silence rule; a sensor: since its last reading). */
            online: boolean;
            /**
             * Format: int64
             * @description Connections the gateway refused for this device: its address claimed from a source
             *     outside `allowed_sources`, a binding required but missing, or a second session
             *     (docs/SECURITY-gateway.md). Recorded at most once a second per device.
             */
            refused_count: number;
            /** @description When registered (UTC RFC 3339). */
            registered_at: string;
            /**
             * Format: int64
             * @description Monitored unit.
             */
            unit_id?: number | null;
            /**
             * Format: int64
             * @description The water source a pressure sensor watches.
             */
            water_source_id?: number | null;
        };
        /** @description A device to register. */
        DeviceInput: {
            /** @description 6-byte address as 12 hex digits. */
            address: string;
            /**
             * @description The source addresses its connections must come from: IPv4/IPv6 addresses or CIDR
             *     networks (`10.0.0.0/8`, `192.0.2.7`, `fd00::/8`), at most 32; empty or absent = no
             *     binding. A connection claiming this address from elsewhere is refused by the gateway.
             */
            allowed_sources?: string[];
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id: number;
            /** @description Display name. */
            name: string;
            /**
             * Format: int64
             * @description The monitored unit.
             */
            unit_id?: number | null;
        };
        /** @description A device as the monitoring centre lists it: the registry row and its unit's name. */
        DeviceListing: components["schemas"]["Device"] & {
            /** @description The monitored unit's name. */
            unit_name?: string | null;
        };
        /** @description A change to a registered device (only the fields given change). */
        DeviceUpdate: {
            /** @description The allowed sources (as on registration; UITDs only). `[]` or `null` removes the binding. */
            allowed_sources?: string[] | null;
            /** @description Display name. */
            name?: string | null;
        };
        /** @description A dispatch record. */
        Dispatch: {
            /** @description Created (UTC). */
            created_at: string;
            /**
             * Format: double
             * @description Road distance at dispatch, metres.
             */
            distance_m?: number | null;
            /**
             * Format: double
             * @description Road travel time at dispatch, seconds.
             */
            eta_s?: number | null;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description Incident.
             */
            incident_id: number;
            /** @description Requirement filled, or the alert's reason. */
            requirement?: string | null;
            /**
             * Format: int64
             * @description Station.
             */
            station_id: number;
            /** @description Status. */
            status: components["schemas"]["DispatchStatus"];
            /** @description Last change (UTC). */
            updated_at: string;
            /**
             * Format: int64
             * @description Vehicle (`None` for a station alert).
             */
            vehicle_id?: number | null;
        };
        /** @description 一键调派 or a chosen set. */
        DispatchRequest: {
            /** @description And alert these stations. */
            alerts?: number[];
            /** @description Send the current recommendation (vehicles and alerts). */
            recommended?: boolean;
            /** @description Or these vehicles. */
            vehicles?: number[];
        };
        /**
         * @description Where a dispatch stands; for vehicles it mirrors the vehicle's status.
         * @enum {string}
         */
        DispatchStatus: "alerted" | "dispatched" | "en_route" | "on_scene" | "returning" | "returned" | "cancelled";
        /** @description A named entry with a location and notes (hazardous material, facility, key part, route). */
        Entry: {
            /** @description Where. */
            location?: string | null;
            /** @description Name, e.g. 液化石油气, 室内消火栓系统, 配电室, 东侧消防车道. */
            name: string;
            /** @description Notes. */
            notes?: string | null;
            /** @description Quantity, capacity, width … as text. */
            quantity?: string | null;
        };
        /** @description The body of every error response. */
        ErrorBody: {
            /**
             * @description Stable code: `bad_request`, `invalid`, `unauthorized`, `forbidden`, `not_found`, `conflict`,
             *     `payload_too_large`, `unsupported_media_type`, `too_many_requests`, `internal`.
             */
            error: string;
            /**
             * @description For `invalid`: each field, the problem's `code` with its `params`, and why in words
             *     (`reason`). For `conflict` and `forbidden` with a code (e.g. `address_taken`,
             *     `vehicle_state`, `outside_jurisdiction`): one entry, its `reason` the message. Omitted when
             *     empty. The codes: `docs/ARCHITECTURE.md`, "Error codes".
             */
            fields?: components["schemas"]["FieldError"][];
            /** @description Human-readable message. */
            message: string;
        };
        /**
         * @description One invalid field: `field` is the JSON name (dotted for nested values), `code` says what is wrong
         *     in a stable word, `params` its values, `reason` says why in words.
         */
        FieldError: {
            /**
             * @description Stable snake_case code of the problem (`required`, `out_of_range`, `timeline_order`, …; the
             *     list: `docs/ARCHITECTURE.md`, "Error codes"). New codes may be added; a client that does not
             *     know a code shows `reason`.
             */
            code: string;
            /** @description The field's name as it appears in the JSON body or the spreadsheet header mapping. */
            field: string;
            /** @description The code's parameters, e.g. `{"min": 0, "max": 300}` for `out_of_range`; omitted when none. */
            params?: {
                [key: string]: unknown;
            };
            /**
             * @description Why the value is refused, in words (English, or Chinese first with English in brackets). For
             *     people and logs; clients translate `code` instead of parsing this.
             */
            reason: string;
        };
        /**
         * @description Fire grade (公安部 2007-06-26《关于调整火灾等级标准的通知》, docs/standards/fire-grading.md §4).
         * @enum {string}
         */
        FireGrade: "general" | "larger" | "major" | "especially_major";
        /** @description One floor or group of floors. */
        Floor: {
            /**
             * Format: double
             * @description Area, m².
             */
            area_m2?: number | null;
            /** @description Floor(s), e.g. `1`, `-2`, `3-10`. */
            floor: string;
            /** @description Notes. */
            notes?: string | null;
            /** @description Use, e.g. 商场, 车库. */
            usage: string;
        };
        /** @description An operator's decision. */
        Handling: {
            /** @description Note (at most 2,000 characters). */
            note?: string | null;
            /**
             * @description `real` (确认真实; for 火警: 确认真实火警 → incident request), `false` (误报), `test` (测试),
             *     `ignored` (忽略).
             */
            result: string;
        };
        /** @description Health answer. */
        Health: {
            /** @description `sqlite` or `postgres`. */
            backend: components["schemas"]["Backend"];
            /** @description Whether the database answered. */
            database: boolean;
            /** @description `ok` or `degraded`. */
            status: string;
            /**
             * Format: int64
             * @description Seconds since start.
             */
            uptime_s: number;
            /** @description Program version. */
            version: string;
        };
        /** @description A stored incident. */
        Incident: {
            /** @description Address. */
            address: string;
            /** @description 燃烧物质. */
            burning_material?: string | null;
            /** @description Caller's name. */
            caller_name?: string | null;
            /** @description Caller's telephone. */
            caller_phone?: string | null;
            /** @description Category. */
            category: components["schemas"]["IncidentCategory"];
            /** @description Created (UTC). */
            created_at: string;
            /** @description Who took it. */
            created_by: string;
            /**
             * Format: int64
             * @description Deaths (fire grading input).
             */
            deaths: number;
            /**
             * Format: double
             * @description Direct loss, yuan (fire grading input).
             */
            direct_loss_yuan: number;
            fire_grade?: null | components["schemas"]["FireGrade"];
            /** @description 起火部位. */
            fire_location?: string | null;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id: number;
            /**
             * Format: double
             * @description Latitude.
             */
            lat: number;
            /**
             * Format: int32
             * @description Response level 1–5.
             */
            level: number;
            /**
             * Format: double
             * @description Longitude.
             */
            lon: number;
            /** @description Notes. */
            notes?: string | null;
            /**
             * @description 接警编号 `YYYY-NNNNNN`: the year of 接警 (Asia/Shanghai) and the incident's place in that
             *     year's intake order (e.g. `2026-000123`); what the users say and search by.
             */
            number: string;
            /** @description Dispatch plan chosen at intake. */
            plan_id?: string | null;
            /** @description 接警时间 (UTC RFC 3339). */
            reported_at: string;
            /**
             * Format: int64
             * @description Serious injuries (fire grading input).
             */
            serious_injuries: number;
            /** @description Call or alarm. */
            source: components["schemas"]["IncidentSource"];
            /** @description Status. */
            status: components["schemas"]["IncidentStatus"];
            /** @description Sub-type code. */
            sub_type?: string | null;
            /**
             * Format: int64
             * @description 被困人员: people trapped, as told (`null`: not known, 0: none).
             */
            trapped?: number | null;
            /**
             * Format: int64
             * @description Unit at the address.
             */
            unit_id?: number | null;
            /** @description The unit's name (as registered now), when there is a unit. */
            unit_name?: string | null;
            /** @description Last change (UTC). */
            updated_at: string;
            /**
             * Format: int64
             * @description Incremented on every change.
             */
            version: number;
        };
        /**
         * @description Incident category, national statistics (docs/standards/incident-statistics.md §8.1).
         * @enum {string}
         */
        IncidentCategory: "fire" | "rescue" | "social_assistance" | "security_duty" | "false_alarm";
        /** @description Changes to an incident (absent fields stay). */
        IncidentPatch: {
            /** @description Address. */
            address?: string | null;
            /** @description 燃烧物质. */
            burning_material?: string | null;
            category?: null | components["schemas"]["IncidentCategory"];
            /**
             * Format: int64
             * @description Deaths.
             */
            deaths?: number | null;
            /**
             * Format: double
             * @description Direct loss, yuan.
             */
            direct_loss_yuan?: number | null;
            /** @description 起火部位. */
            fire_location?: string | null;
            /**
             * Format: int32
             * @description Response level 1–5 (escalation).
             */
            level?: number | null;
            /** @description Notes. */
            notes?: string | null;
            /**
             * Format: int64
             * @description Serious injuries.
             */
            serious_injuries?: number | null;
            /** @description Sub-type code; `""` clears it. */
            sub_type?: string | null;
            /**
             * Format: int64
             * @description 被困人员 (people trapped, as now known); a negative value is refused.
             */
            trapped?: number | null;
        };
        /** @description The pre-plan shown for an incident. */
        IncidentPrePlan: {
            /**
             * Format: double
             * @description Its distance from the incident, m.
             */
            distance_m?: number | null;
            /**
             * @description `unit` (the incident's own unit), `nearest` (the nearest key unit with a pre-plan within
             *     300 m), or `none`.
             */
            match: string;
            preplan?: null | components["schemas"]["PrePlan"];
            /**
             * Format: int64
             * @description The unit whose pre-plan it is.
             */
            unit_id?: number | null;
        };
        /**
         * @description An incident to take in. Give `lon`+`lat`, or `unit_id`, or `unit_query` (a unit name or
         *     统一社会信用代码 that must match exactly one unit you can see).
         */
        IncidentRequest: {
            /**
             * @description Take the incident in although no force can reach it by road (off the network, closures);
             *     without it such an intake is refused (422) so the operator confirms the location first.
             */
            accept_unroutable?: boolean;
            /** @description Address (default: the unit's). */
            address?: string | null;
            /** @description 燃烧物质 (e.g. 电动车、油类、化学品). */
            burning_material?: string | null;
            /** @description Caller's name. */
            caller_name?: string | null;
            /** @description Caller's telephone. */
            caller_phone?: string | null;
            /** @description Category (code or Chinese term). */
            category: components["schemas"]["IncidentCategory"];
            /** @description 起火部位 (e.g. 三层厨房). */
            fire_location?: string | null;
            /**
             * Format: int64
             * @description Jurisdiction (default: by the point).
             */
            jurisdiction_id?: number | null;
            /**
             * Format: double
             * @description Latitude (WGS84).
             */
            lat?: number | null;
            /**
             * Format: int32
             * @description Response level 1–5 (default 1).
             */
            level?: number | null;
            /**
             * Format: double
             * @description Longitude (WGS84).
             */
            lon?: number | null;
            /** @description Notes. */
            notes?: string | null;
            /**
             * Format: date-time
             * @description 接警时间 (default now).
             */
            reported_at?: string | null;
            source?: null | components["schemas"]["IncidentSource"];
            /** @description Sub-type (code or Chinese term) of the dispatch plan set in force, e.g. `high_rise` / 高层建筑火灾. */
            sub_type?: string | null;
            /**
             * Format: int64
             * @description 被困人员: how many people are trapped, as told (absent: not known; 0: none).
             */
            trapped?: number | null;
            /**
             * Format: int64
             * @description The unit at the address.
             */
            unit_id?: number | null;
            /** @description Find the unit by name or credit code. */
            unit_query?: string | null;
        };
        /** @description Where an incident came from. */
        IncidentSource: {
            /** @enum {string} */
            kind: "call";
        } | {
            /**
             * Format: int64
             * @description The alarm.
             */
            alarm_id: number;
            /** @enum {string} */
            kind: "alarm";
        };
        /**
         * @description Where an incident stands, in the order an incident goes through them.
         * @enum {string}
         */
        IncidentStatus: "received" | "dispatched" | "on_scene" | "closed";
        /** @description Incidents now and today. */
        IncidentSummary: {
            /** @description One entry per day, oldest first, ending today (days without incidents included). */
            daily: components["schemas"]["DayCount"][];
            /** @description Start of today, RFC 3339 with the +08:00 offset. */
            day_start: string;
            /**
             * Format: int64
             * @description Incidents not closed.
             */
            open: number;
            /** @description Incidents not closed, per status code (`received`, `dispatched`, `on_scene`), zeros included. */
            open_by_status: {
                [key: string]: number;
            };
            /**
             * Format: int64
             * @description Open incidents where the caller said people are trapped (被困人员 > 0).
             */
            open_trapped: number;
            /**
             * Format: int64
             * @description Incidents taken in today (接警 since 00:00 Asia/Shanghai).
             */
            today: number;
            /** @description Today's per category code, zeros included. */
            today_by_category: {
                [key: string]: number;
            };
            /**
             * Format: int64
             * @description Today's already closed.
             */
            today_closed: number;
            /**
             * Format: int64
             * @description Vehicles committed to an incident now (出动 … 返队, not yet 归队).
             */
            vehicles_committed: number;
        };
        /** @description What was stored. */
        IngestResult: {
            /** @description Readings already stored earlier (same metric and time), not stored again. */
            duplicates: number;
            /** @description Row ids, in payload order. */
            ids: number[];
            /** @description New readings stored. */
            stored: number;
        };
        /** @description The answer to an intake. */
        Intake: {
            /** @description The incident. */
            incident: components["schemas"]["Incident"];
            /** @description What to send. */
            recommendation: components["schemas"]["Recommendation"];
            /** @description Server time spent, ms: `recommendation_ms` (forces, travel times, plan) and `total_ms` (the whole request). */
            timing: Record<string, never>;
        };
        /** @description A node of the jurisdiction tree. */
        Jurisdiction: {
            /** @description Boundary, Polygon or MultiPolygon in WGS84. */
            boundary?: Record<string, never> | null;
            /** @description Administrative division code (行政区划代码) or grid code, when known. */
            code?: string | null;
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /** @description Level. */
            level: components["schemas"]["JurisdictionLevel"];
            /** @description Name, e.g. 城关镇. */
            name: string;
            /**
             * Format: int64
             * @description Parent node; `None` for a root.
             */
            parent_id?: number | null;
            /** @description Materialised path of ids from the root, e.g. `/1/4/9/` (set by the store, read-only). */
            path?: string;
        };
        /**
         * @description Level of a node in the jurisdiction tree (市 › 县/区 › 乡镇/街道 › 村/社区 › 网格).
         * @enum {string}
         */
        JurisdictionLevel: "city" | "county" | "township" | "village" | "grid";
        /** @description One pushed event. */
        LiveEvent: {
            /** @description When (UTC RFC 3339). */
            at: string;
            /** @description The object, as its API returns it. */
            data: unknown;
            /**
             * @description What happened: `alarm` (new alarm), `alarm_update` (merged repeat, handled, escalated),
             *     `incident`, `incident_update`, `device` (online/offline), `test`; [`RESYNC`] when events
             *     of another node may have been lost (the stream sends it as a `resync` event).
             */
            kind: string;
            /** @description `fire` (red, sound), `warning` (amber), `info`. */
            level: string;
            /**
             * Format: int64
             * @description Sequence number, increasing; the SSE `id`.
             */
            seq: number;
            /** @description Headline in Chinese for the panel, e.g. `火警 · 某某大厦 · 3层 感烟探测器`. */
            title: string;
            /** @description Whether an operator still has to act on it (counted as 未处理). */
            unhandled: boolean;
        };
        /** @description Login request. */
        LoginRequest: {
            /** @description Password. */
            password: string;
            /** @description User name. */
            username: string;
        };
        /** @description Login answer. */
        LoginResponse: {
            /**
             * Format: int64
             * @description Seconds until it expires.
             */
            expires_in: number;
            /** @description Who logged in. */
            me: components["schemas"]["Me"];
            /** @description Bearer token for `Authorization: Bearer …`. */
            token: string;
        };
        /** @description How the console draws the base map. */
        MapConfig: {
            /**
             * @description Data credits the map must show (the `tile_attribution` setting, else derived from the
             *     sources of the stored records, e.g. OpenStreetMap's ODbL credit after an OSM import).
             */
            attribution: string;
            /**
             * @description Initial view `[west, south, east, north]`: the caller's jurisdiction boundary, else the
             *     roots', else the roads'; `null` when the store holds no geography.
             */
            bounds?: number[] | null;
            /** @description Initial view centre `[lon, lat]`; `null` when the store holds no geography. */
            center?: number[] | null;
            /**
             * @description An external raster XYZ URL to draw instead (e.g. 天地图 with its key), from the server's
             *     `tile_url` setting; `null` when not configured.
             */
            external_raster?: string | null;
            /** @description The font stack to name in the style's `text-font`. */
            fontstack: string;
            /**
             * @description MapLibre's glyph URL template for the labels (street and place names), served by huoyan
             *     from the console's build (`/glyphs/{fontstack}/{range}.pbf`, Latin and full-width forms;
             *     Chinese is drawn with the browser's fonts); `null` when the console was built without them.
             */
            glyphs?: string | null;
            /** @description The source layers. */
            layers: components["schemas"]["MapLayer"][];
            /**
             * Format: int32
             * @description Deepest zoom with tiles; clients over-zoom beyond.
             */
            maxzoom: number;
            /**
             * Format: int32
             * @description First zoom with tiles.
             */
            minzoom: number;
            /** @description Tile URL template on this server (prefix the page's origin where an absolute URL is needed). */
            tiles: string;
        };
        /** @description A source layer of the tiles. */
        MapLayer: {
            /** @description For `roads`: the classes; for `boundaries`: the level codes. */
            classes?: components["schemas"]["CodeInfo"][];
            /** @description Property name → meaning. */
            fields: {
                [key: string]: string;
            };
            /** @description `line` or `polygon`. */
            geometry: string;
            /** @description Source-layer name. */
            id: string;
            /**
             * Format: int32
             * @description First zoom with features.
             */
            minzoom: number;
            /** @description Chinese name for the legend. */
            zh: string;
        };
        /** @description The caller, their role in Chinese, their jurisdiction and what they may do. */
        Me: {
            /** @description Name of the account's jurisdiction (当前辖区). */
            jurisdiction_name: string;
            /** @description Permissions by resource. */
            permissions: components["schemas"]["Permission"][];
            /** @description The role's Chinese term. */
            role_zh: string;
            /** @description The account. */
            user: components["schemas"]["User"];
        };
        /** @description KPIs of a jurisdiction. */
        MonitoringKpis: {
            /** @description Alarms first signalled since `since` (handled or not), by kind. */
            by_kind: {
                [key: string]: number;
            };
            /**
             * Format: int64
             * @description Registered devices.
             */
            devices: number;
            /**
             * Format: double
             * @description false / (real + false) of fire alarms handled since `since` (None without any).
             */
            false_alarm_rate?: number | null;
            /** @description Fire alarms handled since `since`, by result. */
            fire_results: {
                [key: string]: number;
            };
            /**
             * Format: double
             * @description Mean seconds from first signal to an operator's handling (平均处警时长), fire alarms
             *     handled since `since` (those resolved by the system not counted).
             */
            handle_mean_s?: number | null;
            /**
             * Format: double
             * @description Median seconds from first signal to handling, fire alarms since `since`.
             */
            handle_p50_s?: number | null;
            /**
             * Format: double
             * @description 90th percentile of the same.
             */
            handle_p90_s?: number | null;
            /**
             * Format: int64
             * @description Devices without an open 故障, 电源故障 or 离线 alarm.
             */
            intact: number;
            /**
             * Format: double
             * @description intact / devices.
             */
            intact_rate: number;
            /**
             * Format: int64
             * @description Online now.
             */
            online: number;
            /**
             * Format: double
             * @description online / devices (0 when none).
             */
            online_rate: number;
            /** @description Open (unhandled) alarms by kind. */
            open_by_kind: {
                [key: string]: number;
            };
            /** @description The period start. */
            since: string;
        };
        /** @description A water source near an incident. */
        NearbyWater: {
            /**
             * Format: double
             * @description Road distance from the incident, m (`None`: not reachable by road or no graph).
             */
            road_m?: number | null;
            /**
             * Format: double
             * @description Road travel time, s.
             */
            road_s?: number | null;
            /** @description The status in Chinese. */
            status_zh: string;
            /**
             * Format: double
             * @description Straight-line distance, m.
             */
            straight_m: number;
            /** @description Whether it can be used now (完好). */
            usable: boolean;
            /** @description The record. */
            water_source: components["schemas"]["WaterSource"];
        };
        /** @description A sensor to register. */
        NewSensor: {
            /** @description Address (4–64 of a-z 0-9 - _). */
            address: string;
            /**
             * Format: int64
             * @description The building it is in.
             */
            building_id?: number | null;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id: number;
            /** @description A [`MEASUREMENTS`] code. */
            measurement: string;
            /** @description Display name. */
            name: string;
            /**
             * Format: int64
             * @description The monitored unit.
             */
            unit_id?: number | null;
            /**
             * Format: int64
             * @description The water source it watches (required for `hydrant_pressure`).
             */
            water_source_id?: number | null;
        };
        /** @description A stage to record. */
        NewTimelineEntry: {
            /**
             * Format: date-time
             * @description When; default now.
             */
            at?: string | null;
            /** @description 到场时火已熄灭 (reverses the 扑灭 ordering rule). */
            fire_out_on_arrival?: boolean;
            /** @description Note, e.g. the reason for an implausible average speed. */
            note?: string | null;
            /** @description Stage (code or Chinese term). */
            stage: components["schemas"]["Stage"];
            /**
             * Format: int64
             * @description The vehicle (required for 出动, 中途返回, 到场, 撤离, 归队, unless `vehicle_ids` is given).
             */
            vehicle_id?: number | null;
            /**
             * @description Several vehicles at once, for a per-vehicle stage (e.g. 归队 of every crew at the end), in
             *     place of `vehicle_id`: one entry each, at the same time and with the same note, all
             *     recorded or none (1–100 distinct ids).
             */
            vehicle_ids?: number[];
        };
        /** @description People in the building. */
        Occupancy: {
            /**
             * Format: int64
             * @description People by day.
             */
            day?: number | null;
            /**
             * Format: int64
             * @description People by night.
             */
            night?: number | null;
            /** @description Notes (e.g. bedridden patients, children). */
            notes?: string | null;
        };
        /** @description What a role may do with one resource. */
        Permission: {
            /** @description May create (新增), import (导入) and delete (`huoyan_domain::access::can_create`). */
            create: boolean;
            /** @description May list and read. */
            read: boolean;
            /** @description Resource. */
            resource: components["schemas"]["Resource"];
            /** @description May change (a unit manager: its own unit only). */
            write: boolean;
        };
        /** @description A member of a fire force. */
        Person: {
            /** @description Certificates held (持证上岗), free text entries. */
            certificates?: string[];
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node (inherited from the station when 0).
             */
            jurisdiction_id?: number;
            /** @description Name. */
            name: string;
            /** @description Whether on duty in the current shift. */
            on_duty?: boolean;
            /** @description Telephone. */
            phone?: string | null;
            /** @description Post, e.g. 站长, 班长, 驾驶员, 战斗员. */
            post?: string | null;
            /**
             * Format: int64
             * @description The station.
             */
            station_id: number;
        };
        /** @description One plan: what to send to incidents matching its criteria. */
        Plan: {
            /** @description Incident category. */
            category: components["schemas"]["IncidentCategory"];
            /** @description Identifier within the set. */
            id: string;
            /**
             * Format: int32
             * @description Response level 1–5; absent: any.
             */
            level?: number | null;
            /** @description Notes for the dispatcher. */
            notes?: string | null;
            /** @description The vehicles required. */
            requirements?: components["schemas"]["Requirement"][];
            /** @description Standard, regulation or practice it follows. */
            source: string;
            /** @description Sub-type code (one of the set's `sub_types`); absent: any. */
            sub_type?: string | null;
            /** @description The target unit has one of these classes; empty: any. */
            target_classes?: components["schemas"]["UnitClass"][];
            /** @description Title shown to the dispatcher, e.g. 高层建筑火灾 二级. */
            title: string;
            /** @description The target unit has one of these use categories; empty: any. */
            use_categories?: components["schemas"]["UseCategory"][];
            /** @description Whether the numbers were checked against a copy of the source; `false` marks local practice. */
            verified?: boolean;
        };
        /** @description A set of dispatch plans with its provenance. */
        PlanSet: {
            /** @description First day in force, `YYYY-MM-DD`. */
            effective_from: string;
            /** @description Identifier, e.g. `cn-baseline` or `nx-yinchuan-2026`. */
            id: string;
            /** @description Name shown to users. */
            name: string;
            /** @description The plans. */
            plans: components["schemas"]["Plan"][];
            /** @description What the set is based on. */
            source: string;
            /** @description Incident sub-types (警情子类) the plans may name. */
            sub_types?: components["schemas"]["SubType"][];
        };
        /** @description A loaded plan set, as listed. */
        PlanSetInfo: {
            /** @description When (UTC). */
            loaded_at: string;
            /** @description Who loaded it. */
            loaded_by: string;
            /** @description Its name. */
            name: string;
            /**
             * Format: int64
             * @description Load number (0: the built-in baseline).
             */
            seq: number;
            /** @description The set's id. */
            set_id: string;
        };
        /** @description The plan set in force and the load history. */
        PlanSets: {
            /** @description Loads, newest first, then the built-in baseline. */
            history: components["schemas"]["PlanSetInfo"][];
            /** @description The set in force. */
            in_force: components["schemas"]["PlanSet"];
        };
        /** @description A pre-plan with its attachments and score. */
        PrePlan: {
            /** @description Attachments. */
            attachments: components["schemas"]["AttachmentMeta"][];
            /** @description Completeness. */
            completeness: components["schemas"]["Completeness"];
            /** @description Created (UTC). */
            created_at: string;
            /** @description The document. */
            doc: components["schemas"]["PrePlanDoc"];
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description Jurisdiction (the unit's).
             */
            jurisdiction_id: number;
            /**
             * Format: int64
             * @description The unit.
             */
            unit_id: number;
            /** @description The unit's name. */
            unit_name: string;
            /** @description Last change (UTC). */
            updated_at: string;
            /**
             * Format: int64
             * @description Incremented on every change.
             */
            version: number;
        };
        /** @description The pre-plan document (attachments are kept beside it and counted by the store). */
        PrePlanDoc: {
            /** @description 行车路线与消防车道. */
            access_routes?: components["schemas"]["Entry"][];
            /** @description 灭火救援要点. */
            attack_notes?: string | null;
            building?: null | components["schemas"]["BuildingFacts"];
            /** @description 疏散要点. */
            evacuation_notes?: string | null;
            /** @description 消防设施 (`[]`: checked, none). */
            fire_facilities?: components["schemas"]["Entry"][] | null;
            /** @description 楼层情况. */
            floors?: components["schemas"]["Floor"][];
            /** @description 危险化学品 (`[]`: checked, none). */
            hazardous_materials?: components["schemas"]["Entry"][] | null;
            /** @description 重点部位. */
            key_parts?: components["schemas"]["Entry"][];
            occupancy?: null | components["schemas"]["Occupancy"];
            /** @description 周边水源 (`[]`: checked, none within reach). */
            water_sources?: components["schemas"]["WaterRef"][] | null;
        };
        /** @description A pre-plan to create or replace. */
        PrePlanInput: {
            /** @description The document. */
            doc: components["schemas"]["PrePlanDoc"];
            /**
             * Format: int64
             * @description The key unit.
             */
            unit_id: number;
        };
        /** @description A pre-plan as listed. */
        PrePlanSummary: {
            /**
             * Format: double
             * @description Completeness, percent.
             */
            completeness: number;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description Jurisdiction.
             */
            jurisdiction_id: number;
            /**
             * Format: int64
             * @description The unit.
             */
            unit_id: number;
            /** @description The unit's name. */
            unit_name: string;
            /** @description Last change (UTC). */
            updated_at: string;
        };
        /** @description Who is acting: an authenticated account, or the system itself (imports, the demo). */
        Principal: {
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id: number;
            /** @description Materialised path of that node, for subtree checks. */
            jurisdiction_path: string;
            /** @description Role. */
            role: components["schemas"]["Role"];
            /**
             * Format: int64
             * @description A unit manager's unit.
             */
            unit_id?: number | null;
            /**
             * Format: int64
             * @description Account id (0 for the system).
             */
            user_id: number;
            /** @description Login name (`system` for the system). */
            username: string;
        };
        /** @description A stored reading. */
        Reading: {
            /** @description When measured. */
            at: string;
            /** @description Its address. */
            device_address: string;
            /**
             * Format: int64
             * @description The sensor.
             */
            device_id: number;
            /**
             * Format: int64
             * @description Row id.
             */
            id: number;
            /** @description Measurement code. */
            metric: string;
            /** @description When stored. */
            received_at: string;
            /** @description Unit. */
            unit: string;
            /**
             * Format: double
             * @description Value.
             */
            value: number;
        };
        /** @description One reading in a payload. */
        ReadingIn: {
            /** @description When measured (RFC 3339 with offset). */
            at: string;
            /** @description Measurement code; default the sensor's. */
            metric?: string | null;
            /** @description Unit; when given, must be the measurement's. */
            unit?: string | null;
            /**
             * Format: double
             * @description The value, in the measurement's unit.
             */
            value: number;
        };
        /** @description The payload. */
        ReadingsPayload: {
            /** @description The sensor's address. */
            address?: string | null;
            /** @description The readings. */
            readings: components["schemas"]["ReadingIn"][];
            /** @description Its ingestion token (MQTT; on HTTP the header may carry it instead). */
            token?: string | null;
        };
        /** @description The recommendation for one incident. */
        Recommendation: {
            /** @description Stations to alert. */
            alerts: components["schemas"]["Alert"][];
            /** @description Vehicles to send, by requirement, fastest first within each. */
            assignments: components["schemas"]["Assignment"][];
            /** @description The plan used. */
            plan_id: string;
            /** @description Its source. */
            plan_source: string;
            /** @description Its title. */
            plan_title: string;
            /** @description Whether its numbers were verified against the source. */
            plan_verified: boolean;
            /** @description Requirements not (fully) filled. */
            unfilled: components["schemas"]["Unfilled"][];
            /** @description Warnings for the dispatcher (e.g. the first vehicle beyond 5 minutes). */
            warnings: string[];
        };
        /** @description Vehicles of one kind a plan requires. */
        Requirement: {
            /**
             * Format: int32
             * @description How many.
             */
            count: number;
            /** @description Vehicle family (建标152-2017). */
            family: components["schemas"]["VehicleFamily"];
            /** @description What the dispatcher sees, e.g. 水罐/泡沫消防车. */
            label: string;
            /**
             * @description Acceptable vehicle types within the family (`Vehicle::vehicle_type`, e.g. 登高平台消防车);
             *     empty: any type of the family.
             */
            types?: string[];
        };
        /**
         * @description Kinds of resource guarded by the table.
         * @enum {string}
         */
        Resource: "jurisdiction" | "road" | "building" | "station" | "vehicle" | "person" | "water_source" | "unit" | "user" | "audit" | "rule_set" | "map" | "device" | "alarm" | "incident" | "dispatch_plan" | "pre_plan";
        /** @description A road segment, with what a travel-time model needs. */
        Road: {
            /** @description Who may drive it. */
            access?: components["schemas"]["RoadAccess"];
            /** @description Road class. */
            class: components["schemas"]["RoadClass"];
            /**
             * Format: int64
             * @description Topology: the start node id in the source data (GeoJSON FromNode, OSM node id).
             */
            from_node?: number | null;
            /** @description The centreline, LineString in WGS84. */
            geometry: Record<string, never>;
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id?: number;
            /**
             * Format: double
             * @description Length in metres (computed from the geometry when absent).
             */
            length_m?: number;
            /** @description Street name (may be empty for unnamed service roads). */
            name?: string;
            /**
             * Format: int32
             * @description One-way: 0 both directions, 1 along the geometry, -1 against it.
             */
            oneway?: number;
            /** @description Source reference, e.g. `osm:way/123` or `cambridge:Cambrid_St_29`. */
            source_ref?: string | null;
            /**
             * Format: double
             * @description Posted speed limit, km/h, when known.
             */
            speed_limit_kmh?: number | null;
            /**
             * Format: int64
             * @description Topology: the end node id.
             */
            to_node?: number | null;
        };
        /**
         * @description Who may drive a road (OSM `access`/`motor_vehicle` collapsed to what matters to a fire engine).
         * @enum {string}
         */
        RoadAccess: "yes" | "destination" | "private" | "emergency" | "no";
        /**
         * @description Road class, as a travel-time model needs it (OSM `highway=*` classes; GIS layers are mapped onto these).
         * @enum {string}
         */
        RoadClass: "motorway" | "trunk" | "primary" | "secondary" | "tertiary" | "unclassified" | "residential" | "living_street" | "service" | "track";
        /**
         * @description Account roles. What each may do is in [`crate::access`].
         * @enum {string}
         */
        Role: "admin" | "dispatcher" | "inspector" | "logistics" | "leader" | "township" | "unit_manager";
        /** @description One rule: units of these categories meeting these conditions are put in `class`. */
        Rule: {
            /** @description Conditions that must all hold. */
            all?: components["schemas"]["Condition"][];
            /** @description Conditions of which at least one must hold (ignored when empty). */
            any?: components["schemas"]["Condition"][];
            /** @description Use categories the rule applies to; empty means every category. */
            categories?: components["schemas"]["UseCategory"][];
            /** @description The class given. */
            class: components["schemas"]["UnitClass"];
            /** @description Identifier within the set. */
            id: string;
            /** @description Standard, regulation and clause. */
            source: string;
            /** @description The rule in words (Chinese), as shown in the UI. */
            text: string;
            /** @description Whether the threshold was verified against a copy of the source (the marks of `docs/standards/README.md`). */
            verified?: boolean;
        };
        /** @description A set of classification rules with its provenance. */
        RuleSet: {
            /** @description First day in force, `YYYY-MM-DD`. */
            effective_from: string;
            /** @description Last day in force, if superseded. */
            effective_to?: string | null;
            /** @description Identifier, e.g. `cn-national-baseline` or `gd-2023`. */
            id: string;
            /** @description Name shown to users. */
            name: string;
            /** @description Region it applies to, e.g. 全国, 广东省. */
            region: string;
            /** @description The rules. */
            rules: components["schemas"]["Rule"][];
            /** @description The documents it implements. */
            source: string;
        };
        /** @description The answer to loading a rule set. */
        RuleSetLoaded: {
            /** @description Id of the set in force today (the loaded one once its `effective_from` has come). */
            in_force: string;
            /** @description Id of the set loaded. */
            loaded: string;
            /** @description Units whose classes changed. */
            units_reclassified: number;
        };
        /** @description Rule sets loaded, and the one in force. */
        RuleSets: {
            /** @description Id of the set in force today. */
            in_force: string;
            /** @description Every set (the national baseline first). */
            sets: components["schemas"]["RuleSet"][];
        };
        /** @description One search result. */
        SearchHit: {
            /**
             * Format: int64
             * @description Record id.
             */
            id: number;
            /**
             * Format: int64
             * @description Its jurisdiction node.
             */
            jurisdiction_id: number;
            /**
             * Format: double
             * @description Latitude.
             */
            lat: number;
            /** @description `units`, `water_sources` or `stations`. */
            layer: string;
            /**
             * Format: double
             * @description Longitude.
             */
            lon: number;
            /** @description Name (a water source: its code). */
            name: string;
            /** @description Address, when known. */
            sub?: string | null;
        };
        /** @description Search results, best first within each layer. */
        SearchResult: {
            /** @description Matches. */
            items: components["schemas"]["SearchHit"][];
            /**
             * Format: int64
             * @description How many matches are listed.
             */
            total: number;
        };
        /**
         * @description The sections of a pre-plan, in the order they are scored and shown.
         * @enum {string}
         */
        Section: "building" | "floors" | "occupancy" | "hazardous_materials" | "fire_facilities" | "key_parts" | "water_sources" | "access_routes" | "attack_notes" | "evacuation_notes" | "attachments";
        /** @description A registered sensor and its ingestion token (shown this once). */
        SensorRegistration: {
            /** @description The device row. */
            device: components["schemas"]["Device"];
            /**
             * @description Send it as `X-Huoyan-Device-Token` (HTTP) or `token` in the payload (MQTT). Only its hash
             *     is kept: a lost token is replaced, not recovered.
             */
            token: string;
        };
        /** @description One silence rule. */
        SilenceRule: {
            /**
             * Format: int64
             * @description Seconds without a reading after which the sensor is offline (1 s to 31 days).
             */
            after_secs: number;
            /** @description One sensor's address: for that sensor only, in place of its measurement's rule. */
            device?: string | null;
            /** @description The sensor measurement it applies to (`smoke` …). */
            measurement: string;
            /** @description Explanation in Chinese. */
            note?: string;
            /**
             * @description Why this limit: the device's reporting interval and where it comes from (a product manual,
             *     a local decision: `本地设定`).
             */
            source: string;
        };
        /**
         * @description A stage of the timeline.
         * @enum {string}
         */
        Stage: "ignition" | "alarm" | "dispatch" | "midway_return" | "arrival" | "deploy" | "water_on" | "controlled" | "extinguished" | "ended" | "withdrawn" | "returned" | "closed";
        /** @description A fire force: a national station, a full-time, enterprise or volunteer brigade, or a micro fire station. */
        Station: {
            /** @description Street address. */
            address?: string | null;
            /**
             * Format: int64
             * @description People on duty in the current shift (执勤力量).
             */
            duty_strength?: number;
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id?: number;
            /** @description Kind of force. */
            kind: components["schemas"]["StationKind"];
            /**
             * Format: double
             * @description Latitude (WGS84).
             */
            lat: number;
            /**
             * Format: double
             * @description Longitude (WGS84).
             */
            lon: number;
            /** @description Name, e.g. 城东特勤站. */
            name: string;
            /** @description Duty telephone. */
            phone?: string | null;
            /** @description Source reference. */
            source_ref?: string | null;
            /** @description Readiness. */
            status?: components["schemas"]["StationStatus"];
            /**
             * Format: int64
             * @description For a micro fire station or enterprise brigade: the unit it belongs to.
             */
            unit_id?: number | null;
        };
        /**
         * @description Kind of fire force (建标152-2017 §七–八 for the national stations; 微型消防站 per 公消〔2015〕301号).
         * @enum {string}
         */
        StationKind: "special" | "level1" | "level2" | "small" | "logistics" | "gov_full_time" | "enterprise" | "volunteer" | "micro";
        /**
         * @description Readiness of a station.
         * @enum {string}
         */
        StationStatus: "on_duty" | "reduced" | "out_of_service" | "planned";
        /** @description One station with its vehicles. */
        StationSummary: {
            /**
             * Format: int64
             * @description People on duty (执勤力量).
             */
            duty_strength: number;
            /**
             * Format: int64
             * @description Station id.
             */
            id: number;
            /** @description Kind code. */
            kind: string;
            /** @description Name. */
            name: string;
            /** @description Status code. */
            status: string;
            /**
             * Format: int64
             * @description Vehicles of the station.
             */
            vehicles: number;
            /** @description Its vehicles per status code (`in_station`, `dispatched` … `maintenance`). */
            vehicles_by_status: {
                [key: string]: number;
            };
        };
        /** @description Stations and vehicles. */
        StationsSummary: {
            /**
             * Format: int64
             * @description People on duty, summed over stations on duty.
             */
            duty_strength: number;
            /** @description Every station, national stations first (by kind, then name). */
            list: components["schemas"]["StationSummary"][];
            /**
             * Format: int64
             * @description Those with status 执勤 or 减员执勤.
             */
            on_duty: number;
            /**
             * Format: int64
             * @description Stations and other forces in scope.
             */
            total: number;
            /**
             * Format: int64
             * @description Vehicles in scope.
             */
            vehicles: number;
            /** @description Vehicles per status code. */
            vehicles_by_status: {
                [key: string]: number;
            };
        };
        /** @description What the store holds. */
        Stats: {
            /**
             * Format: int64
             * @description Buildings.
             */
            buildings: number;
            /** @description Per table, counts by type code. */
            by_kind: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /** @description Per table, counts by status code (units: by class list). */
            by_status: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /**
             * Format: int64
             * @description Jurisdiction nodes.
             */
            jurisdictions: number;
            /**
             * Format: int64
             * @description Personnel.
             */
            personnel: number;
            /**
             * Format: double
             * @description Total road length, km.
             */
            road_km: number;
            /**
             * Format: int64
             * @description Road segments.
             */
            roads: number;
            /**
             * Format: int64
             * @description Stations and other forces.
             */
            stations: number;
            /**
             * Format: int64
             * @description Social units.
             */
            units: number;
            /**
             * Format: int64
             * @description Accounts.
             */
            users: number;
            /**
             * Format: int64
             * @description Vehicles.
             */
            vehicles: number;
            /**
             * Format: int64
             * @description Water sources.
             */
            water_sources: number;
        };
        /** @description A manual status change. */
        StatusChange: {
            /** @description `in_station` (在队) or `maintenance` (检修); `in_station` for a vehicle 出动 but not yet left calls the dispatch off. */
            status: components["schemas"]["VehicleStatus"];
        };
        /** @description An incident sub-type, e.g. 高层建筑火灾 under 火灾扑救. */
        SubType: {
            /** @description The category it belongs to. */
            category: components["schemas"]["IncidentCategory"];
            /** @description Code used in the API, e.g. `high_rise`. */
            code: string;
            /** @description The users' term, e.g. 高层建筑火灾. */
            zh: string;
        };
        /** @description One rule. */
        ThresholdRule: {
            /** @description The alarm condition. */
            comparison: components["schemas"]["Comparison"];
            /**
             * @description One sensor's address: the rule is for that sensor only, in place of the general rules of
             *     its measurement and kind. Without: every sensor of the measurement.
             */
            device?: string | null;
            /**
             * Format: double
             * @description How far back beyond the threshold a value must be to resolve the alarm (≥ 0).
             */
            hysteresis?: number;
            /** @description The alarm kind raised (`low_pressure`, `low_level`, `over_limit`, `fire` …). */
            kind: string;
            /** @description The sensor measurement it applies to (`hydrant_pressure` …). */
            measurement: string;
            /** @description Explanation in Chinese. */
            note?: string;
            /**
             * @description Whether a value back in range resolves the alarm on its own (default true; a fire is
             *     always left to the operator).
             */
            recovers?: boolean;
            /** @description Standard and clause, e.g. `GB 50974-2014 7.2.8`, or `本地设定`. */
            source: string;
            /** @description Its unit (must be the measurement's). */
            unit: string;
            /**
             * Format: double
             * @description The threshold.
             */
            value: number;
            /** @description Whether the number was seen verbatim in a cited excerpt (✅ in docs/standards/). */
            verified: boolean;
        };
        /** @description A rule set. */
        ThresholdRules: {
            /** @description Identifier. */
            id: string;
            /** @description Name. */
            name: string;
            /** @description The rules. */
            rule?: components["schemas"]["ThresholdRule"][];
            /** @description How long sensors may stay silent ([`crate::silence`]). */
            silence?: components["schemas"]["SilenceRule"][];
        };
        /** @description The threshold rules in force. */
        ThresholdsInForce: {
            /** @description When loaded (none for the shipped set). */
            loaded_at?: string | null;
            /** @description By whom. */
            loaded_by?: string | null;
            /**
             * @description `shipped` (rules/thresholds.toml of this version) or the origin of the loaded set
             *     (`api`, `file:<path>`, `cli`).
             */
            origin: string;
            /** @description The rules. */
            rules: components["schemas"]["ThresholdRules"];
            /** @description The set as TOML (to edit and load back). */
            toml: string;
        };
        /** @description A recorded stage. */
        TimelineEntry: {
            /** @description Who recorded it. */
            actor: string;
            /** @description When it happened (UTC RFC 3339). */
            at: string;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description Incident.
             */
            incident_id: number;
            /** @description Note (e.g. 平均时速异常原因). */
            note?: string | null;
            /** @description When it was recorded (UTC). */
            recorded_at: string;
            /** @description Stage. */
            stage: components["schemas"]["Stage"];
            /** @description The stage's Chinese term. */
            stage_zh: string;
            /**
             * Format: int64
             * @description The vehicle, for per-vehicle stages.
             */
            vehicle_id?: number | null;
            /** @description Plausibility warnings given when it was recorded. */
            warnings: string[];
        };
        /** @description What recording a stage did. */
        TimelineOutcome: {
            /** @description Every entry recorded: one, or one per vehicle of `vehicle_ids`, in their order. */
            entries: components["schemas"]["TimelineEntry"][];
            /** @description The entry (with `vehicle_ids`: the first vehicle's). */
            entry: components["schemas"]["TimelineEntry"];
            /** @description The incident afterwards. */
            incident: components["schemas"]["Incident"];
            vehicle_status?: null | components["schemas"]["VehicleStatus"];
        };
        /** @description A requirement the available forces cannot fill. */
        Unfilled: {
            /**
             * Format: int32
             * @description How many were found.
             */
            filled: number;
            /** @description The requirement's label. */
            label: string;
            /** @description Why not more, in Chinese and English. */
            reason: string;
            /** @description Index of the requirement in the plan. */
            requirement: number;
            /**
             * Format: int32
             * @description How many the plan asks for.
             */
            wanted: number;
        };
        /** @description A social unit (社会单位): a company, shop, school … under fire-safety supervision. */
        Unit: {
            /** @description Address. */
            address?: string | null;
            /**
             * Format: int64
             * @description The building it occupies.
             */
            building_id?: number | null;
            /** @description Why each class was given, with the rule and its source (read-only). */
            class_reasons?: components["schemas"]["ClassReason"][];
            /** @description Classes computed by the rules (read-only: recomputed on every write). */
            classes?: components["schemas"]["UnitClass"][];
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id?: number;
            /**
             * Format: double
             * @description Latitude (WGS84).
             */
            lat: number;
            /**
             * Format: double
             * @description Longitude (WGS84).
             */
            lon: number;
            /** @description The attributes that decide its classes. */
            metrics?: components["schemas"]["UnitMetrics"];
            /** @description Name. */
            name: string;
            /** @description Contact telephone. */
            phone?: string | null;
            /** @description Person responsible for fire safety (消防安全责任人). */
            safety_manager?: string | null;
            /** @description Source reference. */
            source_ref?: string | null;
            /** @description 统一社会信用代码 (GB 32100-2015), checked. */
            uscc?: string | null;
            /** @description Use category. */
            use_category: components["schemas"]["UseCategory"];
        };
        /**
         * @description Classes a unit is put in by the classification rules (docs/standards/unit-classes.md §6–7).
         * @enum {string}
         */
        UnitClass: "key_unit" | "high_risk" | "nine_small" | "three_in_one";
        /**
         * @description The attributes that decide a unit's classes (docs/standards/unit-classes.md §6–7). All optional: a rule whose
         *     metric is unknown does not fire, and the reasons say which were missing.
         */
        UnitMetrics: {
            /** @description Accommodation shares a connected space with production, storage or trade (GA 703-2007). */
            accommodation_mixed?: boolean | null;
            /**
             * Format: int64
             * @description Beds (hospital, care, boarding, hotel).
             */
            beds?: number | null;
            /**
             * Format: double
             * @description Total building area used by the unit, m² (建筑面积).
             */
            building_area_m2?: number | null;
            /** @description Sells or keeps combustible goods (商场 threshold condition). */
            combustible_goods?: boolean | null;
            /**
             * Format: int64
             * @description Computers (internet cafés).
             */
            computers?: number | null;
            /** @description The accommodation part is separated by fire barriers as required (GA 703-2007). */
            fire_separated?: boolean | null;
            /**
             * Format: int64
             * @description The lowest floor the unit uses (1 = ground, negative below ground).
             */
            floor_located?: number | null;
            /**
             * Format: int64
             * @description Floors above ground of the building it occupies.
             */
            floors?: number | null;
            /**
             * Format: double
             * @description Building height, m.
             */
            height_m?: number | null;
            /** @description Heritage protection level: `national`, `provincial`, `county`. */
            heritage_level?: string | null;
            /**
             * Format: double
             * @description Largest single floor area, m².
             */
            max_floor_area_m2?: number | null;
            /**
             * Format: int64
             * @description Pupils (non-boarding schools, kindergartens).
             */
            pupils?: number | null;
            /**
             * Format: int64
             * @description Guest rooms (hotels).
             */
            rooms?: number | null;
            /**
             * Format: int64
             * @description Seats or rated occupancy (venues, restaurants' 额定就餐人数).
             */
            seats?: number | null;
            /**
             * Format: int64
             * @description Staff or people present at one time (劳动密集型: 同一时间用工).
             */
            staff?: number | null;
            /** @description Timber or brick-and-timber structure. */
            timber_structure?: boolean | null;
            /**
             * Format: double
             * @description Area below ground, m².
             */
            underground_area_m2?: number | null;
        };
        /** @description Units of one jurisdiction node (a child of the breakdown node, with its subtree). */
        UnitsInJurisdiction: {
            /** @description Units per class code (a unit with two classes counts in both). */
            by_class: {
                [key: string]: number;
            };
            /**
             * Format: int64
             * @description The node.
             */
            jurisdiction_id: number;
            /** @description Its name. */
            name: string;
            /**
             * @description This row holds the units registered on the breakdown node itself (or above it), in none of
             *     its children: the console calls it “本级（未划入下级辖区）”, so the rows add up to the total.
             */
            own: boolean;
            /**
             * Format: int64
             * @description Units in its subtree.
             */
            total: number;
            /**
             * Format: int64
             * @description Units with no class.
             */
            unclassified: number;
        };
        /** @description Units by class. */
        UnitsSummary: {
            /** @description Per class code. */
            by_class: {
                [key: string]: number;
            };
            /**
             * @description Per jurisdiction: the children of the first node below the scope's root that has more than
             *     one child (for a city with one urban district: its streets), or the root itself; plus a row
             *     (`own`) for units on that node itself when there are any. The rows add up to `total`.
             */
            by_jurisdiction: components["schemas"]["UnitsInJurisdiction"][];
            /**
             * Format: int64
             * @description All units in scope.
             */
            total: number;
            /**
             * Format: int64
             * @description Units with no class.
             */
            unclassified: number;
        };
        /** @description The outcome of an upload. */
        UploadResult: {
            /** @description Rows written. */
            imported: number;
            /** @description Rows the store refused (e.g. outside your jurisdiction, duplicate 统一社会信用代码). */
            refused: string[];
            /** @description Rows skipped by the reader (row number and reason). */
            report: Record<string, never>;
        };
        /**
         * @description Use category of a social unit (社会单位), the basis of its classification
         *     (公安部令第61号第十三条 categories; 九小场所 types).
         * @enum {string}
         */
        UseCategory: "mall" | "shop" | "hotel" | "restaurant" | "entertainment" | "internet_cafe" | "leisure" | "sports" | "auditorium" | "hospital" | "clinic" | "elderly_care" | "boarding_school" | "school" | "kindergarten" | "government" | "broadcast_telecom" | "transport_hub" | "airport" | "library_exhibition" | "museum_archive" | "heritage" | "power" | "hazmat_plant" | "fuel_station" | "hazmat_shop" | "labor_intensive" | "research" | "office" | "factory" | "warehouse" | "residential" | "other";
        /** @description An account as shown (never with its password hash). */
        User: {
            /** @description When created (UTC, RFC 3339). */
            created_at: string;
            /** @description A disabled account cannot log in. */
            disabled: boolean;
            /** @description Name shown. */
            display_name: string;
            /**
             * Format: int64
             * @description Id.
             */
            id: number;
            /**
             * Format: int64
             * @description The jurisdiction node whose subtree the account sees.
             */
            jurisdiction_id: number;
            /** @description Role. */
            role: components["schemas"]["Role"];
            /**
             * Format: int64
             * @description For a unit manager: the one unit it sees.
             */
            unit_id?: number | null;
            /** @description Login name. */
            username: string;
        };
        /** @description A new account, or the changes to one (`password` optional on update). */
        UserInput: {
            /** @description Disabled. */
            disabled?: boolean;
            /** @description Name shown. */
            display_name?: string;
            /**
             * Format: int64
             * @description The jurisdiction node whose subtree the account sees.
             */
            jurisdiction_id: number;
            /** @description Password (at least 8 characters, not the user name). */
            password?: string | null;
            /** @description Role. */
            role: components["schemas"]["Role"];
            /**
             * Format: int64
             * @description Required for, and only for, a unit manager.
             */
            unit_id?: number | null;
            /** @description Login name: 3–40 letters, digits, `_`, `-`, `.`. */
            username: string;
        };
        /** @description A fire vehicle, belonging to a station. */
        Vehicle: {
            /** @description Family (建标152). */
            family: components["schemas"]["VehicleFamily"];
            /**
             * Format: double
             * @description Foam tank, litres.
             */
            foam_l?: number | null;
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node (inherited from the station when 0).
             */
            jurisdiction_id?: number;
            /** @description Call sign or name, e.g. 城东水罐1. */
            name: string;
            /** @description Licence plate, e.g. 宁A·2345应急. */
            plate?: string | null;
            /**
             * Format: int64
             * @description Seats.
             */
            seats?: number;
            /**
             * Format: int64
             * @description The station it belongs to.
             */
            station_id: number;
            /** @description Status. */
            status?: components["schemas"]["VehicleStatus"];
            /** @description Type within the family, e.g. 水罐消防车, 登高平台消防车. */
            vehicle_type: string;
            /**
             * Format: double
             * @description Water tank, litres.
             */
            water_l?: number | null;
            /**
             * Format: int64
             * @description Year put in service.
             */
            year_in_service?: number | null;
        };
        /**
         * @description Vehicle family (建标152-2017 vehicle table, four families).
         * @enum {string}
         */
        VehicleFamily: "firefighting" | "aerial" | "special" | "support";
        /**
         * @description Vehicle status, following the incident timeline (the dispatch issue drives the transitions).
         * @enum {string}
         */
        VehicleStatus: "in_station" | "dispatched" | "en_route" | "on_scene" | "returning" | "maintenance";
        /**
         * @description Kind of fire water source (GB 50974-2014 terms).
         * @enum {string}
         */
        WaterKind: "hydrant_above" | "hydrant_below" | "water_crane" | "pool" | "natural_intake" | "dock";
        /** @description Water sources of one kind. */
        WaterKindSummary: {
            /** @description Per status code (`intact`, `damaged`, `disabled`, `unverified`). */
            by_status: {
                [key: string]: number;
            };
            /**
             * Format: double
             * @description 完好率: intact ÷ all of this kind (`null` when there are none).
             */
            intact_rate?: number | null;
            /** @description Kind code (`hydrant_above` …). */
            kind: string;
            /**
             * Format: int64
             * @description How many.
             */
            total: number;
        };
        /** @description A water source within reach of the unit. */
        WaterRef: {
            /** @description Description, e.g. 东门外 DN150 地上消火栓. */
            description: string;
            /**
             * Format: double
             * @description Distance by road, m.
             */
            distance_m?: number | null;
            /**
             * Format: int64
             * @description The water source record, when it is in the register.
             */
            water_source_id?: number | null;
        };
        /** @description A fire water source. */
        WaterSource: {
            /** @description Location description or address. */
            address?: string | null;
            /**
             * Format: double
             * @description Capacity, m³ (pools, natural intakes).
             */
            capacity_m3?: number | null;
            /** @description Register number, e.g. the hydrant id painted on it. */
            code?: string | null;
            /**
             * Format: double
             * @description Main or outlet diameter, mm.
             */
            diameter_mm?: number | null;
            /**
             * Format: double
             * @description Flow, L/s (GB 50974-2014 7.2.8 asks ≥ 15 L/s of the hydraulically least favourable municipal hydrant).
             */
            flow_lps?: number | null;
            /**
             * Format: int64
             * @description Store-assigned id.
             */
            id?: number;
            /**
             * Format: int64
             * @description Jurisdiction node.
             */
            jurisdiction_id?: number;
            /** @description Kind. */
            kind: components["schemas"]["WaterKind"];
            /** @description Date of the last inspection, `YYYY-MM-DD`. */
            last_inspected?: string | null;
            /**
             * Format: double
             * @description Latitude (WGS84).
             */
            lat: number;
            /**
             * Format: double
             * @description Longitude (WGS84).
             */
            lon: number;
            /** @description Notes. */
            notes?: string | null;
            /** @description Owner or maintaining body. */
            owner?: string | null;
            /**
             * Format: double
             * @description Static pressure, MPa (GB 50974-2014 7.2.8: ≥ 0.14 MPa at the hydrant).
             */
            pressure_mpa?: number | null;
            /** @description Source reference. */
            source_ref?: string | null;
            /** @description Condition. */
            status?: components["schemas"]["WaterStatus"];
        };
        /**
         * @description Condition of a water source.
         * @enum {string}
         */
        WaterStatus: "intact" | "damaged" | "disabled" | "unverified";
        /** @description Water sources by kind and status. */
        WaterSummary: {
            /** @description Per kind, every kind of the vocabulary in its order (zero rows included). */
            by_kind: components["schemas"]["WaterKindSummary"][];
            /**
             * Format: int64
             * @description Intact ones.
             */
            intact: number;
            /**
             * Format: double
             * @description 完好率 over all kinds: intact ÷ all (`null` when there are none).
             */
            intact_rate?: number | null;
            /**
             * Format: int64
             * @description All water sources in scope.
             */
            total: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
