import * as ZXingModule from "@zxing/library"

// @zxing/library is CommonJS to Node (the server reads back every QR it draws: qr.server.ts) and ESM to the browser
// bundle: Node puts its names on the default export only, the bundle on the module itself. A named import works in
// the bundle and in vitest but stops the built server at start ("Named export 'BinaryBitmap' not found").
const ZXing: typeof ZXingModule = (Reflect.get(ZXingModule, "default") as typeof ZXingModule | undefined) ?? ZXingModule
const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = ZXing

/**
 * Reads a pickup QR from pixels with ZXing (@zxing/library, pure JavaScript:
 * nothing is fetched at run time). The handover page draws the photo onto a
 * canvas and passes its RGBA pixels here; the unit test passes the QR the
 * storefront itself draws. null when no QR code is found.
 */
export function decodeQrRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): string | null {
  const luminance = new Uint8ClampedArray(width * height)
  for (let i = 0, p = 0; i < luminance.length; i++, p += 4) {
    const alpha = rgba[p + 3]! / 255
    // Transparent pixels are paper: a PNG screenshot may have no background.
    const grey = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000
    luminance[i] = Math.round(grey * alpha + 255 * (1 - alpha))
  }
  return decodeQrAnySize(luminance, width, height)
}

/**
 * ZXing's binarizer misses some sharp, large renderings (a phone screenshot of
 * the QR at 2–3× device pixels) that it reads at once when smaller: try the
 * picture as it is, then averaged down by 2, 3 and 4; last, as a "pure" code (a
 * screenshot of the QR alone, which ZXing then reads without locating it).
 */
export function decodeQrAnySize(luminance: Uint8ClampedArray, width: number, height: number): string | null {
  return locateQrAnySize(luminance, width, height) ?? locateQrAnySize(luminance, width, height, { pure: true })
}

/**
 * Each size in turn; `pure` reads the picture as the QR alone, without locating it. Without `pure` it is what a
 * photo of a screen needs (the server checks the QRs it draws with that).
 */
export function locateQrAnySize(
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
  { pure = false } = {}
): string | null {
  for (const factor of [1, 2, 3, 4]) {
    if (factor > 1 && Math.min(width, height) / factor < 60) break
    const found =
      factor === 1
        ? decodeQrLuminance(luminance, width, height, { pure })
        : decodeQrLuminance(...shrink(luminance, width, height, factor), { pure })
    if (found) return found
  }
  return null
}

function shrink(
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
  factor: number
): [Uint8ClampedArray, number, number] {
  const w = Math.floor(width / factor)
  const h = Math.floor(height / factor)
  const out = new Uint8ClampedArray(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0
      for (let dy = 0; dy < factor; dy++)
        for (let dx = 0; dx < factor; dx++) sum += luminance[(y * factor + dy) * width + x * factor + dx]!
      out[y * w + x] = Math.round(sum / (factor * factor))
    }
  }
  return [out, w, h]
}

export function decodeQrLuminance(
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
  { pure = false } = {}
): string | null {
  const hints = new Map<ZXingModule.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]])
  if (pure) hints.set(DecodeHintType.PURE_BARCODE, true)
  try {
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))
    return new QRCodeReader().decode(bitmap, hints).getText()
  } catch {
    return null
  }
}
