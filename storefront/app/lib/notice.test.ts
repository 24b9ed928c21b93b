import { describe, expect, it } from "vitest"
import { noticeFrom, withNotice } from "./notice"

describe("notices in the URL", () => {
  it("adds a notice to a path, keeping its query", () => {
    expect(withNotice("/products/apple", "cart.added")).toBe("/products/apple?notice=cart.added")
    expect(withNotice("/compound?q=杭州", "compound.saved")).toBe(
      "/compound?q=%E6%9D%AD%E5%B7%9E&notice=compound.saved"
    )
  })

  it("reads only known notices", () => {
    expect(noticeFrom(new Request("http://x/cart?notice=cart.removed"))).toBe("cart.removed")
    expect(noticeFrom(new Request("http://x/cart?notice=<script>"))).toBeNull()
    expect(noticeFrom(new Request("http://x/cart"))).toBeNull()
  })
})
