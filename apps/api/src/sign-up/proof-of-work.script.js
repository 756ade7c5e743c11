/*
 * The sign-up form's proof of work: finds a number whose SHA-256, together with the form's
 * challenge, starts with the zero bits the server asks for (data-bits), using WebCrypto while the
 * person fills in the form. Sending waits until it is found and the form has been open for
 * data-min-ms. Without this script the server refuses the form with a message saying why.
 */
(() => {
  const form = document.getElementById('sign-up');
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  const challenge = form.elements.namedItem('challenge').value;
  const proof = form.elements.namedItem('proof');
  const bits = Number(form.dataset.bits);
  const earliest = Date.now() + Number(form.dataset.minMs);
  const status = document.getElementById('sign-up-status');
  const encoder = new TextEncoder();

  const startsWithZeroBits = (bytes) => {
    for (let bit = 0; bit < bits; bit += 1) {
      if ((bytes[bit >> 3] >> (7 - (bit & 7))) & 1) return false;
    }
    return true;
  };

  const solve = async () => {
    for (let nonce = 0; ; nonce += 1) {
      const digest = await window.crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`));
      if (startsWithZeroBits(new Uint8Array(digest))) return String(nonce);
    }
  };

  const solved = solve().then((nonce) => {
    proof.value = nonce;
  });
  let sending = false;
  form.addEventListener('submit', (event) => {
    if (proof.value && Date.now() >= earliest) return;
    event.preventDefault();
    if (sending) return;
    sending = true;
    if (status) status.textContent = status.dataset.working || '';
    const wait = new Promise((resolve) => setTimeout(resolve, Math.max(0, earliest - Date.now())));
    void Promise.all([solved, wait]).then(() => form.submit());
  });
})();
