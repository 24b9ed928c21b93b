/** Reads until `ok` holds or `ms` pass (every 200 ms), then returns the last read: for work a subscriber does after the response. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > deadline) return v
    await new Promise((r) => setTimeout(r, 200))
  }
}

const ORIGINALS = Symbol.for("lianxin.test.eventBusMethods")

type Listener = (...args: unknown[]) => unknown
type Emitter = {
  emit: (name: string | symbol, ...args: unknown[]) => boolean
  rawListeners: (name: string | symbol) => Listener[]
}

/**
 * Knows when every subscriber the app started has finished: the local event
 * bus calls subscribers without keeping their promises, so this wraps its
 * emitter to keep them. `idle()` then waits for them, for the events they emit
 * in turn, and for running workflows — instead of a fixed sleep, to prove that
 * an event changed nothing more. Install after the app has started (once per file: a new tracker replaces the last).
 */
export function trackSubscribers(container: { resolve: (key: string) => unknown }) {
  const bus = container.resolve("event_bus") as {
    eventEmitter_?: Emitter
    emit: (data: unknown, options?: { delay?: number }) => Promise<unknown>
    releaseGroupedEvents: (groupId: string) => Promise<unknown>
    groupedEventsMap_?: Map<string, Array<{ options?: { delay?: number } }>>
  }
  const emitter = bus.eventEmitter_
  if (!emitter) throw new Error("trackSubscribers needs the local event bus (REDIS_URL is set)")
  const pending = new Set<Promise<unknown>>()
  const track = (p: Promise<unknown>) => {
    pending.add(p)
    void p.finally(() => pending.delete(p))
  }
  // A delayed event (Medusa's payment webhooks wait STRIPE_WEBHOOK_DELAY_MS) reaches the emitter only when the bus's
  // timer fires: a timer of the same delay set just after the bus's fires just after it, once its subscribers run.
  const delayed = (ms: number | undefined) => {
    if (ms && ms > 0) track(new Promise((r) => setTimeout(r, ms)))
  }
  // The bus's own methods, kept the first time: a later tracker (the next file on a shared app) replaces this one.
  const holder = bus as unknown as Record<
    symbol,
    { emit: typeof bus.emit; release: typeof bus.releaseGroupedEvents } | undefined
  >
  if (!holder[ORIGINALS]) holder[ORIGINALS] = { emit: bus.emit, release: bus.releaseGroupedEvents }
  const original = holder[ORIGINALS]
  bus.emit = async (data, options) => {
    const result = await original.emit.call(bus, data, options)
    delayed(options?.delay)
    return result
  }
  bus.releaseGroupedEvents = async (groupId) => {
    const longest = Math.max(0, ...(bus.groupedEventsMap_?.get(groupId) ?? []).map((e) => e.options?.delay ?? 0))
    const result = await original.release.call(bus, groupId)
    delayed(longest)
    return result
  }
  // As EventEmitter#emit calls them (raw listeners, so `once` ones remove themselves), keeping each promise.
  emitter.emit = (name, ...args) => {
    const listeners = emitter.rawListeners(name)
    for (const listener of listeners) {
      track(
        Promise.resolve()
          .then(() => listener.apply(emitter, args))
          .catch(() => {})
      )
    }
    return listeners.length > 0
  }
  const workflows = container.resolve("workflows") as {
    listWorkflowExecutions: (filter: object) => Promise<unknown[]>
  }
  return {
    async idle(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        // Emissions are scheduled on a resolved promise: one macrotask lets them happen.
        await new Promise((r) => setImmediate(r))
        if (pending.size) {
          await Promise.all([...pending])
          continue
        }
        const running = await workflows.listWorkflowExecutions({
          state: { $nin: ["not_started", "done", "reverted", "failed"] },
        })
        if (!running.length && !pending.size) return
        if (Date.now() > deadline)
          throw new Error(
            `still busy after ${timeoutMs} ms: ${running.length} workflow(s), ${pending.size} subscriber(s)`
          )
        await new Promise((r) => setTimeout(r, 20))
      }
    },
  }
}
