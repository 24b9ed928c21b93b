import { z } from "@medusajs/framework/zod"
import { normalizeCnMobile } from "../../../../utils/notify-envelope"

/** A mainland mobile (+86, spaces and dashes accepted), normalised to its 11 digits. */
export const cnMobileSchema = z
  .string()
  .max(20, "must be an 11-digit mainland China mobile number")
  .transform((v, ctx) => {
    const phone = normalizeCnMobile(v)
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "must be an 11-digit mainland China mobile number" })
      return z.NEVER
    }
    return phone
  })

export const oneTimeCodeSchema = z.string().regex(/^\d{6}$/, "must be the 6 digits of the code")

/** POST /store/lianxin/sign-in/phone/code: send a sign-in code to this mobile. */
export const StoreRequestPhoneCode = z
  .object({ phone: cnMobileSchema, locale: z.enum(["zh-CN", "en"]).optional() })
  .strict()

/** POST /store/lianxin/sign-in/phone: the mobile and the code it received → a customer token. */
export const StorePhoneSignIn = z.object({ phone: cnMobileSchema, code: oneTimeCodeSchema }).strict()

export type StorePhoneSignInType = z.infer<typeof StorePhoneSignIn>
export type StoreRequestPhoneCodeType = z.infer<typeof StoreRequestPhoneCode>
