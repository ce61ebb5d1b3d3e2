// The `init()` of the browser entries (the full one and edgeroom/tokens), which differ only in
// the module they load.
import { edgeroomError } from "./errors.js";

/**
 * `init(input)` for the module `file` (its name in the package's wasm/ folder): call once
 * and await it before anything else; later calls return the same promise, and a failed load
 * lets a later call try again (e.g. after a network blip). `input` may be a URL, a Request, a
 * Response (or a promise of one), bytes or a WebAssembly.Module; without it, `defaultUrl()` (the .wasm beside the
 * package, written as `new URL("...", import.meta.url)` in the entry itself, where bundlers
 * look for it). `initWasm` is wasm-bindgen's async init; `markReady` runs once it resolved.
 *
 * A load that fails is an EdgeroomError `wasm_load_failed` naming the URL and the fix: a
 * fetch that fails, an answer that is not 2xx (a bundler that left the .wasm behind gives a
 * 404, or the page's own HTML), or bytes that do not compile.
 */
export function initOnce({ file, defaultUrl, initWasm, markReady }) {
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

  async function load(input) {
    const given = input !== undefined;
    let source = given ? input : defaultUrl();
    let url;
    let thenable = false;
    try {
      thenable = typeof source?.then === "function";
    } catch {
      // an input whose `then` cannot be read is not a promise; initWasm refuses it below
    }
    if (thenable) {
      // init(fetch(url)), as wasm-bindgen's own init accepts.
      try {
        source = await source;
      } catch (error) {
        throw failed(`the promise given to init() rejected (${error?.message ?? error})`, error);
      }
    }
    if (typeof source === "string" || source instanceof URL || (typeof Request === "function" && source instanceof Request)) {
      url = typeof source === "string" || source instanceof URL ? String(source) : source.url;
      try {
        source = await fetch(source);
      } catch (error) {
        throw failed(`fetching ${url} failed (${error?.message ?? error})`, error);
      }
    }
    if (typeof Response === "function" && source instanceof Response) {
      url = source.url || url || "the Response given to init()";
      if (!source.ok) throw failed(`${url} answered HTTP ${source.status} ${source.statusText}`.trimEnd());
    }
    try {
      await initWasm({ module_or_path: source });
    } catch (error) {
      const type = typeof Response === "function" && source instanceof Response ? source.headers.get("content-type") : null;
      const what = url ?? "the module given to init()";
      throw failed(`${what}${type ? ` (${type})` : ""} is not edgeroom's WebAssembly module: ${error?.message ?? error}`, error);
    }
    markReady();

    /** The error, with the fix that fits how the module was asked for. */
    function failed(problem, cause) {
      const fix = given
        ? `init() was given this input: it must be edgeroom's ${file} (node_modules/edgeroom/wasm/${file}), served as application/wasm`
        : `the .wasm is not where the bundled code looks for it: if a bundler built this page it left ${file} behind ` +
          `(see "Bundlers" in edgeroom's README: esbuild needs --loader:.wasm=file and ` +
          `\`import wasmUrl from "edgeroom/${file}"; await init(wasmUrl)\`), ` +
          `or serve node_modules/edgeroom/wasm/${file} yourself and pass its URL: init(url)`;
      const error = edgeroomError("wasm_load_failed", `edgeroom could not load its WebAssembly module: ${problem}; ${fix}`);
      if (cause !== undefined) error.cause = cause;
      return error;
    }
  }
}
