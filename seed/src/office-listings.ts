import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import type { BaseSetup } from "./base"
import { shanghaiAt, shanghaiDay } from "./clock"
import { uploadEmojiImages } from "./images"
import type { PickupSetup } from "./fulfillment"
import { listingHandle, type OfficeListingSeed } from "./data/listings"
import { runWorkflow } from "./producers"

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/** A picture of the certificate as a household's paper 合格证 reads (the office photographs it when listing). */
export function certificateSvg(l: OfficeListingSeed, producer: string, harvestedOn: string): string {
  const rows: Array<[string, string]> = [
    ["编号", l.harvest.certificateNo],
    ["食用农产品名称", l.title],
    ["数量（重量）", `${l.harvest.quantity} ${l.harvest.unit}`],
    ["生产者", producer],
    ["开具日期", harvestedOn],
  ]
  const lines = rows
    .map(
      ([k, v], i) =>
        `<text x="40" y="${150 + i * 52}" font-size="24" fill="#333">${escapeXml(k)}：<tspan font-weight="bold">${escapeXml(v)}</tspan></text>`
    )
    .join("")
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="460" viewBox="0 0 640 460">
<rect width="640" height="460" fill="#fffdf5" stroke="#2e7d32" stroke-width="6"/>
<text x="320" y="70" font-size="30" text-anchor="middle" font-weight="bold" fill="#2e7d32">食用农产品承诺达标合格证</text>
<text x="320" y="105" font-size="18" text-anchor="middle" fill="#666">我承诺对生产销售的食用农产品：不使用禁用农药兽药 · 常规农药兽药残留不超标</text>
${lines}
<text x="600" y="430" font-size="16" text-anchor="end" fill="#999">连心市集演示数据</text>
</svg>`
}

/** Lists and approves each seed once (the listing's idempotency key is `demo-listing-<handle>`). */
export async function ensureOfficeListings(
  container: MedusaContainer,
  base: BaseSetup,
  pickup: Pick<PickupSetup, "shippingProfileId" | "stockLocationId">,
  listings: OfficeListingSeed[],
  adminEmail: string,
  now: Date = new Date()
): Promise<number> {
  if (listings.length === 0) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const keys = listings.map((l) => `demo-listing-${listingHandle(l)}`)
  const { data: existing } = await query.graph({
    entity: "listing",
    fields: ["idempotency_key"],
    filters: { idempotency_key: keys },
  })
  const done = new Set(existing.map((l: { idempotency_key: string }) => l.idempotency_key))
  const todo = listings.filter((_, i) => !done.has(keys[i]))
  if (todo.length === 0) return 0

  const [admin] = await container.resolve(Modules.USER).listUsers({ email: adminEmail }, { take: 1 })
  if (!admin) throw new Error(`seed: office listings need the admin user ${adminEmail}`)
  const images = await uploadEmojiImages(
    container,
    todo.map((l) => l.emoji)
  )
  for (const l of todo) {
    const handle = listingHandle(l)
    const { data: offices } = await query.graph({
      entity: "property_office",
      fields: ["id"],
      filters: { compound_name: l.compound },
    })
    const officeId = offices[0]?.id as string | undefined
    if (!officeId) throw new Error(`seed: no property office for ${l.compound}`)
    const { data: staffLinks } = await query.graph({
      entity: "pickup_staff_point",
      fields: ["staff_id", "point.office_id"],
      filters: {},
    })
    const staffId = staffLinks.find((s: any) => s.point?.office_id === officeId)?.staff_id as string | undefined
    if (!staffId) throw new Error(`seed: no staff at ${l.compound}`)
    const { data: households } = await query.graph({
      entity: "household",
      fields: ["id", "display_name"],
      filters: { code: l.householdCode },
    })
    const household = households[0] as { id: string; display_name: string } | undefined
    if (!household) throw new Error(`seed: no household ${l.householdCode}`)
    const { data: categories } = await query.graph({
      entity: "product_category",
      fields: ["id"],
      filters: { handle: l.category },
    })
    const categoryId = categories[0]?.id as string | undefined
    if (!categoryId) throw new Error(`seed: no category ${l.category}`)

    const harvestedOn = shanghaiDay(shanghaiAt(now, -l.harvest.daysAgo, "08:00"))
    const [certificate] = (
      await uploadFilesWorkflow(container).run({
        input: {
          files: [
            {
              filename: `certificates/${l.harvest.certificateNo}.svg`,
              mimeType: "image/svg+xml",
              content: Buffer.from(certificateSvg(l, household.display_name, harvestedOn)).toString("base64"),
              access: "public" as const,
            },
          ],
        },
      })
    ).result
    const created = await runWorkflow<{ listing_id: string; product_id: string }>(container, "create-office-listing", {
      staff_id: staffId,
      property_office_id: officeId,
      idempotency_key: `demo-listing-${handle}`,
      household_id: household.id,
      title: l.title,
      description: l.description,
      category_id: categoryId,
      price_fen: l.priceFen,
      unit_label: l.unitLabel,
      stock: l.stock,
      perishability: l.perishability,
      image_urls: [images.get(l.emoji)!],
      harvest: {
        harvested_on: harvestedOn,
        quantity: l.harvest.quantity,
        quantity_unit: l.harvest.unit,
        certificate_no: l.harvest.certificateNo,
        certificate_photo_url: certificate.url,
      },
      sales_channel_id: base.salesChannelId,
      shipping_profile_id: pickup.shippingProfileId,
      stock_location_id: pickup.stockLocationId,
      currency_code: "cny",
    })
    await runWorkflow(container, "review-listing", {
      listing_id: created.listing_id,
      decision: "approve",
      reviewed_by: admin.id,
    })
  }
  return todo.length
}
