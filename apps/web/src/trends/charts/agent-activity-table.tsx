import type { AgentActivity } from '@lp/domain';

/** Who did what in the range. A table, not a chart: managers read names and exact numbers. */
export function AgentActivityTable({ data }: { data: AgentActivity[] }) {
  if (data.length === 0) return <p className="trend-empty">No agent activity in this range.</p>;
  return (
    <table className="trend-table" data-testid="agent-activity">
      <thead>
        <tr>
          <th scope="col">Agent</th>
          <th scope="col">Claims</th>
          <th scope="col">Replies sent</th>
          <th scope="col">Approvals</th>
          <th scope="col">Status changes</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {data.map((a) => (
          <tr key={a.agentId}>
            <th scope="row">{a.name}</th>
            <td>{a.claims}</td>
            <td>{a.repliesSent}</td>
            <td>{a.approvals}</td>
            <td>{a.statusChanges}</td>
            <td>{a.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
