/** Notices travel in the URL (?notice=cart.added): no session write, and the page stays cacheable. */
export const NOTICES = [
  "cart.added",
  "cart.updated",
  "cart.removed",
  "order.canceled",
  "order.cancelRefused",
  "order.edited",
  "order.editRefused",
  "order.editCutoffPassed",
  "order.editChanged",
  "order.editStock",
  "order.editOnlineIncrease",
  "order.editEmpty",
  "order.editNoChange",
  "order.editInvalid",
  "compound.saved",
  "orders.claimed",
  "orders.claimedNone",
] as const
export type Notice = (typeof NOTICES)[number]

export function withNotice(path: string, notice: Notice): string {
  const url = new URL(path, "http://x")
  url.searchParams.set("notice", notice)
  return `${url.pathname}${url.search}${url.hash}`
}

export function noticeFrom(request: Request): Notice | null {
  const value = new URL(request.url).searchParams.get("notice")
  return NOTICES.find((n) => n === value) ?? null
}

/** ?cancel=<order id>: the order and account pages open "确定取消订单 N 吗？" for that order (the no-JavaScript path). */
export const CONFIRM_CANCEL_PARAM = "cancel"
