import { useState, type FormEvent } from 'react';
import { postForm } from './api.ts';

/** A form posted (multipart) to `path` on submit: the answer, the server's refusal, and whether it is under way. */
export function useFormPost<T>(path: string) {
  const [result, setResult] = useState<T>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError('');
    setBusy(true);
    const sent = await postForm<T>(path, event.currentTarget);
    setBusy(false);
    setResult(sent.ok ? sent.data : undefined);
    setError(sent.ok ? '' : sent.message);
  }
  return { result, error, busy, submit };
}
