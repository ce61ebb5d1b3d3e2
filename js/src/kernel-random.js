// The Node entries' random source (both the full entry and edgeroom/tokens): bundled into
// each, never a module of its own in pkg/.

/** Bytes read from the kernel at a time: one read serves 256 tokens' `jti`s. */
const POOL_SIZE = 4096;

/**
 * Random bytes (every token's `jti`, retry jitter) from the kernel's CSPRNG, the source
 * WebCrypto draws on too. In Node, `crypto.getRandomValues` loads WebCrypto on its first
 * call, about 2 ms that would land on the first token a process mints; reading
 * /dev/urandom costs about 0.2 ms. Where it cannot be read (Windows), WebCrypto it is.
 * The bytes are read a pool at a time and each is handed out once (as Node's own
 * `crypto.randomUUID` does): a system call per token was a twentieth of a mint's time.
 */
export function kernelRandom({ openSync, readSync }) {
  let fd;
  let unavailable = false; // once it failed, WebCrypto for good rather than a failing open per refill
  const pool = new Uint8Array(POOL_SIZE);
  let used = POOL_SIZE; // bytes of the pool already handed out
  const readAll = (into) => {
    fd ??= openSync("/dev/urandom", "r");
    for (let filled = 0; filled < into.length; ) {
      const read = readSync(fd, into, filled, into.length - filled, null);
      if (read <= 0) throw new Error("/dev/urandom gave no bytes");
      filled += read;
    }
  };
  return (bytes) => {
    if (!unavailable) {
      try {
        if (bytes.length > POOL_SIZE) return readAll(bytes);
        if (used + bytes.length > POOL_SIZE) {
          used = POOL_SIZE; // nothing of a refill that failed halfway is handed out
          readAll(pool);
          used = 0;
        }
        bytes.set(pool.subarray(used, used + bytes.length));
        used += bytes.length;
        return;
      } catch {
        unavailable = true;
      }
    }
    crypto.getRandomValues(bytes);
  };
}
