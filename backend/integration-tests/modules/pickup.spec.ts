/**
 * The pickup module on its own against real PostgreSQL (no app, no HTTP): the
 * race-critical rules its repositories enforce, each in a fresh schema built
 * from the module's migrations, as Medusa tests its own modules
 * (moduleIntegrationTestRunner). Concurrent calls run in transactions of their
 * own on the module's pool, as calls from several servers would.
 */
import { createRequire } from "node:module"
import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { until } from "../helpers/wait"
import { RUN_ID_ENV } from "../support/databases"

const nodeRequire = createRequire(import.meta.url)
const moduleDir = path.dirname(nodeRequire.resolve("@lianxin/plugin/modules/pickup"))
const { CodeLockoutRepository, ReservationRepository } = nodeRequire(path.join(moduleDir, "repositories"))

const HOUR = 3_600_000
const NOW = new Date("2026-12-05T02:00:00.000Z")
const at = (ms: number) => new Date(NOW.getTime() + ms)

// The service as these tests use it (the plugin is built to JavaScript only).
type Service = Record<string, any>

moduleIntegrationTestRunner<Service>({
  moduleName: "pickup",
  resolve: moduleDir,
  pathToMigrations: path.join(moduleDir, "migrations"),
  dbName: `lianxin_it_${process.env[RUN_ID_ENV] ?? `local_${process.pid}`}_pickup_module`,
  testSuite: ({ service, MikroOrmWrapper }) => {
    /** An office, a point with the given chilled capacity and a cycle open for orders until NOW + 1 day. */
    async function network(capacityChilled = 2) {
      const [office] = await service.createPropertyOffices([
        { company: "物业", compound_name: "滨江花园", address: "滨江路 1 号", city: "杭州", phone: "0571-0000000" },
      ])
      const [point] = await service.createPickupPoints([
        {
          code: "BJ-1",
          name: "一号柜台",
          office_id: office.id,
          capacity_chilled: capacityChilled,
          capacity_ambient: 10,
        },
      ])
      const [cycle] = await service.createOrderCycles([
        {
          name: "周六",
          rhythm: "weekly",
          producer_cutoff_at: at(12 * HOUR),
          resident_cutoff_at: at(24 * HOUR),
          pickup_starts_at: at(48 * HOUR),
          pickup_ends_at: at(56 * HOUR),
        },
      ])
      return { office, point, cycle }
    }

    /**
     * Starts `rush` while a transaction of the test holds the batch row, and lets go only once `contenders`
     * sessions wait for a lock: every contender then decides after the others have started, the worst case
     * for "two servers take the last place" (without the row lock they would all read the same count).
     */
    async function behindLockedBatch<T>(batchId: string, contenders: number, rush: () => Promise<T>): Promise<T> {
      const em = MikroOrmWrapper.forkManager()
      const probe = MikroOrmWrapper.forkManager()
      const waiting = async () => {
        const [row] = await probe.execute(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
        )
        return Number(row.n)
      }
      let result: Promise<T> | undefined
      await em.transactional(async (tx: { execute: (sql: string, params: unknown[]) => Promise<unknown> }) => {
        await tx.execute("SELECT id FROM pickup_batch WHERE id = ? FOR UPDATE", [batchId])
        result = rush()
        expect(await until(waiting, (n) => n >= contenders, 15_000)).toBe(contenders)
      })
      return result as Promise<T>
    }

    const reserve = (net: Awaited<ReturnType<typeof network>>, cart: string, now = NOW) =>
      service.reserveForCart({
        cart_id: cart,
        pickup_point_id: net.point.id,
        order_cycle_id: net.cycle.id,
        perishability: "chilled",
        customer_id: null,
        now,
      })

    const settle = async (calls: Array<Promise<any>>) => {
      const results = await Promise.allSettled(calls)
      return {
        ok: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
        refused: results.flatMap((r) => (r.status === "rejected" ? [r.reason] : [])),
      }
    }

    async function placed(net: Awaited<ReturnType<typeof network>>, cart: string) {
      await reserve(net, cart)
      const row = await service.placeReservation({
        cart_id: cart,
        order_id: `order_${cart}`,
        resident_name_masked: "王*",
        phone_last4: "4321",
        order_total_fen: 1200,
        lines: [
          {
            line_item_id: `li_${cart}`,
            variant_id: null,
            product_id: null,
            title: "苹果",
            quantity: 1,
            amount_fen: 1200,
          },
        ],
      })
      return row.id as string
    }

    describe("places in a batch", () => {
      it("gives the last places to exactly as many concurrent reservations as there are places", async () => {
        const net = await network(3)
        await reserve(net, "cart_first")
        const [{ id: batchId }] = await service.listPickupBatches({ point_id: net.point.id })
        const { ok, refused } = await behindLockedBatch(batchId, 8, () =>
          settle(Array.from({ length: 8 }, (_, i) => reserve(net, `cart_${i}`)))
        )
        expect(ok).toHaveLength(2)
        expect(ok.map((r) => r.bag_number).sort()).toEqual([2, 3])
        expect(refused).toHaveLength(6)
        for (const error of refused) expect(error.lianxin_refusal?.code).toBe("point_full")
        const [batch] = await service.listPickupBatches({ id: batchId })
        expect(batch).toMatchObject({ reserved_chilled: 3, last_bag_number: 3, status: "open" })
        expect(await service.listPickupAssignments({ batch_id: batchId })).toHaveLength(3)
      })

      it("gives a released place to the next cart without reusing its bag number, and refuses after the cutoff", async () => {
        const net = await network(1)
        await reserve(net, "cart_a")
        await expect(reserve(net, "cart_b")).rejects.toMatchObject({ lianxin_refusal: { code: "point_full" } })
        await service.releaseReservation("cart_a")
        const again = await reserve(net, "cart_b")
        expect(again).toMatchObject({ created: true, bag_number: 2 })
        expect(await reserve(net, "cart_b")).toMatchObject({ id: again.id, created: false })
        await service.releaseReservation("cart_b")
        await expect(reserve(net, "cart_c", at(24 * HOUR))).rejects.toMatchObject({
          lianxin_refusal: { code: "cutoff_passed" },
        })
      })

      it("cancels a placed order once, however many cancels race, and gives its place back", async () => {
        const net = await network(1)
        const id = await placed(net, "cart_a")
        const { ok } = await settle(Array.from({ length: 4 }, () => service.cancelPlacedAssignment(id, NOW)))
        expect(ok.filter((r) => r.ok)).toHaveLength(1)
        expect(ok.filter((r) => !r.ok).map((r) => r.reason)).toEqual(["not_placed", "not_placed", "not_placed"])
        const [batch] = await service.listPickupBatches({ point_id: net.point.id })
        expect(batch.reserved_chilled).toBe(0)
        expect(await reserve(net, "cart_b")).toMatchObject({ bag_number: 2 })
      })

      it("works directly on the caller's transaction: a refused reservation in it leaves the batch as it was", async () => {
        const net = await network(1)
        const em = MikroOrmWrapper.forkManager()
        const reservations = new ReservationRepository({ manager: em })
        const input = {
          pickup_point_id: net.point.id,
          order_cycle_id: net.cycle.id,
          perishability: "chilled",
          customer_id: null,
          now: NOW,
        }
        await em.transactional(async (tx: unknown) => {
          const first = await reservations.reserveForCart({ ...input, cart_id: "cart_a" }, { transactionManager: tx })
          expect(first).toMatchObject({ created: true, bag_number: 1 })
          await expect(
            reservations.reserveForCart({ ...input, cart_id: "cart_b" }, { transactionManager: tx })
          ).rejects.toMatchObject({
            lianxin_refusal: { code: "point_full" },
          })
        })
        const [batch] = await service.listPickupBatches({ point_id: net.point.id })
        expect(batch).toMatchObject({ reserved_chilled: 1, last_bag_number: 1 })
      })
    })

    describe("codes and the lockout", () => {
      const verify = (pointId: string, input: { code?: string; assignment_id?: string; staff?: string; now?: Date }) =>
        service.verifyAttempt({
          staff_id: input.staff ?? "pstf_a",
          pickup_point_id: pointId,
          code: input.code,
          assignment_id: input.assignment_id,
          now: input.now ?? NOW,
        })

      it("locks a staff member on the fifth wrong code within fifteen minutes, also against the right code, until it ends", async () => {
        const net = await network()
        const id = await placed(net, "cart_a")
        const { code } = await service.issueCode(id)
        const wrong = code === "00000000" ? "00000001" : "00000000"
        for (let i = 0; i < 4; i++) {
          expect(await verify(net.point.id, { code: wrong, now: at(i * 60_000) })).toMatchObject({
            ok: false,
            reason: "wrong_code",
            locked_until: null,
          })
        }
        const fifth = await verify(net.point.id, { code: wrong, now: at(4 * 60_000) })
        expect(fifth).toMatchObject({ ok: false, reason: "wrong_code" })
        expect(new Date(fifth.locked_until).toISOString()).toBe(at(19 * 60_000).toISOString())
        expect(await verify(net.point.id, { code, now: at(5 * 60_000) })).toMatchObject({ ok: false, reason: "locked" })
        // Another staff member at the same counter is not locked by these failures.
        expect(await verify(net.point.id, { code, staff: "pstf_b", now: at(5 * 60_000) })).toMatchObject({
          ok: true,
          assignment_id: id,
          method: "code",
        })
        expect(await verify(net.point.id, { code, now: at(19 * 60_000) })).toMatchObject({
          ok: true,
          assignment_id: id,
        })
        const failures = await service.listPickupCodeFailures({ staff_id: "pstf_a" })
        expect(failures.map((f: { reason: string }) => f.reason).sort()).toEqual([
          "locked",
          "wrong_code",
          "wrong_code",
          "wrong_code",
          "wrong_code",
          "wrong_code",
        ])
      })

      it("counts concurrent wrong guesses one after the other: five at once lock exactly once", async () => {
        const net = await network()
        const id = await placed(net, "cart_a")
        const { code } = await service.issueCode(id)
        const wrong = code === "11111111" ? "22222222" : "11111111"
        const { ok } = await settle(
          Array.from({ length: 5 }, () => verify(net.point.id, { code: wrong, assignment_id: id }))
        )
        expect(ok.filter((r) => r.locked_until)).toHaveLength(1)
        const locks = await service.listPickupLocks({ subject: [`staff:pstf_a`, `assignment:${id}`] })
        expect(locks).toHaveLength(2)
        for (const lock of locks) expect(lock).toMatchObject({ failures: 0, locked_until: at(15 * 60_000) })
        // The order is locked too: another staff member cannot find it by its code now.
        expect(await verify(net.point.id, { code, staff: "pstf_b" })).toMatchObject({ ok: false, reason: "locked" })
      })

      it("counts failures in the caller's transaction when used directly", async () => {
        const net = await network()
        const em = MikroOrmWrapper.forkManager()
        const lockout = new CodeLockoutRepository({ manager: em })
        const input = { staff_id: "pstf_c", pickup_point_id: net.point.id, code: "13572468", now: NOW }
        const results = await em.transactional(async (tx: unknown) => {
          const out = []
          for (let i = 0; i < 5; i++) {
            out.push(
              await lockout.verify(
                input,
                { code_hash: service.hashCode(net.point.id, "13572468"), claims: null },
                { transactionManager: tx }
              )
            )
          }
          return out
        })
        expect(results.map((r: { reason: string }) => r.reason)).toEqual(Array(5).fill("wrong_code"))
        expect(results[4].locked_until).toEqual(at(15 * 60_000))
      })
    })

    describe("batch lifecycle", () => {
      it("moves open → harvest_frozen → arrived → ready once each, whoever races", async () => {
        const net = await network()
        const ids = [await placed(net, "cart_a"), await placed(net, "cart_b")]
        const [batch] = await service.listPickupBatches({ point_id: net.point.id })
        expect(await service.batchesDueForFreeze(at(12 * HOUR))).toEqual([batch.id])
        expect(await service.batchesDueForFreeze(at(11 * HOUR))).toEqual([])

        const froze = await Promise.all(
          [1, 2, 3].map(() => service.freezeBatch({ batch_id: batch.id, now: at(12 * HOUR), snapshot: { rows: [] } }))
        )
        expect(froze.filter(Boolean)).toHaveLength(1)
        await expect(service.moveBatch({ batch_id: batch.id, from: ["open"], to: "arrived" })).rejects.toMatchObject({
          type: "not_allowed",
        })
        await service.moveBatch({
          batch_id: batch.id,
          from: ["harvest_frozen"],
          to: "arrived",
          set: { arrived_by: "pstf_a" },
        })

        const claims = [
          { batch_id: batch.id, staff_id: "pstf_a", now: at(47 * HOUR) },
          { batch_id: batch.id, staff_id: "pstf_b", now: at(47 * HOUR + 1000) },
        ]
        const { ok, refused } = await settle(claims.map((c) => service.claimBatchCheckIn(c)))
        expect(ok).toHaveLength(1)
        expect(refused).toHaveLength(1)
        expect(refused[0].type).toBe("conflict")
        const [afterClaim] = await service.listPickupBatches({ id: batch.id })
        const winner = claims.find((c) => c.staff_id === afterClaim.checked_in_by)!
        await expect(service.markBatchReady(claims.find((c) => c !== winner)!)).rejects.toMatchObject({
          type: "conflict",
        })
        expect((await service.markBatchReady(winner)).sort()).toEqual([...ids].sort())
        const ready = await service.listPickupAssignments({ id: ids })
        for (const a of ready) {
          expect(a.status).toBe("ready")
          expect(new Date(a.hold_expires_at).getTime()).toBe(winner.now.getTime() + 24 * HOUR)
        }
        await expect(service.claimBatchCheckIn({ ...winner, now: at(48 * HOUR) })).rejects.toMatchObject({
          type: "conflict",
        })

        await service.unmarkBatchReady({ batch_id: batch.id, assignment_ids: ids })
        const [undone] = await service.listPickupBatches({ id: batch.id })
        expect(undone).toMatchObject({ status: "arrived", checked_in_at: null, checked_in_by: null })
        expect((await service.listPickupAssignments({ id: ids })).map((a: { status: string }) => a.status)).toEqual([
          "placed",
          "placed",
        ])
      })

      it("hands a ready order over once when two staff scan it at the same moment", async () => {
        const net = await network()
        const id = await placed(net, "cart_a")
        const [batch] = await service.listPickupBatches({ point_id: net.point.id })
        await service.moveBatch({ batch_id: batch.id, from: ["open"], to: "arrived" })
        const claim = { batch_id: batch.id, staff_id: "pstf_a", now: at(47 * HOUR) }
        await service.claimBatchCheckIn(claim)
        await service.markBatchReady(claim)
        const results = await Promise.all([
          service.claimHandover(id, at(48 * HOUR)),
          service.claimHandover(id, at(48 * HOUR)),
        ])
        expect(results.filter(Boolean)).toEqual([{ id, order_id: "order_cart_a" }])
      })
    })
  },
})
