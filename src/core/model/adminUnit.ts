type Props = Readonly<Record<string, unknown>> | null | undefined;

const text = (v: unknown): string | null => (v == null || String(v).trim() === '' ? null : String(v).trim());

/**
 * A community's 街道 / 乡镇 (`subdistrict`, from its own column or a unit layer) — the one reader
 * for the tables by 街道, target scopes, snapshots and the CLI's unit blocks. Null when not given.
 */
export function subdistrictOf(props: Props): string | null {
  return text(props?.subdistrict);
}

/** A community's 社区 / 村 (`neighborhood`), or null. */
export function neighborhoodOf(props: Props): string | null {
  return text(props?.neighborhood);
}
