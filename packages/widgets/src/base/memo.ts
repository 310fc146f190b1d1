/**
 * One value kept for the parts it was made from: asked again with the same parts (compared
 * one by one, by identity), it gives the value it kept instead of making it anew.
 */
export class Memo<T> {
  #kept: { parts: readonly unknown[]; value: T } | undefined;

  /** The value kept for `parts`, or the one `make` gives, kept from now on. */
  get(parts: readonly unknown[], make: () => T): T {
    const kept = this.#kept;
    if (
      kept &&
      kept.parts.length === parts.length &&
      parts.every((part, i) => part === kept.parts[i])
    )
      return kept.value;
    const value = make();
    this.set(parts, value);
    return value;
  }

  /** Keeps `value` as the one made from `parts`. */
  set(parts: readonly unknown[], value: T): void {
    this.#kept = { parts, value };
  }
}
