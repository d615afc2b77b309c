import type { KeyValueStorage, WorkspaceMeta, readWorkspace } from './workspaceStorage';

/** Prefix of the records that keep an unreadable workspace aside; the autosave never deletes them. */
export const RECOVERY_PREFIX = 'recovery:';
/** Older recovery records beyond this many are dropped (newest kept). */
const KEEP = 3;

export type RecoveryReason = 'unreadable' | 'newer-version' | 'missing-layers' | 'invalid-rules';

/** Everything that was stored when the workspace could not be read whole, kept as it was. */
export interface RecoveryRecord {
  schema: 'lifecircle-recovery';
  /** ISO time it was kept aside */
  kept: string;
  reasons: RecoveryReason[];
  /** every stored entry (meta and layers) as read, key → value */
  entries: [string, unknown][];
}

type Restored = Awaited<ReturnType<typeof readWorkspace>>;

/** Why a stored workspace cannot be restored whole; empty when it can (or nothing is stored). */
export function recoveryReasons(rawMeta: unknown, restored: Restored): RecoveryReason[] {
  if (rawMeta === undefined) return [];
  if (!restored) {
    const v = (rawMeta as Partial<WorkspaceMeta> | null)?.version;
    return [typeof v === 'number' && v > 1 ? 'newer-version' : 'unreadable'];
  }
  const out: RecoveryReason[] = [];
  if (restored.workspace.missing.length) out.push('missing-layers');
  if (!restored.workspace.rules) out.push('invalid-rules');
  return out;
}

/**
 * Keeps what is stored aside before anything can overwrite it, when the workspace cannot be
 * restored whole (a newer build's format, a damaged layer, invalid rules): every entry is copied
 * into one `recovery:<time>` record in one atomic write. Returns that key, or null when there is
 * nothing to keep. Never deletes the entries themselves (the autosave replaces them later).
 */
export async function keepAside(storage: KeyValueStorage, reasons: RecoveryReason[], now = new Date()): Promise<string | null> {
  if (!reasons.length) return null;
  const keys = (await storage.keys()).filter((k) => !k.startsWith(RECOVERY_PREFIX));
  const entries: [string, unknown][] = [];
  for (const k of keys) entries.push([k, await storage.get(k)]);
  const key = `${RECOVERY_PREFIX}${now.toISOString()}`;
  const record: RecoveryRecord = { schema: 'lifecircle-recovery', kept: now.toISOString(), reasons, entries };
  await storage.setMany([[key, record]]);
  const older = (await storage.keys()).filter((k) => k.startsWith(RECOVERY_PREFIX)).sort().slice(0, -KEEP);
  if (older.length) await storage.delMany(older);
  return key;
}

/**
 * A recovery record as a project-like file: the layers it could read in the project format (with
 * the stored format version, so a newer build can open it), the stored rules and settings as they
 * were, and every raw entry under `recovery` for whatever could not be read.
 */
export function recoveryFileText(record: RecoveryRecord): string {
  const byKey = new Map(record.entries);
  const meta = byKey.get('meta') as Partial<WorkspaceMeta> | undefined;
  const layers = (Array.isArray(meta?.layers) ? meta.layers : [])
    .map((x) => byKey.get(x?.key) as { kind?: unknown; name?: unknown; source?: unknown; attribution?: unknown; fc?: { features?: unknown } } | undefined)
    .filter((l) => l && typeof l === 'object' && l.fc && Array.isArray(l.fc.features))
    .map((l) => ({ kind: l!.kind, name: l!.name, source: l!.source, ...(l!.attribution ? { attribution: l!.attribution } : {}), fc: l!.fc }));
  return JSON.stringify({
    schema: 'lifecircle-project',
    version: typeof meta?.version === 'number' ? meta.version : 1,
    saved: typeof meta?.saved === 'string' ? meta.saved : record.kept,
    layers,
    rules: meta?.rules ?? null,
    settings: meta?.settings ?? {},
    recovery: record,
  });
}
