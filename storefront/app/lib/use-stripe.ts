import { useEffect, useState } from "react"

/** Stripe.js is only ever loaded from Stripe (their terms); where it cannot be reached, card payment is not offered. */
export const STRIPE_JS_URL = "https://js.stripe.com/v3/"

type StripeFactory = (publishableKey: string) => StripeJs
/** The few Stripe.js calls we use (Payment Element). */
export type StripeJs = {
  elements(options: { clientSecret: string; locale?: string; appearance?: Record<string, unknown> }): {
    create(type: "payment", options?: Record<string, unknown>): { mount(el: HTMLElement): void; destroy(): void }
  }
  confirmPayment(options: {
    elements: unknown
    confirmParams: { return_url: string }
  }): Promise<{ error?: { message?: string } }>
}

declare global {
  interface Window {
    Stripe?: StripeFactory
  }
}

let loading: Promise<StripeFactory | null> | null = null

/** Loads Stripe.js once; null when it cannot be loaded (offline, blocked) within the time given. */
export function loadStripeJs(timeoutMs = 8000): Promise<StripeFactory | null> {
  if (typeof window === "undefined") return Promise.resolve(null)
  if (window.Stripe) return Promise.resolve(window.Stripe)
  loading ??= new Promise<StripeFactory | null>((resolve) => {
    const script = document.createElement("script")
    script.src = STRIPE_JS_URL
    script.async = true
    const done = (value: StripeFactory | null) => {
      clearTimeout(timer)
      if (!value) loading = null
      resolve(value)
    }
    const timer = setTimeout(() => done(null), timeoutMs)
    script.onload = () => done(window.Stripe ?? null)
    script.onerror = () => done(null)
    document.head.appendChild(script)
  })
  return loading
}

/** "off" without a key; "loading" until Stripe.js answers; then "ready" with the client, or "unavailable". */
export function useStripeJs(publishableKey: string | null | undefined) {
  const [state, setState] = useState<{ status: "off" | "loading" | "ready" | "unavailable"; stripe: StripeJs | null }>({
    status: publishableKey ? "loading" : "off",
    stripe: null,
  })
  useEffect(() => {
    if (!publishableKey) return
    let alive = true
    void loadStripeJs().then((factory) => {
      if (!alive) return
      setState(factory ? { status: "ready", stripe: factory(publishableKey) } : { status: "unavailable", stripe: null })
    })
    return () => {
      alive = false
    }
  }, [publishableKey])
  return state
}
