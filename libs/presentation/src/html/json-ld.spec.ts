import { jsonLdScript } from './json-ld';

describe(jsonLdScript.name, () => {
  it('should keep a title that closes the script element inside the JSON', () => {
    const title = 'Städtetag </script><script>alert(1)</script> & more';
    const element = jsonLdScript({ name: title }).value;

    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(element.endsWith('</script>')).toBe(true);
    const json = element.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    expect(JSON.parse(json)).toEqual({ name: title });
  });
});
