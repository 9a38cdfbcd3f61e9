import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { env } from '../env';

/** The run's working folder, created on demand; ids are cuids, so they are safe path segments. */
export async function runWorkspace(runId: string): Promise<string> {
  const dir = resolve(env().RAILYARD_WORKSPACE_DIR, runId);
  await mkdir(dir, { recursive: true });
  return dir;
}
