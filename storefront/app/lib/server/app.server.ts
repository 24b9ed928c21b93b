import type { Sessions } from "./http.server"
import { getStoreClient } from "./medusa.server"
import { createNotifyApi, type NotifyApi } from "./notify.server"
import { createPickupApi, type PickupApi } from "./pickup.server"
import { commitSession, getSession } from "./session.server"

/** The process-wide wiring the route modules use; loaders and actions take these as arguments. */
export const appSessions: Sessions = { get: getSession, commit: commitSession }

let pickup: PickupApi | undefined
export function getPickupApi(): PickupApi {
  pickup ??= createPickupApi(getStoreClient())
  return pickup
}

let notify: NotifyApi | undefined
export function getNotifyApi(): NotifyApi {
  notify ??= createNotifyApi(getStoreClient())
  return notify
}
