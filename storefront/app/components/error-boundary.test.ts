import { createElement } from "react"
import { renderToString } from "react-dom/server"
import { createMemoryRouter, Outlet, RouterProvider, UNSAFE_ErrorResponseImpl } from "react-router"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { GeneralErrorBoundary } from "./error-boundary"

/**
 * The one error page, rendered as the server would after a loader threw:
 * 404, backend down (503) and cutoff passed (409) each get their own kind
 * Chinese page with a next step; English when the root loader says so.
 */
function render(status: number, reason: string | null, lang = "zh-CN"): string {
  const error = new UNSAFE_ErrorResponseImpl(status, "", reason ? { reason } : null)
  const router = createMemoryRouter(
    [
      {
        id: "root",
        path: "/",
        Component: Outlet,
        children: [{ id: "page", path: "checkout", Component: () => null, ErrorBoundary: GeneralErrorBoundary }],
      },
    ],
    { initialEntries: ["/checkout"], hydrationData: { loaderData: { root: { lang } }, errors: { page: error } } }
  )
  return renderToString(createElement(RouterProvider, { router }))
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")

describe("error pages", () => {
  // A memory router on the server warns that its layout effects do nothing there; that is all it warns about.
  const realError = console.error
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      if (String(args[0]).includes("useLayoutEffect does nothing on the server")) return
      realError(...args)
    })
  })
  afterEach(() => vi.restoreAllMocks())

  it("404: says what was not found and leads home, without a pointless retry", () => {
    const page = text(render(404, "order-not-found"))
    expect(page).toContain("没有找到这个订单")
    expect(page).toContain("回到首页")
    expect(page).not.toContain("重试")
  })

  it("backend down (503): asks to try again and offers a reload of the same page", () => {
    const html = render(503, "store-unavailable")
    expect(text(html)).toContain("商城暂时无法连接")
    expect(text(html)).toContain("重试")
    expect(html).toContain('href="/checkout"')
  })

  it("cutoff passed (409): explains the cycle closed and leads back to the kept cart", () => {
    const html = render(409, "cutoff-passed")
    expect(text(html)).toContain("本期已经截单了")
    expect(html).toContain('href="/cart"')
  })

  it("follows the interface language", () => {
    expect(text(render(409, "cutoff-passed", "en"))).not.toContain("本期已经截单了")
  })
})
