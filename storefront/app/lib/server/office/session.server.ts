import type { Session, SessionStorage } from "react-router"
import { getEnv } from "../env.server"
import { createSealedCookieSessionStorage } from "../sealed-cookie.server"
import { readSecret } from "../session.server"

/**
 * The office session: its own encrypted, HttpOnly cookie, separate from the
 * resident's (a counter laptop may also be someone's shopping browser). It
 * holds the pickup_staff JWT, who signed in, their points and the one chosen,
 * and lasts one working day.
 */
export type OfficePoint = { id: string; code: string; name: string; compoundName: string }
export type OfficeSessionData = {
  token: string
  staff: { id: string; name: string; email: string }
  points: OfficePoint[]
  pointId: string
}
/** Shown once on the next page (post → redirect → get): the outcome of a check-in. */
export type OfficeFlashData = {
  checkIn: {
    batchId: string
    readyCount: number
    shortages: Array<{ orderId: string; lineItemId: string; shortQuantity: number; refundFen: number }>
  }
}
export type OfficeSession = Session<OfficeSessionData, OfficeFlashData>

export const OFFICE_COOKIE = "lx_office"
export const OFFICE_SESSION_SECONDS = 12 * 60 * 60

export type OfficeSessions = {
  get(request: Request): Promise<OfficeSession>
  commit(request: Request, session: OfficeSession): Promise<string>
  destroy(request: Request, session: OfficeSession): Promise<string>
}

export function createOfficeStorage(
  secret: string,
  secure: boolean
): SessionStorage<OfficeSessionData, OfficeFlashData> {
  return createSealedCookieSessionStorage<OfficeSessionData, OfficeFlashData>({
    name: OFFICE_COOKIE,
    secrets: [secret],
    secure,
    maxAge: OFFICE_SESSION_SECONDS,
  })
}

export function officeSessionsFrom(
  storage: (request: Request) => SessionStorage<OfficeSessionData, OfficeFlashData>
): OfficeSessions {
  return {
    get: (request) => storage(request).getSession(request.headers.get("Cookie")),
    commit: (request, session) => storage(request).commitSession(session),
    destroy: (request, session) => storage(request).destroySession(session),
  }
}

const storages = new Map<boolean, SessionStorage<OfficeSessionData, OfficeFlashData>>()

export const officeSessions: OfficeSessions = officeSessionsFrom((request) => {
  const secure = new URL(request.url).protocol === "https:"
  let storage = storages.get(secure)
  if (!storage) {
    // The same secret as the resident session; the cookie name keeps the two apart.
    storage = createOfficeStorage(readSecret(getEnv().sessionSecret), secure)
    storages.set(secure, storage)
  }
  return storage
})
