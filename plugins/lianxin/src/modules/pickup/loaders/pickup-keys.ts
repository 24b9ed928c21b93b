import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { createHash } from "node:crypto"
import { createPickupKeyring, parsePickupMasterKey } from "../../../utils/pickup-code"

export const PICKUP_KEYS = "pickupKeys"

export type PickupModuleOptions = {
  pickupKey?: string
  /** Id of the current key, written into sealed codes (LIANXIN_PICKUP_KEY_ID, default "v1"). */
  pickupKeyId?: string
  /** Retired keys by id (LIANXIN_PICKUP_KEY_PREVIOUS): they still verify and open what they wrote. */
  previousPickupKeys?: Record<string, string>
  production?: boolean
}

/**
 * The server key that hashes pickup codes and signs QR tokens: the plugin's
 * `pickupKey` option or LIANXIN_PICKUP_KEY, with its id and any previous keys
 * kept for reading during a rotation (decision 016). Production refuses to start
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
  const previous: Record<string, Buffer> = {}
  for (const [id, key] of Object.entries(options?.previousPickupKeys ?? {})) {
    try {
      previous[id] = parsePickupMasterKey(key)
    } catch {
      throw new Error(`[pickup] previous pickup key "${id}" must be 32 bytes as base64 or 64 hex digits`)
    }
  }
  container.register(PICKUP_KEYS, asValue(createPickupKeyring({ id: options?.pickupKeyId ?? "v1", master }, previous)))
}
