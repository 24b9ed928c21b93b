import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { resolveRegistryKeyring, type RegistryKeyOptions } from "../../../utils/crypto-keyring"

export const REGISTRY_KEYRING = "householdRegistryKeyring"

/**
 * Resolves the registry encryption key from the plugin options when the
 * module loads. In production a missing or malformed key throws, so the
 * application refuses to start rather than store registry data unprotected.
 */
export default async function registryKeyLoader({ container, options, logger }: LoaderOptions<RegistryKeyOptions>) {
  const { keyring, usingDevelopmentKey } = resolveRegistryKeyring(options ?? {})
  if (usingDevelopmentKey) {
    logger?.warn(
      "[household] LIANXIN_REGISTRY_KEY is not set: registry data is encrypted with the built-in " +
        "DEVELOPMENT-ONLY key. Never store real households' data like this; production refuses to start without a key."
    )
  }
  container.register(REGISTRY_KEYRING, asValue(keyring))
}
