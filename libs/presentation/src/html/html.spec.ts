import { escapeHtml, html, isWebLink, paragraphs, raw } from './html';

describe(html.name, () => {
  it('should escape interpolated text so that typed names cannot become markup', () => {
    const name = '<script>alert("x")</script> & \'Co\'';
    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;</p>',
    );
  });

  it('should keep nested templates, lists and explicitly raw fragments as markup, and leave out empty values', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>${null}${false}${raw('<hr>')}`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('should escape every special character', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('should only accept web links as clickable', () => {
    expect(isWebLink('https://meet.example.org/x')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('not a url')).toBe(false);
  });

  it('should keep the paragraphs and line breaks of a description, escaped', () => {
    expect(paragraphs('Mit "Workshops" & <b>\nAustausch.\n\n\nProgramm folgt.').value).toBe(
      '<p>Mit &quot;Workshops&quot; &amp; &lt;b&gt;<br />Austausch.</p><p>Programm folgt.</p>',
    );
  });
});
