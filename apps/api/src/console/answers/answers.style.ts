/** The answers screen's tables and forms, on top of the console's (a card per row on phones). */
export const ANSWERS_STYLE = `
  .crumb { margin: 0.75rem 0 0; }
  td.number, th.number { text-align: right; }
  .seats-list { margin: 0; padding-left: 1.1rem; }
  .counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0 1rem; padding: 0; }
  .counts div { display: flex; gap: 0.4rem; }
  .counts dt { font-weight: 600; }
  .counts dd { margin: 0; }
  .events { list-style: none; padding: 0; margin: 0 0 2rem; display: grid; gap: 1rem; }
  .events > li { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 0.9rem 1rem; }
  .events h2 { margin: 0 0 0.25rem; font-size: 1.1rem; }
  .panel { border: 1px solid #d8d8d2; border-radius: 0.5rem; padding: 1rem; margin: 0 0 1.25rem; max-width: 44rem; }
  .panel h2 { margin-top: 0; font-size: 1.15rem; }
  fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
  legend { font-weight: 600; margin-bottom: 0.4rem; }
  .choice { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.3rem 0; min-height: 2.75rem; }
  .choice input { width: 1.4rem; height: 1.4rem; margin: 0.1rem 0 0; flex: none; }
  .field-problem { color: #8a1f1a; font-weight: 600; margin: 0.25rem 0 0.5rem; }
  .registration-answers { margin: 0 0 1.5rem; max-width: 44rem; }
  .registration-answers dt { font-weight: 600; margin-top: 0.5rem; }
  .registration-answers dd { margin: 0.1rem 0 0; overflow-wrap: anywhere; }
  .answer-text { white-space: pre-line; }
  .failed { color: #8a1f1a; font-weight: 600; }
  .error-text { overflow-wrap: anywhere; }
  a.button { display: inline-block; padding: 0.6rem 1rem; border-radius: 0.4rem; background: #a8322d; color: #fff; text-decoration: none; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
  @media (min-width: 60rem) { .events { grid-template-columns: 1fr 1fr; } }
  @media (max-width: 40rem) {
    td.number { text-align: left; }
  }
`;
