import { formatFen } from "../../lib/money"
import { orderStatusKey } from "../../lib/office/format"
import { useT } from "../../lib/use-i18n"
import { DataTable } from "./data-table"
import type { HarvestRow, PickupRow } from "../../lib/server/office/pickups.server"

/**
 * Who picks this row: the cooperative's name, then each household as public
 * code + display name (YN-LC-001 李家). The ids are shown only when no name
 * could be read (small and muted).
 */
function Producer({ row }: { row: HarvestRow }) {
  const codes = row.householdCodes.split(" ").filter(Boolean)
  const names = row.householdNames.split("、")
  const households = codes.map((code, i) => (names[i] ? `${code} ${names[i]}` : code)).join("、")
  if (!households && !row.cooperativeName) {
    return <span className="text-xs text-stone-500">{row.householdIds || row.cooperativeId || row.producer}</span>
  }
  return (
    <>
      {row.cooperativeName ? <span className="font-semibold">{row.cooperativeName}</span> : null}
      {row.cooperativeName && households ? <br /> : null}
      {households ? <span>{households}</span> : null}
    </>
  )
}

/** The pickup list (by bag) and the harvest list (by household), as on screen and on paper. */
export function ManifestTables({
  pickup,
  harvest,
  signature = false,
}: {
  pickup: PickupRow[]
  harvest: HarvestRow[]
  signature?: boolean
}) {
  const t = useT()
  return (
    <>
      {pickup.length ? (
        <section aria-labelledby="pickup-list-title">
          <h2 id="pickup-list-title" className="mb-2 font-semibold">
            {t("office.batch.pickupList")}
          </h2>
          <DataTable
            columns={[
              { label: t("office.col.bag") },
              { label: t("office.col.resident") },
              { label: t("office.col.phone") },
              { label: t("office.col.items") },
              { label: t("office.col.harvestBatch") },
              { label: t("office.col.amount"), align: "right" },
              { label: t("office.col.status") },
              ...(signature ? [{ label: t("office.col.signature"), className: "w-24" }] : []),
            ]}
          >
            {pickup.map((row) => (
              <tr key={row.orderId} className="border-b border-stone-200 align-top">
                <td className="p-2 font-semibold">{row.bag}</td>
                <td className="p-2">{row.resident}</td>
                <td className="p-2">{row.phoneLast4}</td>
                <td className="p-2">{row.items}</td>
                <td className="whitespace-pre-line p-2 text-xs">
                  {row.harvestBatches.split("；").filter(Boolean).join("\n")}
                </td>
                <td className="p-2 text-right">{formatFen(row.amountFen)}</td>
                <td className="p-2">{t(orderStatusKey(row.status))}</td>
                {signature ? <td className="p-2" /> : null}
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      {harvest.length ? (
        <section aria-labelledby="harvest-list-title">
          <h2 id="harvest-list-title" className="mb-2 font-semibold">
            {t("office.batch.harvestList")}
          </h2>
          <DataTable
            columns={[
              { label: t("office.col.household") },
              { label: t("office.col.product") },
              { label: t("office.col.quantity"), align: "right" },
            ]}
          >
            {harvest.map((row) => (
              <tr key={`${row.producer}-${row.variantId}`} className="border-b border-stone-200">
                <td className="p-2">
                  <Producer row={row} />
                </td>
                <td className="p-2">{row.title}</td>
                <td className="p-2 text-right">{row.quantity}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      {!pickup.length && !harvest.length ? <p className="text-stone-600">{t("office.batch.empty")}</p> : null}
    </>
  )
}
