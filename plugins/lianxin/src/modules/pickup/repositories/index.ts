export { AssignmentLifecycleRepository } from "./assignment-lifecycle"
export { BatchLifecycleRepository } from "./batch-lifecycle"
export { CodeLockoutRepository } from "./code-lockout"
export { CounterReadRepository } from "./counter-read"
export { CycleRepository } from "./cycle"
export { PickupCodeRepository } from "./pickup-code"
export { ReservationRepository } from "./reservation"

import type { AssignmentLifecycleRepository } from "./assignment-lifecycle"
import type { BatchLifecycleRepository } from "./batch-lifecycle"
import type { CodeLockoutRepository } from "./code-lockout"
import type { CounterReadRepository } from "./counter-read"
import type { CycleRepository } from "./cycle"
import type { PickupCodeRepository } from "./pickup-code"
import type { ReservationRepository } from "./reservation"

/** The repositories as the module's container registers them (class name, first letter lower-cased). */
export type PickupRepositories = {
  cycleRepository: CycleRepository
  reservationRepository: ReservationRepository
  pickupCodeRepository: PickupCodeRepository
  codeLockoutRepository: CodeLockoutRepository
  batchLifecycleRepository: BatchLifecycleRepository
  assignmentLifecycleRepository: AssignmentLifecycleRepository
  counterReadRepository: CounterReadRepository
}
