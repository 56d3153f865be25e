import { type ImportResult, importPapers } from './api.js';
import { escapeHtml } from './html.js';

/**
 * The API key lives in this tab's sessionStorage only: gone when the tab closes, never in
 * localStorage, a cookie or the URL, and never logged.
 */
const KEY_SLOT = 'paper-graph:api-key';

/** The format importPapers is told, from the file name; .json is left to the server to detect (CSL-JSON or OpenAlex). */
export function formatOf(fileName: string): string | null | undefined {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'md' || ext === 'markdown') return 'MD';
  if (ext === 'bib') return 'BIB';
  if (ext === 'jsonl') return 'OPENALEX';
  if (ext === 'json') return null;
  return undefined;
}

function summary(r: ImportResult): string {
  const verb = r.dryRun ? 'would create' : 'created';
  const parts = [
    `${r.entriesRead} entr${r.entriesRead === 1 ? 'y' : 'ies'} read`,
    `${verb} ${r.papersCreated} paper${r.papersCreated === 1 ? '' : 's'}`,
    `${r.dryRun ? 'would update' : 'updated'} ${r.papersUpdated}`,
    `${r.authorsCreated} new author${r.authorsCreated === 1 ? '' : 's'}`,
    ...(r.skipped ? [`${r.skipped} skipped`] : []),
  ];
  const warnings = r.warnings.length
    ? `<ul class="import-warnings">${r.warnings
        .slice(0, 5)
        .map((w) => `<li>line ${w.line}: ${escapeHtml(w.message)}</li>`)
        .join('')}</ul>`
    : '';
  return `<p id="import-summary" data-dry-run="${r.dryRun}">${escapeHtml(r.list)}: ${escapeHtml(parts.join(', '))}.</p>${warnings}`;
}

/**
 * Import from the browser: a file dropped on the page (or chosen with the file input) is sent to
 * importPapers as a dry run first; its summary waits for "Import" (or "Cancel"). The new papers
 * are drawn by the live subscription, whose event names them.
 */
export function wireImport(els: {
  key: HTMLInputElement;
  file: HTMLInputElement;
  preview: HTMLElement;
  status(text: string): void;
}): void {
  els.key.value = sessionStorage.getItem(KEY_SLOT) ?? '';
  els.key.addEventListener('change', () => {
    if (els.key.value) sessionStorage.setItem(KEY_SLOT, els.key.value);
    else sessionStorage.removeItem(KEY_SLOT);
  });
  els.file.addEventListener('change', () => {
    const f = els.file.files?.[0];
    if (f) void dryRun(f);
  });
  document.addEventListener('dragover', (ev) => {
    if (!ev.dataTransfer?.types.includes('Files')) return;
    ev.preventDefault();
    document.body.classList.add('dropping');
  });
  document.addEventListener('dragleave', (ev) => {
    if (ev.relatedTarget === null) document.body.classList.remove('dropping');
  });
  document.addEventListener('drop', (ev) => {
    const f = ev.dataTransfer?.files[0];
    if (!f) return;
    ev.preventDefault();
    document.body.classList.remove('dropping');
    void dryRun(f);
  });

  async function dryRun(file: File) {
    const format = formatOf(file.name);
    if (format === undefined) {
      els.status(`${file.name}: not a .md, .bib, .json or .jsonl file.`);
      return;
    }
    const key = els.key.value || sessionStorage.getItem(KEY_SLOT) || '';
    if (!key) {
      els.preview.innerHTML = `<p>Enter the API key above, then drop ${escapeHtml(file.name)} again.</p>`;
      els.key.focus();
      return;
    }
    sessionStorage.setItem(KEY_SLOT, key);
    const input = { content: await file.text(), format, source: file.name, dryRun: true };
    els.status(`Checking ${file.name} (dry run)…`);
    try {
      const r = await importPapers(input, key);
      els.preview.innerHTML = `${summary(r)}<p><button type="button" id="import-go">Import</button>
        <button type="button" id="import-cancel">Cancel</button></p>`;
      els.status(`Dry run of ${file.name}: nothing written yet.`);
      els.preview
        .querySelector<HTMLButtonElement>('#import-go')
        ?.addEventListener('click', () => void run(input, key));
      els.preview.querySelector('#import-cancel')?.addEventListener('click', () => {
        els.preview.innerHTML = '';
        els.status('Import cancelled.');
      });
      els.preview.querySelector<HTMLButtonElement>('#import-go')?.focus();
    } catch (err) {
      els.preview.innerHTML = `<p class="import-error">${escapeHtml((err as Error).message)}</p>`;
      els.status(`${file.name} was not imported.`);
    }
  }

  async function run(input: { content: string; format: string | null; source: string }, key: string) {
    els.status(`Importing ${input.source}…`);
    try {
      const r = await importPapers({ ...input, dryRun: false }, key);
      els.preview.innerHTML = summary(r);
      els.status(`Imported ${input.source}: ${r.papersCreated} new papers; drawing them…`);
    } catch (err) {
      els.preview.innerHTML = `<p class="import-error">${escapeHtml((err as Error).message)}</p>`;
    }
  }
}
