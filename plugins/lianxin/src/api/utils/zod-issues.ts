import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/*
 * The one formatter of zod issues for every route of the plugin: body, query
 * and path parameters all answer 400 `Invalid request: field: reason; …`.
 * Each item names the field and the rule and never quotes the input (4xx
 * messages are logged, and registry routes receive ID and bank numbers):
 * Medusa's own formatter drops the field name for format and custom rules and
 * quotes the value for type errors, which is why routes use this one.
 */

export type ZodIssue = z.core.$ZodIssue

/** At most this many issues are named; the first ones are what a client fixes first. */
export const MAX_ISSUES = 3

export const invalidRequest = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (acc, key) => (acc !== null && typeof acc === "object" ? (acc as Record<PropertyKey, unknown>)[key] : undefined),
    input
  )
}

/** One issue as "field: reason" (the field is "body" when the whole input is wrong). */
export function describeIssue(issue: ZodIssue, input: unknown): string {
  const path = issue.path.map(String).join(".")
  if (issue.code === "unrecognized_keys") {
    return `${path ? `${path}: ` : ""}unrecognized fields: ${issue.keys.join(", ")}`
  }
  const field = path || "body"
  if (issue.code === "invalid_type") {
    if (valueAt(input, issue.path) === undefined) return `${field}: is required`
    // zod 4 reports `.int()` as a wrong type (expected "int"), but it is a rule of the field: its own wording
    // ("must be a whole number of fen") is kept. Real type errors say what the field must be.
    const worded = issue.expected === "int" && issue.message && !issue.message.startsWith("Invalid input")
    return worded ? `${field}: ${issue.message}` : `${field}: must be ${issue.expected}`
  }
  // Cross-field rules put the field name in front of their message themselves.
  if (issue.code === "custom" && issue.message.startsWith(`${path}:`)) return issue.message
  return `${field}: ${issue.message}`
}

/** The issues as one message: "a: reason; b: reason" (at most `max`). */
export function formatIssues(issues: readonly ZodIssue[], input: unknown, max = MAX_ISSUES): string {
  return issues
    .slice(0, max)
    .map((issue) => describeIssue(issue, input))
    .join("; ")
}

/** Parses with zod; a failure is a 400 naming each bad field. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, max = MAX_ISSUES): z.output<T> {
  const input = value ?? {}
  const result = schema.safeParse(input)
  if (!result.success) throw invalidRequest(formatIssues(result.error.issues, input, max))
  return result.data
}

/** parseOr400 for schemas with async refinements. */
export async function parseOr400Async<T extends z.ZodType>(schema: T, value: unknown): Promise<z.output<T>> {
  const input = value ?? {}
  const result = await schema.safeParseAsync(input)
  if (!result.success) throw invalidRequest(formatIssues(result.error.issues, input))
  return result.data
}
