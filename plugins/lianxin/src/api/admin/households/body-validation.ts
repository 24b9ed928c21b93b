import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

const MAX_BYTES = 16 * 1024

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)

/**
 * Body handling for routes that receive registry data, used with
 * `bodyParser: false`. Medusa's JSON parser and zod formatter quote pieces of
 * the input in their messages (a JSON syntax error shows the text around the
 * error, a wrong type shows the value), and 4xx messages are logged. Here a
 * message names the field and the rule only.
 */
export function validateSensitiveBody<T extends z.ZodType>(schema: T) {
  return async function validateSensitive(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      const raw = await readBody(req)
      let parsed: unknown
      try {
        parsed = raw.length ? JSON.parse(raw) : {}
      } catch {
        throw invalid("the body is not valid JSON")
      }
      const result = await schema.safeParseAsync(parsed)
      if (!result.success) {
        throw invalid(
          result.error.issues
            .slice(0, 3)
            .map((issue) =>
              issue.code === "unrecognized_keys"
                ? `unrecognized fields: ${issue.keys.join(", ")}`
                : `${issue.path.join(".") || "body"}: ${safeReason(issue)}`
            )
            .join("; ")
        )
      }
      req.body = undefined
      ;(req as MedusaRequest & { validatedBody: unknown }).validatedBody = result.data
      next()
    } catch (e) {
      next(e)
    }
  }
}

/** Zod's own messages for type and shape problems do not quote input; custom ones are ours. */
function safeReason(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.input === undefined ? "is required" : `must be ${issue.expected}`
  }
  return issue.message
}

function readBody(req: MedusaRequest): Promise<string> {
  const type = String(req.headers["content-type"] ?? "")
  if (!/^application\/json\b/i.test(type)) {
    return Promise.reject(invalid("the body must be JSON (Content-Type: application/json)"))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BYTES) {
        reject(invalid(`the body must be at most ${MAX_BYTES} bytes`))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", () => reject(invalid("the body could not be read")))
  })
}
