import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  createPickupKeyring,
  derivePickupKeys,
  hashPickupCode,
  openPickupCode,
  openPickupCodeWith,
  pickupCodeHashes,
  sealedPickupKeyId,
  sealPickupCode,
  sealPickupCodeWith,
  signPickupToken,
  verifyPickupTokenWith,
} from "./pickup-code"

const OLD = Buffer.alloc(32, 1)
const NEW = Buffer.alloc(32, 2)
const before = createPickupKeyring({ id: "v1", master: OLD })
const during = createPickupKeyring({ id: "v2", master: NEW }, { v1: OLD })
const after = createPickupKeyring({ id: "v2", master: NEW })

describe("pickup keyring (decision 016)", () => {
  it("seals under the current key and names it; opens with the key the seal names", () => {
    const sealed = sealPickupCodeWith(during, "pasg_1:1", "12345678")
    expect(sealed).toMatch(/^s2:v2:/)
    expect(sealedPickupKeyId(sealed)).toBe("v2")
    expect(openPickupCodeWith(after, "pasg_1:1", sealed)).toBe("12345678")
    // Bound to assignment and code version, as before.
    expect(openPickupCodeWith(after, "pasg_2:1", sealed)).toBeNull()
    // A seal naming a key that is not loaded opens with nothing (no trying other keys).
    expect(openPickupCodeWith(before, "pasg_1:1", sealed)).toBeNull()
  })

  it("opens seals of the first format (no key id) with whichever loaded key wrote them", () => {
    const legacy = sealPickupCode(derivePickupKeys(OLD).seal, "pasg_1:3", "00000042")
    expect(sealedPickupKeyId(legacy)).toBeNull()
    expect(openPickupCodeWith(during, "pasg_1:3", legacy)).toBe("00000042")
    expect(openPickupCodeWith(after, "pasg_1:3", legacy)).toBeNull()
  })

  it("a code's hashes: the current key's first, then every previous one", () => {
    const hashes = pickupCodeHashes(during, "ppt_1", "12345678")
    expect(hashes).toEqual([
      hashPickupCode(derivePickupKeys(NEW).code, "ppt_1", "12345678"),
      hashPickupCode(derivePickupKeys(OLD).code, "ppt_1", "12345678"),
    ])
    expect(pickupCodeHashes(after, "ppt_1", "12345678")).toEqual([hashes[0]])
  })

  it("tokens of a previous key verify while it is loaded, and not after", () => {
    const claims = { a: "pasg_1", o: "order_1", p: "ppt_1", v: 2 }
    const old = signPickupToken(derivePickupKeys(OLD).token, claims)
    expect(verifyPickupTokenWith(during, old)).toEqual(claims)
    expect(verifyPickupTokenWith(after, old)).toBeNull()
  })

  it("refuses a previous key under the current id and malformed ids", () => {
    expect(() => createPickupKeyring({ id: "v1", master: NEW }, { v1: OLD })).toThrow(/id of the current key/)
    expect(() => createPickupKeyring({ id: "V 2", master: NEW })).toThrow(/key id/)
  })

  it("property: any code sealed during a rotation opens after it with the new key only if sealed under it", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 1, max: 1000 }), (code, version) => {
        const context = `pasg_x:${version}`
        expect(openPickupCodeWith(after, context, sealPickupCodeWith(during, context, code))).toBe(code)
        const underOld = sealPickupCodeWith(before, context, code)
        expect(openPickupCodeWith(during, context, underOld)).toBe(code)
        expect(openPickupCodeWith(after, context, underOld)).toBeNull()
        // The first format stays readable by openPickupCode itself.
        expect(
          openPickupCode(derivePickupKeys(OLD).seal, context, `v1:${underOld.split(":").slice(2).join(":")}`)
        ).toBe(code)
      }),
      { numRuns: 50 }
    )
  })
})
