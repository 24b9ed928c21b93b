import { E2E } from "@lianxin/seed/e2e-fixtures"
import { expect, expectFieldError, formatFen, orderPickup, PLACE_ORDER_TIMEOUT, test } from "../fixtures/shop"

/**
 * Issue 18 (decision 024): before the cutoff a resident changes a quantity on the order page, on a phone. The new
 * total shows as they tap; saving edits the order and the page shows the new lines and amount due.
 */
const { apple } = E2E.products
const office = E2E.pickup.office

test.use({ viewport: { width: 390, height: 844 } })

test("on a phone, the order page's 修改订单 form raises a quantity before the cutoff and the order follows", async ({
  page,
  shop,
  checkout,
}, testInfo) => {
  await shop.chooseCompound(office.compoundName)
  await shop.open(`/products/${apple.handle}`)
  await shop.addedToCart(1)
  await shop.open("/cart")
  await page.getByRole("link", { name: "去结算" }).click()
  await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
  await checkout.fill("周阿姨", "13600136000")
  await checkout.submit().click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(orderPickup(page).getByText(`到物业取货时付款 ${formatFen(apple.priceFen)}`)).toBeVisible()

  const form = page.getByRole("region", { name: "修改订单" })
  await expect(form.getByText(/可修改至 \d{1,2}月\d{1,2}日/)).toBeVisible()
  const more = form.getByRole("button", { name: new RegExp(`^增加 ${apple.title}`) })
  await expect(more)
    .toBeInViewport({ ratio: 1 })
    .catch(() => more.scrollIntoViewIfNeeded())
  await more.click()
  await more.click()
  const quantity = form.getByRole("spinbutton", { name: new RegExp(`^${apple.title}.*的数量$`) })
  await expect(quantity).toHaveValue("3")
  await expect(form.getByText(`修改后合计 ${formatFen(3 * apple.priceFen)}`)).toBeVisible()
  // Bad input is said at the field, and nothing is sent.
  await quantity.fill("100")
  await form.getByRole("button", { name: "保存修改" }).click()
  await expectFieldError(page, quantity, "每件商品最多买 99 份")
  await expect(orderPickup(page).getByText(`到物业取货时付款 ${formatFen(apple.priceFen)}`)).toBeVisible()
  await quantity.fill("3")
  await expect(quantity).not.toHaveAttribute("aria-invalid", "true")
  await shop.screenshot(testInfo, "order-edit-phone")
  await form.getByRole("button", { name: "保存修改" }).click()

  await expect(page.getByRole("status")).toContainText("订单已修改。")
  await expect(orderPickup(page).getByText(`到物业取货时付款 ${formatFen(3 * apple.priceFen)}`)).toBeVisible()
  await expect(page.getByRole("region", { name: "修改订单" }).getByRole("spinbutton")).toHaveValue("3")
  await shop.expectAccessible()
})

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false })

  test("the 修改订单 form is a plain form post: a new quantity is saved, removing the only line is refused", async ({
    page,
    shop,
    checkout,
  }) => {
    await shop.chooseCompound(office.compoundName)
    await shop.open(`/products/${apple.handle}`)
    await shop.addToCart(1)
    await expect(page.getByRole("status")).toContainText("已加入购物车")
    await shop.open("/cart")
    await page.getByRole("link", { name: "去结算" }).click()
    await expect(page.getByRole("heading", { level: 1, name: "结算" })).toBeVisible()
    await checkout.fill("钱大爷", "13500135000")
    await checkout.submit().click()
    await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({
      timeout: PLACE_ORDER_TIMEOUT,
    })

    const form = page.getByRole("region", { name: "修改订单" })
    await form.getByRole("spinbutton").fill("2")
    await form.getByRole("button", { name: "保存修改" }).click()
    await expect(page.getByRole("status")).toContainText("订单已修改。")
    await expect(orderPickup(page).getByText(`到物业取货时付款 ${formatFen(2 * apple.priceFen)}`)).toBeVisible()

    await page
      .getByRole("region", { name: "修改订单" })
      .getByRole("button", { name: new RegExp(`^删除 ${apple.title}`) })
      .click()
    await expect(page.getByRole("status")).toContainText("不能删除全部商品")
    await expect(orderPickup(page).getByText(`到物业取货时付款 ${formatFen(2 * apple.priceFen)}`)).toBeVisible()
  })
})
