import { describe, expect, it } from "vitest"
import { isOnlineProvider, paymentProviderLabel } from "./payment-labels"

describe("paymentProviderLabel", () => {
  it("names every provider residents can choose in Chinese, and keeps unknown ids readable as they are", () => {
    expect(paymentProviderLabel("pp_system_default")).toBe("到物业付款（柜台收款）")
    expect(paymentProviderLabel("pp_stripe-wechatpay_stripe")).toBe("微信支付（Stripe）")
    expect(paymentProviderLabel("pp_stripe-alipay_stripe")).toBe("支付宝（Stripe）")
    expect(paymentProviderLabel("pp_stripe_stripe")).toBe("银行卡（Stripe）")
    expect(paymentProviderLabel("pp_other_x")).toBe("pp_other_x")
    expect(paymentProviderLabel(null)).toBe("未选择")
  })

  it("tells online money from counter money", () => {
    expect(isOnlineProvider("pp_stripe-wechatpay_stripe")).toBe(true)
    expect(isOnlineProvider("pp_system_default")).toBe(false)
    expect(isOnlineProvider(undefined)).toBe(false)
  })
})
