import { data, Outlet } from "react-router"
import { GeneralErrorBoundary } from "../../components/error-boundary"
import { OfficeNav } from "../../components/office/office-nav"
import { OfficeShell } from "../../components/office/office-shell"
import { StaffMessages } from "../../components/office/staff-messages"
import { OFFICE_HEADERS, officeDeps } from "../../lib/server/office/context.server"
import { staffUnread } from "../../lib/server/office/messages.server"
import { officeSessions } from "../../lib/server/office/session.server"
import type { Route } from "./+types/layout"

/**
 * Who is signed in, from the office cookie; each page's loader checks the
 * session for real. One backend call: the staff member's unread messages for
 * the top of the page (none shown when it fails).
 */
export async function loader({ request }: Route.LoaderArgs) {
  const session = await officeSessions.get(request)
  const points = session.get("points") ?? []
  const point = points.find((p) => p.id === session.get("pointId"))
  const inbox = await staffUnread(officeDeps(), request)
  return data(
    {
      staffName: session.get("staff")?.name ?? "",
      pointName: point ? `${point.compoundName}` : "",
      canSwitch: points.length > 1,
      inbox,
    },
    { headers: OFFICE_HEADERS }
  )
}

/** The portal's shell (not the shop's: the root renders none on /office) with its own navigation. */
export default function OfficeLayout({ loaderData }: Route.ComponentProps) {
  return (
    <OfficeShell>
      <div className="mx-auto max-w-3xl">
        {loaderData.staffName ? (
          <OfficeNav
            staffName={loaderData.staffName}
            pointName={loaderData.pointName}
            canSwitch={loaderData.canSwitch}
          />
        ) : null}
        {loaderData.staffName ? (
          <StaffMessages messages={loaderData.inbox.messages} unread={loaderData.inbox.unread} />
        ) : null}
        <Outlet />
      </div>
    </OfficeShell>
  )
}

/** A failing office page (a batch of another point: 404) stays inside the portal's shell, in the portal's language. */
export function ErrorBoundary() {
  return (
    <OfficeShell>
      <div className="mx-auto max-w-3xl">
        <GeneralErrorBoundary />
      </div>
    </OfficeShell>
  )
}
