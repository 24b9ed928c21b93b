import { PARTIES, type PriceBreakdown } from "../lib/commerce"
import { formatFen } from "../lib/money"
import { useT } from "../lib/use-i18n"

const BAR: Record<(typeof PARTIES)[number], string> = {
  household: "bg-emerald-600",
  cooperative: "bg-lime-500",
  property_office: "bg-sky-500",
  platform: "bg-stone-400",
}

/** How many fen of each price go to the household, the cooperative, the property office and the platform. */
export function PriceBreakdownView({ breakdown }: { breakdown: PriceBreakdown | null }) {
  const t = useT()
  return (
    <section aria-labelledby="breakdown-title" className="mt-6 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <h2 id="breakdown-title" className="text-base font-semibold">
        {t("breakdown.title")}
      </h2>
      {!breakdown || breakdown.variants.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t("breakdown.unavailable")}</p>
      ) : (
        breakdown.variants.map((variant) => (
          <div key={variant.variantId} className="mt-3">
            {breakdown.variants.length > 1 ? (
              <h3 className="text-sm font-medium">{t("breakdown.variant", { title: variant.title })}</h3>
            ) : null}
            <p className="text-sm text-stone-700">
              {t("breakdown.intro", { version: breakdown.policyVersion, price: formatFen(variant.priceFen) })}
            </p>
            <div aria-hidden="true" className="mt-2 flex h-3 overflow-hidden rounded-full bg-stone-100">
              {PARTIES.map((party) =>
                variant.priceFen > 0 ? (
                  <span
                    key={party}
                    className={BAR[party]}
                    style={{ width: `${(variant.sharesFen[party] / variant.priceFen) * 100}%` }}
                  />
                ) : null
              )}
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              {PARTIES.map((party) => (
                <div key={party} className="flex items-center justify-between gap-2">
                  <dt className="flex items-center gap-1.5">
                    <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${BAR[party]}`} />
                    {t(`breakdown.${party}`)}
                  </dt>
                  <dd className="font-medium tabular-nums">{formatFen(variant.sharesFen[party])}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))
      )}
    </section>
  )
}
