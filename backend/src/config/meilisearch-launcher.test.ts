import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { describe, expect, it } from "vitest"
import {
  MEILISEARCH_SHA256,
  MeilisearchUnavailable,
  meilisearchBinary,
  startMeilisearch,
  testMeilisearch,
  // @ts-expect-error plain ESM helper shared with scripts/start.mjs
} from "../../scripts/meilisearch.mjs"

describe("the packaged Meilisearch", () => {
  it("names the platforms it covers and what to do elsewhere", async () => {
    const error = await meilisearchBinary({ platform: "darwin", arch: "arm64" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MeilisearchUnavailable)
    expect((error as Error).message).toMatch(/darwin\/arm64.*MEILISEARCH_HOST and MEILISEARCH_API_KEY/)
  })

  it("says how to install the optional dependency when it is missing", async () => {
    const resolve = () => {
      throw new Error("Cannot find module")
    }
    const error = await meilisearchBinary({ platform: "linux", arch: "x64", resolve }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/not installed \(an optional dependency/)
  })

  it("refuses a binary whose sha256 is not the pinned one, and does not make it executable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-meili-hash-"))
    const fake = path.join(dir, "meilisearch")
    fs.writeFileSync(fake, "#!/bin/sh\necho not meilisearch\n", { mode: 0o644 })
    try {
      const error = await meilisearchBinary({ platform: "linux", arch: "x64", resolve: () => fake }).catch(
        (e: unknown) => e
      )
      expect((error as Error).message).toContain(`expected ${MEILISEARCH_SHA256}`)
      expect(fs.statSync(fake).mode & 0o111).toBe(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("verifies the real binary, runs it on 127.0.0.1 behind its master key and stops it", async () => {
    const binary: string = await meilisearchBinary()
    expect(fs.statSync(binary).mode & 0o111).toBe(0o111)
    const meili = await testMeilisearch()
    try {
      expect(meili.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect((await fetch(`${meili.host}/indexes`)).status).toBe(401)
      const version = await fetch(`${meili.host}/version`, { headers: { Authorization: `Bearer ${meili.apiKey}` } })
      expect(((await version.json()) as { pkgVersion: string }).pkgVersion).toBe("1.21.0")
    } finally {
      await meili.stop()
    }
    await expect(fetch(`${meili.host}/health`)).rejects.toThrow()
  })

  it("refuses a port another server holds instead of talking to that server", async () => {
    const other = await testMeilisearch()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lianxin-meili-port-"))
    try {
      const port = Number(new URL(other.host).port)
      const error = await startMeilisearch({ dataDir: dir, port, masterKey: "k".repeat(32) }).catch((e: unknown) => e)
      expect((error as Error).message).toMatch(new RegExp(`port ${port} .* in use: set LIANXIN_MEILI_PORT`))
      expect(fs.existsSync(path.join(dir, "data.ms"))).toBe(false)
    } finally {
      await other.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
