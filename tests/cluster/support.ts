// Helpers of the scale-out fault tests: a resident's checkout through the store API
// (as the storefront makes it: cart, line, one checkout request), retried the way a
// client retries when the server it reached died, and reads of what the database holds.
import pg from "pg"

export type Catalogue = { key: string; region: string; points: string[]; variants: string[] }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function storeGet(backendUrl: string, key: string, path: string) {
  const response = await fetch(`${backendUrl}${path}`, { headers: { "x-publishable-api-key": key } })
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
  return { body: (await response.json()) as any, upstream: response.headers.get("x-lianxin-upstream") }
}

/** The demo's CNY region, its pickup points and the variants that can be bought. */
export async function catalogue(backendUrl: string, key: string): Promise<Catalogue> {
  const { body: regions } = await storeGet(backendUrl, key, "/store/regions")
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "cny").id
  const { body: points } = await storeGet(backendUrl, key, "/store/pickup-points")
  const { body: products } = await storeGet(
    backendUrl,
    key,
    `/store/products?limit=50&region_id=${region}&fields=id,variants.id,variants.inventory_quantity,variants.manage_inventory`
  )
  const variants = products.products
    .flatMap((p: any) => p.variants)
    .filter((v: any) => !v.manage_inventory || v.inventory_quantity > 50)
    .map((v: any) => v.id)
  const pointIds = (points.pickup_points ?? points.points ?? []).map((p: any) => p.id)
  if (!pointIds.length || !variants.length)
    throw new Error("the demo catalogue has no pickup point or no buyable variant")
  return { key, region, points: pointIds, variants }
}

type Attempt = { status: number; body: any; upstream: string | null }

async function post(url: string, key: string, body: unknown): Promise<Attempt> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-publishable-api-key": key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {}
  return { status: response.status, body: parsed, upstream: response.headers.get("x-lianxin-upstream") }
}

/**
 * POST with the retries a client makes when the server it reached is gone: a 502 from the proxy
 * or a dropped connection is tried again (up to `tries`), anything else is the answer.
 */
export async function postRetrying(url: string, key: string, body: unknown, tries = 8) {
  const history: Array<number | string> = []
  for (let i = 0; i < tries; i++) {
    try {
      const answer = await post(url, key, body)
      history.push(answer.status)
      // 502/503: the server went away. 409 busy: the cart's lock is still held (by a server that died holding it,
      // until the lock expires): a resident is told to wait a few seconds and submit again, and does. Medusa's own
      // cart routes (line items) say the same as `type: "conflict"` ("you may retry the request").
      const conflict = answer.body as { code?: string; type?: string } | null
      const busy = answer.status === 409 && (conflict?.code === "busy" || conflict?.type === "conflict")
      if (answer.status !== 502 && answer.status !== 503 && !busy) return { ...answer, history }
    } catch (error) {
      history.push((error as Error).name)
    }
    await sleep(500 * (i + 1))
  }
  throw new Error(`${url}: no answer after ${tries} tries (${history.join(", ")})`)
}

/**
 * One resident's checkout: a cart, one line, the checkout request. A retry that finds the
 * cart already checked out (its first try completed on a server that then died) is answered
 * with that cart's order: the client ends with exactly one order either way.
 */
export async function checkout(
  backendUrl: string,
  c: Catalogue,
  i: number,
  hooks: { beforeCheckout?: () => void } = {}
) {
  const cart = await postRetrying(`${backendUrl}/store/carts`, c.key, { region_id: c.region })
  if (cart.status !== 200) throw new Error(`cart: ${cart.status} ${JSON.stringify(cart.body)}`)
  const cartId = cart.body.cart.id as string
  const line = await postRetrying(`${backendUrl}/store/carts/${cartId}/line-items`, c.key, {
    variant_id: c.variants[i % c.variants.length],
    quantity: 1,
  })
  if (line.status !== 200) throw new Error(`line: ${line.status} ${JSON.stringify(line.body)}`)
  hooks.beforeCheckout?.()
  const placed = await postRetrying(`${backendUrl}/store/lianxin/checkout`, c.key, {
    cart_id: cartId,
    name: "集群测试",
    phone: `139${String(10_000_000 + i).slice(-8)}`,
    // A guest with an email has a (guest) customer record, so the order's notices have a recipient.
    email: `cluster-${i}@example.test`,
    pickup_point_id: c.points[i % c.points.length],
  })
  return {
    cartId,
    status: placed.status,
    body: placed.body,
    upstream: placed.upstream,
    history: placed.history,
    /** Every try of every step: more entries than steps means the client had to retry somewhere. */
    tries: cart.history.length + line.history.length + placed.history.length,
  }
}

export async function withDb<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 60_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await fn()
      if (value) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${last ? ` (${(last as Error).message})` : ""}`)
    await sleep(1_000)
  }
}
