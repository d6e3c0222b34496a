import type { WallLayout } from '@lp/domain';
import { PANEL_TITLE } from './panel-titles';
import { WallPanelSlot, type WallData } from './wall-panel-slot';

/** A layout drawn with the real panels: the kiosk's screen, and the editor's preview of a draft. */
export function WallGrid({ layout, data }: { layout: WallLayout; data: WallData }) {
  const { columns, rows, panels } = layout;
  return (
    <div
      className="wall-grid"
      style={{
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
      }}
    >
      {panels.map((p) => (
        <section
          key={p.id}
          className={`wall-panel wall-panel-${p.id}`}
          data-testid={`wall-panel-${p.id}`}
          aria-label={PANEL_TITLE[p.id]}
          style={{ gridColumn: `${p.column} / span ${p.width}`, gridRow: `${p.row} / span ${p.height}` }}
        >
          <h2 className="wall-panel-title">{PANEL_TITLE[p.id]}</h2>
          <div className="wall-panel-body">
            <WallPanelSlot placement={p} data={data} />
          </div>
        </section>
      ))}
    </div>
  );
}
