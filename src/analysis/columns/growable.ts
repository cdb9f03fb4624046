/** Typed arrays that grow as rows are appended: no boxed numbers, so 1,000,000 responses stay compact. */

type Typed = Int32Array | Float64Array | Uint8Array;

class Growable<T extends Typed> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 1024,
  ) {
    this.data = make(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = v;
  }

  /** Whether `v` is among the values from index `from` on. */
  includes(v: number, from: number): boolean {
    for (let i = from; i < this.length; i++) if (this.data[i] === v) return true;
    return false;
  }

  /** Appends every value of `values` (converted to this array's type, as TypedArray.set does). */
  pushAll(values: ArrayLike<number>): void {
    this.reserve(this.length + values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }

  /** Room for at least `capacity` values (doubling, so appends stay amortised O(1)). */
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const bigger = this.make(Math.max(capacity, this.data.length * 2));
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  /** The first `end` values (default all) as a view: no copy, and later appends do not show through it. */
  view(start = 0, end = this.length): T {
    return this.data.subarray(start, end) as T;
  }

  get bytes(): number {
    return this.data.byteLength;
  }
}

export class GrowableInts extends Growable<Int32Array> {
  constructor(capacity?: number) {
    super((n) => new Int32Array(n), capacity);
  }
}

export class GrowableFloats extends Growable<Float64Array> {
  constructor(capacity?: number) {
    super((n) => new Float64Array(n), capacity);
  }
}

export class GrowableBytes extends Growable<Uint8Array> {
  constructor(capacity?: number) {
    super((n) => new Uint8Array(n), capacity);
  }
}
