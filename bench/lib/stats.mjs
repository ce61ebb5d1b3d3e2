// Timing loops and summaries, portable across Node, Deno and workerd.

/** `{ median, min, max, n }` of a list of numbers. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

const BATCH = 32;

/**
 * Mints for about `ms` milliseconds (whole batches of 32, the clock read between batches)
 * and returns tokens per second. The lengths are summed so no engine can drop the work.
 */
export async function mintFor(mint, isAsync, ms) {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  const end = start + ms;
  let now;
  if (isAsync) {
    do {
      for (let i = 0; i < BATCH; i++) sink += (await mint()).length;
      count += BATCH;
      now = performance.now();
    } while (now < end);
  } else {
    do {
      for (let i = 0; i < BATCH; i++) sink += mint().length;
      count += BATCH;
      now = performance.now();
    } while (now < end);
  }
  if (sink === 0) throw new Error("no tokens minted");
  return (count * 1000) / (now - start);
}

/** Mints exactly `count` tokens (for workerd, where the clock stands still while code runs). */
export async function mintCount(mint, isAsync, count) {
  let sink = 0;
  if (isAsync) for (let i = 0; i < count; i++) sink += (await mint()).length;
  else for (let i = 0; i < count; i++) sink += mint().length;
  return sink;
}
