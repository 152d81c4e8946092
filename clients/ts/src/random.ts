/** A small seeded random number generator (mulberry32, Gaussians by Box–Muller): the same
 * seed gives the same numbers on every JavaScript engine. Not Python's `random`. */

/** 2^32: mulberry32 answers 32-bit integers. */
const TWO_POW_32 = 2 ** 32;

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  }

  /** A number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A whole number from 0 to `n` − 1 (n at most 2^32). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number from `low` to `high`, both included. */
  integer(low: number, high: number): number {
    return low + this.below(high - low + 1);
  }

  /** One of `items` (not empty). */
  choice<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** A Gaussian number of mean `mean` and standard deviation `sigma` (Box–Muller). */
  gauss(mean = 0, sigma = 1): number {
    const u = 1 - this.next(); // in (0, 1]: the logarithm is finite
    return mean + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}
