// A real SMTP server for the e2e run (Playwright starts it as a webServer, beside web and
// worker): the worker's SMTP_URL points here, and every message it receives is kept in memory
// and served as JSON over a tiny HTTP endpoint the specs poll (e2e/support/mailbox.ts).
//   GET /messages → [{from, to, raw}]     DELETE /messages → forget them
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3125);
const httpPort = Number(process.env.E2E_SMTP_HTTP_PORT ?? 3126);
const mails = [];

const smtp = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'], // plain text: the client must not try to upgrade to a self-signed certificate
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const env = session.envelope;
      mails.push({ from: env.mailFrom ? env.mailFrom.address : '', to: env.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});

const web = http.createServer((req, res) => {
  if (req.url !== '/messages') return res.writeHead(404).end();
  if (req.method === 'DELETE') mails.length = 0;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mails));
});

smtp.listen(smtpPort, '127.0.0.1', () => web.listen(httpPort, '127.0.0.1', () => console.log(`[smtp-capture] smtp://127.0.0.1:${smtpPort}, messages at http://127.0.0.1:${httpPort}/messages`)));
const stop = () => smtp.close(() => web.close(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
