import QRCode from "qrcode"

/**
 * The pickup QR as an SVG data URL, drawn on the server so the code shows
 * without JavaScript. The token is signed by the backend (pk1.<claims>.<mac>);
 * nothing secret is added here.
 */
export async function qrDataUrl(token: string): Promise<string> {
  const svg = await QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`
}
