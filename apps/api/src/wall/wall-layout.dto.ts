import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, Min } from 'class-validator';
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

  @ApiPropertyOptional({
    description:
      'The version the editor started from (0 for the built-in default). If another version was saved since, ' +
      'the answer is a 409 with the latest, and nothing is saved. Leave it out to save regardless.',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  baseVersion?: number;
}
