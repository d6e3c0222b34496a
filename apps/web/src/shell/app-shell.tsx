import { NavLink, Outlet } from 'react-router';
import type { Role } from '@lp/domain';
import { ConnectionBanner } from '../components/connection-banner';
import { useConnectionState, useLive } from '../live/live-data';

interface NavItem {
  to: string;
  label: string;
  roles: readonly Role[] | 'all';
}

const NAV: readonly NavItem[] = [
  { to: '/console', label: 'Console', roles: 'all' },
  { to: '/wall', label: 'Wall', roles: 'all' },
  { to: '/trends', label: 'Trends', roles: ['manager', 'admin'] },
  { to: '/oncall', label: 'On-call', roles: 'all' },
];

/** Where each role starts. */
export function homeFor(role: Role): string {
  return role === 'manager' ? '/trends' : '/console';
}

/** The frame of every page but the wall: navigation, who is signed in, the connection state. */
export function AppShell() {
  const { user, session } = useLive();
  const { state, stale } = useConnectionState();
  return (
    <div className="shell">
      <header className="shell-header">
        <span className="brand">Listening Post</span>
        <nav aria-label="Screens">
          {NAV.filter((n) => n.roles === 'all' || n.roles.includes(user.role)).map((n) => (
            <NavLink key={n.to} to={n.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
              {n.label}
            </NavLink>
          ))}
        </nav>
        <span className={`status status-${state}`} data-testid="connection-state">
          {state === 'live' ? '● Live' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        <span className="user">
          {user.name} · {user.role}
        </span>
        <button type="button" className="sign-out" data-testid="sign-out" onClick={() => void session.signOut()}>
          Sign out
        </button>
      </header>
      <ConnectionBanner state={state} stale={stale} />
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
