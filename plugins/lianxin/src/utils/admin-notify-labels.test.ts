import { describe, expect, it } from "vitest"
import { en } from "../admin/i18n/en"
import { zhCN } from "../admin/i18n/zh-cn"
import { NOTIFY_EVENTS } from "../workflows/notify/steps/events"

/** Admin's 通知 page names every event we notify about in both languages (never `pickup.cycle_changed` raw). */
describe("admin notification event labels", () => {
  it.each(NOTIFY_EVENTS)("%s has an English and a Chinese label", (event) => {
    const key = event.replace(/\./g, "_") as keyof typeof en.notifyEvent
    expect(en.notifyEvent[key]).toMatch(/\S/)
    expect(zhCN.notifyEvent[key]).toMatch(/\p{Script=Han}/u)
  })

  it("has no label for an event we do not send", () => {
    const events = new Set<string>(NOTIFY_EVENTS.map((e) => e.replace(/\./g, "_")))
    expect(Object.keys(en.notifyEvent).filter((k) => !events.has(k))).toEqual([])
  })
})
