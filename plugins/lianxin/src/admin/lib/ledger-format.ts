/** ¥ amounts from integer fen, for the operator screens. */
export const yuan = (fen: number) =>
  new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }).format(fen / 100)

/** Basis points as a percentage ("70%", "12.5%"). */
export const percent = (bp: number) => `${(bp / 100).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}%`

/** A date in Asia/Shanghai, as operators read it. */
export const shanghaiDay = (iso: string | Date) =>
  new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso))

export const SCOPE_LABEL: Record<string, string> = {
  global: "全局",
  category: "商品分类",
  cooperative: "合作社",
  household: "农户",
}

export const METHOD_LABEL: Record<string, string> = { cash: "现金", bank_transfer: "银行转账", wechat: "微信" }
