import { E2E } from "@lianxin/seed/e2e-fixtures"
import type { Page } from "@playwright/test"
import { markCycleArrived } from "../fixtures/office"
import { expect, orderPickup, PLACE_ORDER_TIMEOUT, Shop, storefrontUrl, test } from "../fixtures/shop"

/**
 * Issue 10, item 3: the cycle a resident chose closes while they check out (here its delivery leaves: the office
 * marks the batch arrived). The refusal comes first on the form, with focus, in the resident's language only, and the
 * next cycle is one tap away with nothing typed again; nothing is moved without that tap. Runs at compound B so the
 * batches it closes are not the ones other journeys use at compound A.
 */
const B = E2E.pickupB
const { apple, orange } = E2E.products

test.use({ viewport: { width: 390, height: 844 } })

/**
 * "12月7日 16:00–20:00" or "7 Dec 16:00–20:00" from a cycle radio's name ("… 取货 …" / "Collect … Order by …");
 * a window that crosses midnight Shanghai names both days, as formatWindow writes it: "12月7日 20:12–12月8日 00:12".
 */
async function windowOf(page: Page, cycleId: string) {
  const name = (
    await page
      .locator(`input[type=radio][value="${cycleId}"]`)
      .evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "")
  ).trim()
  const found = /^(?:Collect )?(.+?\d{2}:\d{2}–(?:[^–]*?\s)??\d{2}:\d{2})/.exec(name)
  if (!found) throw new Error(`no window in "${name}"`)
  return found[1]!
}

async function toEnglish(page: Page) {
  await page.context().addCookies([{ name: "lang", value: "en", url: storefrontUrl() }])
}

test("the chosen cycle closes during checkout: the refusal comes first, in one language, and the next cycle is one tap away", async ({
  browser,
  page,
  shop,
  checkout,
}, testInfo) => {
  test.setTimeout(240_000)

  // A neighbour, in English, orders first: the office's batch of this cycle exists from then on. (English plurals too.)
  const neighbour = await browser.newPage({ viewport: { width: 390, height: 844 } })
  const neighbourShop = new Shop(neighbour)
  await neighbourShop.chooseCompound(B.office.compoundName)
  await toEnglish(neighbour)
  await neighbourShop.open(`/products/${orange.handle}`)
  await neighbour.getByRole("form", { name: "Add to cart" }).getByRole("button", { name: "Add to cart" }).click()
  await expect(
    neighbour.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cart (1 item)" })
  ).toBeVisible()
  await neighbourShop.open("/checkout")
  const neighbourCycle = () => neighbour.getByRole("region", { name: "Pickup" }).getByRole("radio", { checked: true })
  const first = (await neighbourCycle().getAttribute("value"))!
  await neighbour.getByRole("textbox", { name: "Name" }).fill("Wang")
  await neighbour.getByRole("textbox", { name: "Mobile number" }).fill("13800138010")
  await neighbour.getByRole("button", { name: "Place order" }).click()
  await expect(neighbour.getByRole("heading", { level: 1, name: "Order placed" })).toBeVisible({
    timeout: PLACE_ORDER_TIMEOUT,
  })
  await expect(neighbour.getByText(/This order sends ¥\d+\.\d{2} to 1 household\./)).toBeVisible()

  // The resident (Chinese) gets as far as the checkout form, the same cycle preselected.
  await shop.chooseCompound(B.office.compoundName)
  await shop.open(`/products/${apple.handle}`)
  await shop.addedToCart(1)
  await shop.open("/checkout")
  await expect(checkout.chosenCycle()).toHaveAttribute("value", first)
  const firstWindow = await windowOf(page, first)
  const second = (await checkout.cycles().nth(1).getAttribute("value"))!
  const secondWindow = await windowOf(page, second)
  await checkout.fill("钱阿姨", "139 0013 9010")

  // Meanwhile the delivery of that cycle leaves for the point.
  await markCycleArrived(page.request, B.staff, first)
  await checkout.submit().click()

  const refusal = checkout.refusal()
  await expect(refusal.getByRole("heading", { name: "这一期的货已经发往自提点了" })).toBeVisible({
    timeout: PLACE_ORDER_TIMEOUT,
  })
  await expect(refusal).toBeFocused()
  await expect(refusal).toBeInViewport()
  // At the top of the form, above the first field.
  expect((await refusal.boundingBox())!.y).toBeLessThan((await checkout.name().boundingBox())!.y)
  await expect(refusal).toContainText(`你选的${firstWindow} 取货的这一期已经不能再加单。`)
  await expect(refusal).toContainText("订单没有提交，也没有扣款；你填写的信息都还在。")
  // Chinese only: no English word, not even the backend's gloss.
  expect((await refusal.textContent()) ?? "").not.toMatch(/[A-Za-z]/)
  await expect(checkout.switchToNext()).toHaveText(`改为下一期：${secondWindow} 取货`)
  // Nothing moved: no cycle is chosen for the resident, what they typed is still there.
  await expect(checkout.pickup().getByRole("radio", { checked: true })).toHaveCount(0)
  await expect(checkout.cycles().and(page.locator(`[value="${first}"]`))).toHaveCount(0)
  await expect(checkout.name()).toHaveValue("钱阿姨")
  await expect(checkout.mobile()).toHaveValue("139 0013 9010")
  await shop.screenshot(testInfo, "refused")
  await shop.expectAccessible()

  await checkout.switchToNext().click()
  await expect(page.getByRole("heading", { level: 1, name: "下单成功" })).toBeVisible({ timeout: PLACE_ORDER_TIMEOUT })
  await expect(orderPickup(page).getByText(secondWindow)).toBeVisible()

  // The neighbour, in English, comes back for more: the closed cycle is no longer preselected, the next one is.
  await neighbourShop.open(`/products/${apple.handle}`)
  await neighbour.getByRole("form", { name: "Add to cart" }).getByRole("button", { name: "Add to cart" }).click()
  await expect(neighbour.getByRole("status")).toContainText("Added to the cart")
  await neighbourShop.open("/checkout")
  await expect(neighbourCycle()).toHaveAttribute("value", second)
  await neighbour.getByRole("textbox", { name: "Name" }).fill("Wang")
  await neighbour.getByRole("textbox", { name: "Mobile number" }).fill("13800138010")
  // That cycle's delivery leaves too (the resident's order made its batch).
  await markCycleArrived(page.request, B.staff, second)
  await neighbour.getByRole("button", { name: "Place order" }).click()
  const english = neighbour.getByRole("alert").filter({ has: neighbour.getByRole("heading") })
  await expect(english.getByRole("heading", { name: "This round's delivery has already left" })).toBeVisible({
    timeout: PLACE_ORDER_TIMEOUT,
  })
  await expect(english).toBeFocused()
  // English only: no Chinese character, not even the backend's own sentence.
  expect((await english.textContent()) ?? "").not.toMatch(/[\u3400-\u9fff]/)
  await expect(
    english.getByRole("button", { name: /^Switch to the next round: collect .*\d{2}:\d{2}–(?:.*\s)?\d{2}:\d{2}$/ })
  ).toBeVisible()
  await neighbour.close()
})
