import { type DataType, type Field, MessageReader, type Schema, Type } from 'apache-arrow';

const CONTINUATION = 0xffffffff;

/**
 * Joins Arrow IPC streams that share one schema into a single stream: the first schema,
 * every stream's batches, one end mark. Undefined when a stream is not laid out as expected
 * or the schema has dictionaries (a later stream's would replace the earlier ones) or types
 * this Arrow library cannot read (view types: the database reads them; they go as they are).
 */
export function joinArrowStreams(streams: readonly Uint8Array[]): Uint8Array | undefined {
  const [first] = streams;
  if (!first || hasDictionary(first)) return undefined;
  const bodies: Uint8Array[] = [];
  for (const [index, stream] of streams.entries()) {
    const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    if (stream.byteLength < 16 || view.getUint32(0, true) !== CONTINUATION) return undefined;
    const end = stream.byteLength - 8;
    if (view.getUint32(end, true) !== CONTINUATION || view.getInt32(end + 4, true) !== 0) {
      return undefined;
    }
    const schemaEnd = 8 + view.getInt32(4, true);
    if (schemaEnd > end) return undefined;
    bodies.push(stream.subarray(index === 0 ? 0 : schemaEnd, end));
  }
  const joined = new Uint8Array(bodies.reduce((sum, body) => sum + body.byteLength, 8));
  let offset = 0;
  for (const body of bodies) {
    joined.set(body, offset);
    offset += body.byteLength;
  }
  new DataView(joined.buffer).setUint32(offset, CONTINUATION, true);
  return joined;
}

function hasDictionary(stream: Uint8Array): boolean {
  const schema = readableSchema(stream);
  if (!schema) return true;
  const nested = (type: DataType): boolean =>
    type.typeId === Type.Dictionary ||
    (type.children ?? []).some((field: Field) => nested(field.type));
  return schema.fields.some((field) => nested(field.type));
}

/** The stream's schema; undefined when it is missing or has a type this library cannot read. */
export function readableSchema(stream: Uint8Array): Schema | undefined {
  try {
    return new MessageReader(stream).readSchema() ?? undefined;
  } catch {
    return undefined;
  }
}
