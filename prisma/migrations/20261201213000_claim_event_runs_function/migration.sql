-- The event path's run creation in one call (server/repositories/run-insert.ts, issue 11): the
-- wait key's shared lock, then ONE statement that probes for waiters and, only when there are
-- none, claims the event and inserts its runs and steps. Two statements, because the probe must
-- see every waiter committed before the lock was granted: a VOLATILE function takes a fresh
-- snapshot for each statement it runs (READ COMMITTED), as the separate statements of the simple
-- query this replaces did. Called as one prepared statement in its own implicit transaction, so
-- the lock is held to the commit; the statements inside are planned once per connection, where
-- the simple query's literals were parsed and planned at every event.
-- force_generic_plan: the arrays' lengths change a custom plan's estimates, so Postgres would keep
-- re-planning custom ones; the generic plans are the same index look-ups and inserts.
CREATE FUNCTION "ry_claim_event_runs"(
  p_lock_space int, p_wait_key text, p_event text, p_source text, p_type text, p_at timestamp(3),
  p_run_ids text[], p_run_versions text[], p_run_statuses text[],
  p_step_ids text[], p_step_runs text[], p_step_keys text[], p_step_actions text[], p_step_statuses text[],
  p_step_attempts int[], p_step_untils timestamp(3)[], p_step_owners text[], p_leased text[],
  OUT o_waiting boolean, OUT o_claimed int, OUT o_runs json, OUT o_steps json, OUT o_grants json)
LANGUAGE plpgsql VOLATILE
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(p_lock_space, hashtext(p_wait_key));
  WITH waiting AS (
    -- The conditions of resolveWaitsInTx's query (server/runs/wait-events.ts).
    SELECT EXISTS (SELECT 1 FROM "StepRun" WHERE status = 'waiting' AND "waitFor"->>'kind' = 'event'
      AND "waitFor"->>'source' = p_source AND "waitFor"->>'type' = p_type AND NOT ("waitFor" ? 'resolution')) AS w),
  claim AS (
    UPDATE "Event" SET "processedAt" = p_at WHERE id = p_event AND "processedAt" IS NULL AND NOT (SELECT w FROM waiting) RETURNING id),
  new_runs AS (
    INSERT INTO "Run" (id, "workflowVersionId", "eventId", status, reason, vars, "createdAt", "startedAt")
    SELECT r.id, r.version, p_event, r.status, 'event', '{}'::jsonb, p_at, CASE WHEN r.status = 'running' THEN p_at END
      FROM unnest(p_run_ids, p_run_versions, p_run_statuses) WITH ORDINALITY AS r(id, version, status, n)
     WHERE EXISTS (SELECT 1 FROM claim) ORDER BY r.n
    RETURNING *),
  new_steps AS (
    INSERT INTO "StepRun" (id, "runId", "stepId", action, status, attempt, logs, "queuedAt", "finishedAt", "startedAt", "leaseUntil", "leaseOwner")
    SELECT s.id, s.run, s.step, s.action, s.status, s.attempt, '[]'::jsonb,
           CASE WHEN s.status IN ('queued', 'running') THEN p_at END, CASE WHEN s.status = 'skipped' THEN p_at END,
           CASE WHEN s.status = 'running' THEN p_at END, s.until, s.owner
      FROM unnest(p_step_ids, p_step_runs, p_step_keys, p_step_actions, p_step_statuses, p_step_attempts, p_step_untils, p_step_owners)
        AS s(id, run, step, action, status, attempt, until, owner)
     WHERE EXISTS (SELECT 1 FROM claim)
    RETURNING *),
  grants AS (
    SELECT v.id AS "versionId", w.name, w."shellAllowed", w."secretGrants", v."publisherRole"
      FROM "WorkflowVersion" v JOIN "Workflow" w ON w.id = v."workflowId"
     WHERE v.id = ANY(p_leased) AND EXISTS (SELECT 1 FROM claim))
  SELECT (SELECT w FROM waiting), (SELECT count(*) FROM claim)::int,
    (SELECT json_agg(new_runs ORDER BY new_runs.number) FROM new_runs), (SELECT json_agg(new_steps) FROM new_steps),
    (SELECT json_agg(grants) FROM grants)
  INTO o_waiting, o_claimed, o_runs, o_steps, o_grants;
END
$$;
