/** The files stored under an API path (a document's attachments, a case's disclosed files): list, upload, remove. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiFailure, api, uploadForm } from './api.ts';

export function useStoredFiles<T>(path: string, key: string) {
  const [files, setFiles] = useState<T[]>([]);
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api<Record<string, T[]>>('GET', path).then(
      (r) => setFiles(r[key] ?? []),
      () => setError('文件加载失败'),
    );
  }, [path, key]);
  useEffect(load, [load]);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError('');
    const refused = await uploadForm(path, form);
    if (refused) return setError(refused);
    form.reset();
    load();
  }

  async function remove(id: string) {
    try {
      await api('DELETE', `${path}/${id}`);
      load();
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : '删除失败');
    }
  }

  return { files, error, upload, remove };
}
