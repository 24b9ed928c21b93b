import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { createHash } from "node:crypto"
import { derivePickupKeys, parsePickupMasterKey } from "../../../utils/pickup-code"

export const PICKUP_KEYS = "pickupKeys"

export type PickupModuleOptions = { pickupKey?: string; production?: boolean }

/**
 * The server key that hashes pickup codes and signs QR tokens: the plugin's
 * `pickupKey` option or LIANXIN_PICKUP_KEY. Production refuses to start
 * without one; elsewhere a fixed development key is used, loudly.
 */
export default async function pickupKeysLoader({ container, options, logger }: LoaderOptions<PickupModuleOptions>) {
  const configured = options?.pickupKey ?? process.env.LIANXIN_PICKUP_KEY
  const production = options?.production ?? process.env.NODE_ENV === "production"
  let master: Buffer
  if (configured) {
    master = parsePickupMasterKey(configured)
  } else if (production) {
    throw new Error(
      "[pickup] LIANXIN_PICKUP_KEY is required in production: pickup codes are stored as HMACs under it (openssl rand -base64 32)"
    )
  } else {
    logger?.warn("[pickup] LIANXIN_PICKUP_KEY is not set: pickup codes use the DEVELOPMENT-ONLY key.")
    master = createHash("sha256").update("lianxin-pickup-development-key").digest()
  }
  container.register(PICKUP_KEYS, asValue(derivePickupKeys(master)))
}
