// Failed console sign-ins slow guessing down: after too many failures in a window for one user name, or from one
// address, further attempts are refused until the window has passed, right password or not.
const WINDOW_MS = 5 * 60 * 1000;
const PER_USER = 5;
const PER_ADDRESS = 20;

interface Window {
  startedAt: number;
  failures: number;
}

export class SignInThrottle {
  private readonly windows = new Map<string, Window>();

  private current(key: string, now: Date): Window | undefined {
    const window = this.windows.get(key);
    if (window && now.getTime() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** False when the user name or the address has used up its failures for now. */
  allows(userName: string, address: string, now: Date): boolean {
    return (this.current(`user:${userName.toLowerCase()}`, now)?.failures ?? 0) < PER_USER && (this.current(`ip:${address}`, now)?.failures ?? 0) < PER_ADDRESS;
  }

  failed(userName: string, address: string, now: Date): void {
    if (this.windows.size > 10_000) for (const key of [...this.windows.keys()]) this.current(key, now);
    for (const key of [`user:${userName.toLowerCase()}`, `ip:${address}`]) {
      const window = this.current(key, now) ?? { startedAt: now.getTime(), failures: 0 };
      window.failures += 1;
      this.windows.set(key, window);
    }
  }

  succeeded(userName: string): void {
    this.windows.delete(`user:${userName.toLowerCase()}`);
  }
}
