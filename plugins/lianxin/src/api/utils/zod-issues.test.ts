import { z } from "@medusajs/framework/zod"
import { describe, expect, it } from "vitest"
import { formatIssues, parseOr400, parseOr400Async } from "./zod-issues"

const Body = z
  .object({
    name: z.string().min(1, "must not be empty"),
    count: z.number().int(),
    shares: z.array(z.object({ bp: z.number().max(10000, "must be at most 10000") })).optional(),
  })
  .strict()

const messageOf = (value: unknown) => {
  try {
    parseOr400(Body, value)
  } catch (e) {
    return (e as Error).message
  }
  return null
}

describe("the zod-issue formatter", () => {
  it("names a missing field as required and a wrong type by what it must be, never quoting the value", () => {
    expect(messageOf({ count: 1 })).toBe("Invalid request: name: is required")
    const secret = "6228480402564890018"
    const message = messageOf({ name: "x", count: secret })
    expect(message).toBe("Invalid request: count: must be number")
    expect(message).not.toContain(secret)
  })

  it("keeps a whole-number rule's own wording; a wrong type says what the field must be", () => {
    const Price = z.object({
      price_fen: z.number({ message: "must be a whole number of fen" }).int("must be a whole number of fen"),
    })
    const wording = (value: unknown) => {
      try {
        parseOr400(Price, value)
      } catch (e) {
        return (e as Error).message
      }
      return null
    }
    expect(wording({ price_fen: 12.5 })).toBe("Invalid request: price_fen: must be a whole number of fen")
    expect(wording({ price_fen: "12" })).toBe("Invalid request: price_fen: must be number")
    expect(messageOf({ name: "x", count: 1.5 })).toBe("Invalid request: count: must be int")
  })

  it("gives nested paths with dots, unknown fields by name, and the whole input as body", () => {
    expect(messageOf({ name: "x", count: 1, shares: [{ bp: 10001 }] })).toBe(
      "Invalid request: shares.0.bp: must be at most 10000"
    )
    expect(messageOf({ name: "x", count: 1, extra: true })).toBe("Invalid request: unrecognized fields: extra")
    expect(messageOf("text")).toBe("Invalid request: body: must be object")
  })

  it("names at most three issues, or as many as asked", () => {
    const result = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string() }).safeParse({})
    expect(result.success).toBe(false)
    if (result.success) return
    expect(formatIssues(result.error.issues, {})).toBe("a: is required; b: is required; c: is required")
    expect(formatIssues(result.error.issues, {}, 1)).toBe("a: is required")
  })

  it("keeps a cross-field rule's own field prefix", async () => {
    const Sum = z.object({ shares: z.array(z.number()) }).superRefine((v, ctx) => {
      const sum = v.shares.reduce((s, n) => s + n, 0)
      if (sum !== 100)
        ctx.addIssue({ code: "custom", path: ["shares"], message: `shares: must sum to 100, got ${sum}` })
    })
    await expect(parseOr400Async(Sum, { shares: [40, 50] })).rejects.toThrow(
      /^Invalid request: shares: must sum to 100, got 90$/
    )
    expect(parseOr400(Sum, { shares: [40, 60] })).toEqual({ shares: [40, 60] })
  })
})
