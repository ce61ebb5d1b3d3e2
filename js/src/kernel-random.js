// The Node entries' random source (both the full entry and edgeroom/tokens): bundled into
// each, never a module of its own in pkg/.

/**
 * Random bytes (every token's `jti`, retry jitter) from the kernel's CSPRNG, the source
 * WebCrypto draws on too. In Node, `crypto.getRandomValues` loads WebCrypto on its first
 * call, about 2 ms that would land on the first token a process mints; reading
 * /dev/urandom costs about 0.2 ms. Where it cannot be read (Windows), WebCrypto it is.
 */
export function kernelRandom({ openSync, readSync }) {
  let fd;
  let unavailable = false; // once it failed, WebCrypto for good rather than a failing open per refill
  return (bytes) => {
    if (!unavailable) {
      try {
        fd ??= openSync("/dev/urandom", "r");
        for (let filled = 0; filled < bytes.length; ) {
          const read = readSync(fd, bytes, filled, bytes.length - filled, null);
          if (read <= 0) throw new Error("/dev/urandom gave no bytes");
          filled += read;
        }
        return;
      } catch {
        unavailable = true;
      }
    }
    crypto.getRandomValues(bytes);
  };
}
