import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreGetLianxinStatusType } from "./validators"

const GREETING: Record<StoreGetLianxinStatusType["lang"], string> = {
  "zh-CN": "连心市集：把乡村好物送到你的小区物业",
  en: "Lianxin Market: village produce, collected at your compound's property office",
}

/**
 * Proves the plugin is wired into the backend: a store route that lives in
 * the plugin, validated with zod, answering in the requested locale.
 */
export async function GET(req: MedusaRequest<unknown, StoreGetLianxinStatusType>, res: MedusaResponse) {
  const { lang } = req.validatedQuery as StoreGetLianxinStatusType
  res.json({
    status: {
      plugin: "@lianxin/plugin",
      lang,
      greeting: GREETING[lang],
    },
  })
}
