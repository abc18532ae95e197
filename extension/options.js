// Newsmark options page: reads and writes the options the content shell hands to the wasm
// (`set_options`) on each click. Same shape as src/options.rs: {kinds: [...], style}.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const DEFAULTS = { kinds: ['official'], style: 'fill' };
  const form = document.getElementById('options');
  const status = document.getElementById('status');

  function show(o) {
    for (const box of form.querySelectorAll('input[name=kinds]')) box.checked = o.kinds.includes(box.value);
    for (const radio of form.querySelectorAll('input[name=style]')) radio.checked = radio.value === o.style;
  }

  function read() {
    return {
      kinds: [...form.querySelectorAll('input[name=kinds]:checked')].map((b) => b.value),
      style: (form.querySelector('input[name=style]:checked') || {}).value || DEFAULTS.style,
    };
  }

  api.storage.sync.get('options').then((got) => show({ ...DEFAULTS, ...(got && got.options) }), () => show(DEFAULTS));
  form.addEventListener('change', () => {
    api.storage.sync.set({ options: read() }).then(
      () => { status.textContent = 'Saved. Applies the next time you open Newsmark on a page.'; },
      (e) => { status.textContent = 'Could not save: ' + String(e && e.message || e); });
  });
})();
