import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { lfLines } from './lf-lines';

async function collect(chunks: Array<string | Buffer>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of lfLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe('lfLines', () => {
  it('breaks at line feeds only: a bare CR stays inside its line, CRLF endings lose the CR', async () => {
    expect(await collect(['one\rstill one\r\ntwo\n', 'three'])).toEqual(['one\rstill one', 'two', 'three']);
  });

  it('keeps a character split across chunks whole', async () => {
    const bytes = Buffer.from('café\nñ\n');
    expect(await collect([bytes.subarray(0, 4), bytes.subarray(4)])).toEqual(['café', 'ñ']);
  });
});

describe('npm run score', () => {
  it('writes one output line per input line, whatever the characters inside it', () => {
    const input = 'battery died\rthen the screen went black\n\u2028odd separator\u2029 inside\r\nthird line\n';
    const run = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../score.ts')], {
      input,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('sentiment');
  });
});
