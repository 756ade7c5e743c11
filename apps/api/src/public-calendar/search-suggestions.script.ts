export const SUGGESTIONS_SCRIPT_PATH = '/calendar/suggestions.js';

/**
 * Fills the search field's datalist with the titles of the best matches while people type. The
 * page works without it: the browser shows the list natively (accessible, no framework), and the
 * form still searches on submit. Kept as text here, as it is the only script the API serves.
 */
export const SUGGESTIONS_SCRIPT = `(() => {
  const input = document.getElementById('q');
  const list = document.getElementById('q-suggestions');
  if (!input || !list || !window.fetch || !window.AbortController) return;
  let timer;
  let pending;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      list.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      if (pending) pending.abort();
      pending = new AbortController();
      try {
        const response = await fetch('/public/events/suggestions.json?q=' + encodeURIComponent(text), {
          signal: pending.signal,
          headers: { accept: 'application/json' },
        });
        if (!response.ok) return;
        const { suggestions } = await response.json();
        list.replaceChildren(
          ...suggestions.map((title) => {
            const option = document.createElement('option');
            option.value = title;
            return option;
          }),
        );
      } catch {
        // A suggestion that does not come is no loss: the form still searches on submit.
      }
    }, 150);
  });
})();
`;
