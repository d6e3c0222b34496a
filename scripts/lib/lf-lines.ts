import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a text stream, split at line feeds only (a CRLF ending loses its CR). Node's readline
 * also breaks at a bare carriage return, so one post holding a CR became two lines of output and
 * the output no longer lined up with the input.
 */
export async function* lfLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield withoutCr(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending !== '') yield withoutCr(pending);
}

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
