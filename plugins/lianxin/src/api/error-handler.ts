import {
  errorHandler,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { refusalOf } from "../utils/checkout-refusal"

const medusaErrorHandler = errorHandler()

/**
 * Medusa's error handler, after three cases of ours.
 *
 * Checkout refusals (utils/checkout-refusal) are answered 409 with their
 * code, message and what to do next (the next open cycle, the product that ran
 * out) — also when they come out of Medusa's own POST /store/carts/:id/complete,
 * which would otherwise make them a 400 (or, as a conflict, a generic text).
 *
 * And two cases Medusa answers with 500 although the request was at fault: a path parameter Express could not percent-decode
 * (URIError; the input guard refuses these first, this is the backstop) and a
 * value PostgreSQL refuses as data (SQLSTATE class 22: NUL in text, a number
 * out of range, an impossible date). Both become 400 invalid_data without
 * quoting the value. A NUL inside a value that the query builder inlined into
 * the SQL text never reaches the data check: the server refuses the whole
 * message as a protocol violation (SQLSTATE 08P01 "invalid message format"),
 * which is the same bad input and answered the same way.
 */
export function lianxinErrorHandler(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const refusal = refusalOf(err)
  if (refusal) {
    const logger = req.scope?.resolve?.("logger") ?? console
    logger.info(`checkout refused (${refusal.code}) at ${req.path}: ${refusal.message_en}`)
    return res.status(409).json({ type: "not_allowed", ...refusal })
  }
  if (err instanceof URIError || err?.name === "URIError") {
    return res
      .status(400)
      .json({ type: "invalid_data", message: "path has a malformed percent-encoding", field: "path" })
  }
  const sqlState = sqlStateOf(err)
  if (/^22[0-9A-Z]{3}$/.test(sqlState) || isNulInQueryText(err, sqlState)) {
    const logger = req.scope?.resolve?.("logger") ?? console
    logger.warn(`[input] ${req.method} ${req.path}: PostgreSQL refused a value (SQLSTATE ${sqlState})`)
    return res.status(400).json({
      type: "invalid_data",
      message: `a value in the request cannot be stored or compared (SQLSTATE ${sqlState}); check the parameters' format`,
    })
  }
  return medusaErrorHandler(err, req, res, next)
}

/** The SQLSTATE of a PostgreSQL error, also when MikroORM or Medusa wrapped it. */
export function sqlStateOf(err: any): string {
  for (let e = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return ""
}

/** PostgreSQL refused the query message because a value inlined into its text held a NUL. */
export function isNulInQueryText(err: any, sqlState = sqlStateOf(err)): boolean {
  return sqlState === "08P01" && /invalid message format/.test(String(err?.message ?? ""))
}
