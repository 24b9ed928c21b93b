import { z } from "@medusajs/framework/zod"

const STATUSES = ["queued", "sending", "sent", "failed", "dead", "skipped"] as const

export const AdminListNotifyMessagesQuery = z
  .object({
    /** One status or several, comma-separated (failed,dead). */
    status: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return undefined
        const list = v.split(",").map((s) => s.trim())
        const bad = list.find((s) => !(STATUSES as readonly string[]).includes(s))
        if (bad) {
          ctx.addIssue({ code: "custom", message: `unknown status ${bad}; one of ${STATUSES.join(", ")}` })
          return z.NEVER
        }
        return list
      }),
    channel: z.enum(["in_app", "email", "sms"]).optional(),
    event: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type AdminListNotifyMessagesQueryType = z.infer<typeof AdminListNotifyMessagesQuery>
