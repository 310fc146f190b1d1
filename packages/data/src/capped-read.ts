/**
 * Reads a byte stream whole, cancelling it and throwing `over(bytesRead)` as soon as more
 * than `limit` bytes have come; `onChunk` hears the running total. Other failures of the
 * stream pass through as they are.
 */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  over: (bytesRead: number) => Error,
  onChunk?: (bytesRead: number) => void,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let bytesRead = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytesRead += value.byteLength;
    if (bytesRead > limit) {
      await reader.cancel().catch(() => undefined);
      throw over(bytesRead);
    }
    chunks.push(value);
    onChunk?.(bytesRead);
  }
  return joinChunks(chunks, bytesRead);
}

/** The chunks as one array of `total` bytes. */
export function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === total) return chunks[0]!;
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}
