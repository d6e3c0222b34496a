import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import type { WallLayout } from '@lp/domain';

export class PutWallLayoutDto {
  @ApiProperty({
    type: Object,
    description:
      'Grid size and panel placements: { columns, rows, panels: [{ id, column, row, width, height, options? }] }.',
    example: { columns: 2, rows: 1, panels: [{ id: 'stream', column: 1, row: 1, width: 1, height: 1 }] },
  })
  // Checked in depth by validateWallLayout (domain), which names every bad field.
  @IsDefined()
  layout!: WallLayout;
}
