/** Timing helpers for the benchmarks: warm-up, then the median of repeated runs, in milliseconds. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

export async function measure(work: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, minMs: times[0] ?? 0, runs };
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * The resident memory of this process, sampled every 20 ms: `section(name)` closes the previous section
 * with the highest value seen during it (in MB), so each benchmark reports its own peak.
 */
export function memorySections() {
  const peaks: Record<string, number> = {};
  let current: string | undefined;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  timer.unref();
  const close = () => {
    sample();
    if (current) peaks[current] = Math.round(peak / 1024 / 1024);
  };
  return {
    section(name: string) {
      close();
      current = name;
      peak = process.memoryUsage().rss;
    },
    done(): Readonly<Record<string, number>> {
      close();
      current = undefined;
      clearInterval(timer);
      return peaks;
    },
  };
}
