// Generated from the API document by packages/client/scripts/generate.mjs: do not edit.
export interface paths {
    "/v1/players": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a player */
        post: operations["post /v1/players"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; the token goes in Authorization: Bearer */
        post: operations["post /v1/sessions"];
        /** Log out (revokes the bearer token, or with ?all=true every session of the player; always recorded as LoggedOut) */
        delete: operations["delete /v1/sessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/players/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The player's profile (recorded as ProfileViewed) */
        get: operations["get /v1/players/{id}"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/players/{id}/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy items at catalogue prices */
        post: operations["post /v1/players/{id}/purchases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/players/{id}/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a guild or team */
        post: operations["post /v1/players/{id}/orgs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/players/{id}/orgs/{kind}/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave a guild or team */
        delete: operations["delete /v1/players/{id}/orgs/{kind}/{org}"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/players/{id}/fights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fight an enemy of the catalogue */
        post: operations["post /v1/players/{id}/fights"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items, orgs, offers, enemies and limits */
        get: operations["get /v1/catalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/players/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The player's events, oldest first, a page at a time (a read: records nothing) */
        get: operations["get /v1/players/{id}/events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue of business questions (queries/*.sql): names, charts, SQL */
        get: operations["get /v1/analytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/{question}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A catalogue question's answer over the events of a date range; runs only the catalogue's SQL */
        get: operations["get /v1/analytics/{question}"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operator/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process's view of its services, its sink (lag per partition, last commit per table), its error rate and recent 5xx */
        get: operations["get /v1/operator/status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/create/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 000: register (userid, userpwd, username, wealth?) */
        post: operations["post /create/user"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/buy/sword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 000: buy a sword at the client's cost */
        post: operations["post /buy/sword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/buy/spell": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 000: buy a spell at the client's cost */
        post: operations["post /buy/spell"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/join/guild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 000: join a guild */
        post: operations["post /join/guild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/join/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seed 000: join a team (cost defaults to 0) */
        post: operations["post /join/team"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/data/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 000: the profile as text (recorded as ProfileViewed) */
        get: operations["get /data/user"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purchase_a_sword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); Sword Purchased! */
        get: operations["get /purchase_a_sword"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purchase_a_knife": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); Knife Purchased! */
        get: operations["get /purchase_a_knife"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purchase_armor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); Armor Purchased! */
        get: operations["get /purchase_armor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purchase_bow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); Bow Purchased! */
        get: operations["get /purchase_bow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/purchase_arrow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); Arrow Purchased! */
        get: operations["get /purchase_arrow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/join_guild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); Joined Guild! */
        get: operations["get /join_guild"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/join_a_guild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player joins the guild (the path seed 001 benchmarked) */
        get: operations["get /join_a_guild"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Seed 001: the Host's player (registered on first use); This is the default response! */
        get: operations["get /"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["get /healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stores answer */
        get: operations["get /readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of the process (requests, commands, ports, sink, runtime) */
        get: operations["get /metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["get /openapi.json"];
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
        Error: {
            /** @enum {string} */
            error: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted" | "payload_too_large" | "unsupported_encoding" | "unsupported_media_type" | "unsupported_transfer_coding" | "unauthorized" | "invalid_credentials" | "forbidden" | "insufficient_funds" | "not_found" | "player_not_found" | "unknown_item" | "unknown_offer" | "unknown_org" | "unknown_level" | "unknown_enemy" | "not_a_member" | "method_not_allowed" | "player_exists" | "name_taken" | "already_member" | "player_exhausted" | "out_of_range" | "offer_not_applicable" | "idempotency_key_reused" | "limit_reached" | "rate_limited" | "internal_error" | "unavailable" | "operator_unauthorized" | "unknown_question";
            message?: string;
            details?: {
                path: string;
                message: string;
            }[];
        };
        Registered: {
            player_id: string;
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            name: string;
            wealth: number;
            health: number;
            /** Format: date-time */
            created_at: string;
        };
        Session: {
            token: string;
            player_id: string;
            occurred_at: string | null;
        };
        Profile: {
            player_id: string;
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            name: string;
            wealth: number;
            health: number;
            /** Format: date-time */
            created_at: string;
            inventory: {
                /** @enum {string} */
                kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                type: string;
                quantity: number;
            }[];
            affiliations: {
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                org: string;
                /** @enum {string} */
                kind: "guild" | "team";
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                level: string;
                joined_at: string;
            }[];
            version: number;
        };
        Purchased: {
            /** @constant */
            status: "approved_purchase";
            event_id: string;
            player_version: number;
            /** Format: date-time */
            occurred_at: string;
            /** @enum {string} */
            kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            type: string;
            quantity: number;
            unit_price: number;
            discount: number;
            cost: number;
            offer_id: string | null;
            wealth: number;
            health: number;
        };
        PurchaseRefusal: {
            /** @constant */
            error: "insufficient_funds";
            /** @constant */
            status: "insufficient_funds";
            message: string;
            event_id: string;
            player_version: number;
            /** Format: date-time */
            occurred_at: string;
            /** @enum {string} */
            kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            type: string;
            quantity: number;
            unit_price: number;
            discount: number;
            cost: number;
            offer_id: string | null;
            wealth: number;
        };
        Joined: {
            /** @constant */
            status: "joined";
            event_id: string;
            player_version: number;
            /** Format: date-time */
            occurred_at: string;
            /** @enum {string} */
            kind: "guild" | "team";
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            org: string;
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            level: string;
            cost: number;
            wealth: number;
        };
        JoinRefusal: {
            /** @constant */
            error: "insufficient_funds";
            /** @constant */
            status: "insufficient_funds";
            message: string;
            event_id: string;
            player_version: number;
            /** Format: date-time */
            occurred_at: string;
            /** @enum {string} */
            kind: "guild" | "team";
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            org: string;
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            level: string;
            cost: number;
            wealth: number;
        };
        Left: {
            /** @constant */
            status: "left";
            event_id: string;
            player_version: number;
            /** Format: date-time */
            occurred_at: string;
            /** @enum {string} */
            kind: "guild" | "team";
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            org: string;
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            level: string;
        };
        Fought: {
            event_id: string;
            player_version: number;
            /** Format: date-time */
            occurred_at: string;
            /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
            enemy: string;
            /** @enum {string} */
            outcome: "won" | "lost";
            win_chance: number;
            reward: number;
            damage: number;
            wealth: number;
            health: number;
        };
        Catalogue: {
            items: {
                /** @enum {string} */
                kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                type: string;
                price: number;
                power: number;
                heal: number;
            }[];
            orgs: {
                /** @enum {string} */
                kind: "guild" | "team";
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                name: string;
                levels: {
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    cost: number;
                }[];
            }[];
            offers: {
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                id: string;
                kinds: ("sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion")[];
                percent_off: number;
            }[];
            enemies: {
                /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                type: string;
                strength: number;
                reward: number;
                damage: number;
            }[];
            limits: {
                max_cost: number;
                max_wealth: number;
                starting_wealth: number;
                host_starting_wealth: number;
                max_health: number;
                base_power: number;
                max_affiliations?: number;
                max_item_types?: number;
            };
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Ready: {
            /** @constant */
            status: "ready";
        };
        OpenApiDocument: {
            /** @constant */
            openapi: "3.1.0";
        };
        PlayerHistory: {
            player_id: string;
            events: {
                event_id: string;
                player_version: number;
                /** Format: date-time */
                occurred_at: string;
                event_type: string;
                wealth: number;
                health: number;
                data: {
                    /** @constant */
                    type: "PlayerRegistered";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    name: string;
                    wealth: number;
                    health: number;
                    /** @enum {string} */
                    origin?: "v1" | "seed" | "host";
                } | {
                    /** @constant */
                    type: "LoggedIn";
                } | {
                    /** @constant */
                    type: "LoginFailed";
                    /** @enum {string} */
                    reason: "wrong_password" | "throttled";
                } | {
                    /** @constant */
                    type: "LoggedOut";
                } | {
                    /** @constant */
                    type: "ItemPurchased";
                    /** @enum {string} */
                    kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    item_type: string;
                    quantity: number;
                    unit_price: number;
                    discount: number;
                    cost: number;
                    offer_id: string | null;
                    /** @enum {string} */
                    pricing: "catalogue" | "client";
                    heal: number;
                } | {
                    /** @constant */
                    type: "PurchaseRefused";
                    /** @enum {string} */
                    kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    item_type: string;
                    quantity: number;
                    unit_price: number;
                    discount: number;
                    cost: number;
                    offer_id: string | null;
                    /** @enum {string} */
                    pricing: "catalogue" | "client";
                    /** @constant */
                    reason: "insufficient_funds";
                } | {
                    /** @constant */
                    type: "OrgJoined";
                    /** @enum {string} */
                    org_kind: "guild" | "team";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    cost: number;
                    /** @enum {string} */
                    pricing: "catalogue" | "client";
                } | {
                    /** @constant */
                    type: "OrgJoinRefused";
                    /** @enum {string} */
                    org_kind: "guild" | "team";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    cost: number;
                    /** @enum {string} */
                    pricing: "catalogue" | "client";
                    /** @constant */
                    reason: "insufficient_funds";
                } | {
                    /** @constant */
                    type: "OrgLeft";
                    /** @enum {string} */
                    org_kind: "guild" | "team";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                } | {
                    /** @constant */
                    type: "FightFought";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    enemy: string;
                    /** @enum {string} */
                    outcome: "won" | "lost";
                    power: number;
                    win_chance: number;
                    roll: number;
                    reward: number;
                    damage: number;
                } | {
                    /** @constant */
                    type: "ProfileViewed";
                } | {
                    /** @constant */
                    type: "HomeVisited";
                };
            }[];
            next: number | null;
        };
        QuestionList: {
            questions: {
                name: string;
                question: string;
                description: string;
                /** @enum {string} */
                chart: "bar" | "histogram" | "line" | "table";
                x: string;
                y: string[];
                sql: string;
            }[];
        };
        QuestionAnswer: {
            name: string;
            question: string;
            description: string;
            /** @enum {string} */
            chart: "bar" | "histogram" | "line" | "table";
            x: string;
            y: string[];
            sql: string;
            from: string | null;
            to: string | null;
            columns: string[];
            rows: unknown[][];
            ms: number;
        };
        OperatorStatus: {
            mode: string;
            ready: boolean;
            services: {
                service: string;
                ok: boolean;
            }[];
            sink: {
                partitions: {
                    topic: string;
                    partition: number;
                    lag: number;
                }[];
                tables: {
                    table: string;
                    /** Format: date-time */
                    at: string;
                    rows: number;
                    files: number;
                }[];
                records: number;
                rows: number;
                files: number;
            } | null;
            requests: {
                total: number;
                errors: number;
                unavailable: number;
                error_rate: number;
            };
            recent_failures: {
                /** Format: date-time */
                at: string;
                method: string;
                route: string;
                status: number;
                request_id: string;
            }[];
        };
    };
    responses: {
        /** @description payload_too_large: the body is over the limit (on any route, even one that reads no body) */
        413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    /** @enum {unknown} */
                    error?: "payload_too_large";
                };
            };
        };
        /** @description unsupported_encoding, unsupported_media_type: a Content-Encoding, or a body neither JSON nor a form */
        415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    /** @enum {unknown} */
                    error?: "unsupported_encoding" | "unsupported_media_type";
                };
            };
        };
        /** @description rate_limited: over a request budget (per client address on every route; per address and account name on logins and registrations); Retry-After, RateLimit-Policy and RateLimit say when to retry */
        429: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    /** @enum {unknown} */
                    error?: "rate_limited";
                };
            };
        };
        /** @description Request Header Fields Too Large (answered by the HTTP server, without a body) */
        431: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description internal_error: a bug; the request id is in X-Request-Id */
        500: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    /** @enum {unknown} */
                    error?: "internal_error";
                };
            };
        };
        /** @description unsupported_transfer_coding: only chunked is accepted in Transfer-Encoding */
        501: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] & {
                    /** @enum {unknown} */
                    error?: "unsupported_transfer_coding";
                };
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "post /v1/players": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description white space at either end is dropped, then the Name rules apply */
                    name: string;
                    /**
                     * Format: password
                     * @description 8–256 code points, well-formed
                     */
                    password: string;
                    player_id?: string;
                    command_id?: string;
                };
            };
        };
        responses: {
            /** @description The player */
            201: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description player_exists, name_taken */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exists" | "name_taken";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description out_of_range, idempotency_key_reused: out_of_range: wealth over the limit */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "out_of_range" | "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description white space at either end is dropped, then the Name rules apply */
                    name: string;
                    /** Format: password */
                    password: string;
                };
            };
        };
        responses: {
            /** @description The session */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "invalid_credentials";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "delete /v1/sessions": {
        parameters: {
            query?: {
                all?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    command_id?: string;
                };
            };
        };
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /v1/players/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            /** @description forbidden: the session belongs to another player */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "forbidden";
                    };
                };
            };
            /** @description player_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /v1/players/{id}/purchases": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "sword" | "spell" | "knife" | "armor" | "bow" | "arrow" | "potion";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    type?: string;
                    quantity?: number;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    offer_id?: string;
                    command_id?: string;
                };
            };
        };
        responses: {
            /** @description Bought */
            201: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Purchased"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            /** @description insufficient_funds: recorded, nothing changed */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurchaseRefusal"];
                };
            };
            /** @description forbidden: the session belongs to another player */
            403: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "forbidden";
                    };
                };
            };
            /** @description player_not_found, unknown_item, unknown_offer */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_item" | "unknown_offer";
                    };
                };
            };
            /** @description limit_reached: a new item past the catalogue's max_item_types */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description offer_not_applicable, idempotency_key_reused */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "offer_not_applicable" | "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /v1/players/{id}/orgs": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "guild" | "team";
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level?: string;
                    command_id?: string;
                };
            };
        };
        responses: {
            /** @description Joined */
            201: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Joined"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            /** @description insufficient_funds: recorded, nothing changed */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JoinRefusal"];
                };
            };
            /** @description forbidden: the session belongs to another player */
            403: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "forbidden";
                    };
                };
            };
            /** @description player_not_found, unknown_org, unknown_level */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_org" | "unknown_level";
                    };
                };
            };
            /** @description already_member, limit_reached: limit_reached: past the catalogue's max_affiliations */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "delete /v1/players/{id}/orgs/{kind}/{org}": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                kind: "guild" | "team";
                org: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    command_id?: string;
                };
            };
        };
        responses: {
            /** @description Left */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Left"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            /** @description forbidden: the session belongs to another player */
            403: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "forbidden";
                    };
                };
            };
            /** @description player_not_found, not_a_member */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "not_a_member";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /v1/players/{id}/fights": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    enemy: string;
                    command_id?: string;
                };
            };
        };
        responses: {
            /** @description The fight, won or lost */
            201: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fought"];
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            /** @description forbidden: the session belongs to another player */
            403: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "forbidden";
                    };
                };
            };
            /** @description player_not_found, unknown_enemy */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_enemy";
                    };
                };
            };
            /** @description player_exhausted */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exhausted";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /v1/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalogue"];
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
        };
    };
    "get /v1/players/{id}/events": {
        parameters: {
            query?: {
                after?: string;
                limit?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events with player_version > after, at most limit (default 500); next is the after of the next page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlayerHistory"];
                };
            };
            /** @description validation_failed: details name the parameter at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description unauthorized: no live session (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unauthorized";
                    };
                };
            };
            /** @description forbidden: the session belongs to another player */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "forbidden";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store or the query engine does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /v1/analytics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The questions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionList"];
                };
            };
            /** @description operator_unauthorized: no operator token configured on the server (PLACEBO_OPERATOR_TOKEN), or the request did not send it as Authorization: Bearer */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "operator_unauthorized";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
        };
    };
    "get /v1/analytics/{question}": {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                question: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The answer: columns and rows as the engine returned them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionAnswer"];
                };
            };
            /** @description validation_failed: details name the parameter at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description operator_unauthorized: no operator token configured on the server (PLACEBO_OPERATOR_TOKEN), or the request did not send it as Authorization: Bearer */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "operator_unauthorized";
                    };
                };
            };
            /** @description unknown_question: no question of that name in the catalogue */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_question";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store or the query engine does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /v1/operator/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorStatus"];
                };
            };
            /** @description operator_unauthorized: no operator token configured on the server (PLACEBO_OPERATOR_TOKEN), or the request did not send it as Authorization: Bearer */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "operator_unauthorized";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
        };
    };
    "post /create/user": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    userid: string;
                    /** Format: password */
                    userpwd: string;
                    /** @description white space at either end is dropped, then the Name rules apply */
                    username: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    wealth?: string;
                };
                "application/json": {
                    userid: string;
                    /** Format: password */
                    userpwd: string;
                    /** @description white space at either end is dropped, then the Name rules apply */
                    username: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    wealth?: string;
                };
            };
        };
        responses: {
            /** @description Created user +:) */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Created user +:)\n";
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description player_not_found, unknown_item, unknown_org, unknown_level */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_item" | "unknown_org" | "unknown_level";
                    };
                };
            };
            /** @description player_exists, name_taken, already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exists" | "name_taken" | "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused, out_of_range: out_of_range: a cost or wealth over the limit */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused" | "out_of_range";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /buy/sword": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    type: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost: string;
                };
                "application/json": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    type: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost: string;
                };
            };
        };
        responses: {
            /** @description Sword purchased [:) */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Sword purchased [:)\n";
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description player_not_found, unknown_item, unknown_org, unknown_level */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_item" | "unknown_org" | "unknown_level";
                    };
                };
            };
            /** @description player_exists, name_taken, already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exists" | "name_taken" | "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused, out_of_range: out_of_range: a cost or wealth over the limit */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused" | "out_of_range";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /buy/spell": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    type: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost: string;
                };
                "application/json": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    type: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost: string;
                };
            };
        };
        responses: {
            /** @description Spell purchased <:) */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Spell purchased <:)\n";
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description player_not_found, unknown_item, unknown_org, unknown_level */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_item" | "unknown_org" | "unknown_level";
                    };
                };
            };
            /** @description player_exists, name_taken, already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exists" | "name_taken" | "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused, out_of_range: out_of_range: a cost or wealth over the limit */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused" | "out_of_range";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /join/guild": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost: string;
                };
                "application/json": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost: string;
                };
            };
        };
        responses: {
            /** @description Joined #guild */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Joined #guild\n";
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description player_not_found, unknown_item, unknown_org, unknown_level */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_item" | "unknown_org" | "unknown_level";
                    };
                };
            };
            /** @description player_exists, name_taken, already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exists" | "name_taken" | "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused, out_of_range: out_of_range: a cost or wealth over the limit */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused" | "out_of_range";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "post /join/team": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost?: string;
                };
                "application/json": {
                    userid: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    org: string;
                    /** @description 1–64 code points; no control characters or lone surrogates; no white space at either end */
                    level: string;
                    /** @description whole coins as text, 0 to 10^12, e.g. 5000 or 999.0 */
                    cost?: string;
                };
            };
        };
        responses: {
            /** @description Joined #team */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Joined #team\n";
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description player_not_found, unknown_item, unknown_org, unknown_level */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found" | "unknown_item" | "unknown_org" | "unknown_level";
                    };
                };
            };
            /** @description player_exists, name_taken, already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_exists" | "name_taken" | "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused, out_of_range: out_of_range: a cost or wealth over the limit */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused" | "out_of_range";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /data/user": {
        parameters: {
            query: {
                userid: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description User data: … (Python-style JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description validation_failed, malformed_json, malformed_body, request_aborted: details name the fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed" | "malformed_json" | "malformed_body" | "request_aborted";
                    };
                };
            };
            /** @description player_not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "player_not_found";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /purchase_a_sword": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sword Purchased! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Sword Purchased!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /purchase_a_knife": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Knife Purchased! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Knife Purchased!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /purchase_armor": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Armor Purchased! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Armor Purchased!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /purchase_bow": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Bow Purchased! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Bow Purchased!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /purchase_arrow": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Arrow Purchased! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Arrow Purchased!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /join_guild": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Joined Guild! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Joined Guild!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /join_a_guild": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Joined Guild! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "Joined Guild!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description You do not have sufficient funds [:( */
            402: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "You do not have sufficient funds [:(\n";
                };
            };
            /** @description unknown_item, unknown_org: the catalogue has nothing to sell */
            404: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unknown_item" | "unknown_org";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /": {
        parameters: {
            query?: never;
            header: {
                /** @description names the player host-<host without port, lower-cased>: letters, digits and ._@- (at most 59), an optional :port */
                Host: string;
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This is the default response! */
            200: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": "This is the default response!\n";
                };
            };
            /** @description validation_failed: the Host does not name a player (see the Host parameter), or a bad Idempotency-Key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "validation_failed";
                    };
                };
            };
            /** @description already_member, limit_reached */
            409: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "already_member" | "limit_reached";
                    };
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            /** @description idempotency_key_reused: the key was first used for a different command */
            422: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "idempotency_key_reused";
                    };
                };
            };
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: a store does not answer; Retry-After when worth retrying */
            503: {
                headers: {
                    /** @description the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503 */
                    "Idempotency-Key"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
        };
    };
    "get /readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
            /** @description unavailable: the stores do not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** @enum {unknown} */
                        error?: "unavailable";
                    };
                };
            };
        };
    };
    "get /metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
        };
    };
    "get /openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            413: components["responses"]["413"];
            415: components["responses"]["415"];
            429: components["responses"]["429"];
            431: components["responses"]["431"];
            500: components["responses"]["500"];
            501: components["responses"]["501"];
        };
    };
}
