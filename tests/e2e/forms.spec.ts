import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, expectFieldError, test } from "../fixtures/shop"

const apple = E2E.products.apple

test.describe("bad input gets a Chinese message at the field", () => {
  test("add to cart: empty, 0, 10,000, not a number", async ({ page, shop }) => {
    await shop.open(`/products/${apple.handle}`)
    const quantity = page.getByRole("spinbutton", { name: "数量" })
    for (const [value, message] of [
      ["", "数量至少为 1；不要了请点“删除”"],
      ["0", "数量至少为 1；不要了请点“删除”"],
      ["10000", "每件商品最多买 99 份"],
      ["1.5", "请输入整数数量"],
    ] as const) {
      await shop.addToCart(value)
      await expectFieldError(page, quantity, message)
    }
    await expect(shop.cartLink()).toHaveText("购物车")
  })

  test("add to cart beyond the stock says so", async ({ page, shop }) => {
    await shop.open(`/products/${E2E.products.millet.handle}`)
    await shop.addToCart(50)
    await expectFieldError(page, page.getByRole("spinbutton", { name: "数量" }), "库存不足，请减少数量")
  })

  test("cart quantity: 0 and 10,000 are refused; remove works", async ({ page, shop }) => {
    await shop.open(`/products/${apple.handle}`)
    await shop.addedToCart(1)
    await shop.open("/cart")
    const quantity = page.getByRole("spinbutton", { name: `${apple.title} ${apple.variantTitle} 的数量` })
    for (const [value, message] of [
      ["0", "数量至少为 1；不要了请点“删除”"],
      ["10000", "每件商品最多买 99 份"],
    ] as const) {
      await quantity.fill(value)
      await page.getByRole("button", { name: "更新数量" }).click()
      await expectFieldError(page, quantity, message)
    }
    await page.getByRole("button", { name: `从购物车删除 ${apple.title} ${apple.variantTitle}` }).click()
    await expect(page.getByText("购物车是空的。")).toBeVisible()
  })

  test("checkout: empty, too long, wrong mobile format", async ({ page, shop, checkout }) => {
    await shop.open(`/products/${apple.handle}`)
    await shop.addedToCart(1)
    await shop.chooseCompound(E2E.pickup.office.compoundName)
    await shop.open("/checkout")
    await expect(checkout.pickup().getByText(E2E.pickup.office.compoundName, { exact: true })).toBeVisible()
    await checkout.fill("", "")
    await checkout.submit().click()
    await expectFieldError(page, checkout.name(), "请填写这一项")
    await expectFieldError(page, checkout.mobile(), /请填写这一项/)
    await expect(checkout.name()).toBeFocused()

    await checkout.fill("王".repeat(21), "1380013800")
    await checkout.submit().click()
    await expectFieldError(page, checkout.name(), "姓名最多 20 个字")
    await expectFieldError(page, checkout.mobile(), /请输入 11 位中国大陆手机号/)

    for (const wrong of ["12800138000", "138001380001", "+1 415 555 0100", "一三八〇〇一三八〇〇〇"]) {
      await checkout.fill("王小明", wrong)
      await checkout.submit().click()
      await expectFieldError(page, checkout.mobile(), /请输入 11 位中国大陆手机号/)
    }
    await expect(page).toHaveURL(/\/checkout$/)
  })

  test("checkout: a guest's optional email must be an address, and not too long", async ({ page, shop, checkout }) => {
    await shop.open(`/products/${apple.handle}`)
    await shop.addedToCart(1)
    await shop.chooseCompound(E2E.pickup.office.compoundName)
    await shop.open("/checkout")
    await checkout.fill("王小明", "13800138000")
    for (const [value, message] of [
      ["not-an-email", "请输入正确的邮箱地址"],
      [`${"a".repeat(250)}@example.com`, "邮箱地址太长了"],
    ] as const) {
      await checkout.email().fill(value)
      await checkout.submit().click()
      await expectFieldError(page, checkout.email(), new RegExp(message))
    }
    await expect(page).toHaveURL(/\/checkout$/)
  })

  test("compound search: too long is refused at the field, also as a plain GET", async ({ page, shop }) => {
    await shop.open("/compound")
    const search = page.getByRole("searchbox", { name: "搜索城市或小区名" })
    await search.fill("小".repeat(31))
    await page.getByRole("button", { name: "搜索", exact: true }).click()
    await expect(search).toHaveAccessibleDescription("搜索词最多 30 个字")
    await shop.open(`/compound?q=${encodeURIComponent("区".repeat(200))}`)
    await expect(page.getByRole("searchbox", { name: "搜索城市或小区名" })).toHaveAccessibleDescription(
      "搜索词最多 30 个字"
    )
    await expect(page.getByRole("button", { name: /^选这个小区/ })).toHaveCount(0)
  })

  test("cancel: an order that is not this browser's, or not an order id at all, cancels nothing", async ({
    request,
  }) => {
    const base = process.env.STOREFRONT_URL!
    const stranger = await request.post(`${base}/account/orders/order_NOTMINE/cancel`, {
      form: { returnTo: "order" },
      maxRedirects: 0,
    })
    expect(stranger.status()).toBe(303)
    expect(stranger.headers().location).toMatch(/^\/account\/login/)
    const malformed = await request.post(`${base}/account/orders/${encodeURIComponent("order_1; drop")}/cancel`, {
      form: { returnTo: "order" },
      maxRedirects: 0,
    })
    expect(malformed.status()).toBe(404)
  })

  test("register and login: empty, bad email, short and too long password", async ({ page, shop }) => {
    await shop.open("/account/register")
    const name = page.getByRole("textbox", { name: "姓名或昵称" })
    const email = page.getByRole("textbox", { name: "邮箱" })
    const password = page.getByLabel("密码", { exact: true })
    const submit = page.getByRole("button", { name: "注册" })
    await submit.click()
    await expectFieldError(page, name, "请填写这一项")
    await expectFieldError(page, email, "请填写这一项")
    await expectFieldError(page, password, /请填写这一项/)

    await name.fill("张".repeat(30))
    await email.fill("not-an-email")
    await password.fill("short")
    await submit.click()
    await expectFieldError(page, name, "姓名最多 20 个字")
    await expectFieldError(page, email, "请输入正确的邮箱地址")
    await expectFieldError(page, password, /密码至少 8 位/)

    await password.fill("x".repeat(73))
    await submit.click()
    await expectFieldError(page, password, /密码最多 72 位/)

    await shop.open("/account/login")
    await page.getByRole("button", { name: "登录" }).click()
    await expectFieldError(page, page.getByRole("textbox", { name: "邮箱" }), "请填写这一项")
  })
})
