'use client';

// Email + password, plus one button per configured provider (GitHub, GitLab, OIDC). On success the
// browser loads the page it came from (a full load, so every cache starts with the new identity).
import { LogIn } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { fetchCsrfToken, signInWithPassword } from '@/lib/auth-client';
import { BrandIcon } from '@/components/layout/nav-links';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';

type Props = { callbackUrl: string; providers: { id: string; name: string }[]; initialError: string | null };

export function SignInForm({ callbackUrl, providers, initialError }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await signInWithPassword(email.trim(), password, callbackUrl);
      if (!res.error) return window.location.assign(callbackUrl);
      setError(res.error);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
    setBusy(false);
  };

  return (
    <div className="w-full max-w-sm rounded-xl border border-border bg-surface p-6 shadow-sm">
      <div className="mb-6 flex items-center gap-2">
        <span className="flex size-8 items-center justify-center rounded-md bg-accent text-accent-fg">
          <BrandIcon aria-hidden className="size-4" />
        </span>
        <div>
          <h1 className="text-base font-semibold tracking-tight">Sign in to Railyard</h1>
          <p className="text-xs text-muted">Self-hosted delivery control</p>
        </div>
      </div>
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid="signin-form">
        <Field label="Email">
          {(ids) => (
            <Input {...ids} name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} data-testid="signin-email" />
          )}
        </Field>
        <Field label="Password">
          {(ids) => (
            <Input {...ids} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="signin-password" />
          )}
        </Field>
        {error && (
          <p role="alert" className="rounded-md border tone-red px-2.5 py-2 text-sm" data-testid="signin-error">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={busy} className="justify-center" data-testid="signin-submit">
          <LogIn aria-hidden /> {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {providers.length > 0 && <ProviderButtons providers={providers} callbackUrl={callbackUrl} />}
    </div>
  );
}

/** next-auth starts an OAuth flow on a form POST carrying its CSRF token. */
function ProviderButtons({ providers, callbackUrl }: { providers: Props['providers']; callbackUrl: string }) {
  const [csrf, setCsrf] = useState('');
  useEffect(() => {
    fetchCsrfToken().then(setCsrf, () => setCsrf(''));
  }, []);
  return (
    <div className="mt-5 flex flex-col gap-2 border-t border-border pt-5">
      {providers.map((p) => (
        <form key={p.id} method="post" action={`/api/auth/signin/${p.id}`}>
          <input type="hidden" name="csrfToken" value={csrf} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" disabled={!csrf} className="w-full justify-center" data-testid={`signin-provider-${p.id}`}>
            Continue with {p.name}
          </Button>
        </form>
      ))}
    </div>
  );
}
