import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiToken } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { API_DOCS_URL, ApiError, type CreatedApiToken } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useCreateToken, useMyTokens, useRevokeToken } from './queries.ts';
import { describeLastUse, describeTokenStatus, isRevoked, orderTokensForList, parseTokenName, placeTokenErrors } from './token-form.ts';

/** "My API tokens": every signed-in person creates, lists and revokes their own. */
export function MyTokensPanel() {
  const tokens = useMyTokens();
  // The secret exists in this state only: the API never sends it again.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <div className="panel__header">
        <h2 id="tokens-heading">My API tokens</h2>
        <p className="muted">
          For scripts and the systems where figures live (CRM, HR, recruiting). Send a token as{' '}
          <code>Authorization: Bearer …</code>; it acts as you, with your role. See the{' '}
          <a href={API_DOCS_URL} target="_blank" rel="noreferrer">
            API docs
          </a>
          .
        </p>
      </div>
      <div className="stack">
        {created ? <NewTokenReveal token={created} onDone={() => setCreated(null)} /> : <CreateTokenForm onCreated={setCreated} />}
        {tokens.isPending ? (
          <LoadingState label="Loading your tokens…" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <EmptyState title="You have no API tokens yet">
            <p>Create one above when a script or another system needs to reach the API as you.</p>
          </EmptyState>
        ) : (
          <TokensTable tokens={orderTokensForList(tokens.data)} />
        )}
      </div>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [inputErrors, setInputErrors] = useState<string[]>([]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseTokenName(name);
    if (!parsed.ok) {
      create.reset();
      setInputErrors(parsed.errors);
      document.getElementById('token-name')?.focus();
      return;
    }
    setInputErrors([]);
    create.mutate(parsed.name, { onSuccess: onCreated });
  }

  const placed = create.error instanceof ApiError ? placeTokenErrors(create.error.fieldErrors) : { name: [], general: [] };
  const errors = inputErrors.length > 0 ? inputErrors : placed.name;

  return (
    <form className="token-form" onSubmit={handleSubmit} noValidate aria-busy={create.isPending}>
      <Field
        id="token-name"
        label="New token’s name"
        hint="Name it after what will use it, so you know which one to revoke later."
        errors={errors}
      >
        <div className="token-form__row">
          <input
            id="token-name"
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            {...describeInput('token-name', errors)}
            onChange={(event) => {
              setName(event.target.value);
              setInputErrors([]);
              create.reset();
            }}
          />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </button>
        </div>
      </Field>
      {create.isError && (
        <FormRefusal error={create.error} general={placed.general} besideWhat="name" action="The token was not created" />
      )}
    </form>
  );
}

type CopyOutcome = 'copied' | 'failed' | null;

/** The new token's secret, once: with a copy button, and said plainly that it will not be shown again. */
function NewTokenReveal({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = useState<CopyOutcome>(null);
  const secretRef = useRef<HTMLInputElement>(null);

  // Straight to the secret, selected, so it can be copied even where the clipboard is refused.
  useEffect(() => {
    secretRef.current?.focus();
    secretRef.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('copied');
    } catch {
      secretRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="notice notice--success token-reveal" role="status">
      <p>
        <span className="notice__title">Token “{token.name}” created.</span> Copy it now and keep it somewhere safe:{' '}
        <strong>you will not see it again</strong>. If it is lost, revoke it and create another.
      </p>
      <div className="token-reveal__secret">
        <input
          ref={secretRef}
          type="text"
          readOnly
          value={token.token}
          aria-label={`The new token “${token.name}”`}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' && <p className="small">The browser would not copy it: the token is selected, press Ctrl+C (⌘C).</p>}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState<string | null>(null);

  function confirmRevoke(token: ApiToken) {
    revoke.mutate(token.id, { onSuccess: () => setConfirming(null) });
  }

  return (
    <div className="table-scroll">
      <table className="table tokens-table">
        <caption className="visually-hidden">Your API tokens, working ones first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <Fragment key={token.id}>
              <tr data-token-id={token.id} data-token-name={token.name} className={isRevoked(token) ? 'is-revoked' : undefined}>
                <th scope="row">{token.name}</th>
                <td>{formatDateTime(token.createdAt)}</td>
                <td>{describeLastUse(token)}</td>
                <td>{describeTokenStatus(token)}</td>
                <td>
                  {!isRevoked(token) && confirming !== token.id && (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Revoke “${token.name}”`}
                      onClick={() => {
                        revoke.reset();
                        setConfirming(token.id);
                      }}
                    >
                      Revoke…
                    </button>
                  )}
                </td>
              </tr>
              {confirming === token.id && (
                <tr className="confirm-row">
                  <td colSpan={5}>
                    <div className="confirm" role="group" aria-label={`Revoke “${token.name}”?`}>
                      <p>
                        Revoke <strong>{token.name}</strong>? Anything still using it is refused from this moment on. This
                        cannot be undone.
                      </p>
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button--primary button--small"
                          disabled={revoke.isPending}
                          onClick={() => confirmRevoke(token)}
                        >
                          {revoke.isPending ? 'Revoking…' : 'Revoke token'}
                        </button>
                        <button type="button" className="button button--small" disabled={revoke.isPending} onClick={() => setConfirming(null)}>
                          Keep it
                        </button>
                      </div>
                      {revoke.isError && <ProblemNotice error={revoke.error} action="The token was not revoked" />}
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
