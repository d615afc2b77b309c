/**
 * Receives a community's analysis attributes one by one, in their order. The attribute lists
 * (coverage, workbench, community result) are written once, against a sink, so the same list
 * fills an object (objectSink) or is written straight into JSON text (communityResultTexts).
 * The keys a list passes do not depend on the community, only the values do.
 */
export type AttributeSink = (key: string, value: number | boolean | null) => void;

/** A sink that sets each attribute on `out` (a key `out` already has keeps its place). */
export function objectSink(out: Record<string, unknown>): AttributeSink {
  return (key, value) => {
    out[key] = value;
  };
}
