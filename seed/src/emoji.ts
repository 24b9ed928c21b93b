import path from "node:path"

/**
 * Product pictures are Fluent Emoji (flat style) as shipped in the npm package
 * `fluentui-emoji`, exact-pinned in seed/package.json: nothing is downloaded
 * at seed time. No Medusa imports here, so data checks stay fast.
 */
export const EMOJI_PACKAGE = "fluentui-emoji"
export const EMOJI_STYLE_DIR = path.join("icons", "flat")

export function emojiDir(): string {
  const manifest = require.resolve(`${EMOJI_PACKAGE}/package.json`)
  return path.join(path.dirname(manifest), EMOJI_STYLE_DIR)
}

export function emojiFilePath(name: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) {
    throw new Error(`Emoji names are kebab-case file names in ${EMOJI_PACKAGE}, got "${name}"`)
  }
  return path.join(emojiDir(), `${name}.svg`)
}
