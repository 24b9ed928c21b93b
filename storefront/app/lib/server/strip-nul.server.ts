import { Transform } from "node:stream"

/**
 * React 18.3's streaming renderer (react-dom/server.node, `writeStringChunk`)
 * flushes its whole 2048-byte view when a multi-byte character does not fit
 * at its end, unwritten tail included: the page then carries NUL bytes in the
 * middle of Chinese text (`导\0航`), which breaks accessible names and text
 * search in the browser. React 19 fixed it; we stay on 18 (README, two Reacts).
 * A rendered document never has a legitimate NUL (React's output is text; the
 * HTML parser would turn one into U+FFFD anyway), so dropping them restores
 * exactly the bytes React meant to send.
 */
export function createNulStripper() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk)
      const out = Buffer.allocUnsafe(chunk.length)
      let n = 0
      for (const byte of chunk) if (byte !== 0) out[n++] = byte
      callback(null, out.subarray(0, n))
    },
  })
}
