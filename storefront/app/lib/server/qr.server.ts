import QRCode, { type QRCodeMaskPattern } from "qrcode"
import { locateQrAnySize } from "../office/qr"

const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const
const MASKS: QRCodeMaskPattern[] = [0, 1, 2, 3, 4, 5, 6, 7]

/**
 * The pickup QR as an SVG data URL, drawn on the server so the code shows
 * without JavaScript. The token is signed by the backend (pk1.<claims>.<mac>);
 * nothing secret is added here.
 *
 * Every QR drawn is first read back with the counter's own reader (ZXing, as
 * the handover page's photo and camera readers use it): for about one token in
 * 30 the mask pattern the encoder picks gives a symbol ZXing cannot locate,
 * however sharp the picture (measured: 14 of 300 random 186-character tokens).
 * Then another of the eight masks is used: any mask is a valid QR code, and
 * every other reader reads it as well.
 */
export async function qrDataUrl(token: string): Promise<string> {
  const mask = readableMask(token)
  const svg = await QRCode.toString(token, {
    type: "svg",
    ...OPTIONS,
    ...(mask === undefined ? {} : { maskPattern: mask }),
  })
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`
}

/**
 * undefined when the encoder's own choice reads back; else the first mask that does (or undefined if none).
 * The check costs about 45 ms, so answers are remembered for recently drawn tokens (a pure function of the token:
 * nothing a second server would need to share).
 */
export function readableMask(token: string): QRCodeMaskPattern | undefined {
  if (checked.has(token)) return checked.get(token)
  const mask = readsBack(token) ? undefined : MASKS.find((m) => readsBack(token, m))
  if (checked.size >= CHECKED_MAX) checked.delete(checked.keys().next().value!)
  checked.set(token, mask)
  return mask
}

const CHECKED_MAX = 1000
const checked = new Map<string, QRCodeMaskPattern | undefined>()

/**
 * Draws the symbol sharp at the sizes a phone shows the 192-CSS-pixel QR (2, 2.625 and 3 device pixels a CSS
 * pixel: modules need not be whole pixels) and reads each with the counter's reader.
 */
export function readsBack(token: string, maskPattern?: QRCodeMaskPattern): boolean {
  const { modules } = QRCode.create(token, { ...OPTIONS, ...(maskPattern === undefined ? {} : { maskPattern }) })
  const size = modules.size + 2 * OPTIONS.margin
  return PHONE_WIDTHS.every((width) => {
    const pixels = new Uint8ClampedArray(width * width)
    for (let y = 0; y < width; y++) {
      const row = Math.floor(((y + 0.5) * size) / width) - OPTIONS.margin
      for (let x = 0; x < width; x++) {
        const col = Math.floor(((x + 0.5) * size) / width) - OPTIONS.margin
        const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col)
        pixels[y * width + x] = dark ? 0 : 255
      }
    }
    return locateQrAnySize(pixels, width, width) === token
  })
}

const PHONE_WIDTHS = [384, 504, 576]
