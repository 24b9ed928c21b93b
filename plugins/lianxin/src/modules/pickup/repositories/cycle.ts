import type { Context } from "@medusajs/framework/types"
import { placeholders } from "../../../utils/sql"
import type { CyclesAtPointInput, PlannedCycle } from "../types"
import { cyclesAtPointWith } from "../utils/cycles-at-point"
import { PickupSqlRepository } from "../utils/sql-repository"

/** Order cycles: reads per point, and the keyed cycles the planner creates. */
export class CycleRepository extends PickupSqlRepository {
  async cyclesAtPoint(input: CyclesAtPointInput, context: Context = {}) {
    return cyclesAtPointWith(this.sql(context), input)
  }

  /**
   * The planned cycles whose `metadata.key` does not exist yet. Takes a
   * transaction-level advisory lock first, so callers at once (the start-up
   * job, the hourly job, the seed, another worker) run one after the other
   * and a key is never created twice: call it inside the creating transaction.
   */
  async missingKeyed(planned: PlannedCycle[], context: Context = {}): Promise<PlannedCycle[]> {
    const manager = this.sql(context)
    await manager.execute(`SELECT pg_advisory_xact_lock(hashtext('lianxin:order_cycle:keyed'))`)
    const keys = planned.map((p) => p.key)
    const rows = await manager.execute(
      `SELECT metadata->>'key' AS key FROM order_cycle WHERE deleted_at IS NULL AND metadata->>'key' IN (${placeholders(keys)})`,
      keys
    )
    const have = new Set(rows.map((r) => String(r.key)))
    return planned.filter((p) => !have.has(p.key))
  }
}
