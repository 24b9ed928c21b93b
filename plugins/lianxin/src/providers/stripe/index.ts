import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { StripeAlipayService, StripeCardService, StripeWechatPayService } from "./services"

/**
 * Our Stripe payment providers (decision 011, docs/payments.md): card, WeChat
 * Pay and Alipay as small subclasses of @medusajs/payment-stripe's base. With
 * the module provider id "stripe" they are pp_stripe_stripe,
 * pp_stripe-wechatpay_stripe and pp_stripe-alipay_stripe.
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeCardService, StripeWechatPayService, StripeAlipayService],
})
