import type { WallLayout } from '@lp/domain';
import { useWallData } from '../use-wall-data';
import { WallGrid } from '../wall-grid';

/**
 * The draft drawn by the wall's own panels with live data, at 16:9: type is sized from the
 * preview's width (container units) as the kiosk's is from the screen's.
 */
export function LayoutPreview({ layout }: { layout: WallLayout }) {
  const data = useWallData(
    layout.panels.find((p) => p.id === 'urgent'),
    false,
  );
  return (
    <div className="wall-preview-frame">
      <div className="wall wall-preview" data-testid="wall-preview" aria-hidden="true" inert>
        <WallGrid layout={layout} data={data} />
      </div>
    </div>
  );
}
