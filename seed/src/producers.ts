import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Catalog } from "./data/types"

/**
 * Runs one of the plugin's workflows by its id, through the workflow engine
 * like any other consumer of the product (the seed has no build-time
 * dependency on the plugin's types).
 */
export async function runWorkflow<T = any>(container: MedusaContainer, id: string, input: unknown): Promise<T> {
  // Workflows register themselves when their module is first loaded; `medusa
  // exec` does not load plugin workflows by itself.
  require("@lianxin/plugin/workflows")
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result, errors } = (await engine.run(id, { input, throwOnError: false })) as {
    result: T
    errors?: Array<{ error: { message: string } }>
  }
  if (errors?.length) {
    throw new Error(`workflow ${id} failed: ${errors.map((e) => e.error.message).join("; ")}`)
  }
  return result
}

export type ProducerRefs = { householdIds: Map<string, string>; villageIds: Map<string, string> }

/**
 * Villages, cooperatives and households in the households module, each
 * household's recorded consent to a public profile (the demo's people are
 * invented; the record says so), and every product attributed to its
 * producer: a cooperative member's products to the cooperative buying from
 * that household. Creates only what is missing.
 */
export async function ensureProducers(container: MedusaContainer, catalog: Catalog): Promise<ProducerRefs> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const byCode = async (entity: string, field: string, values: string[]) => {
    const { data } = await query.graph({ entity, fields: ["id", field], filters: { [field]: values } })
    return new Map<string, string>(data.map((r) => [r[field], r.id]))
  }

  const villageIds = await byCode(
    "village",
    "code",
    catalog.villages.map((v) => v.codePrefix)
  )
  const newVillages = catalog.villages.filter((v) => !villageIds.has(v.codePrefix))
  if (newVillages.length) {
    const created = await runWorkflow<Array<{ id: string; code: string }>>(container, "create-villages", {
      villages: newVillages.map((v) => ({
        code: v.codePrefix,
        name: v.name,
        township: v.township,
        county: v.county,
        province: v.province,
        metadata: { prefecture: v.prefecture, note: v.note },
      })),
    })
    for (const v of created) villageIds.set(v.code, v.id)
  }

  const coopNames = catalog.villages.filter((v) => v.cooperative).map((v) => v.cooperative!)
  const coopIds = await byCode("cooperative", "name", coopNames)
  const newCoops = catalog.villages.filter((v) => v.cooperative && !coopIds.has(v.cooperative))
  if (newCoops.length) {
    const created = await runWorkflow<Array<{ id: string; name: string }>>(container, "create-cooperatives", {
      cooperatives: newCoops.map((v) => ({ name: v.cooperative!, village_id: villageIds.get(v.codePrefix)! })),
    })
    for (const c of created) coopIds.set(c.name, c.id)
  }
  const coopOfHousehold = (code: string) => {
    const h = catalog.households.find((x) => x.code === code)!
    const v = catalog.villages.find((x) => x.codePrefix === h.villageCodePrefix)!
    return h.cooperativeMember && v.cooperative ? coopIds.get(v.cooperative)! : null
  }

  const householdIds = await byCode(
    "household",
    "code",
    catalog.households.map((h) => h.code)
  )
  const newHouseholds = catalog.households.filter((h) => !householdIds.has(h.code))
  if (newHouseholds.length) {
    const created = await runWorkflow<Array<{ id: string; code: string }>>(container, "create-households", {
      households: newHouseholds.map((h) => ({
        code: h.code,
        display_name: h.displayName,
        story: h.story,
        village_id: villageIds.get(h.villageCodePrefix)!,
        cooperative_id: coopOfHousehold(h.code),
      })),
    })
    for (const h of created) {
      householdIds.set(h.code, h.id)
      await runWorkflow(container, "record-consent", {
        household_id: h.id,
        kind: "public_profile",
        granted: true,
        method: "演示数据",
        note: "演示用的虚构农户：同意记录由种子数据写入，不代表真实的人。",
        recorded_by: "seed",
      })
    }
  }

  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "attribution.id"],
    filters: { handle: catalog.products.map((p) => p.handle) },
  })
  for (const product of products) {
    if (product.attribution?.id) continue
    const seedProduct = catalog.products.find((p) => p.handle === product.handle)!
    await runWorkflow(container, "attribute-product", {
      product_id: product.id,
      cooperative_id: coopOfHousehold(seedProduct.householdCode),
      shares: [{ household_id: householdIds.get(seedProduct.householdCode)!, share_bp: 10000 }],
    })
  }
  return { householdIds, villageIds }
}
