export type StripeTestWebhook = { url: string; secret: string }

export type StripeTestEvent = {
  id: string
  object: "event"
  type: string
  created: number
  api_version: string
  livemode: false
  data: { object: Record<string, any> }
  request: { id: string | null; idempotency_key: string | null }
}

export type StripeTestDelivery = {
  event_id: string
  type: string
  url: string
  status: number
  error?: string
  at: string
}

export type StripeTestServer = {
  url: string
  host: string
  port: number
  state: {
    intents: Map<string, Record<string, any>>
    refunds: Map<string, Record<string, any>>
    charges: Map<string, Record<string, any>>
    customers: Map<string, Record<string, any>>
    events: StripeTestEvent[]
    deliveries: StripeTestDelivery[]
    requests: Array<{
      method: string
      path: string
      params: Record<string, any>
      idempotency_key: string | null
      at: string
    }>
  }
  setDelivery(on: boolean): void
  addWebhook(hook: StripeTestWebhook): void
  succeed(id: string): Record<string, any>
  fail(id: string): Record<string, any>
  intent(id: string): Record<string, any> | null
  events(filter?: { type?: string; intent?: string }): StripeTestEvent[]
  deliver(
    event: StripeTestEvent,
    options?: { signature?: string; timestamp?: number; payload?: string }
  ): Promise<StripeTestDelivery[]>
  settled(): Promise<void>
  close(): Promise<void>
}

export function startStripeTestServer(options?: {
  port?: number
  host?: string
  apiKey?: string
  webhooks?: StripeTestWebhook[]
  deliver?: boolean
  log?: (line: string) => void
}): Promise<StripeTestServer>

export function signatureHeader(payload: string, secret: string, timestamp?: number): string
export function parseForm(body: string): Record<string, any>
