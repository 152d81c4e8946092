/** Live figures: jobs repeated every few seconds while their page is shown. A job never
 * overlaps itself; the router stops a page's jobs when it shows another page. */

/** How often live figures (deposit, contributions, market) are read again. */
export const REFRESH_MS = 2000;

/** The repeated jobs of one page. */
export class Refresh {
  private timers: ReturnType<typeof setInterval>[] = [];
  private stopped = false;

  /** Runs `job` now and every REFRESH_MS until `stop`. */
  every(job: () => Promise<void>): void {
    if (this.stopped) return;
    let running = false;
    const tick = async () => {
      if (running || this.stopped) return;
      running = true;
      try {
        await job();
      } catch (error) {
        console.warn("refresh failed:", error);
      } finally {
        running = false;
      }
    };
    void tick();
    this.timers.push(setInterval(tick, REFRESH_MS));
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach(clearInterval);
  }
}
