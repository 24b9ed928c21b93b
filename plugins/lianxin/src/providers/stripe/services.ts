import { createRequire } from "node:module"
import { MedusaError } from "@medusajs/framework/utils"
import StripeBase from "@medusajs/payment-stripe/dist/core/stripe-base"
import type { PaymentIntentOptions, StripeOptions } from "@medusajs/payment-stripe/dist/types"
import type StripeSdk from "stripe"

/**
 * The stripe SDK the provider itself was built against (@medusajs/payment-stripe
 * pins its own, nested copy); a plain `require("stripe")` from here would find
 * the hoisted copy of another major version (see the payments field notes).
 */
const StripeClient = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe") as typeof StripeSdk

export type LianxinStripeOptions = StripeOptions & {
  /**
   * Where the Stripe API is, as a URL (`http://127.0.0.1:12111`): our
   * Stripe-compatible test server in tests and local runs without the network.
   * Unset: api.stripe.com.
   */
  apiHost?: string
}

/** Builds the SDK client with the host, port and protocol of `apiHost` (Stripe's defaults without it). */
export function buildStripeClient(options: LianxinStripeOptions): StripeSdk {
  const config: StripeSdk.StripeConfig = { appInfo: { name: "lianxin-market" }, telemetry: false }
  if (options.apiHost) {
    const url = new URL(options.apiHost)
    config.host = url.hostname
    config.port = url.port || (url.protocol === "https:" ? 443 : 80)
    config.protocol = url.protocol === "https:" ? "https" : "http"
  }
  return new StripeClient(options.apiKey, config)
}

/** A return_url the caller may give: absolute http(s), nothing else. */
function returnUrlOf(extra?: Record<string, unknown>): string | undefined {
  const value = extra?.return_url
  if (typeof value !== "string" || value.length > 2000) return undefined
  try {
    const url = new URL(value)
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/**
 * Our Stripe providers share this base: the client is rebuilt with our host
 * option, and what a store caller may put in the payment session's `data` is
 * reduced to a return URL. Everything else that shapes the intent (payment
 * method types, capture, confirmation) is decided here, never by the browser
 * (Medusa passes the session's `data` straight into the intent otherwise).
 */
abstract class LianxinStripeBase extends StripeBase {
  constructor(cradle: Record<string, unknown>, options: LianxinStripeOptions) {
    super(cradle, options)
    this.stripe_ = buildStripeClient(options)
  }

  /** Parameters this payment method adds to the intent, given the caller's return URL. */
  protected abstract confirmation(returnUrl: string | undefined): Record<string, unknown>

  normalizePaymentIntentParameters(extra?: Record<string, unknown>): Partial<StripeSdk.PaymentIntentCreateParams> {
    return super.normalizePaymentIntentParameters(this.confirmation(returnUrlOf(extra)))
  }
}

/**
 * Card through Stripe's Payment Element: the intent is created here, confirmed
 * in the browser with its client secret. Captured at once (decision 011).
 */
export class StripeCardService extends LianxinStripeBase {
  static identifier = "stripe"

  get paymentIntentOptions(): PaymentIntentOptions {
    return { payment_method_types: ["card"], capture_method: "automatic" }
  }

  protected confirmation(returnUrl: string | undefined) {
    return returnUrl ? { return_url: returnUrl } : {}
  }
}

/**
 * WeChat Pay: confirmed when created, so the intent comes back `requires_action`
 * with `next_action.wechat_pay_display_qr_code` for our page to show; the
 * resident scans it in WeChat and `payment_intent.succeeded` follows.
 */
export class StripeWechatPayService extends LianxinStripeBase {
  static identifier = "stripe-wechatpay"

  get paymentIntentOptions(): PaymentIntentOptions {
    return {
      payment_method_types: ["wechat_pay"],
      capture_method: "automatic",
      payment_method_options: { wechat_pay: { client: "web" } } as PaymentIntentOptions["payment_method_options"],
    }
  }

  protected confirmation() {
    return { confirm: true, payment_method_data: { type: "wechat_pay" } }
  }
}

/**
 * Alipay: confirmed when created with the storefront's return URL; the intent
 * comes back with `next_action.alipay_handle_redirect.url`, the resident pays at
 * Alipay and is sent back to the return URL (our confirmation page).
 */
export class StripeAlipayService extends LianxinStripeBase {
  static identifier = "stripe-alipay"

  get paymentIntentOptions(): PaymentIntentOptions {
    return { payment_method_types: ["alipay"], capture_method: "automatic" }
  }

  protected confirmation(returnUrl: string | undefined) {
    if (!returnUrl) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "data.return_url: Alipay needs an absolute http(s) URL to come back to"
      )
    }
    return { confirm: true, payment_method_data: { type: "alipay" }, return_url: returnUrl }
  }
}
