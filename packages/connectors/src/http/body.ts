/** Bytes of an error body kept for classification and messages; the rest is discarded unread. */
export const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Reads at most `limit` bytes of a response body as UTF-8 text and cancels the rest (an error page can be
 * large; only its start is useful). A body that fails mid-way gives what arrived.
 *
 * @internal
 */
export async function readBodyText(response: Response, limit = ERROR_BODY_LIMIT): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // a reset while reading an error body: keep what arrived
  } finally {
    reader.cancel().catch(() => {});
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit));
}
