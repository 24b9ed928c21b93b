import { BagLabels } from "../../components/office/bag-labels"
import { ManifestTables } from "../../components/office/manifest-tables"
import { OfficeShell } from "../../components/office/office-shell"
import { officeTranslator } from "../../lib/office/i18n"
import { shanghaiDateTime } from "../../lib/office/format"
import { routeHeaders } from "../../lib/route-headers"
import { officeDeps } from "../../lib/server/office/context.server"
import { printLoader } from "../../lib/server/office/pickups.server"
import { langFromMatches, useLang, useT } from "../../lib/use-i18n"
import type { Route } from "./+types/print"

export const meta: Route.MetaFunction = ({ matches, data }) => {
  const t = officeTranslator(langFromMatches(matches))
  return [
    {
      title: `${t(data?.kind === "harvest" ? "office.print.harvestTitle" : "office.print.pickupTitle")} · ${t("office.name")}`,
    },
  ]
}

export async function loader({ request, params }: Route.LoaderArgs) {
  return printLoader(officeDeps(), request, params.id)
}

export const headers: Route.HeadersFunction = routeHeaders

/** A4 on paper: the site's banner, navigation and footer are not printed, only the list. */
const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
@media print {
  body > div > header, body > div > footer, body > div > a, nav, .print-hidden { display: none !important; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none !important; padding: 0 !important; }
  table { page-break-inside: auto; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
}
`

/** Outside the portal's layout (no navigation on paper): the portal's shell, whose banner the print CSS hides. */
export default function PrintRoute(props: Route.ComponentProps) {
  return (
    <OfficeShell>
      <PrintPage {...props} />
    </OfficeShell>
  )
}

function PrintPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const lang = useLang()
  const { kind, point, pickup, harvest, printedAt, batch } = loaderData
  return (
    <article aria-labelledby="print-title" className="space-y-4 bg-white p-2">
      <style>{PRINT_CSS}</style>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="print-title" className="text-xl font-bold">
          {point.compoundName} · {t(kind === "harvest" ? "office.print.harvestTitle" : "office.print.pickupTitle")}
        </h1>
        <p className="text-xs text-stone-600">
          {batch.id} · {t("office.print.generated", { time: shanghaiDateTime(printedAt, lang) })}
        </p>
      </header>
      <p className="print-hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="min-h-12 rounded-xl bg-emerald-700 px-5 font-medium text-white hover:bg-emerald-800"
        >
          {t("office.print.printNow")}
        </button>
      </p>
      <ManifestTables pickup={pickup} harvest={harvest} signature={kind === "pickup"} />
      {kind === "pickup" ? <BagLabels rows={pickup} /> : null}
    </article>
  )
}
