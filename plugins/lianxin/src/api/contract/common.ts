/** An instant as JSON carries it: an ISO 8601 string (a Date on the server serializes to one). */
export type Timestamp = string

/** A page of a list route: `{ <things>, count, offset, limit }`. */
export type Paginated = { count: number; offset: number; limit: number }

/** The lifecycle of a pickup (one order at one point): docs/pickup.md. */
export type PickupStatus = "placed" | "ready" | "collected" | "uncollected" | "canceled"

/** What happens to an order nobody collected. */
export type DisposalPolicy = "donate" | "dispose" | "sell_off"

/** 409 of a counter or operator action that already happened differently ("already checked in", "already disposed"). */
export type ConflictAnswer = { type: "conflict"; message: string }
