import type { Metadata } from 'next';
import { externalProviders } from '@/lib/auth-options';
import { safeCallbackUrl } from '@/lib/auth-client';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth sends failed OAuth sign-ins back here with ?error=<code>.
const OAUTH_ERRORS: Record<string, string> = {
  AccessDenied: 'That account may not sign in here (disabled, or no email address shared by the provider).',
  OAuthSignin: 'Could not reach the sign-in provider. Try again.',
  OAuthCallback: 'The sign-in provider answered with an error. Try again.',
  CredentialsSignin: 'Wrong email or password, or the account is disabled.',
  SessionRequired: 'Sign in to continue.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const error = one(sp.error);
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center bg-bg px-4 py-10">
      <SignInForm
        callbackUrl={safeCallbackUrl(one(sp.callbackUrl))}
        providers={externalProviders()}
        initialError={error ? (OAUTH_ERRORS[error] ?? 'Could not sign in. Try again.') : null}
      />
    </main>
  );
}
