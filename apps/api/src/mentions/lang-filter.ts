import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { LANGUAGE_FILTER_CODES, MAX_LANGUAGE_FILTER } from '@lp/domain';

/**
 * `lang=es` or `lang=es,fr` (or `lang=es&lang=fr`): one or more ISO 639-1 codes, `und` for mentions
 * whose language is unknown. Codes are read case-blind; a bad one is a 400 naming `lang`.
 */
export function LangFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'Only mentions in these languages: ISO 639-1 codes, comma-separated; "und" for unknown.',
      type: String,
      example: 'es,fr',
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => toCodes(value)),
    IsArray({ message: 'lang must be one or more language codes, comma-separated' }),
    ArrayMinSize(1, { message: 'lang must name at least one language' }),
    ArrayMaxSize(MAX_LANGUAGE_FILTER, { message: `lang may name at most ${MAX_LANGUAGE_FILTER} languages` }),
    IsIn(LANGUAGE_FILTER_CODES, {
      each: true,
      message: 'each value in lang must be an ISO 639-1 code (two letters, like "es") or "und"',
    }),
  );
}

/** "es, FR" and ["es", "fr"] alike become ["es", "fr"], without repeats; anything else is left for the checks. */
function toCodes(value: unknown): unknown {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!parts || !parts.every((p) => typeof p === 'string')) return value;
  const codes = (parts as string[]).flatMap((p) => p.split(',')).map((p) => p.trim().toLowerCase());
  return [...new Set(codes)];
}
