import fs from "node:fs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { emojiFilePath } from "./emoji"

/**
 * Uploads each named emoji once through Medusa's file module and returns
 * name → public URL. With the default local provider the files land in the
 * backend's static/ folder under emoji/.
 */
export async function uploadEmojiImages(
  container: MedusaContainer,
  names: readonly string[]
): Promise<Map<string, string>> {
  const unique = [...new Set(names)].sort()
  if (unique.length === 0) {
    return new Map()
  }
  const files = unique.map((name) => ({
    filename: `emoji/${name}.svg`,
    mimeType: "image/svg+xml",
    content: fs.readFileSync(emojiFilePath(name)).toString("base64"),
    access: "public" as const,
  }))
  const { result } = await uploadFilesWorkflow(container).run({ input: { files } })
  if (result.length !== unique.length) {
    throw new Error(`Uploaded ${result.length} of ${unique.length} emoji images`)
  }
  return new Map(unique.map((name, i) => [name, result[i].url]))
}
