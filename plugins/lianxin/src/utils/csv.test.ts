import { describe, expect, it } from "vitest"
import { fenToYuanText, toCsv, toCsvRecords } from "./csv"

describe("toCsv", () => {
  it("writes a BOM, CRLF lines and quotes what needs quoting", () => {
    const csv = toCsv(
      ["名称", "金额"],
      [
        ["高山苹果, 5斤", "12.80"],
        ['说"好"', null],
      ]
    )
    expect(csv).toBe('\uFEFF名称,金额\r\n"高山苹果, 5斤",12.80\r\n"说""好""",\r\n')
  })
  it("neutralises formula-like cells", () => {
    expect(toCsv(["x"], [['=HYPERLINK("http://x")'], ["-1+1"], ["@SUM(A1)"]])).toBe(
      '\uFEFFx\r\n"\'=HYPERLINK(""http://x"")"\r\n\'-1+1\r\n\'@SUM(A1)\r\n'
    )
  })
  it("leaves negative numbers passed as numbers alone", () => {
    expect(toCsv(["x"], [[-350]])).toBe("\uFEFFx\r\n-350\r\n")
  })
})

describe("toCsvRecords", () => {
  it("writes object rows by column, surviving commas, quotes and formula injection", () => {
    const csv = toCsvRecords(["a", "b", "n"], [{ a: 'x,"y"', b: "=SUM(A1)", n: 3 }])
    expect(csv).toBe('\uFEFFa,b,n\r\n"x,""y""",\'=SUM(A1),3\r\n')
  })
})

describe("fenToYuanText", () => {
  it("formats exactly", () => {
    expect(fenToYuanText(1280)).toBe("12.80")
    expect(fenToYuanText(5)).toBe("0.05")
    expect(fenToYuanText(-350)).toBe("-3.50")
    expect(fenToYuanText(0)).toBe("0.00")
  })
})
