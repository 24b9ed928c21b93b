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
export function lianxinErrorHandler(
  err: unknown,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const refusal = refusalOf(err)
  if (refusal) {
    const logger = req.scope?.resolve?.("logger") ?? console
    logger.info(`checkout refused (${refusal.code}) at ${req.path}: ${refusal.message_en}`)
    res.status(409).json({ type: "not_allowed", ...refusal })
    return
  }
  if (err instanceof URIError || errorFields(err)?.name === "URIError") {
    res.status(400).json({ type: "invalid_data", message: "path has a malformed percent-encoding", field: "path" })
    return
  }
  const sqlState = sqlStateOf(err)
  if (/^22[0-9A-Z]{3}$/.test(sqlState) || isNulInQueryText(err, sqlState)) {
    const logger = req.scope?.resolve?.("logger") ?? console
    logger.warn(`[input] ${req.method} ${req.path}: PostgreSQL refused a value (SQLSTATE ${sqlState})`)
    res.status(400).json({
      type: "invalid_data",
      message: `a value in the request cannot be stored or compared (SQLSTATE ${sqlState}); check the parameters' format`,
    })
    return
  }
  medusaErrorHandler(err, req, res, next)
}

/**
 * The fields these checks read of a thrown value (an Error, MedusaError, a MikroORM or node-postgres error with its
 * SQLSTATE in `code`, a MedusaError's `type`, also as a workflow rethrows it, or anything else thrown), each possibly absent; null when what was thrown is no object.
 */
type ThrownFields = { name?: unknown; message?: unknown; code?: unknown; type?: unknown; cause?: unknown }
export const errorFields = (err: unknown): ThrownFields | null => (typeof err === "object" && err !== null ? err : null)

/** The SQLSTATE of a PostgreSQL error, also when MikroORM or Medusa wrapped it. */
export function sqlStateOf(err: unknown): string {
  for (let e = errorFields(err), depth = 0; e && depth < 4; e = errorFields(e.cause), depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return ""
}

/** PostgreSQL refused the query message because a value inlined into its text held a NUL. */
export function isNulInQueryText(err: unknown, sqlState = sqlStateOf(err)): boolean {
  return sqlState === "08P01" && /invalid message format/.test(String(errorFields(err)?.message ?? ""))
}
