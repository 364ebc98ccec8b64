import { useState } from 'preact/hooks';
import { ApiError, stored } from './api.js';
import { Failure, html } from './html.js';

/** The operator token, asked once per tab; a 401 forgets it and asks again. */
export const useOperatorToken = () => {
  const [token, setToken] = useState<string | null>(() => stored.get('operator'));
  const [refused, setRefused] = useState<unknown>(null);
  const remember = (t: string | null): void => {
    stored.set('operator', t);
    setToken(t);
  };
  /** Handles a failed call: a refused token is dropped and the form comes back with the reason. */
  const onError = (e: unknown): void => {
    if (e instanceof ApiError && e.status === 401) {
      remember(null);
      setRefused(e);
    } else setRefused(e);
  };
  return { token, remember, refused, onError };
};

export const TokenForm = (props: { readonly onToken: (t: string) => void; readonly refused: unknown }) => {
  const submit = (e: Event): void => {
    e.preventDefault();
    const value = String(new FormData(e.target as HTMLFormElement).get('token') ?? '').trim();
    if (value !== '') props.onToken(value);
  };
  return html`<form class="login" id="operator-login" onSubmit=${submit}>
    <h2>Operator token</h2>
    <p class="meta">The server's <code>PLACEBO_OPERATOR_TOKEN</code>; it stays in this tab.</p>
    <label>Token <input name="token" type="password" autocomplete="off" required /></label>
    <button type="submit">Open</button>
    <${Failure} error=${props.refused} />
  </form>`;
};
