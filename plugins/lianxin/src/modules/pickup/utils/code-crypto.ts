import * as Codes from "../../../utils/pickup-code"
import type { CodeCrypto } from "../types"

/**
 * What the code repositories need of the keyring (decisions 014, 016): new codes are hashed and sealed under the
 * current key; a look-up tries the code's HMAC under every loaded key, so codes issued before a rotation still match.
 * The keyring is read at each call: the service's can be replaced (security-key-rotation.spec swaps it in place).
 */
export function codeCryptoOf(keyring: () => Codes.PickupKeyring): CodeCrypto {
  return {
    currentKeyId: () => keyring().currentId,
    hash: (pointId, code) => Codes.hashPickupCode(keyring().current.code, pointId, code),
    candidates: (pointId, code) => Codes.pickupCodeHashes(keyring(), pointId, code),
    seal: (context, code) => Codes.sealPickupCodeWith(keyring(), context, code),
    open: (context, sealed) => Codes.openPickupCodeWith(keyring(), context, sealed),
    sealedKeyId: Codes.sealedPickupKeyId,
  }
}
