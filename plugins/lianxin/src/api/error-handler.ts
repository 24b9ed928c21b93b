import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"

const medusaErrorHandler = errorHandler()

/**
 * Medusa's error handler, after two cases it answers with 500 although the
 * request was at fault: a path parameter Express could not percent-decode
 * (URIError; the input guard refuses these first, this is the backstop) and a
 * value PostgreSQL refuses as data (SQLSTATE class 22: NUL in text, a number
 * out of range, an impossible date). Both become 400 invalid_data without
 * quoting the value.
 */
export function lianxinErrorHandler(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (err instanceof URIError || err?.name === "URIError") {
    return res.status(400).json({ type: "invalid_data", message: "path has a malformed percent-encoding", field: "path" })
  }
  const sqlState = typeof err?.code === "string" ? err.code : typeof err?.cause?.code === "string" ? err.cause.code : ""
  if (/^22[0-9A-Z]{3}$/.test(sqlState)) {
    const logger = req.scope?.resolve?.("logger") ?? console
    logger.warn(`[input] ${req.method} ${req.path}: PostgreSQL refused a value (SQLSTATE ${sqlState})`)
    return res.status(400).json({
      type: "invalid_data",
      message: `a value in the request cannot be stored or compared (SQLSTATE ${sqlState}); check the parameters' format`,
    })
  }
  return medusaErrorHandler(err, req, res, next)
}
