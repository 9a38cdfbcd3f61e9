// Roles and what they may do (issue 4). Each role includes everything the roles before it may
// do. Use-cases call `can(role, permission)` through server/auth/authorize.ts; the UI uses the same
// table only to hide what would be refused anyway.
export const ROLES = ['viewer', 'releaser', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  read: 'viewer', // events, runs, workflows, documentation, trains, audit
  'runs.cancel': 'releaser',
  'approvals.decide': 'releaser',
  'trains.start': 'releaser', // and derail
  'features.manage': 'releaser', // create features, mark them ready or open
  'pipelines.publish': 'editor',
  'workflows.publish': 'editor',
  'sources.manage': 'editor',
  'eventTypes.manage': 'editor',
  'events.replay': 'editor',
  'runs.rerun': 'editor', // re-run and resume re-execute side effects, like a replay
  'events.send': 'editor', // generic events sent with a personal token or from the Send page
  'subscriptions.team': 'editor', // subscriptions that post to a team channel; everyone manages their own
  'users.manage': 'admin',
  'tokens.manage': 'admin', // other people's tokens; everyone manages their own
  'secrets.manage': 'admin',
  'shell.publish': 'admin', // publishing a workflow that uses shell.run
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export const roleRank = (role: Role): number => ROLES.indexOf(role);

export const can = (role: Role, permission: Permission): boolean => roleRank(role) >= roleRank(PERMISSIONS[permission]);

/** The weaker of two roles: a token never grants more than its owner's current role. */
export const weaker = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
