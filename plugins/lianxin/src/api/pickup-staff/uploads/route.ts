import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { randomUUID } from "node:crypto"
import { officeContext } from "../households/office"
import { UPLOAD_TYPES, uploadProblem, type UploadType, type UploadedFile } from "./validators"
import type { StaffUploadsResponse } from "../../contract"

/** Listing photos (and 合格证 photos) from the staff's phone, stored through Medusa's file module. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse<StaffUploadsResponse>) {
  const ctx = await officeContext(req)
  if (!ctx.officeIds.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "You are not assigned to a pickup point of any property office"
    )
  }
  const files = ((req as unknown as { files?: UploadedFile[] }).files ?? []) as UploadedFile[]
  const problem = uploadProblem(files)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  const { result } = await uploadFilesWorkflow(req.scope).run({
    input: {
      files: files.map((f) => ({
        // Our own ASCII name: phones send IMG_0001.JPG or Chinese names, neither belongs in a URL.
        filename: `listing-${randomUUID()}.${UPLOAD_TYPES[f.mimetype as UploadType]}`,
        mimeType: f.mimetype,
        content: f.buffer.toString("base64"),
        access: "public" as const,
      })),
    },
  })
  res.status(201).json({ files: result.map((f) => ({ id: f.id, url: f.url })) })
}
