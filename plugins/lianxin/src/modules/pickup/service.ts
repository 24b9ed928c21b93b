import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import * as Codes from "../../utils/pickup-code"
import { PICKUP_KEYS } from "./loaders/pickup-keys"
import * as Models from "./models"
import type { PickupRepositories } from "./repositories"
import type { ReservationRepository } from "./repositories/reservation"
import type * as T from "./types"
import { codeCryptoOf } from "./utils/code-crypto"

export * from "./types"

type InjectedDependencies = PickupRepositories & { [PICKUP_KEYS]: Codes.PickupKeyring }

/**
 * Offices, points, cycles, batches, assignments, staff and the code lockout.
 * The generated CRUD covers plain reads and writes; every race-sensitive rule
 * (a point's capacity, single-use handover, the failure counters, batch moves)
 * is SQL in one repository per concern (repositories/, README.md), run on the
 * transaction this facade opens. The facade also holds the pickup keyring (decision 016).
 */
class PickupModuleService extends MedusaService(Models) {
  protected keys_: Codes.PickupKeyring
  protected crypto_: T.CodeCrypto
  protected repo_: PickupRepositories

  constructor(deps: InjectedDependencies) {
    // MedusaService takes the container cradle and module options positionally.
    super(...arguments)
    this.keys_ = deps[PICKUP_KEYS]
    this.repo_ = deps
    this.crypto_ = codeCryptoOf(() => this.keys_)
  }

  // ---- codes and tokens (decision 014: only HMACs and sealed copies are stored; 016: keys rotate) ----

  hashCode(pickupPointId: string, code: string): string {
    return this.crypto_.hash(pickupPointId, code)
  }

  signToken(claims: Codes.PickupTokenClaims): string {
    return Codes.signPickupToken(this.keys_.current.token, claims)
  }

  readToken(token: string): Codes.PickupTokenClaims | null {
    return Codes.verifyPickupTokenWith(this.keys_, token)
  }

  /** Which key new codes are sealed and hashed under, and which keys are loaded. */
  pickupKeyIds(): { current: string; loaded: string[] } {
    return { current: this.keys_.currentId, loaded: this.keys_.all.map((k) => k.id) }
  }

  /** Live codes not under the current key: `stale` (rekeyCodes moves them) and `unsealed` (it cannot). */
  @InjectManager()
  async countCodesToRekey(@MedusaContext() sharedContext: Context = {}) {
    return this.repo_.pickupCodeRepository.countToRekey(this.keys_.currentId, sharedContext)
  }

  /** Moves up to `limit` live codes to the current key (same code, same version); the previous values for undo. */
  @InjectTransactionManager()
  async rekeyCodes(input: { after?: string | null; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.pickupCodeRepository.rekey(input, this.crypto_, sharedContext)
  }

  /** Compensation of rekeyCodes. */
  @InjectTransactionManager()
  async restoreRekeyedCodes(previous: T.RekeyedCode[], @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.pickupCodeRepository.restoreRekeyed(previous, sharedContext)
  }

  /** A new code for a live assignment (`shown: false` at placement; `first_view` returns an unshown one). */
  @InjectTransactionManager()
  async issueCode(
    assignmentId: string,
    options: { shown?: boolean; first_view?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ code: string; code_version: number; previous: T.PreviousCode }> {
    return this.repo_.pickupCodeRepository.issue(assignmentId, options, this.crypto_, sharedContext)
  }

  /** Compensation of issueCode. */
  @InjectTransactionManager()
  async restoreCode(assignmentId: string, previous: T.PreviousCode, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.pickupCodeRepository.restore(assignmentId, previous, sharedContext)
  }

  /** The current code of a live assignment for the message that carries it, or null. */
  @InjectManager()
  async currentCodeForMessage(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.pickupCodeRepository.currentForMessage(assignmentId, this.crypto_, sharedContext)
  }

  // ---- cycles ----

  /** Creates the planned cycles whose `metadata.key` does not exist yet (serialized by an advisory lock). */
  @InjectTransactionManager()
  async createMissingKeyedCycles(planned: T.PlannedCycle[], @MedusaContext() sharedContext: Context = {}) {
    if (!planned.length) return []
    const missing = await this.repo_.cycleRepository.missingKeyed(planned, sharedContext)
    if (!missing.length) return []
    const created = await this.createOrderCycles(
      missing.map(({ key, ...c }) => ({ ...c, metadata: { key, generated: true } })),
      sharedContext
    )
    return created.map((c) => ({ id: c.id }))
  }

  /** The cycles of one point with its batch and capacity, as the ordering rule needs them. */
  @InjectManager()
  async cyclesAtPoint(input: T.CyclesAtPointInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.cycleRepository.cyclesAtPoint(input, sharedContext)
  }

  // ---- places: reserve, place, cancel ----

  /** A place for a cart in the batch held FOR UPDATE, or a CheckoutRefusal. */
  @InjectTransactionManager()
  async reserveForCart(input: T.ReserveInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.reservationRepository.reserveForCart(input, sharedContext)
  }

  /** Compensation of reserveForCart. */
  @InjectTransactionManager()
  async releaseReservation(cartId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.reservationRepository.releaseReservation(cartId, sharedContext)
  }

  @InjectTransactionManager()
  async placeReservation(input: T.PlaceReservationInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.reservationRepository.placeReservation(input, sharedContext)
  }

  @InjectTransactionManager()
  async unplaceReservation(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.reservationRepository.unplaceReservation(assignmentId, sharedContext)
  }

  /** placed → canceled before the resident cutoff (`ignoreCutoff`: an operator's cancel); the place goes back. */
  @InjectTransactionManager()
  async cancelPlacedAssignment(
    assignmentId: string,
    now: Date,
    options: { ignoreCutoff?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<T.CancelPlacedResult> {
    return this.repo_.reservationRepository.cancelPlaced(assignmentId, now, options, sharedContext)
  }

  /** Compensation of cancelPlacedAssignment. */
  @InjectTransactionManager()
  async uncancelAssignment(input: T.UncancelInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.reservationRepository.uncancel(input, sharedContext)
  }

  /** An order edit before the cutoff: the placed order's lines and total follow the order (decision 024). */
  @InjectTransactionManager()
  async editPlacedLines(
    input: Parameters<ReservationRepository["editPlacedLines"]>[0],
    @MedusaContext() sharedContext: Context = {}
  ) {
    return this.repo_.reservationRepository.editPlacedLines(input, sharedContext)
  }

  /** Compensation of a checkout that failed after its place was taken. */
  @InjectTransactionManager()
  async releaseCartAssignment(cartId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.reservationRepository.releaseCartAssignment(cartId, sharedContext)
  }

  // ---- the counter: verification with lockout ----

  /** Checks a code or QR token at a point; the 5th failure within 15 minutes locks for 15 minutes. */
  @InjectTransactionManager()
  async verifyAttempt(input: T.VerifyInput, @MedusaContext() sharedContext: Context = {}): Promise<T.VerifyResult> {
    // Workflow inputs arrive serialized: a Date may come as an ISO string.
    const now = new Date(input.now)
    const proof = {
      claims: input.token !== undefined ? this.readToken(input.token) : null,
      code_hashes: input.code !== undefined ? this.crypto_.candidates(input.pickup_point_id, input.code) : undefined,
    }
    return this.repo_.codeLockoutRepository.verify({ ...input, now }, proof, sharedContext)
  }

  // ---- orders after the batch is ready: handover, shortages, holds, reminders, disposal ----

  @InjectTransactionManager()
  async claimHandover(assignmentId: string, now: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.claimHandover(assignmentId, now, sharedContext)
  }

  @InjectTransactionManager()
  async unclaimHandover(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.unclaimHandover(assignmentId, sharedContext)
  }

  @InjectTransactionManager()
  async claimShortageSettlement(lines: T.ShortageClaim[], @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.claimShortageSettlement(lines, sharedContext)
  }

  @InjectTransactionManager()
  async expireHolds(now: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.expireHolds(now, sharedContext)
  }

  @InjectTransactionManager()
  async unexpireHolds(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.unexpireHolds(ids, sharedContext)
  }

  @InjectTransactionManager()
  async takeDueReminders(now: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.takeDueReminders(now, sharedContext)
  }

  @InjectTransactionManager()
  async untakeReminders(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.untakeReminders(ids, sharedContext)
  }

  @InjectTransactionManager()
  async recordDisposal(input: T.DisposalInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.recordDisposal(input, sharedContext)
  }

  @InjectTransactionManager()
  async clearDisposal(assignmentId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.assignmentLifecycleRepository.clearDisposal(assignmentId, sharedContext)
  }

  // ---- batch lifecycle: open → harvest_frozen → arrived → ready ----

  @InjectManager()
  async batchesDueForFreeze(now: Date, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.dueForFreeze(now, sharedContext)
  }

  @InjectTransactionManager()
  async freezeBatch(input: T.FreezeInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.freeze(input, sharedContext)
  }

  @InjectTransactionManager()
  async unfreezeBatches(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.unfreeze(ids, sharedContext)
  }

  @InjectTransactionManager()
  async claimBatchCheckIn(input: T.CheckInClaim, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.claimCheckIn(input, sharedContext)
  }

  @InjectTransactionManager()
  async releaseBatchCheckIn(input: T.CheckInClaim, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.releaseCheckIn(input, sharedContext)
  }

  @InjectTransactionManager()
  async markBatchReady(input: T.CheckInClaim, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.markReady(input, sharedContext)
  }

  @InjectTransactionManager()
  async unmarkBatchReady(input: T.UnmarkReadyInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.unmarkReady(input, sharedContext)
  }

  @InjectTransactionManager()
  async moveBatch(input: T.MoveBatchInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.batchLifecycleRepository.move(input, sharedContext)
  }

  // ---- counter reads (office portal) ----

  @InjectManager()
  async counterBatches(input: T.CounterBatchesInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.counterReadRepository.batches(input, sharedContext)
  }

  @InjectManager()
  async counterUncollected(input: T.CounterUncollectedInput, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.counterReadRepository.uncollected(input, sharedContext)
  }

  @InjectManager()
  async countUndisposed(pointId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.counterReadRepository.countUndisposed(pointId, sharedContext)
  }

  @InjectManager()
  async staffPointIds(staffId: string, @MedusaContext() sharedContext: Context = {}) {
    return this.repo_.counterReadRepository.staffPointIds(staffId, sharedContext)
  }
}

export default PickupModuleService
