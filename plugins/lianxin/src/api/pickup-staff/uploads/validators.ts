/** What a listing photo may be: a JPEG, PNG or WebP image of at most 5 MB, 1-6 per upload. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024
export const UPLOAD_MAX_FILES = 6
export const UPLOAD_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
} as const
export type UploadType = keyof typeof UPLOAD_TYPES

/** The type the bytes really are (by their magic number), or null. The browser's claim alone is not trusted. */
export function sniffImageType(bytes: Uint8Array): UploadType | null {
  const at = (i: number) => bytes[i]
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg"
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b))
    return "image/png"
  if (
    bytes.length >= 12 &&
    String.fromCharCode(at(0), at(1), at(2), at(3)) === "RIFF" &&
    String.fromCharCode(at(8), at(9), at(10), at(11)) === "WEBP"
  ) {
    return "image/webp"
  }
  return null
}

export type UploadedFile = { originalname: string; mimetype: string; size: number; buffer: Buffer }

/** The problem with one upload, naming the field and the rule; null when it is fine. */
export function uploadProblem(files: readonly UploadedFile[]): string | null {
  if (!files.length) return "files: choose 1-6 photos"
  if (files.length > UPLOAD_MAX_FILES) return `files: at most ${UPLOAD_MAX_FILES} photos at once`
  for (const [i, f] of files.entries()) {
    if (!(f.mimetype in UPLOAD_TYPES)) return `files.${i}: must be a JPEG, PNG or WebP image`
    if (f.size > UPLOAD_MAX_BYTES) return `files.${i}: must be at most 5 MB`
    if (sniffImageType(f.buffer) !== f.mimetype) return `files.${i}: the content is not a ${f.mimetype} image`
  }
  return null
}
