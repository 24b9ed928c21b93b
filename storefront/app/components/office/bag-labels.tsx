import { useT } from "../../lib/use-i18n"
import type { PickupRow } from "../../lib/server/office/pickups.server"

/**
 * 袋签: one label per bag to cut out and tape on — bag number, masked
 * resident, last four phone digits, items, and the harvest batch and 合格证
 * of each traced line (decision 023).
 */
export function BagLabels({ rows }: { rows: PickupRow[] }) {
  const t = useT()
  if (!rows.length) return null
  return (
    <section aria-labelledby="bag-labels-title" className="break-before-page">
      <h2 id="bag-labels-title" className="mb-2 font-semibold">
        {t("office.print.labelsTitle")}
      </h2>
      <ul className="grid grid-cols-2 gap-2">
        {rows.map((row) => (
          <li
            key={row.orderId}
            aria-label={t("office.print.bag", { bag: row.bag })}
            className="break-inside-avoid rounded border border-dashed border-stone-500 p-2 text-sm"
          >
            <p className="text-lg font-bold">{t("office.print.bag", { bag: row.bag })}</p>
            <p>
              {row.resident} · {row.phoneLast4}
            </p>
            <p className="text-xs">{row.items}</p>
            {row.harvestBatches ? (
              <p className="mt-1 whitespace-pre-line text-xs">
                {row.harvestBatches.split("；").filter(Boolean).join("\n")}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
