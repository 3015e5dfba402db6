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
    try {
      const sent = await postForm<T>(path, event.currentTarget);
      setResult(sent.ok ? sent.data : undefined);
      setError(sent.ok ? '' : sent.message);
    } catch {
      // The server never answered (the network, or a server going down): nothing was read.
      setResult(undefined);
      setError('无法连接服务器，请稍后再试');
    } finally {
      setBusy(false);
    }
  }
  return { result, error, busy, submit };
}
