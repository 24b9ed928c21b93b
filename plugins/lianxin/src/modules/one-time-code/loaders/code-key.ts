import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { hkdfSync } from "node:crypto"

export const ONE_TIME_CODE_KEY = "oneTimeCodeKey"

export type OneTimeCodeModuleOptions = { jwtSecret?: string; production?: boolean }

/**
 * The key of the code and contact HMACs, derived from JWT_SECRET (required in
 * production, 16+ characters): a second secret to manage would protect
 * nothing more, since whoever holds JWT_SECRET can sign tokens anyway.
 * Changing it invalidates codes in flight (ten minutes at most).
 */
export default async function oneTimeCodeKeyLoader({
  container,
  options,
  logger,
}: LoaderOptions<OneTimeCodeModuleOptions>) {
  const secret = options?.jwtSecret ?? process.env.JWT_SECRET
  const production = options?.production ?? process.env.NODE_ENV === "production"
  if (!secret && production) {
    throw new Error(
      "[one-time-code] JWT_SECRET is required in production: one-time codes are kept as HMACs under a key derived from it"
    )
  }
  if (!secret) logger?.warn("[one-time-code] JWT_SECRET is not set: one-time codes use the DEVELOPMENT-ONLY key.")
  const key = Buffer.from(
    hkdfSync("sha256", secret ?? "lianxin-dev-secret-not-for-production", "lianxin", "one-time-code v1", 32)
  )
  container.register(ONE_TIME_CODE_KEY, asValue(key))
}
