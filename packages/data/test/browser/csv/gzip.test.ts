import { expect, it } from 'vitest';
import { LoadError } from '@stratex/data';
import { gunzipWithin } from '../../../src/csv/gzip';

/** Text packed as one gzip member by the browser's own compressor. */
async function gzipped(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function joined(...parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

it('unpacks every member of a gzip file made of several (cat a.gz b.gz)', async () => {
  const file = joined(
    await gzipped('区域,目标值\n华东,150\n'),
    await gzipped('华南,80\n'),
    await gzipped('华北,60\n'),
  );
  expect(text(await gunzipWithin(file, 1024, 'targets.csv.gz'))).toBe(
    '区域,目标值\n华东,150\n华南,80\n华北,60\n',
  );
});

it('still refuses a member cut short, saying the archive is damaged', async () => {
  const whole = joined(await gzipped('a,b\n1,2\n'), await gzipped('3,4\n'));
  const error = await gunzipWithin(
    whole.subarray(0, whole.byteLength - 3),
    1024,
    'cut.csv.gz',
  ).catch((cause: unknown) => cause);
  expect(error).toBeInstanceOf(LoadError);
  expect((error as LoadError).code).toBe('gzipDamaged');
});

it('counts every member against the size limit', async () => {
  const member = await gzipped('x'.repeat(600));
  const error = await gunzipWithin(joined(member, member), 1000, 'big.csv.gz').catch(
    (cause: unknown) => cause,
  );
  expect((error as Error).message).toMatch(
    /^big\.csv\.gz is more than 1 KB, more than this browser can load as CSV/,
  );
});
