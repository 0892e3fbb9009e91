/** Framed chunks, by the bytes they frame (the frames of a space's tail, shared by all of its streams). */
const framed = new WeakMap<Uint8Array, Buffer>();
const CRLF = Buffer.from('\r\n');

/**
 * `bytes` as one HTTP/1.1 chunk (`<hex length>\r\n<bytes>\r\n`), built once per frame however
 * many responses it is written to: written as is to a socket, it costs one buffer where Node's
 * chunked encoder adds three small ones and its bookkeeping to every write.
 */
export function httpChunk(bytes: Uint8Array): Buffer {
  let chunk = framed.get(bytes);
  if (!chunk) framed.set(bytes, (chunk = Buffer.concat([Buffer.from(`${bytes.byteLength.toString(16)}\r\n`), bytes, CRLF])));
  return chunk;
}
