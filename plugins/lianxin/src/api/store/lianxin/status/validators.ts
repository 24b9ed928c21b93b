// `lang`, not `locale`: Medusa 2.21 consumes a `locale` query parameter itself
// (for translations) before route validators see it.
import { z } from "@medusajs/framework/zod"

export const StoreGetLianxinStatus = z
  .object({
    lang: z.enum(["zh-CN", "en"]).default("zh-CN"),
  })
  .strict()

export type StoreGetLianxinStatusType = z.infer<typeof StoreGetLianxinStatus>
