import type { Lang, MessageKey } from "../i18n"

/** Times at the counter are Asia/Shanghai, whatever the device says. */
const ZONE = "Asia/Shanghai"

export function shanghaiDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—"
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return "—"
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
    timeZone: ZONE,
    month: lang === "en" ? "short" : "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date)
}

export function shanghaiWindow(start: string | null | undefined, end: string | null | undefined, lang: Lang): string {
  if (!start) return "—"
  const to = end
    ? new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
        new Date(end)
      )
    : ""
  return `${shanghaiDateTime(start, lang)}${to ? `–${to}` : ""}`
}

/** A batch status in words; unknown ones read as still taking orders. */
export function batchStatusKey(status: string): MessageKey {
  switch (status) {
    case "open":
    case "harvest_frozen":
    case "arrived":
    case "ready":
    case "closed":
      return `office.status.${status}`
    default:
      return "office.status.open"
  }
}

export function orderStatusKey(status: string): MessageKey {
  switch (status) {
    case "placed":
    case "ready":
    case "collected":
    case "uncollected":
    case "canceled":
      return `office.order.${status}`
    default:
      return "office.order.placed"
  }
}

/** A period as days in Shanghai: "11月23日–11月29日". An end at midnight belongs to the day before. */
export function shanghaiDays(start: string | null | undefined, end: string | null | undefined, lang: Lang): string {
  const day = (iso: string, shift = 0) =>
    new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
      timeZone: ZONE,
      month: lang === "en" ? "short" : "long",
      day: "numeric",
    }).format(new Date(new Date(iso).getTime() - shift))
  if (!start) return "—"
  return end ? `${day(start)}–${day(end, 1)}` : day(start)
}
