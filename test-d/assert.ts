// Type-level assertions: compile-time only, nothing here runs.

/** Passes when `value` is assignable to `T`. */
export function expectAssignable<T>(value: T): void {
  void value;
}

/** True when X and Y are the same type (not merely mutually assignable). */
export type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

/** Fails to compile unless its type argument is `true`. */
export function expectTrue<T extends true>(): void {}
