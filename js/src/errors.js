// Errors raised on the JavaScript side have exactly the shape of those raised in wasm:
// an Error named "EdgeroomError" with a stable `code` and, for bad input, the `field`.

export function edgeroomError(code, message, field) {
  const error = new Error(message);
  error.name = "EdgeroomError";
  error.code = code;
  if (field !== undefined) error.field = field;
  return error;
}
