import type { UserView } from '@lp/domain';

interface SessionResponse {
  accessToken: string;
  expiresIn: number;
  user: UserView;
}

export type SessionState =
  { status: 'checking' } | { status: 'signed-out'; message?: string } | { status: 'signed-in'; user: UserView };

/** Refresh this long before the access token expires, so requests never carry a stale one. */
const REFRESH_AHEAD_MS = 60_000;

/**
 * The browser's sign-in session. The access token lives in memory only; the session itself is an
 * httpOnly cookie that only /api/auth/* receives, so script on the page can never read it.
 */
export class Session {
  private accessToken = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | undefined;
  private listeners = new Set<(state: SessionState) => void>();
  private current: SessionState = { status: 'checking' };

  get state(): SessionState {
    return this.current;
  }

  get token(): string {
    return this.accessToken;
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Throws an Error whose message is fit to show. */
  async signIn(email: string, password: string): Promise<void> {
    const res = await fetch('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ email, password }),
    });
    if (res.status === 429) throw new Error('Too many attempts: wait a minute, then try again.');
    if (res.status === 401 || res.status === 400) throw new Error('Wrong email or password.');
    if (!res.ok) throw new Error(`Sign-in failed (${res.status}). Try again.`);
    this.accept((await res.json()) as SessionResponse);
  }

  /** Renews the access token from the session cookie; false when there is no session any more. */
  refresh(): Promise<boolean> {
    this.refreshing ??= (async () => {
      try {
        const res = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' });
        if (!res.ok) {
          this.end();
          return false;
        }
        this.accept((await res.json()) as SessionResponse);
        return true;
      } catch {
        return false; // network down: keep the state; the connection banner says so
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  async signOut(): Promise<void> {
    await fetch('/api/auth/sign-out', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    this.end();
  }

  /** fetch with the access token; on a 401 refreshes once and retries once. */
  async authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
    const send = () =>
      fetch(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${this.accessToken}` } });
    const res = await send();
    if (res.status !== 401 || !(await this.refresh())) return res;
    return send();
  }

  private accept(session: SessionResponse): void {
    this.accessToken = session.accessToken;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(5_000, session.expiresIn * 1000 - REFRESH_AHEAD_MS));
    this.set({ status: 'signed-in', user: session.user });
  }

  private end(): void {
    this.accessToken = '';
    if (this.timer) clearTimeout(this.timer);
    this.set({ status: 'signed-out' });
  }

  private set(state: SessionState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
