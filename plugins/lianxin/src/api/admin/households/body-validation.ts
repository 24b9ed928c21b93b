import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { answerBadInput } from "../../../utils/http-edge"
import { checkBody } from "../../../utils/request-guard"

/*
 * Body validation for our admin routes. Every message names the field and the
 * rule ("national_id: check digit does not match …") and never quotes the
 * input: Medusa's own formatter drops the field name for format and custom
 * rules and quotes the value for type errors, and 4xx messages are logged.
 */

const MAX_SENSITIVE_BYTES = 16 * 1024

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)

type Issue = z.core.$ZodIssue

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (acc, key) => (acc !== null && typeof acc === "object" ? (acc as Record<PropertyKey, unknown>)[key] : undefined),
    body,
  )
}

function describeIssue(issue: Issue, body: unknown): string {
  if (issue.code === "unrecognized_keys") {
    const prefix = issue.path.length ? `${issue.path.join(".")}: ` : ""
    return `${prefix}unrecognized fields: ${issue.keys.join(", ")}`
  }
  const field = issue.path.join(".") || "body"
  if (issue.code === "invalid_type") {
    return valueAt(body, issue.path) === undefined ? `${field}: is required` : `${field}: must be ${issue.expected}`
  }
  // Cross-field rules put the field name in front of their message themselves.
  if (issue.code === "custom" && issue.message.startsWith(`${issue.path.join(".")}:`)) {
    return issue.message
  }
  return `${field}: ${issue.message}`
}

/** Validates `schema` against a body and throws 400 with at most three "field: reason" items. */
export async function parseBody<T extends z.ZodType>(schema: T, body: unknown): Promise<z.output<T>> {
  const result = await schema.safeParseAsync(body)
  if (!result.success) {
    throw invalid(
      result.error.issues
        .slice(0, 3)
        .map((issue) => describeIssue(issue, body))
        .join("; "),
    )
  }
  return result.data
}

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
