/**
 * A list of strings as bytes: each one's UTF-8 length (4 bytes, little-endian), then its
 * UTF-8. Far quicker to write and read than JSON for long HTML, and always the same bytes.
 */

/**
 * The bytes of `strings`, encoded straight into one buffer: a rebuild's cache holds tens of
 * megabytes of HTML, and a buffer per string, copied into the whole, cost more than twice the
 * time and memory.
 */
export function encodeStrings(strings: readonly string[]): Buffer {
  let size = 0;
  for (const text of strings) size += 4 + Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const text of strings) {
    const length = bytes.write(text, at + 4, 'utf8');
    bytes.writeUInt32LE(length, at);
    at += 4 + length;
  }
  return bytes;
}

/** The strings `encodeStrings` made `bytes` from; throws when they were cut short. */
export function decodeStrings(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const strings: string[] = [];
  let at = 0;
  while (at < buffer.length) {
    const length = buffer.readUInt32LE(at);
    const end = at + 4 + length;
    if (end > buffer.length) throw new RangeError('a string runs past the end');
    strings.push(buffer.toString('utf8', at + 4, end));
    at = end;
  }
  return strings;
}
