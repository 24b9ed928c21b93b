#!/usr/bin/env node
// A small Stripe-compatible HTTP server for tests and local runs without the
// network (Stripe cannot be reached from our machines, stripe-mock is on no
// registry we have). The real `stripe` SDK talks to it through its host, port
// and protocol options. It keeps what our payment flows use, with Stripe's
// shapes: payment intents (create, retrieve, update, confirm, capture, cancel),
// refunds, customers and payment methods; errors as Stripe shapes them
// ({ error: { type, code, message, param, payment_intent? } } and its statuses);
// idempotency keys; and webhooks signed with Stripe's scheme
// (Stripe-Signature: t=<unix seconds>,v1=<HMAC-SHA256 hex of "t.payload">).
//
// What a customer does at Stripe (scanning the WeChat Pay QR, authorising on
// Alipay's page) is driven through /_test/… routes and a hosted test page like
// Stripe's test-mode one ("Authorize test payment" / "Fail test payment").
//
// CLI: node plugins/lianxin/testing/stripe-test-server.mjs --port 12111 --api-key sk_test_x \
//        --webhook http://localhost:9000/hooks/payment/stripe_stripe --webhook-secret whsec_x
import crypto from "node:crypto"
import http from "node:http"
import { fileURLToPath } from "node:url"

const API_VERSION = "2024-04-10"
const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
])
const PAYMENT_METHOD_TYPES = new Set(["card", "wechat_pay", "alipay"])
const CANCELABLE = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
]

/** Stripe's webhook signature header for a payload (what stripe.webhooks.constructEvent verifies). */
export function signatureHeader(payload, secret, timestamp = Math.floor(Date.now() / 1000)) {
  const v1 = crypto.createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")
  return `t=${timestamp},v1=${v1}`
}

/**
 * Parses Stripe's form encoding: `a[b][c]=v`, `list[0]=x`, `expand[]=y`.
 * Keys that are all digits become array positions.
 */
export function parseForm(body) {
  const out = {}
  for (const pair of body.split("&")) {
    if (!pair) continue
    const eq = pair.indexOf("=")
    const rawKey = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, " "))
    const value = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "))
    const path = []
    const head = rawKey.match(/^[^[]+/)
    if (!head) continue
    path.push(head[0])
    for (const m of rawKey.slice(head[0].length).matchAll(/\[([^\]]*)\]/g)) path.push(m[1])
    let node = out
    for (let i = 0; i < path.length; i++) {
      const key = path[i]
      const last = i === path.length - 1
      const nextIsIndex = !last && /^\d*$/.test(path[i + 1])
      if (Array.isArray(node)) {
        const index = key === "" ? node.length : Number(key)
        if (last) node[index] = value
        else node = node[index] ??= nextIsIndex ? [] : {}
      } else if (last) {
        node[key] = value
      } else {
        node = node[key] ??= nextIsIndex ? [] : {}
      }
    }
  }
  return out
}

class StripeError extends Error {
  constructor(status, error) {
    super(error.message)
    this.status = status
    this.body = {
      error: {
        doc_url: error.code ? `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, "-")}` : undefined,
        ...error,
      },
    }
  }
}

const invalid = (message, param, code) =>
  new StripeError(400, {
    type: "invalid_request_error",
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  })
const missing = (kind, id, param = "id") =>
  new StripeError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${kind}: '${id}'`,
    param,
  })

const randomId = (prefix) => `${prefix}_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`
const now = () => Math.floor(Date.now() / 1000)

function integer(value, param, { min = 0 } = {}) {
  if (value === undefined) return undefined
  if (!/^-?\d+$/.test(String(value))) throw invalid(`Invalid integer: ${value}`, param, "parameter_invalid_integer")
  const n = Number(value)
  if (n < min) {
    throw invalid(
      param === "amount"
        ? "Amount must be at least 1 (in the currency's smallest unit)"
        : `Invalid ${param}: must be at least ${min}`,
      param,
      param === "amount" ? "amount_too_small" : "parameter_invalid_integer"
    )
  }
  return n
}

function bool(value) {
  return value === true || value === "true"
}

/**
 * Starts the server. Options: port (0 = free), host, apiKey (the only key
 * accepted; unset = any sk_test_ key), webhooks [{url, secret}], deliver
 * (false = keep events without sending them), log (function).
 */
export async function startStripeTestServer(options = {}) {
  const host = options.host ?? "127.0.0.1"
  const webhooks = [...(options.webhooks ?? [])]
  const log = options.log ?? (() => {})
  const state = {
    intents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    customers: new Map(),
    paymentMethods: new Map(),
    events: [],
    deliveries: [],
    idempotency: new Map(),
    requests: [],
  }
  const inFlight = new Set()
  let baseUrl = ""
  let autoDeliver = options.deliver !== false

  function paymentMethod(type, token) {
    const pm = {
      id: randomId("pm"),
      object: "payment_method",
      type,
      created: now(),
      livemode: false,
      customer: null,
      metadata: {},
      billing_details: { address: null, email: null, name: null, phone: null },
      ...(type === "card"
        ? {
            card: {
              brand: "visa",
              last4: token === "pm_card_chargeDeclined" ? "0002" : "4242",
              exp_month: 12,
              exp_year: 2034,
              country: "US",
              funding: "credit",
            },
          }
        : { [type]: {} }),
    }
    state.paymentMethods.set(pm.id, pm)
    return pm
  }

  /** The intent as the API returns it; `payment_method` expanded when asked. */
  function render(pi, expand = []) {
    const { _return_url, _token, ...rest } = pi
    const out = structuredClone(rest)
    if (expand.includes("payment_method") && pi.payment_method)
      out.payment_method = state.paymentMethods.get(pi.payment_method) ?? pi.payment_method
    if (expand.includes("latest_charge") && pi.latest_charge)
      out.latest_charge = state.charges.get(pi.latest_charge) ?? pi.latest_charge
    return out
  }

  function emit(type, object, request) {
    const event = {
      id: randomId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: webhooks.length,
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    }
    state.events.push(event)
    if (autoDeliver) for (const hook of webhooks) track(deliver(event, hook))
    return event
  }

  function track(promise) {
    inFlight.add(promise)
    promise.finally(() => inFlight.delete(promise))
    return promise
  }

  /** Sends one event to one endpoint, signed (or with `signature` given, e.g. a forged one). */
  async function deliver(event, hook, { signature, timestamp, payload: override } = {}) {
    const payload = override ?? JSON.stringify(event, null, 2)
    const header = signature ?? signatureHeader(payload, hook.secret, timestamp)
    const record = { event_id: event.id, type: event.type, url: hook.url, status: 0, at: new Date().toISOString() }
    try {
      const res = await fetch(hook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": header,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
      })
      record.status = res.status
      await res.arrayBuffer()
    } catch (error) {
      record.error = String(error?.message ?? error)
    }
    state.deliveries.push(record)
    log(`webhook ${event.type} ${event.id} → ${hook.url}: ${record.status || record.error}`)
    return record
  }

  function charge(pi, amount) {
    const ch = {
      id: randomId("ch"),
      object: "charge",
      amount,
      amount_captured: pi.capture_method === "manual" ? 0 : amount,
      amount_refunded: 0,
      captured: pi.capture_method !== "manual",
      currency: pi.currency,
      customer: pi.customer,
      payment_intent: pi.id,
      payment_method: pi.payment_method,
      paid: true,
      refunded: false,
      status: "succeeded",
      created: now(),
      livemode: false,
      metadata: {},
    }
    state.charges.set(ch.id, ch)
    pi.latest_charge = ch.id
    return ch
  }

  /** The customer completed the payment at the wallet (or the card was accepted). */
  function authorise(pi, request) {
    pi.next_action = null
    pi.last_payment_error = null
    const ch = charge(pi, pi.amount)
    if (pi.capture_method === "manual") {
      pi.status = "requires_capture"
      pi.amount_capturable = pi.amount
      emit("charge.succeeded", ch, request)
      emit("payment_intent.amount_capturable_updated", render(pi), request)
    } else {
      pi.status = "succeeded"
      pi.amount_received = pi.amount
      emit("charge.succeeded", ch, request)
      emit("payment_intent.succeeded", render(pi), request)
    }
  }

  function decline(pi, request, message = "Your card was declined.", code = "card_declined") {
    const pm = pi.payment_method ? state.paymentMethods.get(pi.payment_method) : null
    pi.status = "requires_payment_method"
    pi.next_action = null
    pi.last_payment_error = {
      type: "card_error",
      code,
      ...(code === "card_declined" ? { decline_code: "generic_decline" } : {}),
      message,
      payment_method: pm ? structuredClone(pm) : null,
    }
    pi.payment_method = null
    emit("payment_intent.payment_failed", render(pi), request)
  }

  function confirm(pi, params, request) {
    if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
      throw paymentIntentState(pi, `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`)
    }
    if (params.return_url) pi._return_url = params.return_url
    let pm = null
    if (params.payment_method_data?.type) {
      const type = params.payment_method_data.type
      if (!pi.payment_method_types.includes(type)) {
        throw invalid(
          `The PaymentMethod provided (${type}) is not allowed for this PaymentIntent. Allowed: ${pi.payment_method_types.join(", ")}.`,
          "payment_method_data[type]",
          "payment_intent_incompatible_payment_method"
        )
      }
      pm = paymentMethod(type)
    } else if (params.payment_method) {
      pm = state.paymentMethods.get(params.payment_method)
      if (!pm && /^pm_card_/.test(params.payment_method)) {
        pm = paymentMethod("card", params.payment_method)
        pi._token = params.payment_method
      }
      if (!pm) throw missing("payment_method", params.payment_method, "payment_method")
    } else if (pi.payment_method) {
      pm = state.paymentMethods.get(pi.payment_method)
    }
    if (!pm) {
      throw paymentIntentState(
        pi,
        "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with cus_xxx, specify a payment method attached to this customer along with the customer ID."
      )
    }
    pi.payment_method = pm.id
    pi.payment_method_options = { ...pi.payment_method_options, ...(params.payment_method_options ?? {}) }
    if (pm.type === "wechat_pay") {
      if (!pi.payment_method_options?.wechat_pay?.client) {
        throw invalid(
          "payment_method_options[wechat_pay][client] is required when confirming a wechat_pay PaymentIntent.",
          "payment_method_options[wechat_pay][client]",
          "parameter_missing"
        )
      }
      const page = `${baseUrl}/_test/authorize/${pi.id}`
      pi.status = "requires_action"
      pi.next_action = {
        type: "wechat_pay_display_qr_code",
        wechat_pay_display_qr_code: {
          data: `weixin://wxpay/bizpayurl?pr=${pi.id.slice(3, 15)}`,
          hosted_instructions_url: page,
          image_data_url: qrPlaceholder(pi.id),
          image_url_png: `${page}.png`,
          image_url_svg: `${page}.svg`,
        },
      }
      emit("payment_intent.requires_action", render(pi), request)
    } else if (pm.type === "alipay") {
      if (!pi._return_url)
        throw invalid(
          "A return_url must be specified because this Payment Intent is configured to automatically accept the payment methods enabled in the Dashboard, some of which may require a full page redirect to succeed.",
          "return_url",
          "parameter_missing"
        )
      pi.status = "requires_action"
      pi.next_action = {
        type: "alipay_handle_redirect",
        alipay_handle_redirect: {
          native_data: null,
          native_url: null,
          return_url: pi._return_url,
          url: `${baseUrl}/_test/authorize/${pi.id}`,
        },
      }
      emit("payment_intent.requires_action", render(pi), request)
    } else if (pi._token === "pm_card_chargeDeclined") {
      decline(pi, request)
      const error = new StripeError(402, {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        payment_intent: render(pi),
      })
      throw error
    } else {
      authorise(pi, request)
    }
  }

  function paymentIntentState(pi, message) {
    return new StripeError(400, {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      message,
      payment_intent: render(pi),
    })
  }

  function getIntent(id) {
    const pi = state.intents.get(id)
    if (!pi) throw missing("payment_intent", id, "intent")
    return pi
  }

  const routes = [
    [
      "POST",
      /^\/v1\/payment_intents$/,
      (p, _m, request) => {
        const amount = integer(p.amount, "amount", { min: 1 })
        if (amount === undefined) throw invalid("Missing required param: amount.", "amount", "parameter_missing")
        if (!p.currency) throw invalid("Missing required param: currency.", "currency", "parameter_missing")
        if (!/^[a-z]{3}$/i.test(p.currency))
          throw invalid(`Invalid currency: ${p.currency}.`, "currency", "parameter_invalid_string")
        const types =
          p.payment_method_types ??
          (bool(p.automatic_payment_methods?.enabled) ? ["card", "wechat_pay", "alipay"] : ["card"])
        for (const type of types) {
          if (!PAYMENT_METHOD_TYPES.has(type))
            throw invalid(
              `The payment method type "${type}" is invalid.`,
              "payment_method_types",
              "payment_method_invalid_parameter"
            )
        }
        if (p.customer && !state.customers.has(p.customer)) throw missing("customer", p.customer, "customer")
        const capture = p.capture_method ?? "automatic"
        if (!["automatic", "automatic_async", "manual"].includes(capture))
          throw invalid(`Invalid capture_method: ${capture}`, "capture_method")
        if (capture === "manual" && types.some((t) => t !== "card")) {
          throw invalid(
            `The payment method types ${types.filter((t) => t !== "card").join(", ")} do not support capture_method: manual.`,
            "capture_method",
            "payment_intent_invalid_parameter"
          )
        }
        const id = randomId("pi")
        const pi = {
          id,
          object: "payment_intent",
          amount,
          amount_capturable: 0,
          amount_received: 0,
          automatic_payment_methods: p.automatic_payment_methods
            ? { enabled: bool(p.automatic_payment_methods.enabled) }
            : null,
          canceled_at: null,
          cancellation_reason: null,
          capture_method: capture === "automatic_async" ? "automatic" : capture,
          client_secret: `${id}_secret_${crypto.randomBytes(12).toString("base64url")}`,
          confirmation_method: "automatic",
          created: now(),
          currency: p.currency.toLowerCase(),
          customer: p.customer ?? null,
          description: p.description ?? null,
          last_payment_error: null,
          latest_charge: null,
          livemode: false,
          metadata: p.metadata ?? {},
          next_action: null,
          payment_method: null,
          payment_method_configuration_details: null,
          payment_method_options: p.payment_method_options ?? {},
          payment_method_types: types,
          receipt_email: null,
          setup_future_usage: p.setup_future_usage ?? null,
          status: "requires_payment_method",
          _return_url: p.return_url,
        }
        state.intents.set(id, pi)
        emit("payment_intent.created", render(pi), request)
        if (p.payment_method) {
          pi.payment_method = state.paymentMethods.get(p.payment_method)?.id ?? null
          if (!pi.payment_method && /^pm_card_/.test(p.payment_method)) {
            pi.payment_method = paymentMethod("card", p.payment_method).id
            pi._token = p.payment_method
          }
          pi.status = "requires_confirmation"
        }
        if (bool(p.confirm)) confirm(pi, p, request)
        return render(pi, p.expand)
      },
    ],
    ["GET", /^\/v1\/payment_intents\/([^/]+)$/, (p, [id]) => render(getIntent(id), p.expand)],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)$/,
      (p, [id]) => {
        const pi = getIntent(id)
        if (p.amount !== undefined) {
          if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(pi.status)) {
            throw paymentIntentState(
              pi,
              `This PaymentIntent's amount could not be updated because it has a status of ${pi.status}.`
            )
          }
          pi.amount = integer(p.amount, "amount", { min: 1 })
        }
        if (p.metadata) pi.metadata = { ...pi.metadata, ...p.metadata }
        if (p.description !== undefined) pi.description = p.description
        return render(pi, p.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      (p, [id], request) => {
        const pi = getIntent(id)
        confirm(pi, p, request)
        return render(pi, p.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      (p, [id], request) => {
        const pi = getIntent(id)
        if (pi.status !== "requires_capture") {
          throw paymentIntentState(
            pi,
            `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`
          )
        }
        const amount = integer(p.amount_to_capture, "amount_to_capture", { min: 1 }) ?? pi.amount_capturable
        if (amount > pi.amount_capturable) {
          throw invalid(
            `The amount_to_capture (${amount}) must be less than or equal to the amount_capturable (${pi.amount_capturable}).`,
            "amount_to_capture",
            "amount_too_large"
          )
        }
        pi.status = "succeeded"
        pi.amount_received = amount
        pi.amount_capturable = 0
        const ch = state.charges.get(pi.latest_charge)
        if (ch) Object.assign(ch, { captured: true, amount_captured: amount })
        emit("charge.captured", ch, request)
        emit("payment_intent.succeeded", render(pi), request)
        return render(pi, p.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      (p, [id], request) => {
        const pi = getIntent(id)
        if (!CANCELABLE.includes(pi.status)) {
          throw paymentIntentState(
            pi,
            `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`
          )
        }
        pi.status = "canceled"
        pi.next_action = null
        pi.canceled_at = now()
        pi.cancellation_reason = p.cancellation_reason ?? null
        emit("payment_intent.canceled", render(pi), request)
        return render(pi, p.expand)
      },
    ],
    [
      "POST",
      /^\/v1\/refunds$/,
      (p, _m, request) => {
        let pi = null
        let ch = null
        if (p.payment_intent) {
          pi = getIntent(p.payment_intent)
          ch = pi.latest_charge ? state.charges.get(pi.latest_charge) : null
          if (!ch || pi.status !== "succeeded") {
            throw invalid(
              `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
              "payment_intent",
              "charge_not_refundable"
            )
          }
        } else if (p.charge) {
          ch = state.charges.get(p.charge)
          if (!ch) throw missing("charge", p.charge, "charge")
          pi = state.intents.get(ch.payment_intent) ?? null
        } else {
          throw invalid(
            "One of the following params should be provided for this request: payment_intent or charge.",
            "payment_intent",
            "parameter_missing"
          )
        }
        const refundable = ch.amount_captured - ch.amount_refunded
        if (refundable <= 0) {
          throw invalid(`Charge ${ch.id} has already been refunded.`, "charge", "charge_already_refunded")
        }
        const amount = integer(p.amount, "amount", { min: 1 }) ?? refundable
        if (amount > refundable) {
          throw invalid(
            `Refund amount (${amount}) is greater than unrefunded amount on charge (${refundable})`,
            "amount",
            "amount_too_large"
          )
        }
        const refund = {
          id: randomId("re"),
          object: "refund",
          amount,
          charge: ch.id,
          created: now(),
          currency: ch.currency,
          metadata: p.metadata ?? {},
          payment_intent: pi?.id ?? null,
          reason: p.reason ?? null,
          status: "succeeded",
        }
        state.refunds.set(refund.id, refund)
        ch.amount_refunded += amount
        ch.refunded = ch.amount_refunded === ch.amount_captured
        emit("refund.created", refund, request)
        emit("charge.refunded", ch, request)
        return refund
      },
    ],
    [
      "GET",
      /^\/v1\/refunds\/([^/]+)$/,
      (_p, [id]) => {
        const refund = state.refunds.get(id)
        if (!refund) throw missing("refund", id)
        return refund
      },
    ],
    [
      "GET",
      /^\/v1\/refunds$/,
      (p) => {
        const data = [...state.refunds.values()]
          .filter((r) => !p.payment_intent || r.payment_intent === p.payment_intent)
          .reverse()
        return { object: "list", data, has_more: false, url: "/v1/refunds" }
      },
    ],
    [
      "POST",
      /^\/v1\/customers$/,
      (p) => {
        const customer = {
          id: randomId("cus"),
          object: "customer",
          created: now(),
          email: p.email ?? null,
          name: p.name ?? null,
          phone: p.phone ?? null,
          metadata: p.metadata ?? {},
          livemode: false,
        }
        state.customers.set(customer.id, customer)
        return customer
      },
    ],
    [
      "GET",
      /^\/v1\/customers\/([^/]+)$/,
      (_p, [id]) => {
        const customer = state.customers.get(id)
        if (!customer) throw missing("customer", id)
        return customer
      },
    ],
    [
      "POST",
      /^\/v1\/customers\/([^/]+)$/,
      (p, [id]) => {
        const customer = state.customers.get(id)
        if (!customer) throw missing("customer", id)
        for (const key of ["email", "name", "phone"]) if (p[key] !== undefined) customer[key] = p[key]
        if (p.metadata) customer.metadata = { ...customer.metadata, ...p.metadata }
        return customer
      },
    ],
    [
      "DELETE",
      /^\/v1\/customers\/([^/]+)$/,
      (_p, [id]) => {
        if (!state.customers.delete(id)) throw missing("customer", id)
        return { id, object: "customer", deleted: true }
      },
    ],
    [
      "GET",
      /^\/v1\/customers\/([^/]+)\/payment_methods$/,
      (_p, [id]) => {
        if (!state.customers.has(id)) throw missing("customer", id)
        return {
          object: "list",
          data: [...state.paymentMethods.values()].filter((m) => m.customer === id),
          has_more: false,
          url: `/v1/customers/${id}/payment_methods`,
        }
      },
    ],
    [
      "GET",
      /^\/v1\/payment_methods\/([^/]+)$/,
      (_p, [id]) => {
        const pm = state.paymentMethods.get(id)
        if (!pm) throw missing("payment_method", id)
        return pm
      },
    ],
  ]

  /** What the customer does at Stripe or at the wallet: pay, fail. */
  function act(id, outcome) {
    const pi = getIntent(id)
    if (outcome === "succeed") {
      if (pi.status !== "requires_action" && pi.status !== "requires_confirmation") {
        throw paymentIntentState(
          pi,
          `The test payment cannot be authorised: the PaymentIntent has a status of ${pi.status}.`
        )
      }
      authorise(pi, null)
    } else {
      if (!["requires_action", "requires_confirmation", "requires_payment_method"].includes(pi.status)) {
        throw paymentIntentState(pi, `The test payment cannot fail: the PaymentIntent has a status of ${pi.status}.`)
      }
      const pm = pi.payment_method ? state.paymentMethods.get(pi.payment_method) : null
      decline(
        pi,
        null,
        pm?.type === "card" ? "Your card was declined." : "The customer did not approve the payment.",
        pm?.type === "card" ? "card_declined" : "payment_method_provider_decline"
      )
    }
    return pi
  }

  function authorizePage(pi) {
    const esc = (s) =>
      String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c])
    const amount = ZERO_DECIMAL.has(pi.currency) ? String(pi.amount) : (pi.amount / 100).toFixed(2)
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Stripe test payment page</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">
<h1>Test payment page</h1><p>${esc(pi.payment_method_types.join(", "))} · ${esc(amount)} ${esc(pi.currency.toUpperCase())} · ${esc(pi.id)}</p>
<p>Status: <strong>${esc(pi.status)}</strong></p>
<form method="post" action="/_test/authorize/${esc(pi.id)}"><input type="hidden" name="outcome" value="succeed"><button type="submit">Authorize test payment</button></form>
<form method="post" action="/_test/authorize/${esc(pi.id)}" style="margin-top:1rem"><input type="hidden" name="outcome" value="fail"><button type="submit">Fail test payment</button></form>
</body></html>`
  }

  function returnTo(pi, redirectStatus) {
    if (!pi._return_url) return null
    const url = new URL(pi._return_url)
    url.searchParams.set("payment_intent", pi.id)
    url.searchParams.set("payment_intent_client_secret", pi.client_secret)
    url.searchParams.set("redirect_status", redirectStatus)
    return url.toString()
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://stripe.test")
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    const raw = Buffer.concat(chunks).toString("utf8")
    const method = req.method ?? "GET"
    const send = (status, body, headers = {}) => {
      res.writeHead(status, {
        "content-type": "application/json",
        "request-id": requestId,
        "stripe-version": API_VERSION,
        ...headers,
      })
      res.end(JSON.stringify(body))
    }
    const requestId = randomId("req")

    // The customer's side: the hosted test page (GET), its buttons (POST), and direct test controls.
    const page = url.pathname.match(/^\/_test\/authorize\/([^/.]+)(\.png|\.svg)?$/)
    if (page) {
      const pi = state.intents.get(page[1])
      if (!pi) return send(404, missing("payment_intent", page[1]).body)
      if (method === "GET") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
        return res.end(authorizePage(pi))
      }
      const outcome = parseForm(raw).outcome === "fail" ? "fail" : "succeed"
      try {
        act(pi.id, outcome)
      } catch (error) {
        if (!(error instanceof StripeError)) throw error
      }
      const back = returnTo(pi, outcome === "succeed" ? "succeeded" : "failed")
      if (back) {
        res.writeHead(303, { location: back })
        return res.end()
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
      return res.end(authorizePage(pi))
    }

    if (url.pathname.startsWith("/_test/")) {
      try {
        const control = url.pathname.match(/^\/_test\/payment_intents\/([^/]+)\/(succeed|fail)$/)
        if (control && method === "POST") return send(200, render(act(control[1], control[2])))
        if (url.pathname === "/_test/events" && method === "GET") return send(200, { data: state.events })
        if (url.pathname === "/_test/deliveries" && method === "GET") return send(200, { data: state.deliveries })
        if (url.pathname === "/_test/requests" && method === "GET") return send(200, { data: state.requests })
        return send(404, {
          error: { type: "invalid_request_error", message: `Unrecognized test route: ${method} ${url.pathname}` },
        })
      } catch (error) {
        if (error instanceof StripeError) return send(error.status, error.body)
        throw error
      }
    }

    const auth = req.headers.authorization ?? ""
    const key = auth.startsWith("Bearer ") ? auth.slice(7) : ""
    if (!key || (options.apiKey ? key !== options.apiKey : !key.startsWith("sk_test_"))) {
      return send(401, {
        error: {
          type: "invalid_request_error",
          message: key
            ? `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
            : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        },
      })
    }

    const route = routes.find(([m, pattern]) => m === method && pattern.test(url.pathname))
    if (!route) {
      return send(404, {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` },
      })
    }
    const params = method === "GET" || method === "DELETE" ? parseForm(url.search.slice(1)) : parseForm(raw)
    const idempotencyKey = req.headers["idempotency-key"]
    state.requests.push({
      method,
      path: url.pathname,
      params,
      idempotency_key: idempotencyKey ?? null,
      at: new Date().toISOString(),
    })
    if (idempotencyKey && method === "POST") {
      const fingerprint = `${method} ${url.pathname} ${raw}`
      const saved = state.idempotency.get(idempotencyKey)
      if (saved) {
        if (saved.fingerprint !== fingerprint) {
          return send(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          })
        }
        return send(saved.status, saved.body, { "idempotent-replayed": "true" })
      }
    }
    let status = 200
    let body
    try {
      body = route[2](params, url.pathname.match(route[1]).slice(1), { id: requestId, idempotencyKey })
    } catch (error) {
      if (!(error instanceof StripeError)) {
        log(`internal error: ${error?.stack ?? error}`)
        status = 500
        body = { error: { type: "api_error", message: "An unknown error occurred" } }
      } else {
        status = error.status
        body = error.body
      }
    }
    if (idempotencyKey && method === "POST" && status !== 500) {
      state.idempotency.set(idempotencyKey, { fingerprint: `${method} ${url.pathname} ${raw}`, status, body })
    }
    log(`${method} ${url.pathname} → ${status}`)
    return send(status, body)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`internal error: ${error?.stack ?? error}`)
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" })
      res.end(JSON.stringify({ error: { type: "api_error", message: "An unknown error occurred" } }))
    })
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const port = server.address().port
  baseUrl = `http://${host}:${port}`

  return {
    url: baseUrl,
    host,
    port,
    state,
    /** Whether events are sent to the webhook endpoints as they happen (off: only through deliver()). */
    setDelivery(on) {
      autoDeliver = !!on
    },
    /** Adds a webhook endpoint (events from now on are sent there too). */
    addWebhook(hook) {
      webhooks.push(hook)
    },
    /** The customer pays (WeChat Pay QR scanned, Alipay authorised): payment_intent.succeeded follows. */
    succeed: (id) => render(act(id, "succeed")),
    /** The customer's payment fails: payment_intent.payment_failed follows. */
    fail: (id) => render(act(id, "fail")),
    intent: (id) => (state.intents.has(id) ? render(state.intents.get(id)) : null),
    events: (filter = {}) =>
      state.events.filter(
        (e) =>
          (!filter.type || e.type === filter.type) &&
          (!filter.intent || e.data.object.id === filter.intent || e.data.object.payment_intent === filter.intent)
      ),
    /** Sends an event again (a duplicate), optionally with a forged signature or an old timestamp. */
    deliver: (event, opts = {}) => Promise.all(webhooks.map((hook) => track(deliver(event, hook, opts)))),
    /** Waits until every webhook delivery started so far has been answered. */
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight])
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

/** A stand-in for the QR image Stripe renders (the storefront draws its own QR from `data`). */
function qrPlaceholder(id) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#fff" stroke="#000"/><text x="60" y="64" font-size="10" text-anchor="middle">TEST ${id.slice(3, 11)}</text></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`
}

function cliArgs(argv) {
  const args = {}
  for (let i = 0; i < argv.length; i++) {
    const m = argv[i].match(/^--([a-z-]+)$/)
    if (m) args[m[1]] = argv[i + 1]?.startsWith("--") || argv[i + 1] === undefined ? "true" : argv[++i]
  }
  return args
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = cliArgs(process.argv.slice(2))
  const secret = args["webhook-secret"] ?? process.env.STRIPE_WEBHOOK_SECRET
  const webhookUrl = args.webhook
  if (webhookUrl && !secret) {
    console.error("--webhook needs --webhook-secret (or STRIPE_WEBHOOK_SECRET)")
    process.exit(2)
  }
  const server = await startStripeTestServer({
    port: Number(args.port ?? 12111),
    host: args.host ?? "127.0.0.1",
    apiKey: args["api-key"] ?? process.env.STRIPE_API_KEY,
    webhooks: webhookUrl ? [{ url: webhookUrl, secret }] : [],
    log: (line) => console.log(`[stripe-test-server] ${line}`),
  })
  console.log(`[stripe-test-server] listening on ${server.url}${webhookUrl ? `, webhooks to ${webhookUrl}` : ""}`)
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close().then(() => process.exit(0)))
}
