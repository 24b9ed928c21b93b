import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService, generateEntityId } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type Redis from "ioredis"
import RateLimitCounter from "./models/rate-limit-counter"
import { THROTTLE_REDIS } from "./loaders/redis"

/** One attempt counted: the count in the current window (this one included) and when the window ends. */
export type Hit = { count: number; resetAt: Date }

type InjectedDependencies = { [THROTTLE_REDIS]: Redis | null }

/** INCR with the window's expiry set by the first hit; returns the count and the milliseconds left. */
const REDIS_HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`

const PREFIX = "lianxin:rl:"

/**
 * Fixed-window counters for rate limits. Every operation is atomic in the
 * store (one Lua script in Redis, one upsert in PostgreSQL), so several
 * servers count into the same windows.
 */
export default class ThrottleModuleService extends MedusaService({ RateLimitCounter }) {
  protected readonly redis_: Redis | null

  constructor(deps: InjectedDependencies) {
    // MedusaService takes the container cradle and module options positionally.
    super(...arguments)
    this.redis_ = deps[THROTTLE_REDIS] ?? null
  }

  /** Where the counters live, for logs and tests. */
  get backend(): "redis" | "postgres" {
    return this.redis_ ? "redis" : "postgres"
  }

  /** Counts one attempt on `key` in a window of `windowSeconds` that starts with the first attempt. */
  async hit(key: string, windowSeconds: number, now = new Date()): Promise<Hit> {
    if (this.redis_) {
      const [count, ttl] = (await this.redis_.eval(REDIS_HIT, 1, PREFIX + key, String(windowSeconds * 1000))) as [
        number,
        number,
      ]
      return { count: Number(count), resetAt: new Date(now.getTime() + Number(ttl)) }
    }
    return this.hitInPostgres(key, windowSeconds, now)
  }

  @InjectTransactionManager()
  protected async hitInPostgres(
    key: string,
    windowSeconds: number,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Hit> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `INSERT INTO rate_limit_counter (id, key, count, reset_at, created_at, updated_at)
       VALUES (?, ?, 1, ?::timestamptz + make_interval(secs => ?), now(), now())
       ON CONFLICT (key) WHERE deleted_at IS NULL DO UPDATE SET
         count = CASE WHEN rate_limit_counter.reset_at <= EXCLUDED.reset_at - make_interval(secs => ?) THEN 1 ELSE rate_limit_counter.count + 1 END,
         reset_at = CASE WHEN rate_limit_counter.reset_at <= EXCLUDED.reset_at - make_interval(secs => ?) THEN EXCLUDED.reset_at ELSE rate_limit_counter.reset_at END,
         updated_at = now()
       RETURNING count, reset_at`,
      [generateEntityId(undefined, "rlc"), key, now, windowSeconds, windowSeconds, windowSeconds]
    )
    return { count: Number(row.count), resetAt: new Date(row.reset_at) }
  }

  /** Takes one attempt back (a sign-in that succeeded does not count against its address). */
  async refund(key: string): Promise<void> {
    if (this.redis_) {
      await this.redis_.eval(
        "local c = redis.call('GET', KEYS[1]); if c and tonumber(c) > 0 then redis.call('DECR', KEYS[1]) end; return 1",
        1,
        PREFIX + key
      )
      return
    }
    await this.adjustInPostgres(key, "refund")
  }

  /** Forgets a key (a successful sign-in clears its account's failures). */
  async clear(key: string): Promise<void> {
    if (this.redis_) {
      await this.redis_.del(PREFIX + key)
      return
    }
    await this.adjustInPostgres(key, "clear")
  }

  @InjectTransactionManager()
  protected async adjustInPostgres(key: string, how: "refund" | "clear", @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    if (how === "clear") {
      await manager.execute(`DELETE FROM rate_limit_counter WHERE key = ?`, [key])
    } else {
      await manager.execute(
        `UPDATE rate_limit_counter SET count = GREATEST(count - 1, 0), updated_at = now() WHERE key = ? AND deleted_at IS NULL`,
        [key]
      )
    }
  }

  /** Removes windows that ended more than a day ago (a job runs it); Redis expires its keys itself. */
  @InjectTransactionManager()
  async purgeExpired(now = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<number> {
    if (this.redis_) return 0
    const manager = sharedContext.transactionManager as SqlEntityManager
    const rows = await manager.execute(
      `DELETE FROM rate_limit_counter WHERE reset_at < ?::timestamptz - interval '1 day' RETURNING id`,
      [now]
    )
    return rows.length
  }
}
