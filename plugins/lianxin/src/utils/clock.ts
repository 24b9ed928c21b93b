/**
 * "Now" for the ordering rules (cutoffs, the cycles offered, checkout).
 * Production never registers a clock: it is the real time. A test (or the
 * seed, placing past orders) registers one under LIANXIN_CLOCK on a container
 * or on a scope of it (`withClock`), and every route, workflow and hook run
 * with that container sees the same instant. Nothing is kept in process
 * memory: the clock lives in the container it was registered on.
 */
import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"

export const LIANXIN_CLOCK = "lianxinClock"

export type Clock = () => Date

type Resolving = { resolve: (key: string, options?: { allowUnregistered?: boolean }) => unknown }

/** The current instant as the container's clock says (the real time when none is registered). */
export function nowOf(container: Resolving): Date {
  const clock = container.resolve(LIANXIN_CLOCK, { allowUnregistered: true }) as Clock | undefined
  return clock ? new Date(clock()) : new Date()
}

/** Registers the clock on this container (tests: on the app's root container, so HTTP requests see it too). */
export function setClock(container: MedusaContainer, at: Date | Clock): void {
  const clock: Clock = typeof at === "function" ? at : () => new Date(at)
  container.register(LIANXIN_CLOCK, asValue(clock))
}

/** A scope of the container whose clock says `at` (the container itself is left as it was). */
export function withClock(container: MedusaContainer, at: Date | Clock): MedusaContainer {
  const scope = container.createScope() as MedusaContainer
  setClock(scope, at)
  return scope
}
