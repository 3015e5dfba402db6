/**
 * The labelled fields of the public forms, with their error messages, escaped by construction. A field
 * in error is marked for screen readers (aria-invalid, aria-describedby), and the form opens with a
 * summary of what to correct, each item linking to its field, focused when the page loads.
 */
import { html, type SafeHtml } from './page-layout.ts';

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

export function field(
  label: string,
  name: string,
  values: FormValues,
  errors: FormErrors,
  input: SafeHtml,
  hint = '',
  required = false,
): SafeHtml {
  return html`<div class="field${errors[name] ? ' has-error' : ''}">
    <label for="${name}"
      >${label}${required ? html`<span class="required" aria-hidden="true">（必填）</span>` : ''}</label
    >${input}${
      hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : ''
    }${errors[name] ? html`<p class="error" id="${name}-error">${errors[name]}</p>` : ''}
  </div>`;
}

function errorAttributes(name: string, errors: FormErrors): string {
  return errors[name] ? ` aria-invalid="true" aria-describedby="${name}-error"` : '';
}

export function text(name: string, values: FormValues, attributes = '', errors: FormErrors = {}): SafeHtml {
  return html`<input
    id="${name}"
    name="${name}"
    value="${values[name] ?? ''}"
    ${{
      __html: attributes + errorAttributes(name, errors),
    }}
  />`;
}

export function textarea(
  name: string,
  values: FormValues,
  attributes = '',
  errors: FormErrors = {},
): SafeHtml {
  return html`<textarea id="${name}" name="${name}" ${{ __html: attributes + errorAttributes(name, errors) }}>
${values[name] ?? ''}</textarea>`;
}

export function select(
  name: string,
  options: ReadonlyArray<readonly [string, string]>,
  values: FormValues,
  errors: FormErrors = {},
): SafeHtml {
  return html`<select id="${name}" name="${name}" ${{ __html: errorAttributes(name, errors) }}>
    ${options.map(([value, label]) => html`<option value="${value}" ${values[name] === value ? html` selected` : ''}>${label}</option>`)}
  </select>`;
}

/** What to correct, first on the page: each error links to its field; focused on load. */
export function errorSummary(
  errors: FormErrors,
  labels: Readonly<Record<string, string>>,
  heading: string,
): SafeHtml | '' {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div
    class="error-summary"
    role="alert"
    tabindex="-1"
    autofocus
    aria-labelledby="error-summary-title"
  >
    <h2 id="error-summary-title">${heading}</h2>
    <ul>
      ${entries.map(([name, message]) => html`<li><a href="#${name}">${labels[name] ?? name}：${message}</a></li>`)}
    </ul>
  </div>`;
}
