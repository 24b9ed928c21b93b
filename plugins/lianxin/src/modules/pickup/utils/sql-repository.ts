import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { MikroOrmBase } from "@medusajs/framework/utils"

/**
 * The pickup module's repositories: the SQL of one concern each, run on the
 * manager of the caller's context (the service opens the transaction, as in
 * Medusa's own modules). Everything that must hold across several stateless
 * servers is a conditional UPDATE or a row lock here, never process memory.
 */
export abstract class PickupSqlRepository extends MikroOrmBase {
  /** MikroOrmBase's constructor is protected; the module container builds repositories with this one. */
  constructor(deps: { manager: unknown }) {
    super(deps)
  }

  /** The transaction's manager when there is one, else the module's. */
  protected sql(context: Context = {}): SqlEntityManager {
    return this.getActiveManager<SqlEntityManager>(context)
  }
}

/** The batch counter a perishability class uses. */
export const counterOf = (perishability: string) =>
  perishability === "chilled" ? "reserved_chilled" : "reserved_ambient"

/** Gives one place of the class back to the batch (never below zero; bag numbers are not reused). */
export async function givePlaceBack(manager: SqlEntityManager, batchId: string, perishability: string) {
  const counter = counterOf(perishability)
  await manager.execute(
    `UPDATE pickup_batch SET ${counter} = GREATEST(${counter} - 1, 0), updated_at = now() WHERE id = ?`,
    [batchId]
  )
}
