// next-auth's endpoints (/api/auth/csrf, /signin, /callback/*, /session, /signout). The options
// are built per request so env (providers, secret) is read at run time, not at build time.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth-options';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Ctx) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
