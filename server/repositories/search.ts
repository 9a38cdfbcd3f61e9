// Full-text search over the registry, computed at query time: the latest version of every
// workflow (its name, description, owner, trigger, and each step), the event types, and the
// action catalog passed in from memory. No index, no migration: at a company's scale (hundreds of
// workflows, thousands of steps) building the tsvectors per query costs a few milliseconds; an
// expression index or a generated column is the step up if that ever changes.
import { Prisma } from '../db/generated/client';
import { db } from '../db/client';

export interface SearchRow {
  kind: 'event-type' | 'workflow' | 'step' | 'action';
  name: string;
  title: string;
  snippet: string;
  rank: number;
}

export interface ActionText {
  id: string;
  title: string;
  description: string;
}

/**
 * Identifiers are split for matching too: the english parser reads `git.tag` or
 * `jenkins/build-finished` as one token, and people type "build finished".
 */
const ident = (expr: Prisma.Sql) => Prisma.sql`(${expr} || ' ' || translate(${expr}, '.:/_-', '     '))`;

export async function searchRegistry(input: { query: string; prefix: string; actions: ActionText[]; limit: number }): Promise<SearchRow[]> {
  const { query, prefix, actions, limit } = input;
  const name = Prisma.sql`l.name`;
  const stepId = Prisma.sql`(s->>'id')`;
  const action = Prisma.sql`(s->>'action')`;
  const source = Prisma.sql`t."sourceKey"`;
  const type = Prisma.sql`t.type`;
  const actionId = Prisma.sql`a.id`;
  return db().$queryRaw<SearchRow[]>`
    WITH q AS (
      SELECT CASE WHEN ${prefix} = '' THEN websearch_to_tsquery('english', ${query})
                  ELSE websearch_to_tsquery('english', ${query}) || to_tsquery('english', ${prefix}) END AS query
    ),
    latest AS (
      SELECT DISTINCT ON (v."workflowId") w.name, v.definition
      FROM "WorkflowVersion" v JOIN "Workflow" w ON w.id = v."workflowId"
      ORDER BY v."workflowId", v.version DESC
    ),
    docs AS (
      SELECT 'workflow' AS kind, l.name AS name, l.name AS title,
             coalesce(l.definition->>'description', '') AS body,
             setweight(to_tsvector('english', ${ident(name)}), 'A')
             || setweight(to_tsvector('english', coalesce(l.definition->>'description', '')), 'B')
             || setweight(to_tsvector('english', coalesce(l.definition->>'owner', '') || ' ' || (l.definition->'trigger'->>'source') || ' '
                  || translate(l.definition->'trigger'->>'type', '.:/_-', '     ')), 'C') AS doc
      FROM latest l
      UNION ALL
      SELECT 'step', l.name || '/' || ${stepId}, l.name || ' › ' || ${stepId},
             coalesce(nullif(s->>'description', ''), ${action}),
             setweight(to_tsvector('english', ${ident(stepId)}), 'A')
             || setweight(to_tsvector('english', coalesce(s->>'description', '')), 'A')
             || setweight(to_tsvector('english', ${ident(action)}), 'B')
             || setweight(to_tsvector('english', coalesce(s->'with', '{}'::jsonb)::text), 'D')
      FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l.definition->'steps') s
      UNION ALL
      SELECT 'event-type', t."sourceKey" || '/' || t.type, t."sourceKey" || ' / ' || t.type,
             t.description,
             setweight(to_tsvector('english', ${ident(source)} || ' ' || ${ident(type)}), 'A')
             || setweight(to_tsvector('english', t.description), 'B')
      FROM "EventType" t
      UNION ALL
      SELECT 'action', a.id, a.title, a.description,
             setweight(to_tsvector('english', ${ident(actionId)}), 'A')
             || setweight(to_tsvector('english', a.title), 'A')
             || setweight(to_tsvector('english', a.description), 'C')
      FROM jsonb_to_recordset(${JSON.stringify(actions)}::jsonb) AS a(id text, title text, description text)
    )
    SELECT d.kind, d.name, d.title,
           ts_headline('english', d.body, q.query, 'MaxFragments=1, MinWords=6, MaxWords=22, StartSel=«, StopSel=»') AS snippet,
           -- An exact id or name beats any number of mentions elsewhere ("git.tag" finds the action first).
           (ts_rank(d.doc, q.query) + CASE WHEN lower(d.name) = lower(${query}) THEN 1 ELSE 0 END)::float8 AS rank
    FROM docs d, q
    WHERE d.doc @@ q.query
    ORDER BY rank DESC, d.kind, d.name
    LIMIT ${limit}
  `;
}
