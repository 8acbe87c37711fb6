// A MinHash signature as record data: base64 of its 32-bit values, little-endian, so the
// manifest (and the cache) can carry it and the same bytes come out on every platform.

export function encodeSignature(sig: Uint32Array): string {
  const bytes = Buffer.alloc(sig.length * 4);
  sig.forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
  return bytes.toString('base64');
}

/** The signature, or null when the text is not one of `length` values (a damaged or foreign manifest). */
export function decodeSignature(text: string, length: number): Uint32Array | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length * 4) return null;
  const sig = new Uint32Array(length);
  for (let i = 0; i < length; i += 1) sig[i] = bytes.readUInt32LE(i * 4);
  return sig;
}
