/**
 * Names the seed creates and other packages look things up by. No Medusa
 * imports here, so tests can read them without loading the framework.
 */
export const STORE_NAME = "连心市集"
export const SALES_CHANNEL_NAME = "连心市集线上商城"
export const REGION_NAME = "中国大陆"
export const CURRENCY_CODE = "cny"
export const PUBLISHABLE_KEY_TITLE = "连心市集店面"
export const SEED_MARKER = "lianxin_seed"

/** The one shipping option until per-pickup-point options replace it. */
export const PICKUP_SHIPPING_OPTION_NAME = "到小区物业自提"
/** Medusa's built-in manual fulfillment provider. */
export const MANUAL_FULFILLMENT_PROVIDER_ID = "manual_manual"
/** Medusa's built-in tax provider (rates from the tax region, no external service). */
export const TAX_PROVIDER_ID = "tp_system"
