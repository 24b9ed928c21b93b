import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import multer from "multer"
import { UPLOAD_MAX_BYTES, UPLOAD_MAX_FILES } from "./validators"

const upload = multer({
  storage: multer.memoryStorage(),
  // One byte over the limit is enough to know a file is too large; the route names it.
  limits: { fileSize: UPLOAD_MAX_BYTES + 1, files: UPLOAD_MAX_FILES + 1 },
}).array("files", UPLOAD_MAX_FILES + 1)

/** Multipart parsing whose failures (too many files, a stray field) are a 400 naming the field, not a 500. */
function parseFiles(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  upload(req, res, (error: unknown) => {
    if (!error) return next()
    const e = error as { code?: string; field?: string; message?: string }
    const message =
      e.code === "LIMIT_FILE_SIZE"
        ? "files: each photo must be at most 5 MB"
        : e.code === "LIMIT_FILE_COUNT" || e.code === "LIMIT_UNEXPECTED_FILE"
          ? `files: send 1-${UPLOAD_MAX_FILES} photos in the field "files"`
          : `files: ${e.message ?? "the upload could not be read"}`
    res.status(400).json({ type: "invalid_data", message })
  })
}

export const pickupStaffUploadMiddlewares: MiddlewareRoute[] = [
  { method: ["POST"], matcher: "/pickup-staff/uploads", bodyParser: false, middlewares: [parseFiles] },
]
