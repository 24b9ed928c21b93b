import { asValue } from "@medusajs/framework/awilix"
import type { LoaderOptions } from "@medusajs/framework/types"
import { DEFAULT_QUIET_HOURS, type QuietHours, parseQuietHours } from "../../../utils/notify-schedule"

export const NOTIFY_CONFIG = "notifyConfig"

export type NotifyModuleOptions = { quietHours?: string; storefrontUrl?: string }

export type NotifyConfig = {
  /** Quiet hours for non-urgent email and SMS (Asia/Shanghai); null = none. */
  quiet: QuietHours
  /** Public storefront URL: links in emails. */
  storefront_url: string
}

/** Reads the plugin options (LIANXIN_QUIET_HOURS, LIANXIN_STOREFRONT_URL, validated in backend/src/config/env.ts). */
export default async function notifyConfigLoader({ container, options }: LoaderOptions<NotifyModuleOptions>) {
  const config: NotifyConfig = {
    quiet: parseQuietHours(options?.quietHours ?? process.env.LIANXIN_QUIET_HOURS ?? DEFAULT_QUIET_HOURS),
    storefront_url: (options?.storefrontUrl ?? process.env.LIANXIN_STOREFRONT_URL ?? "http://localhost:3000").replace(
      /\/$/,
      ""
    ),
  }
  container.register(NOTIFY_CONFIG, asValue(config))
}
