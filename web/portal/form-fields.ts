/** The labelled fields of the public forms, with their error messages, escaped by construction. */
import { html, type SafeHtml } from './page-layout.ts';

export type FormValues = Record<string, string>;

export function field(
  label: string,
  name: string,
  values: FormValues,
  errors: Record<string, string>,
  input: SafeHtml,
  hint = '',
): SafeHtml {
  return html`<div class="field${errors[name] ? ' has-error' : ''}">
    <label for="${name}">${label}</label>${input}${hint ? html`<p class="hint">${hint}</p>` : ''}${
      errors[name] ? html`<p class="error" id="${name}-error" role="alert">${errors[name]}</p>` : ''
    }
  </div>`;
}

export function text(name: string, values: FormValues, attributes = ''): SafeHtml {
  return html`<input id="${name}" name="${name}" value="${values[name] ?? ''}" ${{ __html: attributes }} />`;
}

export function select(
  name: string,
  options: ReadonlyArray<readonly [string, string]>,
  values: FormValues,
): SafeHtml {
  return html`<select id="${name}" name="${name}">
    ${options.map(([value, label]) => html`<option value="${value}" ${values[name] === value ? html` selected` : ''}>${label}</option>`)}
  </select>`;
}
