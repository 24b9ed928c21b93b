import fs from "node:fs"

/**
 * A process and all its descendants (Linux /proc): the pids of the tree under `rootPid`, each with the fields of its
 * /proc/<pid>/stat after the command name (fields[1] is the parent pid, [11] and [12] user and system clock ticks).
 */
export function processTree(rootPid: number): Array<{ pid: number; stat: string[] }> {
  const children = new Map<number, number[]>()
  const stats = new Map<number, string[]>()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      const pid = Number(entry)
      stats.set(pid, fields)
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), pid])
    } catch {}
  }
  const tree: Array<{ pid: number; stat: string[] }> = []
  const stack = [rootPid]
  while (stack.length) {
    const pid = stack.pop()!
    const stat = stats.get(pid)
    if (stat) tree.push({ pid, stat })
    stack.push(...(children.get(pid) ?? []))
  }
  return tree
}
