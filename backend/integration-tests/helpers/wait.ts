/** Reads until `ok` holds or `ms` pass (every 200 ms), then returns the last read: for work a subscriber does after the response. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v) || Date.now() > deadline) return v
    await new Promise((r) => setTimeout(r, 200))
  }
}
