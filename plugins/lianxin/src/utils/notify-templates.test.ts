import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import {
  NOTIFY_LOCALES,
  NOTIFY_TEMPLATES,
  type NotifyTemplateName,
  formatFen,
  formatInstant,
  formatWindow,
  renderTemplate,
  smsParams,
} from "./notify-templates"

/** Example values for each template, as an event would store them (ISO instants, fen). */
const EXAMPLES: Record<NotifyTemplateName, { params: Record<string, string>; secrets?: Record<string, string> }> = {
  otp_sign_in: { params: { minutes: "10" }, secrets: { code: "482913" } },
  otp_verify_contact: { params: { minutes: "10" }, secrets: { code: "482913" } },
  order_placed: {
    params: {
      order_no: "1042",
      place: "滨江花园 HZ-BJ-1 前台",
      address: "杭州市滨江区江南大道 88 号",
      window_start: "2026-12-06T08:00:00.000Z",
      window_end: "2026-12-06T12:00:00.000Z",
      paid_fen: "2560",
    },
    secrets: { code: "04817263" },
  },
  pickup_ready: {
    params: {
      order_no: "1042",
      place: "滨江花园 HZ-BJ-1 前台",
      address: "杭州市滨江区江南大道 88 号",
      hold_until: "2026-12-07T08:00:00.000Z",
    },
    secrets: { code: "04817263" },
  },
  hold_last_call: {
    params: { order_no: "1042", place: "滨江花园 HZ-BJ-1 前台", hold_until: "2026-12-07T08:00:00.000Z" },
  },
  uncollected: { params: { order_no: "1042", place: "滨江花园 HZ-BJ-1 前台", policy: "donate" } },
  shortage_refund: { params: { order_no: "1042", items: "高山苹果 ×1", refund_fen: "1280", paid: "at_pickup" } },
  order_canceled: { params: { order_no: "1042" } },
  listing_approved: { params: { title: "高山苹果", household: "周大姐（ZJ-LS-001）" } },
  listing_rejected: { params: { title: "高山苹果", household: "周大姐（ZJ-LS-001）", reason: "合格证照片不清楚" } },
  harvest_frozen: {
    params: {
      place: "滨江花园 HZ-BJ-1 前台",
      cycle: "12月6日批次",
      window_start: "2026-12-06T08:00:00.000Z",
      window_end: "2026-12-06T12:00:00.000Z",
      orders: "23",
      rows: "9",
    },
  },
  harvest_recall: {
    params: {
      order_no: "1042",
      title: "高山冰糖心苹果",
      harvested_on: "2026-11-25",
      certificate_no: "HGZ-330000-2026-0001",
      reason: "农残抽检超标",
    },
  },
  cycle_changed: {
    params: {
      order_no: "1042",
      place: "滨江花园 HZ-BJ-1 前台",
      cycle: "12月6日 周六取货",
      change: "extend",
      cutoff_at: "2026-12-05T14:00:00.000Z",
      window_start: "2026-12-06T08:00:00.000Z",
      window_end: "2026-12-06T12:00:00.000Z",
      reason: "冷链车晚到",
    },
  },
  statement_paid: {
    params: { amount_fen: "12345", period_start: "2026-11-30T16:00:00.000Z", period_end: "2026-12-07T16:00:00.000Z" },
  },
}

/** The catalogue as docs/notifications.md prints it between its markers. */
function catalogue(): string {
  const out: string[] = []
  for (const name of Object.keys(NOTIFY_TEMPLATES) as NotifyTemplateName[]) {
    const def = NOTIFY_TEMPLATES[name]
    const ex = EXAMPLES[name]
    out.push(`### \`${name}\`${def.urgent ? " (urgent)" : ""}`, "")
    out.push(`SMS template variables: ${def.sms_params.map((p) => `\`${p}\``).join(", ")}`, "")
    for (const locale of NOTIFY_LOCALES) {
      const r = renderTemplate(name, locale, ex.params, ex.secrets)
      out.push(`- **${locale}** title: ${r.title}`, `  - text: ${r.body}`, `  - SMS: ${r.sms}`)
    }
    if (def.secrets.length) {
      const kept = renderTemplate(name, "zh-CN", ex.params)
      out.push(`- kept copy (消息, Medusa Admin), without ${def.secrets.join(", ")}: ${kept.body}`)
    }
    out.push("")
  }
  return out.join("\n").trim()
}

const DOC = path.resolve(__dirname, "../../../../docs/notifications.md")
const START = "<!-- templates:start -->"
const END = "<!-- templates:end -->"

describe("notification templates", () => {
  it("docs/notifications.md prints every message as rendered (UPDATE_DOCS=1 rewrites it)", () => {
    const doc = readFileSync(DOC, "utf8")
    const [head, rest] = doc.split(START)
    const tail = rest?.split(END)[1]
    expect(tail, `docs/notifications.md needs ${START} … ${END}`).toBeDefined()
    const expected = `${head}${START}\n${catalogue()}\n${END}${tail}`
    if (process.env.UPDATE_DOCS === "1") writeFileSync(DOC, expected)
    expect(doc).toBe(expected)
  })

  it("every template speaks both languages, with every value filled", () => {
    for (const name of Object.keys(NOTIFY_TEMPLATES) as NotifyTemplateName[]) {
      for (const locale of NOTIFY_LOCALES) {
        const r = renderTemplate(name, locale, EXAMPLES[name].params, EXAMPLES[name].secrets)
        for (const text of [r.title, r.body, r.sms]) {
          expect(text, `${name} ${locale}`).not.toMatch(/undefined|NaN|\{|\}/)
          expect(text.length).toBeGreaterThan(3)
        }
        if (locale === "en") expect(r.body, `${name} en`).not.toMatch(/[的了是已请]/)
        if (locale === "zh-CN") expect(r.body, `${name} zh`).toMatch(/[\u4e00-\u9fff]/)
        // An SMS stays within two segments of 70 characters.
        expect(r.sms.length, `${name} ${locale} SMS`).toBeLessThanOrEqual(140)
      }
    }
  })

  it("never puts a secret into the kept copy", () => {
    for (const name of Object.keys(NOTIFY_TEMPLATES) as NotifyTemplateName[]) {
      const { params, secrets } = EXAMPLES[name]
      if (!secrets) continue
      for (const locale of NOTIFY_LOCALES) {
        const kept = renderTemplate(name, locale, params)
        for (const value of Object.values(secrets)) {
          expect(JSON.stringify(kept)).not.toContain(value)
          expect(renderTemplate(name, locale, params, secrets).sms).toContain(value)
        }
      }
    }
  })

  it("gives SMS services their variables in the message's language", () => {
    expect(smsParams("pickup_ready", "zh-CN", EXAMPLES.pickup_ready.params, { code: "04817263" })).toEqual({
      order_no: "1042",
      place: "滨江花园 HZ-BJ-1 前台",
      hold_until: "12月7日 16:00",
      code: "04817263",
    })
    expect(smsParams("statement_paid", "en", EXAMPLES.statement_paid.params)).toEqual({
      period: "1 Dec–7 Dec",
      amount: "¥123.45",
    })
  })

  it("confirms an online payment in the order-placed message, and says nothing of it for pay at pickup", () => {
    const paid = renderTemplate("order_placed", "zh-CN", EXAMPLES.order_placed.params)
    expect(paid.body).toContain("订单 #1042 已下单，已在线支付 ¥25.60，请于")
    const atPickup = renderTemplate("order_placed", "en", { ...EXAMPLES.order_placed.params, paid_fen: "0" })
    expect(atPickup.body).toMatch(/^Order #1042 is placed\. Collect it at/)
  })

  it("formats instants, windows and amounts in Asia/Shanghai", () => {
    expect(formatInstant("2026-12-06T16:30:00Z", "zh-CN")).toBe("12月7日 00:30")
    expect(formatInstant("2026-12-06T16:30:00Z", "en")).toBe("7 Dec 00:30")
    expect(formatWindow("2026-12-06T08:00:00Z", "2026-12-06T12:00:00Z", "zh-CN")).toBe("12月6日 16:00–20:00")
    expect(formatWindow("2026-12-06T08:00:00Z", "2026-12-07T12:00:00Z", "en")).toBe("6 Dec 16:00 – 7 Dec 20:00")
    expect(formatFen(5)).toBe("¥0.05")
    expect(formatFen("123456")).toBe("¥1234.56")
    expect(formatFen(-250)).toBe("-¥2.50")
  })
})
