// What `npm start` prints once the web answers. Generated credentials appear on the first start
// only; afterwards the banner says where they are kept, or that the admin password was changed.
const line = '─'.repeat(64);

export function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** @param {{ url: string, host: string, secrets: any, report: any, adminEmail: string, demoPeople: boolean, env: any }} o */
export function banner({ url, host, secrets, report, adminEmail, demoPeople, env }) {
  const rel = '.railyard/local.json';
  const out = [`Railyard is running: ${url}`];
  if (!isLoopback(host)) {
    out.push(`Listening on ${host}: reachable from other machines.`);
    if (!env.NEXTAUTH_URL) out.push('Set NEXTAUTH_URL to the address people use (sign-in redirects there).');
  }
  const first = !secrets.shown;
  if (report && !report.adminPasswordCurrent) {
    out.push(`Sign in as: ${adminEmail} (its first password was changed since; ${rel} no longer holds it)`);
  } else if (env.RAILYARD_ADMIN_PASSWORD) {
    out.push(`Sign in as: ${adminEmail} (password from RAILYARD_ADMIN_PASSWORD)`);
  } else if (first) {
    out.push(`Sign in as: ${adminEmail} / ${secrets.adminPassword}`, `  (shown this once; kept in ${rel} as "adminPassword" until changed in Profile)`);
  } else {
    out.push(`Sign in as: ${adminEmail} (password in ${rel}, "adminPassword")`);
  }
  if (env.RAILYARD_ADMIN_TOKEN) out.push('Admin token: from RAILYARD_ADMIN_TOKEN');
  else out.push(first ? `Admin token: ${secrets.adminToken}  (shown this once; kept in ${rel})` : `Admin token: in ${rel}, "adminToken"`);
  out.push(demoPeople
    ? 'Demo people: viewer@, releaser@, editor@railyard.local (password railyard-demo)'
    : `Demo people: off${isLoopback(host) ? '' : ` while listening on ${host}`} (RAILYARD_DEMO_PEOPLE=true turns them on)`);
  out.push('Ctrl-C stops everything.');
  return `\n${line}\n${out.map((l) => `  ${l}`).join('\n')}\n${line}\n`;
}
