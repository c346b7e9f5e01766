import express from 'express';
import { DemoAccountState } from './state';

const DAY_S = 86_400;
const RULE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const PREFIX = /^[\x21-\x7e]{0,256}$/;

/**
 * Admin routes that change the served account's R2 lifecycle rules, so a test can make a known
 * change between two reads (evidence drift): `POST /__demo/r2/buckets/:bucket/lifecycle/rules`
 * (body `{ "id": "archive-logs", "prefix": "logs/", "expireAfterDays": 30 }`) adds a rule that
 * deletes objects after that many days (`409` when the id is taken), and `DELETE
 * /__demo/r2/buckets/:bucket/lifecycle/rules/:id` removes one (`204`). `?jurisdiction=eu|fedramp`
 * names a bucket outside the default jurisdiction; `404` for an unknown bucket or rule, `400` for a
 * bad body.
 */
export function lifecycleAdminRouter(state: DemoAccountState): express.Router {
  const router = express.Router();
  const bucketOf = (req: express.Request) => {
    const jurisdiction =
      typeof req.query.jurisdiction === 'string'
        ? req.query.jurisdiction
        : 'default';
    return state.data.r2.buckets.find(
      b =>
        b.bucket.name === req.params.bucket &&
        (b.bucket.jurisdiction ?? 'default') === jurisdiction,
    );
  };
  const noBucket = (res: express.Response) =>
    res.status(404).json({ error: 'no such bucket in that jurisdiction' });

  router.post('/r2/buckets/:bucket/lifecycle/rules', (req, res) => {
    const { id, prefix = '', expireAfterDays } = req.body ?? {};
    if (
      typeof id !== 'string' ||
      !RULE_ID.test(id) ||
      typeof prefix !== 'string' ||
      !PREFIX.test(prefix) ||
      !Number.isInteger(expireAfterDays) ||
      expireAfterDays < 1
    ) {
      res.status(400).json({
        error:
          'body must be { "id": "<1-64 of A-Z a-z 0-9 . _ ->", "prefix": "<key prefix>", "expireAfterDays": <whole days, at least 1> }',
      });
      return;
    }
    const bucket = bucketOf(req);
    if (!bucket) {
      noBucket(res);
      return;
    }
    const rules = (bucket.lifecycle.rules ??= []);
    if (rules.some(r => r.id === id)) {
      res.status(409).json({ error: `the bucket already has a rule ${id}` });
      return;
    }
    const rule = {
      id,
      enabled: true,
      conditions: { prefix },
      deleteObjectsTransition: {
        condition: { type: 'Age' as const, maxAge: expireAfterDays * DAY_S },
      },
    };
    rules.push(rule);
    res.status(201).json({ rule });
  });

  router.delete('/r2/buckets/:bucket/lifecycle/rules/:id', (req, res) => {
    const bucket = bucketOf(req);
    if (!bucket) {
      noBucket(res);
      return;
    }
    const rules = bucket.lifecycle.rules ?? [];
    const at = rules.findIndex(r => r.id === req.params.id);
    if (at < 0) {
      res.status(404).json({ error: 'no such rule on that bucket' });
      return;
    }
    rules.splice(at, 1);
    res.status(204).end();
  });
  return router;
}
