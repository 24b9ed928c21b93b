import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { EMOJI_PACKAGE, emojiDir } from "./emoji"

const seedDir = path.resolve(__dirname, "..")
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"))

describe("the emoji image package", () => {
  const pinned: string = readJson(path.join(seedDir, "package.json")).dependencies[EMOJI_PACKAGE]
  const installed = readJson(path.join(emojiDir(), "..", "..", "package.json"))

  it("is exact-pinned and installed at that version", () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/)
    expect(installed.version).toBe(pinned)
  })

  it("is credited in seed/README.md with its version and licence", () => {
    const readme = fs.readFileSync(path.join(seedDir, "README.md"), "utf8")
    expect(readme).toContain(`${EMOJI_PACKAGE}@${pinned}`)
    expect(readme).toContain(installed.license)
  })
})
