import { describe, expect, it } from "vitest"
import { cycleRefusalKind, reasonInLanguage, refusalBody, refusalTitle, CYCLE_REFUSALS } from "./checkout-refusal"
import { translator } from "./i18n"

/** The pickup module's refusals as it words them (plugins/lianxin/src/modules/pickup/service.ts, set-cart-pickup.ts). */
const BACKEND = {
  cutoff:
    "本批次已截单，订单未提交，也未扣款。请选择下一个批次后重新下单。(the order cutoff for this cycle has passed; no order was placed)",
  left: "本批次的货已发往自提点，不能再加单。请选择下一个批次。(this cycle's delivery has left)",
  full: "您选择的自提点本批次已满，订单未提交。请选择其他自提点或下一个批次。(the pickup point is full for this cycle; no order was placed)",
  canceled: "所选的订货批次已取消，请重新选择自提时间后再下单。(order cycle canceled)",
  assignCutoff: "这个批次已截单，请选择下一个批次。",
  none: "目前没有可下单的批次，请稍后再来。(no open order cycle)",
}

describe("cycleRefusalKind", () => {
  it("recognises each of the pickup module's refusals", () => {
    expect(cycleRefusalKind(BACKEND.cutoff)).toBe("cutoff_passed")
    expect(cycleRefusalKind(BACKEND.assignCutoff)).toBe("cutoff_passed")
    expect(cycleRefusalKind(BACKEND.none)).toBe("cutoff_passed")
    expect(cycleRefusalKind(BACKEND.left)).toBe("batch_closed")
    expect(cycleRefusalKind(BACKEND.full)).toBe("full")
    expect(cycleRefusalKind(BACKEND.canceled)).toBe("canceled")
  })

  it("leaves other refusals alone", () => {
    expect(cycleRefusalKind("Payment authorization failed")).toBeNull()
    expect(cycleRefusalKind("测试苹果 库存不足，请减少数量")).toBeNull()
    expect(cycleRefusalKind("请先选择自提点和自提批次，再提交订单。")).toBeNull()
  })
})

describe("the refusal is said in one language", () => {
  it("has a title and a body in both languages for every kind, without the other language's script", () => {
    for (const kind of CYCLE_REFUSALS) {
      for (const key of [refusalTitle(kind), refusalBody(kind)]) {
        expect(translator("zh-CN")(key), key).toMatch(/[\u4e00-\u9fff]/)
        expect(translator("zh-CN")(key, { cycle: "这一期" }), key).not.toMatch(/[A-Za-z]/)
        expect(translator("en")(key, { cycle: "this round" }), key).not.toMatch(/[\u3400-\u9fff]/)
      }
    }
    expect(translator("zh-CN")("checkout.refused.switch", { window: "12月7日 16:00–20:00" })).toBe(
      "改为下一期：12月7日 16:00–20:00 取货"
    )
  })

  it("keeps only the resident's half of a bilingual backend message", () => {
    expect(reasonInLanguage(BACKEND.left, "zh-CN")).toBe("本批次的货已发往自提点，不能再加单。请选择下一个批次。")
    expect(reasonInLanguage(BACKEND.left, "en")).toBe("this cycle's delivery has left")
    expect(reasonInLanguage("测试苹果库存不足（仅剩 1 件）", "zh-CN")).toBe("测试苹果库存不足（仅剩 1 件）")
  })

  it("gives nothing rather than the wrong language", () => {
    expect(reasonInLanguage("测试苹果 库存不足", "en")).toBeNull()
    expect(reasonInLanguage("Payment authorization failed", "zh-CN")).toBeNull()
    expect(reasonInLanguage("", "zh-CN")).toBeNull()
    expect(reasonInLanguage(undefined, "en")).toBeNull()
    expect(reasonInLanguage("Payment authorization failed", "en")).toBe("Payment authorization failed")
  })
})
