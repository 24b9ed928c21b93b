/**
 * Every message we send, in zh-CN and en. docs/notifications.md prints them;
 * notify-templates.test.ts keeps the two in step. A template is pure: stored
 * values in, texts out.
 *
 * Stored values are language-neutral (ISO instants, integer fen, codes of
 * things); `display()` turns them into the words of one language. A pickup or
 * one-time code is secret: it is passed only when rendering for the provider,
 * so the copy kept in the notify module (消息, Medusa Admin) never holds it.
 */
export type NotifyLocale = "zh-CN" | "en"
export const NOTIFY_LOCALES: readonly NotifyLocale[] = ["zh-CN", "en"]

export type Rendered = { title: string; body: string; sms: string }

type Values = Record<string, string | undefined>
type Text = (v: Values) => string

export type TemplateDefinition = {
  /** Urgent messages are sent during quiet hours. */
  urgent: boolean
  /** Secret values (read when sending, never stored). */
  secrets: readonly string[]
  /** Variables of the SMS template (Aliyun template parameters), after display(). */
  sms_params: readonly string[]
  text: Record<NotifyLocale, { title: Text; body: Text; sms: Text }>
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

function local(iso: string) {
  const d = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS)
  const hh = String(d.getUTCHours()).padStart(2, "0")
  const mm = String(d.getUTCMinutes()).padStart(2, "0")
  return { month: d.getUTCMonth(), day: d.getUTCDate(), time: `${hh}:${mm}` }
}

/** `2026-12-06T08:00:00Z` → `12月6日 16:00` / `6 Dec 16:00` (Asia/Shanghai). */
export function formatInstant(iso: string | undefined, locale: NotifyLocale): string {
  if (!iso) return ""
  const t = local(iso)
  return locale === "zh-CN" ? `${t.month + 1}月${t.day}日 ${t.time}` : `${t.day} ${MONTHS_EN[t.month]} ${t.time}`
}

/** `12月1日` / `1 Dec` (Asia/Shanghai). */
export function formatDay(iso: string, locale: NotifyLocale): string {
  const t = local(iso)
  return locale === "zh-CN" ? `${t.month + 1}月${t.day}日` : `${t.day} ${MONTHS_EN[t.month]}`
}

/** A window on one day: `12月6日 16:00–20:00`; across days both ends in full. */
export function formatWindow(start: string | undefined, end: string | undefined, locale: NotifyLocale): string {
  if (!start || !end) return ""
  const a = local(start)
  const b = local(end)
  if (a.month === b.month && a.day === b.day) return `${formatInstant(start, locale)}–${b.time}`
  return `${formatInstant(start, locale)} – ${formatInstant(end, locale)}`
}

/** Integer fen → `¥12.30`. */
export function formatFen(fen: string | number | undefined): string {
  const n = Number(fen ?? 0)
  if (!Number.isSafeInteger(n)) return "¥0.00"
  const sign = n < 0 ? "-" : ""
  const abs = Math.abs(n)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

const POLICY: Record<string, Record<NotifyLocale, string>> = {
  donate: { "zh-CN": "捐赠", en: "donated" },
  dispose: { "zh-CN": "处置", en: "disposed of" },
  sell_off: { "zh-CN": "折价出售", en: "sold off" },
}

/** Stored values → the words of one language (dates, windows, amounts, policies). */
export function displayValues(params: Record<string, string>, locale: NotifyLocale): Values {
  const v: Values = { ...params }
  if (params.window_start) v.window = formatWindow(params.window_start, params.window_end, locale)
  if (params.hold_until) v.hold_until = formatInstant(params.hold_until, locale)
  if (params.cutoff_at) v.cutoff = formatInstant(params.cutoff_at, locale)
  if (params.refund_fen !== undefined) v.refund = formatFen(params.refund_fen)
  if (params.amount_fen !== undefined) v.amount = formatFen(params.amount_fen)
  if (params.paid_fen !== undefined && Number(params.paid_fen) > 0) v.paid_online = formatFen(params.paid_fen)
  if (params.policy) v.policy = POLICY[params.policy]?.[locale] ?? params.policy
  if (params.period_start) {
    // The period ends at the next Monday 00:00: its last day is the day before.
    const last = new Date(new Date(params.period_end ?? params.period_start).getTime() - 1).toISOString()
    v.period = `${formatDay(params.period_start, locale)}–${formatDay(last, locale)}`
  }
  return v
}

const zhCode = (v: Values) => (v.code ? `取货码 ${v.code}。` : "取货码请在订单页查看。")
const enCode = (v: Values) => (v.code ? `Pickup code ${v.code}. ` : "See your pickup code on the order page. ")

export const NOTIFY_TEMPLATES = {
  otp_sign_in: {
    urgent: true,
    secrets: ["code"],
    sms_params: ["code", "minutes"],
    text: {
      "zh-CN": {
        title: () => "连心市集登录验证码",
        body: (v) =>
          `您的登录验证码是 ${v.code ?? "••••••"}，${v.minutes} 分钟内有效。请勿告诉他人；如非本人操作，请忽略。`,
        sms: (v) => `您的登录验证码是${v.code}，${v.minutes}分钟内有效，请勿告诉他人。`,
      },
      en: {
        title: () => "Your Lianxin Market sign-in code",
        body: (v) =>
          `Your sign-in code is ${v.code ?? "••••••"}. It expires in ${v.minutes} minutes. Do not share it; if you did not ask for it, ignore this message.`,
        sms: (v) => `Your Lianxin sign-in code is ${v.code}, valid for ${v.minutes} min. Do not share it.`,
      },
    },
  },
  otp_verify_contact: {
    urgent: true,
    secrets: ["code"],
    sms_params: ["code", "minutes"],
    text: {
      "zh-CN": {
        title: () => "连心市集验证码",
        body: (v) =>
          `您正在验证联系方式，验证码是 ${v.code ?? "••••••"}，${v.minutes} 分钟内有效。请勿告诉他人；如非本人操作，请忽略。`,
        sms: (v) => `您正在验证联系方式，验证码${v.code}，${v.minutes}分钟内有效，请勿告诉他人。`,
      },
      en: {
        title: () => "Your Lianxin Market verification code",
        body: (v) =>
          `Your verification code is ${v.code ?? "••••••"}. It expires in ${v.minutes} minutes. Do not share it; if you did not ask for it, ignore this message.`,
        sms: (v) => `Your Lianxin verification code is ${v.code}, valid for ${v.minutes} min. Do not share it.`,
      },
    },
  },
  order_placed: {
    urgent: false,
    secrets: ["code"],
    sms_params: ["order_no", "place", "window", "code"],
    text: {
      "zh-CN": {
        title: (v) => `订单 #${v.order_no} 已下单`,
        body: (v) =>
          `订单 #${v.order_no} 已下单${v.paid_online ? `，已在线支付 ${v.paid_online}` : ""}，请于 ${v.window} 到 ${v.place}（${v.address}）取货。${zhCode(v)}`,
        sms: (v) => `订单#${v.order_no}已下单，请于${v.window}到${v.place}取货，取货码${v.code}。`,
      },
      en: {
        title: (v) => `Order #${v.order_no} placed`,
        body: (v) =>
          `Order #${v.order_no} is placed${v.paid_online ? ` and paid online (${v.paid_online})` : ""}. Collect it at ${v.place} (${v.address}), ${v.window}. ${enCode(v)}`.trim(),
        sms: (v) => `Order #${v.order_no} placed. Collect at ${v.place}, ${v.window}. Code ${v.code}.`,
      },
    },
  },
  pickup_ready: {
    urgent: false,
    secrets: ["code"],
    sms_params: ["order_no", "place", "hold_until", "code"],
    text: {
      "zh-CN": {
        title: (v) => `可取货：订单 #${v.order_no}`,
        body: (v) =>
          `订单 #${v.order_no} 已到 ${v.place}（${v.address}），可取货。请在 ${v.hold_until} 前取走。${zhCode(v)}`,
        sms: (v) => `订单#${v.order_no}已到${v.place}，可取货，请在${v.hold_until}前取走，取货码${v.code}。`,
      },
      en: {
        title: (v) => `Ready for pickup: order #${v.order_no}`,
        body: (v) =>
          `Order #${v.order_no} has arrived at ${v.place} (${v.address}) and is ready for pickup. Please collect it by ${v.hold_until}. ${enCode(v)}`.trim(),
        sms: (v) => `Order #${v.order_no} is ready at ${v.place}. Collect by ${v.hold_until}. Code ${v.code}.`,
      },
    },
  },
  hold_last_call: {
    urgent: true,
    secrets: [],
    sms_params: ["order_no", "place", "hold_until"],
    text: {
      "zh-CN": {
        title: (v) => `最后提醒：订单 #${v.order_no} 即将过期`,
        body: (v) =>
          `订单 #${v.order_no} 仍在 ${v.place} 等您，保留到 ${v.hold_until}。过时未取将按取货点规定处理，不予退款。`,
        sms: (v) => `最后提醒：订单#${v.order_no}在${v.place}保留到${v.hold_until}，过时未取将按规定处理。`,
      },
      en: {
        title: (v) => `Last call: order #${v.order_no}`,
        body: (v) =>
          `Order #${v.order_no} is still waiting at ${v.place} until ${v.hold_until}. After that it is handled under the point's rules and not refunded.`,
        sms: (v) => `Last call: order #${v.order_no} waits at ${v.place} until ${v.hold_until}.`,
      },
    },
  },
  uncollected: {
    urgent: false,
    secrets: [],
    sms_params: ["order_no", "place", "policy"],
    text: {
      "zh-CN": {
        title: (v) => `订单 #${v.order_no} 未取`,
        body: (v) => `订单 #${v.order_no} 在保留期内未取，${v.place} 将按规定${v.policy}。如有疑问请联系取货点。`,
        sms: (v) => `订单#${v.order_no}超时未取，${v.place}将按规定${v.policy}。`,
      },
      en: {
        title: (v) => `Order #${v.order_no} was not collected`,
        body: (v) =>
          `Order #${v.order_no} was not collected in time; ${v.place} will have it ${v.policy} under its rules. Contact the point with any questions.`,
        sms: (v) => `Order #${v.order_no} was not collected; ${v.place} will have it ${v.policy}.`,
      },
    },
  },
  shortage_refund: {
    urgent: false,
    secrets: [],
    sms_params: ["order_no", "items", "refund"],
    text: {
      "zh-CN": {
        title: (v) => `订单 #${v.order_no} 缺货退款 ${v.refund}`,
        body: (v) =>
          `很抱歉，订单 #${v.order_no} 到货不足：${v.items}。${v.refund} 已${v.paid === "online" ? "原路退回" : "从取货时应付金额中扣除"}，其余商品照常取货。`,
        sms: (v) => `订单#${v.order_no}到货不足（${v.items}），${v.refund}将退回或在取货时少收。`,
      },
      en: {
        title: (v) => `Order #${v.order_no}: ${v.refund} refunded for missing items`,
        body: (v) =>
          `Sorry, order #${v.order_no} arrived short: ${v.items}. ${v.refund} ${v.paid === "online" ? "is refunded to your payment" : "is taken off what you pay at pickup"}; collect the rest as usual.`,
        sms: (v) => `Order #${v.order_no} arrived short (${v.items}); ${v.refund} refunded or taken off at pickup.`,
      },
    },
  },
  order_canceled: {
    urgent: false,
    secrets: [],
    sms_params: ["order_no"],
    text: {
      "zh-CN": {
        title: (v) => `订单 #${v.order_no} 已取消`,
        body: (v) => `订单 #${v.order_no} 已取消。已付款项将原路退回，取货码已失效。`,
        sms: (v) => `订单#${v.order_no}已取消，已付款项将原路退回。`,
      },
      en: {
        title: (v) => `Order #${v.order_no} canceled`,
        body: (v) => `Order #${v.order_no} was canceled. Anything paid is refunded; the pickup code no longer works.`,
        sms: (v) => `Order #${v.order_no} was canceled; anything paid is refunded.`,
      },
    },
  },
  listing_approved: {
    urgent: false,
    secrets: [],
    sms_params: ["title", "household"],
    text: {
      "zh-CN": {
        title: (v) => `上架通过：${v.title}`,
        body: (v) => `您为 ${v.household} 提交的「${v.title}」已通过审核，现已上架。`,
        sms: (v) => `您为${v.household}提交的「${v.title}」已通过审核并上架。`,
      },
      en: {
        title: (v) => `Listing approved: ${v.title}`,
        body: (v) => `"${v.title}", listed for ${v.household}, was approved and is now on sale.`,
        sms: (v) => `"${v.title}" for ${v.household} was approved and is on sale.`,
      },
    },
  },
  listing_rejected: {
    urgent: false,
    secrets: [],
    sms_params: ["title", "household", "reason"],
    text: {
      "zh-CN": {
        title: (v) => `上架未通过：${v.title}`,
        body: (v) =>
          `您为 ${v.household} 提交的「${v.title}」未通过审核。原因：${v.reason || "未说明"}。修改后可重新提交。`,
        sms: (v) => `您为${v.household}提交的「${v.title}」未通过审核，原因：${v.reason || "未说明"}。`,
      },
      en: {
        title: (v) => `Listing rejected: ${v.title}`,
        body: (v) =>
          `"${v.title}", listed for ${v.household}, was not approved. Reason: ${v.reason || "not given"}. You can correct it and submit again.`,
        sms: (v) => `"${v.title}" for ${v.household} was not approved: ${v.reason || "no reason given"}.`,
      },
    },
  },
  harvest_frozen: {
    urgent: false,
    secrets: [],
    sms_params: ["place", "cycle", "orders"],
    text: {
      "zh-CN": {
        title: (v) => `采摘单已锁定：${v.cycle}`,
        body: (v) =>
          `${v.place} 的 ${v.cycle}（取货 ${v.window}）采摘单已锁定：${v.orders} 个订单，${v.rows} 行。请打印并通知农户备货。`,
        sms: (v) => `${v.place}的${v.cycle}采摘单已锁定，共${v.orders}个订单，请通知农户备货。`,
      },
      en: {
        title: (v) => `Harvest list frozen: ${v.cycle}`,
        body: (v) =>
          `The harvest list of ${v.cycle} at ${v.place} (pickup ${v.window}) is frozen: ${v.orders} orders, ${v.rows} rows. Print it and tell the farmers what to pick.`,
        sms: (v) => `Harvest list of ${v.cycle} at ${v.place} frozen: ${v.orders} orders.`,
      },
    },
  },
  harvest_recall: {
    urgent: true,
    secrets: [],
    sms_params: ["order_no", "title", "certificate_no"],
    text: {
      "zh-CN": {
        title: (v) => `订单 #${v.order_no} 商品召回：${v.title}`,
        body: (v) =>
          `您订单 #${v.order_no} 中的「${v.title}」来自 ${v.harvested_on} 采收、合格证 ${v.certificate_no} 的批次，该批次已被召回（${v.reason}）。请暂停食用，取货点和客服会联系您办理退换。`,
        sms: (v) =>
          `订单#${v.order_no}的${v.title}（合格证${v.certificate_no}）所在批次已召回，请暂停食用，我们会联系您退换。`,
      },
      en: {
        title: (v) => `Order #${v.order_no}: recall of ${v.title}`,
        body: (v) =>
          `${v.title} in order #${v.order_no} comes from the batch harvested on ${v.harvested_on} with certificate ${v.certificate_no}, which has been recalled (${v.reason}). Please stop eating it; the pickup point will contact you about a refund or exchange.`,
        sms: (v) =>
          `Recall: ${v.title} (cert. ${v.certificate_no}) in order #${v.order_no}. Stop eating it; we will contact you.`,
      },
    },
  },
  statement_paid: {
    urgent: false,
    secrets: [],
    sms_params: ["period", "amount"],
    text: {
      "zh-CN": {
        title: (v) => `收益已到账 ${v.amount}`,
        body: (v) => `您在连心市集 ${v.period} 的销售收益 ${v.amount} 已支付，请查收。`,
        sms: (v) => `您在连心市集${v.period}的销售收益${v.amount}已支付，请查收。`,
      },
      en: {
        title: (v) => `Earnings paid: ${v.amount}`,
        body: (v) => `Your Lianxin Market earnings for ${v.period}, ${v.amount}, have been paid.`,
        sms: (v) => `Your Lianxin earnings for ${v.period}, ${v.amount}, have been paid.`,
      },
    },
  },
  cycle_changed: {
    urgent: false,
    secrets: [],
    sms_params: ["order_no", "cycle", "window"],
    text: {
      "zh-CN": {
        title: (v) => (v.change === "close" ? `${v.cycle} 已提前截单` : `${v.cycle} 时间已调整`),
        body: (v) =>
          `${v.change === "close" ? `${v.cycle} 已提前截单，不再接受新订单` : `${v.cycle} 截单延至 ${v.cutoff}`}。您的订单 #${v.order_no} 在 ${v.place} 取货，时间 ${v.window}。${v.reason ? `说明：${v.reason}` : ""}`,
        sms: (v) =>
          `${v.cycle}${v.change === "close" ? "已提前截单" : "时间已调整"}，订单#${v.order_no}取货时间${v.window}。`,
      },
      en: {
        title: (v) => (v.change === "close" ? `${v.cycle}: ordering closed early` : `${v.cycle}: times changed`),
        body: (v) =>
          `${v.change === "close" ? `Ordering for ${v.cycle} closed early; no new orders are taken` : `Ordering for ${v.cycle} now closes ${v.cutoff}`}. Collect order #${v.order_no} at ${v.place}, ${v.window}.${v.reason ? ` Note: ${v.reason}` : ""}`,
        sms: (v) =>
          `${v.cycle} ${v.change === "close" ? "closed early" : "changed"}; collect order #${v.order_no} ${v.window}.`,
      },
    },
  },
} as const satisfies Record<string, TemplateDefinition>

export type NotifyTemplateName = keyof typeof NOTIFY_TEMPLATES

export function isTemplateName(name: string): name is NotifyTemplateName {
  return Object.keys(NOTIFY_TEMPLATES).includes(name)
}

export function templateDefinition(name: string): TemplateDefinition {
  if (!isTemplateName(name)) throw new Error(`unknown notification template "${name}"`)
  return NOTIFY_TEMPLATES[name]
}

/** Renders a template; without `secrets` the secret values are left out (the kept copy). */
export function renderTemplate(
  name: string,
  locale: NotifyLocale,
  params: Record<string, string>,
  secrets?: Record<string, string>
): Rendered {
  const def = templateDefinition(name)
  const values = displayValues(params, locale)
  for (const key of def.secrets) values[key] = secrets?.[key]
  const t = def.text[locale] ?? def.text["zh-CN"]
  return { title: t.title(values), body: t.body(values), sms: t.sms(values) }
}

/** The variables an SMS template service receives, in the message's language. */
export function smsParams(
  name: string,
  locale: NotifyLocale,
  params: Record<string, string>,
  secrets: Record<string, string> = {}
) {
  const def = templateDefinition(name)
  const all = { ...displayValues(params, locale), ...secrets }
  return Object.fromEntries(def.sms_params.map((k) => [k, all[k] ?? ""]))
}
