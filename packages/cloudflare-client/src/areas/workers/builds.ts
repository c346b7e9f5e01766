import { z } from 'zod';
import { ClientContext } from '../../context';
import { getEnvelope, seg } from '../../envelope';
import { Redaction, noteSecretFields } from '../../redaction';
import { cleanPullRequestUrl } from '../annotationProvenance';
import { AREA, BUILD_SECRET_PATHS, workersBuildSchema } from './schemas';
import { WorkersBuild } from './types';

/** One Workers Builds build, its secret fields noted (and counted) and dropped. */
function parseBuild(ctx: ClientContext, raw: unknown): WorkersBuild {
  const notes: Redaction[] = [];
  noteSecretFields(raw, BUILD_SECRET_PATHS, notes);
  const vars = (
    raw as { build_trigger_metadata?: { environment_variables?: unknown } }
  )?.build_trigger_metadata?.environment_variables;
  if (vars && typeof vars === 'object') {
    for (const k of Object.keys(vars)) {
      notes.push({
        path: `build_trigger_metadata.environment_variables.${ctx.redactor.pathName(
          k,
        )}`,
        reason: 'secret-field',
      });
    }
  }
  ctx.countRedactions(AREA, notes);
  const build = workersBuildSchema.parse(raw);
  if (build.pull_request)
    build.pull_request.pull_request_url = cleanPullRequestUrl(
      ctx,
      build.pull_request.pull_request_url,
    );
  return build;
}

/** Builds that produced the given versions (one call per 20 ids), keyed by version id. */
export async function readBuildsForVersions(
  ctx: ClientContext,
  versionIds: readonly string[],
): Promise<Record<string, WorkersBuild>> {
  const out: Record<string, WorkersBuild> = {};
  const ids = [...new Set(versionIds)];
  for (let i = 0; i < ids.length; i += 20) {
    const chunk = ids.slice(i, i + 20);
    const env = await getEnvelope(
      ctx,
      'workers.getBuildsForVersions',
      `/accounts/${seg(ctx.accountId)}/builds/builds`,
      { version_ids: chunk.join(',') },
    );
    const result = z
      .object({ builds: z.record(z.string(), z.unknown()).default({}) })
      .parse(env.result ?? {});
    for (const [versionId, raw] of Object.entries(result.builds)) {
      out[versionId] = parseBuild(ctx, raw);
    }
  }
  return out;
}

/** Every build of a script (by its `external_script_id`), newest first (pages of 100). */
export async function readBuilds(
  ctx: ClientContext,
  externalScriptId: string,
): Promise<WorkersBuild[]> {
  const out: WorkersBuild[] = [];
  for (let page = 1; page <= 1000; page++) {
    const env = await getEnvelope(
      ctx,
      'workers.listBuilds',
      `/accounts/${seg(ctx.accountId)}/builds/workers/${seg(
        externalScriptId,
      )}/builds`,
      { page, per_page: 100 },
    );
    const items = z.array(z.unknown()).parse(env.result ?? []);
    out.push(...items.map(b => parseBuild(ctx, b)));
    const totalPages = env.result_info?.total_pages ?? Infinity;
    if (items.length === 0 || page >= totalPages) break;
  }
  return out;
}
