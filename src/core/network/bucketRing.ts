/** Bucket width in metres of the Dial queues (distances stay exact floats; buckets only order the work). */
export const BUCKET_M = 1;

/**
 * The circular bucket array of a Dial queue whose queued keys always lie within [current, current
 * + span] metres: buckets BUCKET_M wide (wider when a huge edge would need more than 2^22 of them),
 * a power-of-two count of at least span / width + 3, so keys never alias. `inv` turns metres into
 * bucket numbers; `size - 1` is the mask.
 */
export function bucketRing(span: number): { inv: number; size: number } {
  let width = BUCKET_M;
  if (span / width > 1 << 22) width = span / (1 << 22);
  const inv = 1 / width;
  let size = 16;
  while (size < span * inv + 3) size *= 2;
  return { inv, size };
}
