import { useId, useState, type FormEvent } from 'react';
import { loginSchema } from '@autonomy/contracts';
import { ApiError } from '../../lib/api.ts';
import { navigate, safeReturnPath, useLocation } from '../../router.tsx';
import { landingPathAfterSignIn } from '../my-areas/landing.ts';
import { useSignIn } from './queries.ts';

export function SignInPage() {
  const { searchParams } = useLocation();
  const returnPath = safeReturnPath(searchParams.get('next'));
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const errorId = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // The same schema the API validates with, so the form and the server never disagree.
    const credentials = loginSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!credentials.success) {
      setFormError('Enter your email address and password.');
      return;
    }
    setFormError(null);
    signIn.mutate(credentials.data, { onSuccess: (user) => navigate(landingPathAfterSignIn(returnPath, user), { replace: true }) });
  }

  const message = formError ?? (signIn.error ? signInErrorMessage(signIn.error) : null);

  return (
    <main className="sign-in">
      <div className="sign-in__panel">
        <p className="sign-in__product">Autonomy dashboard</p>
        <h1 className="sign-in__title">Sign in</h1>
        <p className="muted">Area health, ownership and drift across the portfolio.</p>
        <form className="form" onSubmit={handleSubmit} noValidate aria-describedby={message ? errorId : undefined}>
          <label className="field">
            <span className="field__label">Email</span>
            <input name="email" type="email" autoComplete="username" required autoFocus />
          </label>
          <label className="field">
            <span className="field__label">Password</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          {message && (
            <p id={errorId} className="notice notice--error" role="alert">
              {message}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}

function signInErrorMessage(error: Error): string {
  if (error instanceof ApiError && error.status === 401) {
    return 'That email and password do not match an account. Check them and try again.';
  }
  if (error instanceof ApiError) return error.problem.detail || error.problem.title;
  return 'Something went wrong. Try again.';
}
