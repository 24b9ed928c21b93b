import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { answerBadInput } from "../../utils/http-edge"
import { checkBody } from "../../utils/request-guard"
import { invalidRequest as invalid, parseOr400Async } from "./zod-issues"

/*
 * Body validation middlewares for routes whose messages must name the field
 * and never quote the input (zod-issues.ts formats them).
 */

const MAX_SENSITIVE_BYTES = 16 * 1024

/** Validates `schema` against a body and throws 400 with at most three "field: reason" items. */
export const parseBody = parseOr400Async

/** Drop-in for validateAndTransformBody with field-naming, value-free messages. */
export function validateBody<T extends z.ZodType>(schema: T) {
  return async function validateAdminBody(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      ;(req as MedusaRequest & { validatedBody: unknown }).validatedBody = await parseBody(schema, req.body ?? {})
      next()
    } catch (e) {
      next(e)
    }
  }
}

/**
 * For routes that receive registry data, registered with `bodyParser: false`:
 * Medusa's JSON parser would log a syntax error together with the text around
 * it. This reads and parses the body itself, with messages that quote nothing,
 * and does not keep the raw body on the request.
 */
export function validateSensitiveBody<T extends z.ZodType>(schema: T) {
  return async function validateSensitive(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const raw = await readJsonText(req)
      let parsed: unknown
      try {
        parsed = raw.length ? JSON.parse(raw) : {}
      } catch {
        throw invalid("the body is not valid JSON")
      }
      // The input guard's body check (NUL, lone surrogates, depth), which ran
      // before Medusa's parser elsewhere, runs here on the body this parser made.
      const problem = checkBody(parsed)
      if (problem) return answerBadInput(res, problem)
      ;(req as MedusaRequest & { validatedBody: unknown }).validatedBody = await parseBody(schema, parsed)
      next()
    } catch (e) {
      next(e)
    }
  }
}

function readJsonText(req: MedusaRequest): Promise<string> {
  if (!/^application\/json\b/i.test(String(req.headers["content-type"] ?? ""))) {
    return Promise.reject(invalid("the body must be JSON (Content-Type: application/json)"))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_SENSITIVE_BYTES) {
        req.removeAllListeners("data")
        reject(invalid(`the body must be at most ${MAX_SENSITIVE_BYTES} bytes`))
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", () => reject(invalid("the body could not be read")))
  })
}
