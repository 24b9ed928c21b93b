/**
 * The progress line of long jobs run from a terminal (`npm run reindex`, bench/search.mjs): a bar, count of
 * total, batches, rate and ETA. Pure; `ProgressPrinter` decides when to print it: redrawn in place on a
 * terminal, a plain line every 10 % (and at least every 10 s) into a file or a CI log.
 */

export type ProgressState = {
  label: string
  done: number
  total: number
  batches: number
  /** Milliseconds since the job started. */
  elapsedMs: number
}

const FULL = "█"
const EMPTY = "░"

function group(n: number): string {
  return Math.round(n).toLocaleString("en-US")
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, "0")
  return h ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`
}

/**
 * `products ██████░░░░░░░░░░░░░░ 15,000/50,000  30% · 60 batches · 2,500/s · ETA 0:14`.
 * Without a rate yet (nothing done) the ETA is "?"; when done it says how long it took.
 */
export function formatProgress(state: ProgressState, width = 20): string {
  const total = Math.max(state.total, state.done, 0)
  const fraction = total ? Math.min(1, state.done / total) : 1
  const filled = Math.round(fraction * width)
  const bar = FULL.repeat(filled) + EMPTY.repeat(width - filled)
  const seconds = state.elapsedMs / 1000
  const rate = seconds > 0 ? state.done / seconds : 0
  const remaining = total - state.done
  const eta =
    remaining <= 0 ? `took ${formatDuration(seconds)}` : rate > 0 ? `ETA ${formatDuration(remaining / rate)}` : "ETA ?"
  const pct = `${Math.floor(fraction * 100)}%`.padStart(4)
  return `${state.label} ${bar} ${group(state.done)}/${group(total)} ${pct} · ${group(state.batches)} batch${
    state.batches === 1 ? "" : "es"
  } · ${group(rate)}/s · ${eta}`
}

type Stream = { isTTY?: boolean; write(text: string): unknown }

/**
 * Prints progress to a stream. On a TTY the line is redrawn in place (at most every 100 ms); elsewhere a
 * full line is written at every 10 % step and at least every 10 s, so logs stay short but never silent.
 */
export class ProgressPrinter {
  private lastDrawAt = Number.NEGATIVE_INFINITY
  private lastStep = -1
  private drawn = false
  private readonly startedAt: number

  /** `startedAt`: when the job began (default now), so the rate counts the time before the first update too. */
  constructor(
    private readonly stream: Stream,
    private readonly label: string,
    private readonly now: () => number = Date.now,
    startedAt?: number
  ) {
    this.startedAt = startedAt ?? now()
  }

  get tty(): boolean {
    return this.stream.isTTY === true
  }

  update(done: number, total: number, batches: number): void {
    const at = this.now()
    const line = formatProgress({ label: this.label, done, total, batches, elapsedMs: at - this.startedAt })
    if (this.tty) {
      if (at - this.lastDrawAt < 100 && done < total) return
      this.stream.write(`\r\x1b[2K${line}`)
      this.drawn = true
    } else {
      const step = total ? Math.floor((10 * Math.min(done, total)) / total) : 10
      if (step === this.lastStep && at - this.lastDrawAt < 10_000) return
      this.lastStep = step
      this.stream.write(`${line}\n`)
    }
    this.lastDrawAt = at
  }

  /** Ends the redrawn line (TTY) so what follows starts on a line of its own. */
  finish(): void {
    if (this.tty && this.drawn) this.stream.write("\n")
    this.drawn = false
  }
}
