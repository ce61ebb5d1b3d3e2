// The `init()` of the browser entries (the full one and edgeroom/tokens), which differ only in
// the module they load.

/**
 * `init(input)` over `load(input)` (which instantiates a module and marks it ready): call
 * once and await it before anything else; later calls return the same promise, and a failed
 * load lets a later call try again (e.g. after a network blip). `input` may be a URL, a
 * Response, bytes or a WebAssembly.Module.
 */
export function initOnce(load) {
  let initialising;
  return function init(input) {
    initialising ??= load(input).then(
      () => undefined,
      (error) => {
        initialising = undefined;
        throw error;
      },
    );
    return initialising;
  };
}
