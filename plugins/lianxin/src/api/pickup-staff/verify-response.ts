import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { VerifyResult } from "../../modules/pickup/service"
import type { StaffProofRefusal } from "../contract"

/** 429 while locked, 422 for a wrong code or token; every failure is logged with ids, never the digits. */
export function answerFailure(
  req: MedusaRequest,
  // The route's response: its own body on success, this refusal otherwise.
  res: MedusaResponse<StaffProofRefusal>,
  result: Extract<VerifyResult, { ok: false }>,
  staffId: string,
  pointId: string
) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  // Workflow results come back serialized: dates may be ISO strings.
  const lockedUntil = result.locked_until ? new Date(result.locked_until) : null
  logger.warn(
    `[pickup] code check failed: reason=${result.reason} staff=${staffId} point=${pointId} failure=${result.failure_id}` +
      (lockedUntil ? ` locked_until=${lockedUntil.toISOString()}` : "")
  )
  if (result.reason === "locked") {
    const retry = Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? Date.now()) - Date.now()) / 1000))
    res.setHeader("Retry-After", String(retry))
    return res.status(429).json({
      type: "locked",
      message: "错误次数过多，已锁定 15 分钟。请核对订单后稍后再试。(too many wrong codes; locked)",
      locked_until: lockedUntil?.toISOString() ?? null,
    })
  }
  return res.status(422).json({
    type: result.reason,
    message:
      result.reason === "bad_token"
        ? "二维码无效或已过期，请让居民刷新二维码，或改用取货码。(invalid QR token)"
        : "取货码不对，请核对后再试。(wrong pickup code)",
    locked_until: lockedUntil?.toISOString() ?? null,
  })
}
