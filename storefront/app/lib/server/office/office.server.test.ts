import type {
  StaffCounterPickup,
  StaffHarvestRow,
  StaffPickupListRow,
  StaffTodayResponse,
} from "@lianxin/plugin/contract"
import { describe, expect, it } from "vitest"
import { initOf, payload, thrown } from "../testing/fake-store"
import { officeLoginAction, officeLogoutAction, choosePointAction } from "./auth.server"
import { requireStaff } from "./context.server"
import { counterLoader, householdAction, listingAction } from "./farmers.server"
import {
  batchAction,
  batchLoader,
  csvLoader,
  disposalAction,
  handoverAction,
  todayLoader,
  uncollectedLoader,
  type BatchActionData,
  type HandoverActionData,
  type UncollectedRow,
} from "./pickups.server"
import { fakeOffice, staffToken, type FakeRoute } from "./testing"

const POINT_A = { id: "ppt_A1", code: "A-1", name: "幸福里物业", office: { id: "pof_1", compound_name: "幸福里" } }
const POINT_B = { id: "ppt_B1", code: "B-1", name: "和平苑物业", office: { id: "pof_2", compound_name: "和平苑" } }

function staffBackend(routes: Record<string, FakeRoute> = {}, points = [POINT_A], token = staffToken()) {
  return fakeOffice({
    "POST /auth/pickup_staff/emailpass": (_p, call) => {
      const { email, password } = call.body as { email: string; password: string }
      return email === "a@lianxin.local" && password === "right-password"
        ? [200, { token }]
        : [401, { type: "unauthorized", message: "Invalid email or password" }]
    },
    "GET /pickup-staff/me": (_p, call) =>
      call.authorization === `Bearer ${token}`
        ? [200, { staff: { id: "pstf_1", name: "张三", email: "a@lianxin.local" }, points }]
        : [401, { message: "Unauthorized" }],
    ...routes,
  })
}

async function signIn(office: ReturnType<typeof fakeOffice>) {
  const response = await thrown(
    officeLoginAction(
      office.deps,
      office.request("/office/login", {
        email: "a@lianxin.local",
        password: "right-password",
        redirectTo: "/office/handover",
      })
    )
  )
  return response
}

// Fixtures are typed with the plugin's contract: a field renamed there fails this file's typecheck.
const HARVEST_ROWS: StaffHarvestRow[] = [
  {
    producer: "household:hh_1",
    household_ids: "hh_1",
    household_codes: "YN-LC-001",
    household_names: "李家",
    cooperative_id: "coop_1",
    cooperative_name: "连城合作社",
    product_id: "prod_1",
    variant_id: "variant_apple",
    title: "苹果",
    quantity: 5,
    section: "live",
  },
  {
    producer: "household:hh_2",
    household_ids: "hh_2",
    household_codes: "",
    household_names: "",
    cooperative_id: "",
    cooperative_name: "",
    product_id: "prod_2",
    variant_id: "variant_rice",
    title: "大米",
    quantity: 2,
    section: "live",
  },
]
const PICKUP_ROWS: StaffPickupListRow[] = [
  {
    bag_number: 1,
    resident: "王**",
    phone_last4: "8000",
    order_id: "order_1",
    status: "placed",
    items: "苹果×3",
    amount_to_collect_fen: 3840,
    harvest_batches: "苹果：2026-11-25 采收 合格证 HGZ-1",
  },
]

const MANIFEST = {
  "GET /pickup-staff/batches/:id/manifest": ((params, call) => {
    if (params.id !== "pbat_A1") return [404, { type: "not_found", message: `batch ${params.id} was not found` }]
    const kind = call.query.get("kind")
    return [
      200,
      {
        batch: { id: "pbat_A1", status: "arrived", cycle_id: "pcyc_1", point_id: "ppt_A1", harvest_frozen_at: null },
        kind,
        rows: kind === "harvest" ? HARVEST_ROWS : PICKUP_ROWS,
      },
    ]
  }) satisfies FakeRoute,
}

describe("office sign-in", () => {
  it("keeps the staff token in the office cookie only and goes where the staff member was going", async () => {
    const office = staffBackend()
    const response = await signIn(office)
    expect(response.status).toBe(303)
    expect(response.headers.get("Location")).toBe("/office/handover")
    const cookie = response.headers.get("Set-Cookie")!
    expect(cookie).toMatch(/^lx_office=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Max-Age=43200/)
    // Sealed, not readable: the JWT is not in the cookie in clear.
    expect(cookie).not.toContain("eyJhbGciOiJIUzI1NiJ9")
    const session = await office.session()
    expect(session.get("pointId")).toBe("ppt_A1")
    expect(session.get("staff")?.name).toBe("张三")
  })

  it("answers a wrong password at the field, without a cookie", async () => {
    const office = staffBackend()
    const result = await officeLoginAction(
      office.deps,
      office.request("/office/login", { email: "a@lianxin.local", password: "wrong" })
    )
    expect(initOf(result).status).toBe(401)
    expect(payload<{ errors: Record<string, string> }>(result).errors).toEqual({ password: "office.login.failed" })
    expect(office.cookie).toBe("")
  })

  it("forwards the staff member's address; the backend's 429 is a field message with Retry-After, no cookie", async () => {
    const office = fakeOffice({
      "POST /auth/pickup_staff/emailpass": () => [
        429,
        { type: "too_many_requests", code: "rate_limited", message: "尝试次数过多", retry_after: 300 },
      ],
    })
    const request = office.request("/office/login", { email: "a@lianxin.local", password: "right-password" })
    request.headers.set("x-lianxin-client-address", "198.51.100.4")
    const result = await officeLoginAction(office.deps, request)
    expect(initOf(result).status).toBe(429)
    expect((initOf(result).headers as Record<string, string>)["Retry-After"]).toBe("300")
    expect(payload<{ errors: Record<string, string> }>(result).errors).toEqual({ password: "office.login.tooMany" })
    expect(office.calls[0]!.forwardedFor).toBe("198.51.100.4")
    expect(office.cookie).toBe("")
  })

  it("validates before calling the backend", async () => {
    const office = staffBackend()
    const result = await officeLoginAction(
      office.deps,
      office.request("/office/login", { email: "not-an-email", password: "" })
    )
    expect(payload<{ errors: Record<string, string> }>(result).errors).toEqual({
      email: "form.email.invalid",
      password: "form.required",
    })
    expect(office.calls).toEqual([])
  })

  it("asks staff of several points to choose one, and only among theirs", async () => {
    const office = staffBackend({}, [POINT_A, POINT_B])
    const response = await signIn(office)
    expect(response.headers.get("Location")).toBe("/office/points?redirectTo=%2Foffice%2Fhandover")
    const chosen = await thrown(
      choosePointAction(office.deps, office.request("/office/points", { pointId: "ppt_B1", redirectTo: "/office" }))
    )
    expect(chosen.headers.get("Location")).toBe("/office")
    expect((await office.session()).get("pointId")).toBe("ppt_B1")
    const other = await thrown(
      choosePointAction(office.deps, office.request("/office/points", { pointId: "ppt_C1", redirectTo: "/office" }))
    )
    expect(other.status).toBe(404)
  })

  it("never redirects outside the portal after signing in", async () => {
    const office = staffBackend()
    const response = await thrown(
      officeLoginAction(
        office.deps,
        office.request("/office/login", {
          email: "a@lianxin.local",
          password: "right-password",
          redirectTo: "//evil.example/office",
        })
      )
    )
    expect(response.headers.get("Location")).toBe("/office")
  })

  it("logout clears the office cookie", async () => {
    const office = staffBackend()
    await signIn(office)
    const response = await thrown(officeLogoutAction(office.deps, office.request("/office/logout", {})))
    expect(response.headers.get("Location")).toBe("/office/login?loggedOut=1")
    expect(response.headers.get("Set-Cookie")).toMatch(/lx_office=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/)
  })
})

describe("office session", () => {
  it("sends visitors without a session to the login page, remembering where they were going", async () => {
    const office = staffBackend()
    const response = await thrown(requireStaff(office.deps, office.request("/office/uncollected")))
    expect(response.headers.get("Location")).toBe("/office/login?redirectTo=%2Foffice%2Funcollected")
  })

  it("a 401 from the backend ends the session: back to login with 登录已过期", async () => {
    const office = staffBackend({ "GET /pickup-staff/points/:id/today": () => [401, { message: "Unauthorized" }] })
    await signIn(office)
    const response = await thrown(todayLoader(office.deps, office.request("/office")))
    expect(response.headers.get("Location")).toBe("/office/login?expired=1")
    expect(office.cookie).toBe("")
  })

  it("an expired token never reaches the backend", async () => {
    const office = staffBackend({}, [POINT_A], staffToken(-60))
    await signIn(office)
    const before = office.calls.length
    const response = await thrown(todayLoader(office.deps, office.request("/office")))
    expect(response.headers.get("Location")).toBe("/office/login?expired=1")
    expect(office.calls.length).toBe(before)
  })
})

describe("today", () => {
  it("shows the today summary with counts", async () => {
    const today: StaffTodayResponse = {
      point: {
        id: "ppt_A1",
        code: "A-1",
        name: "幸福里物业",
        office: { id: "pof_1", compound_name: "幸福里", address: "幸福路 1 号" },
      },
      batches: [
        {
          batch: {
            id: "pbat_A1",
            status: "ready",
            arrived_at: "2026-11-30T07:00:00Z",
            checked_in_at: "2026-11-30T07:30:00Z",
            harvest_frozen_at: null,
            reserved_chilled: 0,
            reserved_ambient: 5,
          },
          cycle: {
            id: "pcyc_1",
            name: "11月30日",
            kind: "weekly",
            producer_cutoff_at: "2026-11-28T14:00:00Z",
            pickup_start_at: "2026-11-30T08:00:00Z",
            pickup_end_at: "2026-11-30T12:00:00Z",
            resident_cutoff_at: "2026-11-29T14:00:00Z",
          },
          counts: { placed: 0, ready: 3, collected: 1, uncollected: 0, canceled: 1 },
          short_lines: 1,
        },
      ],
      uncollected_pending: 2,
    }
    const office = staffBackend({ "GET /pickup-staff/points/:id/today": () => [200, today] })
    await signIn(office)
    const result = payload<{ batches: Array<{ counts: unknown; shortLines: number }>; uncollectedPending: number }>(
      await todayLoader(office.deps, office.request("/office"))
    )
    expect(result.batches[0]!.counts).toEqual({ placed: 0, ready: 3, collected: 1, uncollected: 0, canceled: 1 })
    expect(result.batches[0]!.shortLines).toBe(1)
    expect(result.uncollectedPending).toBe(2)
    expect(office.calls.at(-1)!.path).toBe("/pickup-staff/points/ppt_A1/today")
  })
})

describe("receiving a batch", () => {
  it("another point's batch (a tampered URL) is our 404 page", async () => {
    const office = staffBackend(MANIFEST)
    await signIn(office)
    const response = await thrown(batchLoader(office.deps, office.request("/office/batches/pbat_B1"), "pbat_B1"))
    expect(response.status).toBe(404)
    const junk = await thrown(batchLoader(office.deps, office.request("/office/batches/x"), "../../admin"))
    expect(junk.status).toBe(404)
  })

  it("submits every shortage in one check-in, computed from what arrived", async () => {
    const office = staffBackend({
      ...MANIFEST,
      "POST /pickup-staff/batches/:id/check-in": () => [
        200,
        {
          batch: { id: "pbat_A1", status: "ready" },
          ready_count: 4,
          shortages: [{ order_id: "order_1", line_item_id: "ordli_1", short_quantity: 2, refund_fen: 2560 }],
        },
      ],
    })
    await signIn(office)
    const loaded = payload<{ checkIn: unknown; harvest: Array<Record<string, unknown>> }>(
      await batchLoader(office.deps, office.request("/office/batches/pbat_A1"), "pbat_A1")
    )
    // Producers by public code and name; a row the backend could not name keeps empty names.
    expect(loaded.harvest.map((r) => [r.householdCodes, r.householdNames, r.cooperativeName])).toEqual([
      ["YN-LC-001", "李家", "连城合作社"],
      ["", "", ""],
    ])
    expect(loaded.checkIn).toEqual([
      { variant_id: "variant_apple", title: "苹果", expected: 5 },
      { variant_id: "variant_rice", title: "大米", expected: 2 },
    ])
    const redirected = await thrown(
      batchAction(
        office.deps,
        office.request("/office/batches/pbat_A1", {
          intent: "check-in",
          actual_variant_apple: "3",
          actual_variant_rice: "2",
        }),
        "pbat_A1"
      )
    )
    expect(redirected.headers.get("Location")).toBe("/office/batches/pbat_A1?notice=checked")
    // The page after the redirect shows the outcome once.
    const after = await batchLoader(office.deps, office.request("/office/batches/pbat_A1?notice=checked"), "pbat_A1")
    expect(payload<{ checkInResult: unknown }>(after).checkInResult).toEqual({
      readyCount: 4,
      shortages: [{ orderId: "order_1", lineItemId: "ordli_1", shortQuantity: 2, refundFen: 2560 }],
    })
    const again = await batchLoader(office.deps, office.request("/office/batches/pbat_A1"), "pbat_A1")
    expect(payload<{ checkInResult: unknown }>(again).checkInResult).toBeNull()
    const checkIns = office.calls.filter((c) => c.path.endsWith("/check-in"))
    expect(checkIns).toHaveLength(1)
    expect(checkIns[0]!.body).toEqual({ shortages: [{ variant_id: "variant_apple", missing_quantity: 2 }] })
  })

  it("refuses more than expected at the field, without calling the backend", async () => {
    const office = staffBackend(MANIFEST)
    await signIn(office)
    const result = await batchAction(
      office.deps,
      office.request("/office/batches/pbat_A1", {
        intent: "check-in",
        actual_variant_apple: "6",
        actual_variant_rice: "",
      }),
      "pbat_A1"
    )
    expect(payload<BatchActionData>(result)).toMatchObject({
      ok: false,
      errors: { actual_variant_apple: "form.office.quantityMax", actual_variant_rice: "form.required" },
    })
    expect(office.calls.some((c) => c.path.endsWith("/check-in"))).toBe(false)
  })

  it("a second check-in (double tap) says it was already done", async () => {
    const office = staffBackend({
      ...MANIFEST,
      "POST /pickup-staff/batches/:id/check-in": () => [400, { type: "not_allowed", message: "batch is ready" }],
    })
    await signIn(office)
    const result = await batchAction(
      office.deps,
      office.request("/office/batches/pbat_A1", {
        intent: "check-in",
        actual_variant_apple: "5",
        actual_variant_rice: "2",
      }),
      "pbat_A1"
    )
    expect(payload<BatchActionData>(result)).toMatchObject({ ok: false, problem: "office.batch.alreadyChecked" })
  })

  it("the CSV is the backend's, downloaded with the staff token", async () => {
    const office = staffBackend({
      "GET /pickup-staff/batches/:id/manifest": (_p, call) =>
        new Response("\ufeffbag_number,resident\r\n1,王**\r\n", {
          headers: { "content-type": "text/csv", "x-auth": String(call.authorization) },
        }),
    })
    await signIn(office)
    const response = await csvLoader(office.deps, office.request("/office/batches/pbat_A1/csv?kind=harvest"), "pbat_A1")
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="pbat_A1-harvest.csv"')
    expect(await response.text()).toContain("1,王**")
    const call = office.calls.at(-1)!
    expect(call.query.get("format")).toBe("csv")
    expect(call.query.get("kind")).toBe("harvest")
    expect(call.authorization).toMatch(/^Bearer eyJ/)
  })
})

const line = (
  line_item_id: string,
  title: string,
  quantity: number,
  short_quantity: number
): StaffCounterPickup["lines"][number] => ({
  line_item_id,
  variant_id: null,
  variant_title: null,
  title,
  quantity,
  short_quantity,
  handed_over_quantity: 0,
  declined_quantity: 0,
  damaged_quantity: 0,
  refund_fen: 0,
})
const PICKUP: StaffCounterPickup = {
  id: "pasg_1",
  order_id: "order_1",
  display_id: 12,
  pickup_point_id: "ppt_A1",
  order_cycle_id: "pcyc_1",
  status: "ready",
  perishability: "ambient",
  bag_number: 7,
  resident: "王**",
  masked_name: "王**",
  phone_last4: "8000",
  order_total_fen: 5110,
  refunded_fen: 2560,
  collect_reduction_fen: 0,
  // The backend's figure (total − refunds − reductions − paid online): what the counter shows.
  amount_to_collect_fen: 2550,
  paid_online: false,
  ready_at: "2026-11-30T07:30:00Z",
  hold_expires_at: "2026-12-02T12:00:00Z",
  collected_at: null,
  uncollected_at: null,
  disposition: null,
  lines: [line("ordli_1", "苹果", 3, 1), line("ordli_2", "橙子", 1, 0)],
  handovers: [],
  disposal: null,
}

describe("handing over", () => {
  it("finds the order by code and shows what to collect", async () => {
    const office = staffBackend({
      "POST /pickup-staff/points/:id/verify": (_p, call) =>
        (call.body as { code?: string }).code === "12345678"
          ? [200, { pickup: PICKUP }]
          : [422, { type: "wrong_code" }],
    })
    await signIn(office)
    const result = payload<HandoverActionData>(
      await handoverAction(office.deps, office.request("/office/handover", { intent: "lookup", code: "1234 5678" }))
    )
    if (result.step !== "confirm") throw new Error(`expected the confirm step, got ${result.step}`)
    expect(result.pickup.amountToCollectFen).toBe(2550)
    expect(result.pickup.lines.map((l) => [l.title, l.available])).toEqual([
      ["苹果", 2],
      ["橙子", 1],
    ])
    expect(office.calls.at(-1)!.path).toBe("/pickup-staff/points/ppt_A1/verify")
  })

  it("explains wrong codes, used codes, other points and lockouts in Chinese terms", async () => {
    const answers: Array<[number, unknown]> = [
      [422, { type: "wrong_code" }],
      [409, { message: "already handed over" }],
      [404, { message: "pickup pasg_9 was not found" }],
      [429, { type: "locked", locked_until: "2026-11-30T08:42:00.000Z" }],
    ]
    const office = staffBackend({ "POST /pickup-staff/points/:id/verify": () => answers.shift()! })
    await signIn(office)
    const ask = async () =>
      payload<HandoverActionData>(
        await handoverAction(office.deps, office.request("/office/handover", { intent: "lookup", code: "12345678" }))
      )
    expect(await ask()).toMatchObject({ step: "lookup", errors: { code: "office.handover.wrongCode" } })
    expect(await ask()).toMatchObject({ step: "lookup", problem: { key: "office.handover.used" } })
    expect(await ask()).toMatchObject({ step: "lookup", problem: { key: "office.handover.otherPoint" } })
    // 08:42 UTC is 16:42 at the counter.
    expect(await ask()).toMatchObject({
      step: "lookup",
      problem: { key: "office.handover.locked", params: { time: "16:42" } },
    })
  })

  it("a code that is not 8 digits is refused at the field", async () => {
    const office = staffBackend()
    await signIn(office)
    const result = payload<HandoverActionData>(
      await handoverAction(office.deps, office.request("/office/handover", { intent: "lookup", code: "1234" }))
    )
    expect(result).toMatchObject({ step: "lookup", errors: { code: "form.office.code" } })
  })

  it("a partial handover sends the lines taken, with a reason only for what is not taken, and the proxy", async () => {
    const office = staffBackend({
      "GET /pickup-staff/assignments/:id": () => [200, { pickup: PICKUP }],
      "POST /pickup-staff/assignments/:id/handover": () => [
        200,
        { pickup: { ...PICKUP, status: "collected" }, amount_to_collect_fen: 1280, kind: "partial" },
      ],
    })
    await signIn(office)
    const result = payload<HandoverActionData>(
      await handoverAction(
        office.deps,
        office.request("/office/handover", {
          intent: "handover",
          assignmentId: "pasg_1",
          code: "12345678",
          take_ordli_1: "1",
          reason_ordli_1: "damaged",
          take_ordli_2: "1",
          reason_ordli_2: "declined",
          proxyName: "李四",
        })
      )
    )
    expect(result).toMatchObject({ step: "done", kind: "partial", amountToCollectFen: 1280 })
    expect(office.calls.at(-1)!.body).toEqual({
      code: "12345678",
      lines: [
        { line_item_id: "ordli_1", quantity: 1, reason: "damaged" },
        { line_item_id: "ordli_2", quantity: 1 },
      ],
      proxy: { name: "李四" },
    })
  })

  it("a full handover sends no lines; taking more than arrived is refused", async () => {
    const office = staffBackend({
      "GET /pickup-staff/assignments/:id": () => [200, { pickup: PICKUP }],
      "POST /pickup-staff/assignments/:id/handover": () => [
        200,
        { pickup: PICKUP, amount_to_collect_fen: 2550, kind: "full" },
      ],
    })
    await signIn(office)
    const form = {
      intent: "handover",
      assignmentId: "pasg_1",
      token: "pk1.claims.mac-token",
      take_ordli_1: "2",
      take_ordli_2: "1",
    }
    expect(
      payload<HandoverActionData>(await handoverAction(office.deps, office.request("/office/handover", form)))
    ).toMatchObject({ step: "done", kind: "full" })
    expect(office.calls.at(-1)!.body).toEqual({ token: "pk1.claims.mac-token" })
    const tooMany = payload<HandoverActionData>(
      await handoverAction(office.deps, office.request("/office/handover", { ...form, take_ordli_1: "3" }))
    )
    expect(tooMany).toMatchObject({ step: "confirm", errors: { take_ordli_1: "form.office.quantityMax" } })
  })

  it("a handover already done by a colleague says the code was used", async () => {
    const office = staffBackend({
      "GET /pickup-staff/assignments/:id": () => [200, { pickup: PICKUP }],
      "POST /pickup-staff/assignments/:id/handover": () => [409, { message: "already handed over" }],
    })
    await signIn(office)
    const result = payload<HandoverActionData>(
      await handoverAction(
        office.deps,
        office.request("/office/handover", {
          intent: "handover",
          assignmentId: "pasg_1",
          code: "12345678",
          take_ordli_1: "2",
          take_ordli_2: "1",
        })
      )
    )
    expect(result).toMatchObject({ step: "confirm", problem: { key: "office.handover.used" } })
  })
})

describe("listing for farmers", () => {
  it("registers a household with its consent; registry fields only with registry consent", async () => {
    const office = staffBackend({ "POST /pickup-staff/households": () => [200, { household: { id: "hh_1" } }] })
    await signIn(office)
    const base = {
      idempotency_key: "office_key_1",
      village_id: "vil_1",
      display_name: "老李家",
      consent_method: "paper_form",
      signed_on: "2026-11-28",
      consent_public: "on",
    }
    const refused = await householdAction(
      office.deps,
      office.request("/office/households/new", { ...base, national_id: "11010519491231002X" })
    )
    expect(payload<{ errors: Record<string, string> }>(refused).errors).toEqual({
      national_id: "form.office.registryNeedsConsent",
    })

    const response = await thrown(
      householdAction(
        office.deps,
        office.request("/office/households/new", {
          ...base,
          consent_registry: "on",
          national_id: "11010519491231002x",
          phone: "138 0013 8000",
        })
      )
    )
    expect(response.headers.get("Location")).toBe("/office/households?notice=created")
    expect(office.calls.at(-1)!.body).toEqual({
      village_id: "vil_1",
      display_name: "老李家",
      consent: { public_profile: true, registry: true, method: "paper_form", signed_on: "2026-11-28" },
      registry: { national_id: "11010519491231002X", phone: "13800138000", poverty_registered: false },
      idempotency_key: "office_key_1",
    })
  })

  it("uploads the photos, then creates the listing with the price in whole fen", async () => {
    const uploads: string[][] = []
    const office = staffBackend({
      "POST /pickup-staff/uploads": async (_p, call) => {
        const names = (call.body as FormData).getAll("files").map((f) => (f as File).name)
        uploads.push(names)
        return [
          200,
          { files: names.map((name, i) => ({ id: `file_${i}`, url: `http://backend.test/static/${name}` })) },
        ]
      },
      "POST /pickup-staff/listings": () => [200, { listing: { id: "lst_1" } }],
    })
    await signIn(office)
    const form = new FormData()
    for (const [k, v] of Object.entries({
      idempotency_key: "office_key_2",
      household_id: "hh_1",
      category_id: "pcat_1",
      title: "高山苹果",
      description: "山上的苹果",
      price: "12.8",
      unit_label: "5斤装",
      stock: "40",
      perishability: "ambient",
      harvested_on: "2026-11-27",
      harvest_quantity: "200",
      harvest_unit: "斤",
      certificate_no: "ZJ-2026-0001",
    }))
      form.set(k, v)
    form.append("photos", new File(["a"], "apple.jpg", { type: "image/jpeg" }))
    form.append("certificate_photo", new File(["c"], "cert.jpg", { type: "image/jpeg" }))
    const response = await thrown(listingAction(office.deps, office.request("/office/listings/new", form)))
    expect(response.headers.get("Location")).toBe("/office/listings?notice=created")
    expect(uploads.sort()).toEqual([["apple.jpg"], ["cert.jpg"]])
    expect(office.calls.at(-1)!.body).toMatchObject({
      household_id: "hh_1",
      price_fen: 1280,
      stock: 40,
      image_urls: ["http://backend.test/static/apple.jpg"],
      harvest: {
        harvested_on: "2026-11-27",
        quantity: 200,
        quantity_unit: "斤",
        certificate_no: "ZJ-2026-0001",
        certificate_photo_url: "http://backend.test/static/cert.jpg",
      },
      idempotency_key: "office_key_2",
    })
  })
})

describe("uncollected orders", () => {
  const row = {
    id: "pasg_7",
    order_id: "order_7",
    display_id: 42,
    bag_number: 7,
    masked_name: "王**",
    phone_last4: "8000",
    status: "uncollected",
    hold_expires_at: "2026-11-30T12:00:00Z",
    policy: "sell_off",
    disposal: null,
  }

  it("lists them with the point's policy and applies the chosen one once", async () => {
    const disposals: unknown[] = []
    const office = staffBackend({
      "GET /pickup-staff/points/:id/uncollected": () => [
        200,
        {
          assignments: [row, { ...row, id: "pasg_8", disposal: { policy: "donate" } }],
          count: 2,
          offset: 0,
          limit: 100,
        },
      ],
      "POST /pickup-staff/assignments/:id/disposal": (params, call) => {
        disposals.push({ id: params.id, body: call.body })
        return disposals.length === 1 ? [200, { id: params.id, created: true }] : [409, { message: "already disposed" }]
      },
    })
    await signIn(office)
    const list = payload<{ rows: UncollectedRow[] }>(
      await uncollectedLoader(office.deps, office.request("/office/uncollected"))
    )
    expect(list.rows.map((r) => [r.id, r.displayId, r.policy, r.disposal])).toEqual([
      ["pasg_7", "42", "sell_off", null],
      ["pasg_8", "42", "sell_off", "donate"],
    ])
    const form = { assignmentId: "pasg_7", policy: "sell_off", note: "按规定低价处理" }
    expect(
      (await thrown(disposalAction(office.deps, office.request("/office/uncollected", form)))).headers.get("Location")
    ).toBe("/office/uncollected?notice=done")
    // A double tap: the backend says it is done already; the page says done too.
    expect(
      (await thrown(disposalAction(office.deps, office.request("/office/uncollected", form)))).headers.get("Location")
    ).toBe("/office/uncollected?notice=done")
    expect(disposals[0]).toEqual({ id: "pasg_7", body: { policy: "sell_off", note: "按规定低价处理" } })
  })

  it("refuses a policy the backend does not know, before calling it", async () => {
    const office = staffBackend()
    await signIn(office)
    const result = await disposalAction(
      office.deps,
      office.request("/office/uncollected", { assignmentId: "pasg_7", policy: "refund" })
    )
    expect(payload<{ errors: Record<string, string> }>(result).errors).toEqual({ policy: "form.office.choose" })
    expect(office.calls.some((c) => c.path.includes("/disposal"))).toBe(false)
  })
})

describe("the household's counter view", () => {
  it("shows what sold and what it earned; another office's household is our 404 page", async () => {
    const office = staffBackend({
      "GET /pickup-staff/households/:id/counter": (params) =>
        params.id === "hh_mine"
          ? [
              200,
              {
                household: {
                  id: "hh_mine",
                  code: "ZJ-LS-001",
                  display_name: "测试果园",
                  village: { id: "vil_1", name: "测试村" },
                },
                period: { type: "week", start: "2026-11-22T16:00:00.000Z", end: "2026-11-29T16:00:00.000Z" },
                sold: [{ product_title: "测试苹果", variant_title: "5斤装", quantity: 3, amount_fen: 2304 }],
                accrued_fen: 2304,
                earned_fen: 1152,
                latest_statement: {
                  id: "stmt_1",
                  period_start: "2026-11-01",
                  period_end: "2026-11-30",
                  total_fen: 9999,
                  status: "paid",
                },
              },
            ]
          : [404, { type: "not_found", message: `household ${params.id} was not found` }],
    })
    await signIn(office)
    const view = payload<Record<string, unknown>>(
      await counterLoader(office.deps, office.request("/office/households/hh_mine"), "hh_mine")
    )
    expect(view).toMatchObject({
      household: { displayName: "测试果园", code: "ZJ-LS-001", village: "测试村" },
      sold: [{ product: "测试苹果", variant: "5斤装", quantity: 3, amountFen: 2304 }],
      accruedFen: 2304,
      earnedFen: 1152,
      statement: { totalFen: 9999, paid: true },
    })
    expect(
      (await thrown(counterLoader(office.deps, office.request("/office/households/hh_other"), "hh_other"))).status
    ).toBe(404)
  })
})
