/** The programme screen's rules, after the console's: event cards, part slots, forms with hints. */
export const PROGRAMME_STYLE = `
  .events { list-style: none; padding: 0; margin: 0 0 2rem; display: grid; gap: 1rem; }
  .events > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.9rem 1rem; }
  .events h3 { margin: 0 0 0.25rem; font-size: 1.1rem; }
  .parts { margin: 0.5rem 0 0; padding-left: 1.2rem; }
  .badge { display: inline-block; font-size: 0.85rem; font-weight: 600; padding: 0 0.5rem; border-radius: 0.3rem; background: #fff4d6; color: #5c4300; border: 1px solid #b38600; }
  .badge.cancelled { background: #fbeeee; color: #8a1f1a; border-color: #a8322d; }
  .badge.missing { background: #eef2f8; color: #1d3f66; border-color: #5a7ca3; font-weight: 500; }
  fieldset { border: 1px solid #d8d8d2; border-radius: 0.4rem; margin: 0 0 1rem; padding: 0.75rem 1rem; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .button { display: inline-block; padding: 0.55rem 1rem; border-radius: 0.4rem; background: #1f5fa8; color: #fff; text-decoration: none; }
  .button.secondary { background: #fff; color: #1f5fa8; border: 2px solid #1f5fa8; padding: 0.4rem 0.9rem; }
  .button.danger { background: #a8322d; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0 0 1.5rem; padding: 0; list-style: none; }
  .slots { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 0.75rem; }
  .slots > li { border-left: 4px solid #1f5fa8; padding: 0.25rem 0 0.25rem 0.75rem; }
  .slot-time { font-weight: 600; margin: 0 0 0.25rem; }
  .slot-parts { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.4rem; }
  .slot-parts li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
  .slot-parts form { margin: 0; }
  .slot-parts button { min-height: 2.75rem; padding: 0.3rem 0.8rem; }
  .panel { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 1rem; margin: 0 0 1.5rem; }
  .panel h2 { margin-top: 0; }
  .field textarea { box-sizing: border-box; width: 100%; max-width: 40rem; padding: 0.55rem; border: 1px solid #6b6b6b; border-radius: 0.3rem; font: inherit; }
  .field-error { color: #8a1f1a; font-weight: 600; margin: 0 0 0.25rem; }
  [aria-invalid="true"] { border: 2px solid #a8322d !important; }
  .hint { color: #555; font-size: 0.9rem; margin: 0.25rem 0 0; max-width: 40rem; }
  .field.check { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.6rem; }
  .field.check input { width: 1.4rem; height: 1.4rem; margin: 0; }
  .field.check label { margin: 0; }
  .field.check .hint { flex-basis: 100%; max-width: none; }
  @media (min-width: 60rem) {
    .times { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; max-width: 58rem; }
    .events { grid-template-columns: 1fr 1fr; }
  }
`;
