import { describe, expect, it } from "vitest"
import { sniffImageType, uploadProblem, UPLOAD_MAX_BYTES, type UploadedFile } from "./validators"

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])
const WEBP = Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1")
const file = (buffer: Buffer, mimetype: string, size = buffer.length): UploadedFile => ({
  originalname: "a",
  mimetype,
  size,
  buffer,
})

describe("listing photo uploads", () => {
  it("recognises the three image types by their bytes", () => {
    expect(sniffImageType(PNG)).toBe("image/png")
    expect(sniffImageType(JPEG)).toBe("image/jpeg")
    expect(sniffImageType(WEBP)).toBe("image/webp")
    expect(sniffImageType(Buffer.from("%PDF-1.7"))).toBeNull()
  })
  it("accepts 1-6 real images", () => {
    expect(uploadProblem([file(PNG, "image/png"), file(JPEG, "image/jpeg"), file(WEBP, "image/webp")])).toBeNull()
  })
  it("names the field and the rule", () => {
    expect(uploadProblem([])).toMatch(/^files: /)
    expect(uploadProblem(Array(7).fill(file(PNG, "image/png")))).toMatch(/at most 6/)
    expect(uploadProblem([file(PNG, "image/png"), file(Buffer.from("hello"), "text/plain")])).toBe(
      "files.1: must be a JPEG, PNG or WebP image"
    )
    expect(uploadProblem([file(PNG, "image/png", UPLOAD_MAX_BYTES + 1)])).toBe("files.0: must be at most 5 MB")
    expect(uploadProblem([file(Buffer.from("<svg/>"), "image/png")])).toMatch(/not a image\/png image/)
  })
})
