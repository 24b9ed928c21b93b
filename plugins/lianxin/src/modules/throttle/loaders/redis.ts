import type { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import Redis from "ioredis"

export const THROTTLE_REDIS = "throttleRedis"

export type ThrottleModuleOptions = { redisUrl?: string }

/**
 * With REDIS_URL (the plugin's `redisUrl` option) the counters live in Redis,
 * shared by every server; without it, in PostgreSQL. Never in process memory.
 */
export default async function throttleRedisLoader({
  container,
  options,
  logger,
}: LoaderOptions<ThrottleModuleOptions>) {
  const url = options?.redisUrl
  if (!url) {
    container.register(THROTTLE_REDIS, asValue(null))
    return
  }
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true })
  client.on("error", (error) => logger?.warn(`[throttle] Redis: ${error.message}`))
  container.register(THROTTLE_REDIS, asValue(client))
}
