import type { DeliveryView } from '@lp/domain';

/** Every page with its status; a failed one shows its last error, so nothing fails unseen. */
export function DeliveryTable({ deliveries }: { deliveries: readonly DeliveryView[] }) {
  if (deliveries.length === 0) return <p className="empty">No pages yet.</p>;
  return (
    <table className="deliveries">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Step</th>
          <th scope="col">To</th>
          <th scope="col">Channel</th>
          <th scope="col">Action</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last error</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={d.id} className={`delivery-${d.status}`}>
            <td>{new Date(d.createdAt).toLocaleTimeString()}</td>
            <td>{d.step + 1}</td>
            <td>{d.target ?? '—'}</td>
            <td>{d.channelName}</td>
            <td>{d.action}</td>
            <td>{d.status}</td>
            <td>{d.attempts}</td>
            <td>{d.lastError ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
